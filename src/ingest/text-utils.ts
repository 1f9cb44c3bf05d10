/** Character classes and small text tests shared by the ingest steps. */

/** CJK ideographs (BMP blocks; supplementary planes come as surrogate pairs and count as CJK too). */
export function isCjk(c: string): boolean {
  return isCjkCode(c.charCodeAt(0));
}

function isCjkCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd800 && code <= 0xdbff) ||
    code === 0x3007 // 〇
  );
}

export function isDigit(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
}

export function isLatin(c: string): boolean {
  return /[A-Za-z]/.test(c);
}

/** Full-width punctuation (CJK symbols, full-width forms) and the ellipsis / quotes. */
export function isCjkPunct(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xff65) || '“”‘’…—·'.includes(c);
}

/** Per UTF-16 code unit: its display width (2 for the wide units of displayWidth, else 1). */
const WIDTH = new Uint8Array(0x10000).fill(1);
for (const [from, to] of [
  [0x4e00, 0x9fff], [0x3400, 0x4dbf], [0xf900, 0xfaff], [0x3000, 0x303f], // CJK ideographs, CJK symbols (〇 among them)
  [0xd800, 0xdbff], // high surrogates: a supplementary-plane character (as CJK), or a lone one
  [0xff00, 0xff65], [0xac00, 0xd7a3], // full-width forms, Hangul
  [0x201c, 0x201d], [0x2018, 0x2019], [0x2026, 0x2026], [0x2014, 0x2014], // “” ‘’ … —
])
  WIDTH.fill(2, from, to + 1);

/**
 * Display width of a line (or of s[from, to)): wide (CJK, full-width, Hangul) characters count 2,
 * others 1. A supplementary-plane character counts 2 (as CJK), and so does a lone high surrogate.
 */
export function displayWidth(s: string, from = 0, to = s.length): number {
  let w = 0;
  let afterHigh = false;
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    // a low surrogate after a high one ends a pair, counted 2 with the high one (every operation
    // here runs on every unit: a branch first taken after optimisation deoptimised the readers)
    const low = (code & 0xfc00) === 0xdc00;
    w += low && afterHigh ? 0 : WIDTH[code];
    afterHigh = (code & 0xfc00) === 0xd800;
  }
  return w;
}

/**
 * Per UTF-16 code unit: the characters /\s/ matches (ECMAScript white space and line terminators:
 * none above U+3000 but U+FEFF), sentence terminals 。！？!?…；; and closers ”’」』）)】》"'.
 */
const WHITE_SPACE = 1;
const TERMINAL = 2;
const CLOSER = 4;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c <= 0x3000; c++) if (/\s/.test(String.fromCharCode(c))) CHAR_CLASS[c] = WHITE_SPACE;
CHAR_CLASS[0xfeff] = WHITE_SPACE;
for (const ch of '。！？!?…；;') CHAR_CLASS[ch.charCodeAt(0)] |= TERMINAL;
for (const ch of '”’」』）)】》"\'') CHAR_CLASS[ch.charCodeAt(0)] |= CLOSER;

/** Does the text end a sentence: 。！？!?…； possibly followed by closing quotes or brackets (and white space). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === WHITE_SPACE) i--;
  while (i >= 0 && (CHAR_CLASS[text.charCodeAt(i)] & CLOSER) !== 0) i--;
  return i >= 0 && (CHAR_CLASS[text.charCodeAt(i)] & TERMINAL) !== 0;
}

/** Ends with a full stop proper (。；…), not an exclamation or question mark (headlines may end with those). */
export function endsWithStop(text: string): boolean {
  const t = text.replace(/[\s”’」』）)】》"']+$/u, '');
  return /[。；;…]$/.test(t) || /[^.]\.$/.test(t);
}

const NON_LETTER = /^[\s\p{P}\p{S}]$/u;
/** Per BMP code unit, filled as met: 0 not yet tested, 1 letter, 2 matches NON_LETTER. */
const nonLetterTable = new Uint8Array(0x10000);

function isNonLetterUnit(c: number): boolean {
  let v = nonLetterTable[c];
  if (v === 0) v = nonLetterTable[c] = NON_LETTER.test(String.fromCharCode(c)) ? 2 : 1;
  return v === 2;
}

/**
 * The UTF-16 code units of lettersOnly(s): NFKC, then every character matching [\s\p{P}\p{S}]
 * dropped (a table lookup per code unit; supplementary-plane characters, e.g. emoji, tested whole).
 */
export function letterCodes(s: string): Uint16Array {
  const t = s.normalize('NFKC');
  const out = new Uint16Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (!NON_LETTER.test(t.slice(i, i + 2))) (out[n++] = c), (out[n++] = t.charCodeAt(i + 1));
      i++;
    } else if (!isNonLetterUnit(c)) out[n++] = c;
  }
  return out.subarray(0, n);
}

/** Text with white space and punctuation removed: the letters headline matching compares. */
export function lettersOnly(s: string): string {
  const codes = letterCodes(s);
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}
