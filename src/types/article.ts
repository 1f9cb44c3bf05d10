/**
 * Articles: the output of the ingest stage. All character offsets in zhkg are half-open
 * [start, end) ranges in UTF-16 code units of `Article.text` (the units String#slice uses).
 */

/** How a page was written: raw OCR column text, markdown, or plain web text (one paragraph a line). */
export type SourceFormat = 'ocr' | 'markdown' | 'plain';

/** The encodings ingest recognises. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A position in a source file: 1-based line, 1-based column (in characters of the decoded line). */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * One piece of the offset map from article text back to the source file: the text from
 * `offset` up to the next piece's offset was copied, character for character, from the source
 * starting at `line`:`column`. Joined line breaks and dropped OCR spaces start a new piece.
 */
export interface SourceMapPiece {
  offset: number;
  line: number;
  column: number;
}

/** A decoded input page, before it is split into articles. */
export interface SourcePage {
  /** Path as given on the command line. */
  path: string;
  /** File name without directories; what `Article.source` holds. */
  source: string;
  encoding: SourceEncoding;
  format: SourceFormat;
  /** Decoded text (BOM removed, line ends normalised to \n). */
  text: string;
  /** Page date (YYYY-MM-DD) from the file name, --date or a sidecar file, if known. */
  pageDate: string | null;
}

export interface Article {
  /** Stable id: `${source without extension}#${1-based article number on the page}`. */
  id: string;
  /** The input file's name (basename). */
  source: string;
  format: SourceFormat;
  encoding: SourceEncoding;
  headline: string | null;
  subheadline: string | null;
  /** YYYY-MM-DD, --MM-DD when the year is unknown, or null (近日, no date). */
  date: string | null;
  /** The page's own date, when known (YYYY-MM-DD). */
  pageDate: string | null;
  /** Byline names: 记者 … */
  reporters: string[];
  /** Byline names: 通讯员 … */
  correspondents: string[];
  /** The body as reconstructed plain text: wrapped lines joined, paragraphs separated by "\n". */
  text: string;
  /** sha256 of headline + text (hex, first 16 chars): unchanged articles are skipped on reload. */
  contentHash: string;
  /** Where the article's body starts and ends in the source file. */
  sourceStart: SourcePosition;
  sourceEnd: SourcePosition;
  /** Offset map from `text` back to the source file (see SourceMapPiece). */
  sourceMap: SourceMapPiece[];
}
