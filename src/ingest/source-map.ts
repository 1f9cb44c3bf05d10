/** From an offset in Article.text back to the source file (line, column). */
import type { Article, SourceMapPiece, SourcePosition } from '../types';
import type { Piece } from './model';

/** Where article-text offset `offset` lies in the decoded source file. */
export function sourcePosition(article: Pick<Article, 'sourceMap'>, offset: number): SourcePosition {
  const map = article.sourceMap;
  if (!map.length) return { line: 1, column: 1 };
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = map[lo];
  return { line: p.line, column: p.column + Math.max(0, offset - p.offset) };
}

/**
 * Paragraphs (lists of pieces) -> article text (paragraphs joined by \n) and its source map. Adjacent
 * pieces that continue each other on the same line are merged into one map entry.
 */
export function assemble(paras: Piece[][]): { text: string; map: SourceMapPiece[]; end: SourcePosition } {
  let text = '';
  const map: SourceMapPiece[] = [];
  let offset = 0;
  let endLine = 1;
  let endColumn = 1;
  for (let i = 0; i < paras.length; i++) {
    if (i > 0) {
      text += '\n';
      offset += 1;
    }
    for (const p of paras[i]) {
      if (!p.text) continue;
      const last = map.length ? map[map.length - 1] : null;
      const lastEnd = last ? last.column + (offset - last.offset) : -1;
      if (!last || last.line !== p.line || lastEnd !== p.column) map.push({ offset, line: p.line, column: p.column });
      text += p.text;
      offset += p.text.length;
      endLine = p.line;
      endColumn = p.column + p.text.length;
    }
  }
  return { text, map, end: { line: endLine, column: endColumn } };
}
