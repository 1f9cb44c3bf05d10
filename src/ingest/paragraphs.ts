/**
 * Paragraphs: units joined into running text. A paragraph is a list of pieces; joining two lines
 * adds no character between CJK text (a line end inside a word or sentence is an artefact of the
 * column), and one space between Latin letters or digits.
 */
import { makePiece, type Piece, type Unit } from './model';
import { isCjk } from './text-utils';

export interface Para {
  units: Unit[];
  pieces: Piece[];
}

export function paraText(p: Para): string {
  let s = '';
  for (const x of p.pieces) s += x.text;
  return s;
}

/** paraText(p).length, without building the text. */
export function paraLength(p: Para): number {
  let n = 0;
  for (const x of p.pieces) n += x.text.length;
  return n;
}

function lastChar(pieces: Piece[]): string {
  for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i].text) return pieces[i].text[pieces[i].text.length - 1];
  return '';
}

/**
 * Between a line ending with `a` and one starting with `b` (one code unit each, or '' / undefined):
 * Latin or a digit, then Latin. (As with the regex tests this replaces, an undefined `b`, the first
 * character of an empty piece, counts as Latin: /[A-Za-z]/.test(undefined) reads "undefined".)
 */
function needsSpace(a: string, b: string | undefined): boolean {
  const c = a.charCodeAt(0);
  if (!isAsciiLetter(c | 0x20) && !isAsciiDigit(c)) return false;
  return (b === undefined || isAsciiLetter(b.charCodeAt(0) | 0x20)) && !isCjk(a);
}

/** a-z (after | 0x20, which maps A-Z onto it and nothing else onto it). */
function isAsciiLetter(lower: number): boolean {
  return lower >= 0x61 && lower <= 0x7a;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Append a unit's pieces to a paragraph (in place). */
export function appendUnit(p: Para, u: Unit): void {
  if (p.pieces.length && u.pieces.length && needsSpace(lastChar(p.pieces), u.pieces[0].text[0])) {
    const prev = p.pieces[p.pieces.length - 1];
    p.pieces.push(makePiece(' ', prev.line, prev.column + prev.text.length));
  }
  for (const piece of u.pieces) p.pieces.push(piece);
  p.units.push(u);
}

export function newPara(u: Unit): Para {
  return { units: [u], pieces: u.pieces.slice() };
}

/** Join paragraph `b` onto the end of `a` (a sentence cut across a blank line). */
export function joinParas(a: Para, b: Para): void {
  for (const u of b.units) appendUnit(a, u);
}
