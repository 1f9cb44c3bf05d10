/**
 * The intermediate model ingest works on: decoded lines turned into units (one per source line,
 * or part of one), units grouped into paragraphs, paragraphs into articles. Every unit keeps
 * pieces: runs of text copied from the source at a known line:column, so the final article text
 * maps back to the file (see source-map.ts).
 */

/** A run of text copied verbatim from the source starting at line:column (both 1-based). */
export interface Piece {
  text: string;
  line: number;
  column: number;
}

export type UnitKind = 'text' | 'heading' | 'blank' | 'break';

/** One source line (or the part of one) after the format reader has stripped markup. */
export interface Unit {
  kind: UnitKind;
  /** Content pieces (empty for blank / break). */
  pieces: Piece[];
  /** The content: the pieces' text concatenated. */
  text: string;
  /** 1-based source line. */
  line: number;
  /** Markdown heading level (1-6; 0 or absent: not a heading). */
  level?: number;
  /** Markdown hard line break (two trailing spaces or a backslash). */
  hardBreak?: boolean;
  /** The line starts with indentation (a paragraph start in indented layouts). */
  indent?: boolean;
  /** A markdown table row: body text, never clutter, caption or byline. */
  table?: boolean;
  /** Display width of the raw line (OCR column width estimates). */
  width: number;
}

export function unitText(pieces: Piece[]): string {
  if (pieces.length === 1) return pieces[0].text;
  let out = '';
  for (const p of pieces) out += p.text;
  return out;
}

/** The units' texts joined by `sep` (for messages). */
export function unitTexts(units: Unit[], sep: string): string {
  let out = '';
  for (let i = 0; i < units.length; i++) out += (i ? sep : '') + units[i].text;
  return out;
}

/**
 * Every piece is made here, and every unit by makeUnit, with all fields set in one order: objects
 * of one hidden class (optional fields added by some readers only, and spread copies, made the
 * ingest functions polymorphic and deoptimised them).
 */
export function makePiece(text: string, line: number, column: number): Piece {
  return { text, line, column };
}

/** A unit with the optional fields at their "absent" values (level 0, flags false); set them after. */
export function makeUnit(kind: UnitKind, pieces: Piece[], text: string, line: number, width: number): Unit {
  return { kind, pieces, text, line, level: 0, hardBreak: false, indent: false, table: false, width };
}

/** A copy of `u` with other pieces, text and width (a unit cut in two). */
export function copyUnit(u: Unit, pieces: Piece[], text: string, width: number): Unit {
  const c = makeUnit(u.kind, pieces, text, u.line, width);
  c.level = u.level;
  c.hardBreak = u.hardBreak;
  c.indent = u.indent;
  c.table = u.table;
  return c;
}

export function blankUnit(line: number, kind: 'blank' | 'break' = 'blank'): Unit {
  return makeUnit(kind, [], '', line, 0);
}
