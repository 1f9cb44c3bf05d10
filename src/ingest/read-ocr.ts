/**
 * Raw OCR column text: lines cut at the column width, paragraphs usually separated by blank lines
 * (or indentation), OCR blanks between digits and CJK characters. Each source line becomes a unit;
 * joining wrapped lines is left to the paragraph step, which knows the context.
 */
import type { Unit } from './model';
import { blankUnit, makeUnit, unitText } from './model';
import { piecesOf, trimLine } from './lines';
import { displayWidth } from './text-utils';

/** The units of the page's lines (splitLines). */
export function readOcrLines(lines: string[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    const t = trimLine(raw);
    if (t.start >= t.end) {
      units.push(blankUnit(line));
      continue;
    }
    const pieces = piecesOf(raw, line, t.start, t.end, true);
    const u = makeUnit('text', pieces, unitText(pieces), line, displayWidth(raw, t.start, t.end));
    u.indent = t.start > 0 && indented(raw, t.start);
    units.push(u);
  }
  return units;
}

/** Is raw[0, start) (the blanks before a line's text) indentation: an ideographic space, or two columns (a tab is four)? */
function indented(raw: string, start: number): boolean {
  let columns = 0;
  for (let i = 0; i < start; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3000) return true;
    columns += c === 0x09 ? 4 : 1;
  }
  return columns >= 2;
}
