/**
 * Raw OCR column text: lines cut at the column width, paragraphs usually separated by blank lines
 * (or indentation), OCR blanks between digits and CJK characters. Each source line becomes a unit;
 * joining wrapped lines is left to the paragraph step, which knows the context.
 */
import type { Unit } from './model';
import { blankUnit, unitText } from './model';
import { piecesOf, splitLines, trimLine } from './lines';
import { displayWidth } from './text-utils';

export function readOcr(text: string): Unit[] {
  const units: Unit[] = [];
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const t = trimLine(raw);
    if (t.start >= t.end) return units.push(blankUnit(line));
    const pieces = piecesOf(raw, line, t.start, t.end, true);
    const lead = raw.slice(0, t.start);
    units.push({
      kind: 'text',
      pieces,
      text: unitText(pieces),
      line,
      indent: lead.includes('\u3000') || lead.replace(/\t/g, '    ').length >= 2,
      width: displayWidth(raw.slice(t.start, t.end)),
    });
  });
  return units;
}
