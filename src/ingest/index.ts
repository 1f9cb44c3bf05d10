/**
 * The ingest stage: file -> decoded page -> articles.
 *
 *   decode.ts         bytes -> text (UTF-8 ± BOM, UTF-16 LE/BE, GB18030; binary rejected)
 *   detect-format.ts  ocr | markdown | plain, from the content
 *   read-*.ts         lines -> units (markup stripped, OCR blanks dropped, pieces keep line:column)
 *   split-articles.ts units -> blocks -> articles + headline blocks (本报讯, bylines, continuations)
 *   headlines.ts      headline blocks -> articles, by content
 *   dates.ts, page-date.ts, byline.ts, clutter.ts, source-map.ts
 *
 * Problems are diagnostics, never exceptions: a bad file yields page null and a message naming it.
 */
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as crypto from 'node:crypto';
import type { Article, Diagnostic, SourceFormat, SourcePage } from '../types';
import { decodeBytes } from './decode';
import { formatOfLines } from './detect-format';
import { readOcrLines } from './read-ocr';
import { readMarkdownLines } from './read-markdown';
import { readPlainLines } from './read-plain';
import { splitArticles, type DraftArticle } from './split-articles';
import { attachHeadlines } from './headlines';
import { paraText } from './paragraphs';
import { assemble } from './source-map';
import { openingByline, openingLength } from './byline';
import { findDatelineInSentence, formatDate } from './dates';
import { dateFromFileName, dateFromSidecar, validIsoDate } from './page-date';
import { clutterDate } from './clutter';
import { splitLines } from './lines';
import { LineTests } from './line-tests';
import { unitTexts, type Piece, type Unit } from './model';

export { sourcePosition } from './source-map';
export { decodeBytes } from './decode';
export { detectFormat } from './detect-format';
export { parseByline } from './byline';
export { dateFromFileName } from './page-date';

export interface IngestOptions {
  /** Page date (YYYY-MM-DD) for files whose name or sidecar gives none. */
  date?: string;
}
export interface IngestResult {
  page: SourcePage | null;
  articles: Article[];
  diagnostics: Diagnostic[];
}
export interface ListedInputs {
  files: string[];
  /** Inputs that could not be opened (missing, unreadable folders). */
  rejected: number;
  diagnostics: Diagnostic[];
  /** Each listed file's size in bytes (0 when it could not be stat'ed), from the stats the listing makes anyway. */
  sizes: number[];
  /** Their sum. */
  bytes: number;
}

/**
 * Size limits. A newspaper page is a few kB and an article a few thousand characters; inputs far
 * beyond these are dumps or garbage, and would cost the later stages minutes and gigabytes.
 *  - a file larger than MAX_FILE_BYTES is rejected unread;
 *  - a line longer than MAX_LINE_CHARS is dropped (named with its line number), the rest of the
 *    page is read; a page left with nothing is rejected;
 *  - an article longer than MAX_ARTICLE_CHARS is dropped (named with its first line); the other
 *    articles of the page are kept (their ids do not change).
 */
export const LIMITS = { MAX_FILE_BYTES: 64 * 1024 * 1024, MAX_LINE_CHARS: 100_000, MAX_ARTICLE_CHARS: 100_000 };

/** A folder whose name ends like a file's (x.txt/): reported, since it was probably meant as a page. */
const FILE_LIKE_NAME = /\.(txt|text|md|markdown|html?|jsonl|csv|xml)$/i;

function folderNamedLikeFile(path: string): Diagnostic {
  return { severity: 'warning', code: 'ingest/folder-named-like-file', message: 'is a folder named like a file; reading the files inside it', file: path };
}

/** Sidecar metadata (x.json, x.meta.json) and hidden files are not pages. */
function isPageName(name: string): boolean {
  return !name.startsWith('.') && !/\.json$/i.test(name);
}

/**
 * Expand the command-line inputs: files as given, folders walked (sorted, recursively; hidden files
 * and sidecar .json files skipped). Inputs that cannot be opened are counted and reported.
 * `stopAt`: stop listing once the files listed reach this many bytes (a size check needs no more).
 */
export function listInputs(inputs: string[], stopAt = Infinity): ListedInputs {
  const files: string[] = [];
  const sizes: number[] = [];
  const diagnostics: Diagnostic[] = [];
  let rejected = 0;
  let bytes = 0;
  const add = (file: string, size: number) => {
    files.push(file);
    sizes.push(size);
    bytes += size;
  };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      rejected++;
      diagnostics.push({ severity: 'error', code: 'ingest/unreadable', message: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file: dir });
      return;
    }
    for (const name of names) {
      if (bytes >= stopAt) return;
      if (!isPageName(name)) continue;
      const p = join(dir, name);
      let isDir = false;
      let size = 0;
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        size = st.size;
      } catch {
        /* reported when ingested */
      }
      if (isDir) {
        if (FILE_LIKE_NAME.test(name)) diagnostics.push(folderNamedLikeFile(p));
        walk(p);
      } else add(p, size);
    }
  };
  for (const input of inputs) {
    if (bytes >= stopAt) break;
    let st;
    try {
      st = statSync(input);
    } catch (e) {
      rejected++;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && isDanglingLink(input)) {
        diagnostics.push({ severity: 'error', code: 'ingest/unreadable', message: 'is a symbolic link to nothing (dangling link)', file: input });
        continue;
      }
      diagnostics.push({ severity: 'error', code: code === 'ENOENT' ? 'ingest/not-found' : 'ingest/unreadable', message: code === 'ENOENT' ? 'no such file or folder' : `cannot open (${code ?? (e as Error).message})`, file: input });
      continue;
    }
    if (st.isDirectory()) {
      if (FILE_LIKE_NAME.test(basename(input))) diagnostics.push(folderNamedLikeFile(input));
      walk(input);
    } else add(input, st.size);
  }
  return { files, sizes, rejected, diagnostics, bytes };
}

const READERS: Record<SourceFormat, (lines: string[]) => Unit[]> = { ocr: readOcrLines, markdown: readMarkdownLines, plain: readPlainLines };

function reject(path: string, code: string, message: string, diagnostics: Diagnostic[], line?: number): IngestResult {
  diagnostics.push({ severity: 'error', code, message, file: path, ...(line ? { line } : {}) });
  return { page: null, articles: [], diagnostics };
}

/** Read one page and reconstruct its articles. Never throws for a bad file. */
export function ingestFile(path: string, opts: IngestOptions = {}): IngestResult {
  const diagnostics: Diagnostic[] = [];
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return reject(path, 'ingest/is-directory', 'is a folder, not a file', diagnostics);
    // a FIFO, socket or device would block or never end: only regular files are read
    if (!st.isFile()) return reject(path, 'ingest/not-a-file', 'is not a regular file (FIFO, socket or device); not read', diagnostics);
    if (st.size > LIMITS.MAX_FILE_BYTES)
      return reject(path, 'ingest/file-too-large', `is ${st.size} bytes, over the ${LIMITS.MAX_FILE_BYTES}-byte limit for a page; not read`, diagnostics);
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isDanglingLink(path)) return reject(path, 'ingest/unreadable', 'is a symbolic link to nothing (dangling link)', diagnostics);
    return reject(path, code === 'ENOENT' ? 'ingest/not-found' : 'ingest/unreadable', code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`, diagnostics);
  }
  if (bytes.length === 0) return reject(path, 'ingest/empty-file', 'empty file', diagnostics);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return reject(path, decoded.reason === 'binary' ? 'ingest/binary-file' : 'ingest/undecodable', decoded.message, diagnostics, decoded.line);
  for (const line of decoded.damagedLines ?? [])
    diagnostics.push({ severity: 'warning', code: 'ingest/invalid-bytes', message: 'invalid UTF-8 bytes replaced with U+FFFD', file: path, line });
  const text = decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text;
  if (!text.trim()) return reject(path, 'ingest/empty-file', 'no text (only white space)', diagnostics);
  const page = ingestText(text, { path, encoding: decoded.encoding, date: opts.date, diagnostics });
  if (page.articles.length === 0 && page.droppedLines > 0) {
    // nothing but over-long lines: the file is rejected, not "processed with no articles"
    return reject(path, 'ingest/line-too-long', 'nothing left to read once the over-long lines were dropped', diagnostics);
  }
  return { page: page.page, articles: page.articles, diagnostics };
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Blank out lines longer than MAX_LINE_CHARS (line numbers of the others unchanged), reporting each.
 * Linear; returns the text unchanged (same string) when no line is too long.
 */
function dropLongLines(text: string, path: string, diagnostics: Diagnostic[]): { text: string; dropped: number } {
  const max = LIMITS.MAX_LINE_CHARS;
  if (text.length <= max) return { text, dropped: 0 };
  const parts: string[] = [];
  let dropped = 0;
  let from = 0;
  let line = 1;
  let last = 0;
  while (from <= text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    if (nl - from > max) {
      parts.push(text.slice(last, from));
      last = nl;
      dropped++;
      diagnostics.push({
        severity: 'error',
        code: 'ingest/line-too-long',
        message: `line is ${nl - from} characters long, over the ${max}-character limit; line dropped`,
        file: path,
        line,
      });
    }
    from = nl + 1;
    line++;
  }
  if (!dropped) return { text, dropped: 0 };
  parts.push(text.slice(last));
  return { text: parts.join(''), dropped };
}

export interface IngestTextOptions {
  path: string;
  encoding?: SourcePage['encoding'];
  date?: string;
  diagnostics?: Diagnostic[];
  /** Force a format instead of detecting it. */
  format?: SourceFormat;
}

/** Reconstruct the articles of an already decoded page (text with \n line ends). */
export function ingestText(text: string, o: IngestTextOptions): { page: SourcePage; articles: Article[]; droppedLines: number } {
  const diagnostics = o.diagnostics ?? [];
  const source = basename(o.path);
  // a lone surrogate (possible only through this API: decoding never yields one) becomes U+FFFD,
  // one code unit for one, so offsets hold and later stages see well-formed text
  text = toWellFormed(text);
  const long = dropLongLines(text, o.path, diagnostics);
  text = long.text;
  const lines = splitLines(text); // once, for the format test and the reader
  const tests = new LineTests(lines.length); // the format test's byline and clutter tests, kept for the splitter
  const format = o.format ?? formatOfLines(lines, tests);
  const units = READERS[format](lines);
  const split = splitArticles(units, format, o.path, tests);
  diagnostics.push(...split.diagnostics);

  let pageDate = dateFromSidecar(o.path, diagnostics) ?? dateFromFileName(source);
  if (!pageDate && o.date && validIsoDate(o.date)) pageDate = o.date;
  if (!pageDate && split.clutterLines.size) {
    for (const ln of [...split.clutterLines].sort((a, b) => a - b)) {
      pageDate = clutterDate(lines[ln - 1] ?? '');
      if (pageDate) break;
    }
  }

  const page: SourcePage = { path: o.path, source, encoding: o.encoding ?? 'utf-8', format, text, pageDate };
  // each article's text (paragraphs joined by \n) and source map, once: headlines match on the text
  const assembled: Array<ReturnType<typeof assemble>> = [];
  const bodies: string[] = [];
  for (const draft of split.articles) {
    const pieces: Piece[][] = [];
    for (const p of draft.paras) pieces.push(p.pieces);
    const a = assemble(pieces);
    assembled.push(a);
    bodies.push(a.text);
  }
  const attached = attachHeadlines(split.headlines, bodies);
  for (const blk of attached.unplaced)
    diagnostics.push({ severity: 'info', code: 'ingest/unplaced-headline', message: `headline-like lines "${unitTexts(blk.lines, ' ')}" belong to no article`, file: o.path, line: blk.lines[0].line });
  if (split.articles.length === 0) diagnostics.push({ severity: 'warning', code: 'ingest/no-articles', message: 'no article found on the page', file: o.path });

  const stem = source.replace(/\.[^.]*$/, '');
  const articles: Article[] = [];
  const ctx = { stem, source, format, page };
  for (let i = 0; i < split.articles.length; i++) {
    const a = buildArticle(split.articles[i], assembled[i], i, attached.lines[i], ctx);
    if (a.text.length > LIMITS.MAX_ARTICLE_CHARS) {
      diagnostics.push({
        severity: 'error',
        code: 'ingest/article-too-long',
        message: `article ${a.id} is ${a.text.length} characters long, over the ${LIMITS.MAX_ARTICLE_CHARS}-character limit; article dropped`,
        file: o.path,
        line: a.sourceStart.line,
      });
    } else articles.push(a);
  }
  return { page, articles, droppedLines: long.dropped };
}

/** String.prototype.toWellFormed (ES2024, Node >= 20): each lone surrogate becomes U+FFFD. */
function toWellFormed(s: string): string {
  return (s as string & { toWellFormed(): string }).toWellFormed();
}

/**
 * SHA-256 of a string's UTF-8 bytes, in hex: crypto.hash (Node >= 20.12: one call, no Hash object
 * made per article) where there is one.
 */
const sha256Hex: (s: string) => string =
  typeof crypto.hash === 'function' ? (s) => crypto.hash('sha256', s, 'hex') : (s) => crypto.createHash('sha256').update(s).digest('hex');

/** The names once each, in order of first appearance. */
function uniq(xs: string[]): string[] {
  return xs.length < 2 ? xs.slice() : [...new Set(xs)];
}

function firstSentence(s: string): string {
  const m = /^[^。！？!?]*[。！？!?]?/u.exec(s);
  return m ? m[0] : s;
}

function buildArticle(
  draft: DraftArticle,
  { text, map, end }: ReturnType<typeof assemble>,
  i: number,
  headlineLines: string[],
  ctx: { stem: string; source: string; format: SourceFormat; page: SourcePage },
): Article {
  const headline = headlineLines[0] ?? null;
  const subheadline = headlineLines.length > 1 ? headlineLines.slice(1).join(' ') : null;

  // opening: 本报讯 [（记者 …）] dateline
  let rest = draft.paras.length ? paraText(draft.paras[0]) : '';
  const marker = openingLength(rest);
  const markerText = rest.slice(0, marker);
  rest = rest.slice(marker);
  const opening = marker ? openingByline(rest) : null;
  if (opening) rest = rest.slice(opening.length);
  // 新华社郑州9月19日电 carries the date in the marker itself
  const dl = findDatelineInSentence(markerText) ?? findDatelineInSentence(firstSentence(rest));
  const date = dl ? formatDate(dl, ctx.page.pageDate) : null;

  const byline = draft.byline ?? opening?.byline ?? { reporters: [], correspondents: [] };
  const contentHash = sha256Hex(`${headline ?? ''}|${subheadline ?? ''}|${text}`).slice(0, 16);
  const start = map.length ? { line: map[0].line, column: map[0].column } : { line: 1, column: 1 };
  return {
    id: `${ctx.stem}#${i + 1}`,
    source: ctx.source,
    format: ctx.format,
    encoding: ctx.page.encoding,
    headline,
    subheadline,
    date,
    pageDate: ctx.page.pageDate,
    reporters: uniq(byline.reporters),
    correspondents: uniq(byline.correspondents),
    text,
    contentHash,
    sourceStart: start,
    sourceEnd: end,
    sourceMap: map,
  };
}
