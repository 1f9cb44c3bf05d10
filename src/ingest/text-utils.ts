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

/** isCjkPunct of one BMP character, by its code. */
function isCjkPunctCode(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xff65) ||
    code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || // “”‘’
    code === 0x2026 || code === 0x2014 || code === 0x00b7 // …—·
  );
}

/**
 * Display width of a line: wide (CJK, full-width, Hangul) characters count 2, others 1. A
 * supplementary-plane character counts 2 (as CJK), and so does a lone high surrogate.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      w += 2; // a supplementary-plane character
      i++;
    } else w += code >= 0x1100 && (isCjkCode(code) || isCjkPunctCode(code) || (code >= 0xac00 && code <= 0xd7a3)) ? 2 : 1;
  }
  return w;
}

const TERMINALS = '。！？!?…；;';
const CLOSERS = '”’」』）)】》"\'';

/** /\s/ on text[i], answered without the regex for printable ASCII and CJK ideographs (never white space). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff)) return false;
  return /\s/.test(text[i]);
}

/** Does the text end a sentence: 。！？!?…； possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpaceAt(text, i)) i--;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  return i >= 0 && TERMINALS.includes(text[i]) && (i === text.length - 1 || hasCloserAfter(text, i));
}

function hasCloserAfter(text: string, i: number): boolean {
  for (let k = i + 1; k < text.length; k++) if (!CLOSERS.includes(text[k]) && !/\s/.test(text[k])) return false;
  return true;
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
