/**
 * Plain web text: one paragraph per line (often indented with ideographic spaces), the page's
 * clutter around it (navigation, 发布时间, 来源, 责任编辑, 分享到, 版权声明 ...; see clutter.ts).
 */
import type { Unit } from './model';
import { blankUnit, makeUnit, unitText } from './model';
import { piecesOf, trimLine } from './lines';
import { displayWidth } from './text-utils';

/** The units of the page's lines (splitLines). */
export function readPlainLines(lines: string[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    const t = trimLine(raw);
    if (t.start >= t.end) {
      units.push(blankUnit(line));
      continue;
    }
    const pieces = piecesOf(raw, line, t.start, t.end, false);
    const u = makeUnit('text', pieces, unitText(pieces), line, displayWidth(raw, t.start, t.end));
    u.indent = t.start > 0;
    units.push(u);
  }
  return units;
}
