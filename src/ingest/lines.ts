/** Splitting decoded text into lines, and lines into pieces (trimmed, OCR spaces dropped). */
import { makePiece, type Piece } from './model';
import { isCjk, isCjkPunct, isDigit } from './text-utils';

/** The page's lines, without their \n (text is already normalised to \n line ends). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** White space as OCR and web pages write it: ASCII blanks, ideographic space, no-break space. */
function isWs(c: number): boolean {
  // [ \t\f\v\u3000\u00a0\u2002-\u200b\ufeff]
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200b) || c === 0xfeff;
}

export interface TrimmedLine {
  /** Content start (0-based index into the raw line) and end (exclusive). */
  start: number;
  end: number;
  /** Trailing white space length (markdown hard breaks). */
  trailing: number;
}

export function trimLine(raw: string): TrimmedLine {
  let start = 0;
  let end = raw.length;
  while (start < end && isWs(raw.charCodeAt(start))) start++;
  while (end > start && isWs(raw.charCodeAt(end - 1))) end--;
  return { start, end, trailing: raw.length - end };
}

/**
 * Pieces of raw[start, end) on source line `line`. With `dropOcrSpaces`, blanks between a digit and
 * a CJK character (either order) or next to full-width punctuation are dropped (9月 19日 -> 9月19日):
 * OCR inserts them where the print had none. Blanks between Latin words, and between two CJK
 * characters, stay as written.
 */
export function piecesOf(raw: string, line: number, start: number, end: number, dropOcrSpaces: boolean): Piece[] {
  if (start >= end) return [];
  if (!dropOcrSpaces) return [makePiece(raw.slice(start, end), line, start + 1)];
  const pieces: Piece[] = [];
  let pieceStart = start;
  let i = start;
  while (i < end) {
    if (!isWs(raw.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && isWs(raw.charCodeAt(j))) j++;
    const before = raw[i - 1] ?? '';
    const after = raw[j] ?? '';
    if (i > start && j < end && droppable(before, after)) {
      pieces.push(makePiece(raw.slice(pieceStart, i), line, pieceStart + 1));
      pieceStart = j;
    }
    i = j;
  }
  pieces.push(makePiece(raw.slice(pieceStart, end), line, pieceStart + 1));
  return pieces;
}

function droppable(before: string, after: string): boolean {
  if (isDigit(before) && isCjk(after)) return true;
  if (isCjk(before) && isDigit(after)) return true;
  if (isCjkPunct(before) && (isCjk(after) || isDigit(after))) return true;
  if ((isCjk(before) || isDigit(before)) && isCjkPunct(after)) return true;
  return false;
}
