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

/** Is the text empty or white space only (s.trim() === '', without making the trimmed string)? */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (CHAR_CLASS[s.charCodeAt(i)] !== WHITE_SPACE) return false;
  return true;
}

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
 * Where NFKC works one character at a time. Inputs: ASCII, general punctuation, CJK symbols,
 * ideographs, compatibility ideographs, vertical and full-width forms. A character is taken only if
 * NFKC makes it characters of OUTPUT_RANGES, and no character there has a non-zero combining class or
 * composes with the one before it (the combining ones, U+302A-302F, U+3099-309A, are left out): for a
 * string of such characters NFKC reorders and composes nothing, and is the concatenation of each
 * character's NFKC. (Halfwidth katakana and Hangul are left out: their jamo and voicing marks compose.)
 */
const CONTEXT_FREE_INPUTS: Array<[number, number]> = [
  [0x09, 0x0d], [0x20, 0x7e], [0xa0, 0xa0], [0x2000, 0x205e], [0x3000, 0x3029], [0x3030, 0x303f],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff01, 0xff60],
];
const OUTPUT_RANGES: Array<[number, number]> = [
  [0x09, 0x0d], [0x20, 0x7e], [0x2000, 0x205e], [0x2985, 0x2986], [0x3000, 0x3029], [0x3030, 0x303f],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff],
];
/** Letter table values besides a code unit: not classified yet, dropped (NFKC gives only white space and punctuation), or not context-free. */
const LETTER_UNKNOWN = 0xfffd;
export const LETTER_DROP = 0xfffe;
export const LETTER_SLOW = 0xffff;
/** Per BMP code unit, filled as met (a page meets a few thousand): see letterOf. */
const letterTable = new Uint16Array(0x10000).fill(LETTER_UNKNOWN);

function inRanges(c: number, ranges: Array<[number, number]>): boolean {
  for (const [from, to] of ranges) if (c >= from && c <= to) return true;
  return false;
}

/**
 * The one letter NFKC makes of code unit c, LETTER_DROP, or LETTER_SLOW where NFKC must see the
 * whole string. For loops that read a text's letters in place; where one meets LETTER_SLOW, the
 * text's letters are letterCodes(text).
 */
export function letterOf(c: number): number {
  const v = letterTable[c];
  return v !== LETTER_UNKNOWN ? v : (letterTable[c] = classifyLetter(c));
}

function classifyLetter(c: number): number {
  if (!inRanges(c, CONTEXT_FREE_INPUTS)) return LETTER_SLOW;
  const n = String.fromCharCode(c).normalize('NFKC');
  let letters = 0;
  let letter = 0;
  for (let i = 0; i < n.length; i++) {
    const o = n.charCodeAt(i);
    if (!inRanges(o, OUTPUT_RANGES)) return LETTER_SLOW;
    if (!isNonLetterUnit(o)) {
      letters++;
      letter = o;
    }
  }
  // (the sentinels are no letters of OUTPUT_RANGES; several letters from one character: the slow way)
  return letters === 0 ? LETTER_DROP : letters === 1 ? letter : LETTER_SLOW;
}

/**
 * The fast form of letterCodes: each code unit looked up (letterOf). Returns the number of codes
 * written to `out` (which has room for s.length), or -1 when a character needs the whole-string NFKC.
 */
function contextFreeLetters(s: string, out: Uint16Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = letterOf(s.charCodeAt(i));
    if (v === LETTER_SLOW) return -1;
    if (v !== LETTER_DROP) out[n++] = v;
  }
  return n;
}

/**
 * The UTF-16 code units of lettersOnly(s): NFKC, then every character matching [\s\p{P}\p{S}]
 * dropped. Text made only of context-free characters (see CONTEXT_FREE_INPUTS: the usual Chinese
 * page) is mapped by table, without building its NFKC form; other text is normalised whole (a table
 * lookup per code unit; supplementary-plane characters, e.g. emoji, tested whole).
 */
export function letterCodes(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  const n = contextFreeLetters(s, out);
  return n >= 0 ? out.subarray(0, n) : normalizedLetterCodes(s);
}

function normalizedLetterCodes(s: string): Uint16Array {
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
