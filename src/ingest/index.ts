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
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Article, Diagnostic, SourceFormat, SourcePage } from '../types';
import { decodeBytes } from './decode';
import { detectFormat } from './detect-format';
import { readOcr } from './read-ocr';
import { readMarkdown } from './read-markdown';
import { readPlain } from './read-plain';
import { splitArticles, type DraftArticle } from './split-articles';
import { attachHeadlines } from './headlines';
import { paraText } from './paragraphs';
import { assemble } from './source-map';
import { openingByline, openingLength } from './byline';
import { findDatelineInSentence, formatDate } from './dates';
import { dateFromFileName, dateFromSidecar, validIsoDate } from './page-date';
import { clutterDate } from './clutter';
import { splitLines } from './lines';
import type { Unit } from './model';

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
}

/** Sidecar metadata (x.json, x.meta.json) and hidden files are not pages. */
function isPageName(name: string): boolean {
  return !name.startsWith('.') && !/\.json$/i.test(name);
}

/**
 * Expand the command-line inputs: files as given, folders walked (sorted, recursively; hidden files
 * and sidecar .json files skipped). Inputs that cannot be opened are counted and reported.
 */
export function listInputs(inputs: string[]): ListedInputs {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let rejected = 0;
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
      if (!isPageName(name)) continue;
      const p = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        /* reported when ingested */
      }
      if (isDir) walk(p);
      else files.push(p);
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch (e) {
      rejected++;
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push({ severity: 'error', code: code === 'ENOENT' ? 'ingest/not-found' : 'ingest/unreadable', message: code === 'ENOENT' ? 'no such file or folder' : `cannot open (${code ?? (e as Error).message})`, file: input });
      continue;
    }
    if (st.isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, rejected, diagnostics };
}

const READERS: Record<SourceFormat, (text: string) => Unit[]> = { ocr: readOcr, markdown: readMarkdown, plain: readPlain };

function reject(path: string, code: string, message: string, diagnostics: Diagnostic[], line?: number): IngestResult {
  diagnostics.push({ severity: 'error', code, message, file: path, ...(line ? { line } : {}) });
  return { page: null, articles: [], diagnostics };
}

/** Read one page and reconstruct its articles. Never throws for a bad file. */
export function ingestFile(path: string, opts: IngestOptions = {}): IngestResult {
  const diagnostics: Diagnostic[] = [];
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return reject(path, 'ingest/is-directory', 'is a folder, not a file', diagnostics);
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
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
  return { page: page.page, articles: page.articles, diagnostics };
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
export function ingestText(text: string, o: IngestTextOptions): { page: SourcePage; articles: Article[] } {
  const diagnostics = o.diagnostics ?? [];
  const source = basename(o.path);
  const format = o.format ?? detectFormat(text).format;
  const units = READERS[format](text);
  const split = splitArticles(units, format, o.path);
  diagnostics.push(...split.diagnostics);

  let pageDate = dateFromSidecar(o.path, diagnostics) ?? dateFromFileName(source);
  if (!pageDate && o.date && validIsoDate(o.date)) pageDate = o.date;
  if (!pageDate && split.clutterLines.size) {
    const lines = splitLines(text);
    for (const ln of [...split.clutterLines].sort((a, b) => a - b)) {
      pageDate = clutterDate(lines[ln - 1] ?? '');
      if (pageDate) break;
    }
  }

  const page: SourcePage = { path: o.path, source, encoding: o.encoding ?? 'utf-8', format, text, pageDate };
  const bodies = split.articles.map((a) => a.paras.map(paraText).join('\n'));
  const attached = attachHeadlines(split.headlines, bodies);
  for (const blk of attached.unplaced)
    diagnostics.push({ severity: 'info', code: 'ingest/unplaced-headline', message: `headline-like lines "${blk.lines.map((u) => u.text).join(' ')}" belong to no article`, file: o.path, line: blk.lines[0].line });
  if (split.articles.length === 0) diagnostics.push({ severity: 'warning', code: 'ingest/no-articles', message: 'no article found on the page', file: o.path });

  const stem = source.replace(/\.[^.]*$/, '');
  const articles = split.articles.map((draft, i) => buildArticle(draft, i, attached.lines[i], { stem, source, format, page }));
  return { page, articles };
}

function firstSentence(s: string): string {
  const m = /^[^。！？!?]*[。！？!?]?/u.exec(s);
  return m ? m[0] : s;
}

function buildArticle(
  draft: DraftArticle,
  i: number,
  headlineLines: string[],
  ctx: { stem: string; source: string; format: SourceFormat; page: SourcePage },
): Article {
  const { text, map, end } = assemble(draft.paras.map((p) => p.pieces));
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
  const uniq = (xs: string[]) => [...new Set(xs)];
  const contentHash = createHash('sha256').update(`${headline ?? ''}|${subheadline ?? ''}|${text}`).digest('hex').slice(0, 16);
  const start = map[0] ? { line: map[0].line, column: map[0].column } : { line: 1, column: 1 };
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
