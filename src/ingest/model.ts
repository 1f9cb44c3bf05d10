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
  /** Markdown heading level (1-6). */
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
  return pieces.map((p) => p.text).join('');
}

export function blankUnit(line: number, kind: 'blank' | 'break' = 'blank'): Unit {
  return { kind, pieces: [], text: '', line, width: 0 };
}
