/** Cutting a unit at a text offset (a byline glued to the end of a line becomes a unit of its own). */
import { makePiece, type Piece, type Unit } from './model';
import { displayWidth } from './text-utils';

/** Pieces, text and width of unit text [from, to), trimmed of blanks at both ends. */
export function piecesOfUnitSlice(u: Unit, from: number, to: number): Pick<Unit, 'pieces' | 'text' | 'width'> {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const p of u.pieces) {
    const a = Math.max(from, offset);
    const b = Math.min(to, offset + p.text.length);
    if (a < b) pieces.push(makePiece(p.text.slice(a - offset, b - offset), p.line, p.column + (a - offset)));
    offset += p.text.length;
  }
  while (pieces.length) {
    const f = pieces[0];
    const lead = f.text.length - f.text.trimStart().length;
    if (lead === f.text.length) pieces.shift();
    else {
      pieces[0] = makePiece(f.text.slice(lead), f.line, f.column + lead);
      break;
    }
  }
  while (pieces.length) {
    const l = pieces[pieces.length - 1];
    const t = l.text.trimEnd();
    if (!t) pieces.pop();
    else {
      pieces[pieces.length - 1] = makePiece(t, l.line, l.column);
      break;
    }
  }
  const text = pieces.map((p) => p.text).join('');
  return { pieces, text, width: displayWidth(text) };
}
