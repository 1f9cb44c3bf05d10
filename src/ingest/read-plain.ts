/**
 * Plain web text: one paragraph per line (often indented with ideographic spaces), the page's
 * clutter around it (navigation, 发布时间, 来源, 责任编辑, 分享到, 版权声明 ...; see clutter.ts).
 */
import type { Unit } from './model';
import { blankUnit, unitText } from './model';
import { piecesOf, splitLines, trimLine } from './lines';
import { displayWidth } from './text-utils';

export function readPlain(text: string): Unit[] {
  const units: Unit[] = [];
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const t = trimLine(raw);
    if (t.start >= t.end) return units.push(blankUnit(line));
    const pieces = piecesOf(raw, line, t.start, t.end, false);
    units.push({ kind: 'text', pieces, text: unitText(pieces), line, indent: t.start > 0, width: displayWidth(raw.slice(t.start, t.end)) });
  });
  return units;
}
