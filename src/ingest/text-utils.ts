/** Character classes and small text tests shared by the ingest steps. */

/** CJK ideographs (BMP blocks; supplementary planes come as surrogate pairs and count as CJK too). */
export function isCjk(c: string): boolean {
  const code = c.charCodeAt(0);
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

/** Display width of a line: wide (CJK, full-width) characters count 2, others 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x1100 && (isCjk(ch) || isCjkPunct(ch) || code >= 0x20000 || (code >= 0xac00 && code <= 0xd7a3)) ? 2 : 1;
  }
  return w;
}

const TERMINALS = '。！？!?…；;';
const CLOSERS = '”’」』）)】》"\'';

/** Does the text end a sentence: 。！？!?…； possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
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

/** Text with white space and punctuation removed: the letters headline matching compares. */
export function lettersOnly(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}
