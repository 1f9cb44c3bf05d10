/**
 * The pipeline, in order (order here matters):
 *
 *   ingest   file -> decoded page -> articles            (src/ingest)
 *   segment  article text -> tokens with offsets         (src/segment, used by extract)
 *   extract  tokens + text -> entities and relations     (src/extract)
 *   resolve  per-article ids/canonical names             (src/resolve)
 *   graph    ArticleFacts -> nodes and edges             (src/resolve/to-graph, src/graph, src/neo4j)
 */
import { listInputs, ingestFile } from './ingest';
import { extractArticle } from './extract';
import { resolveArticle } from './resolve';
import { cutAhead } from './segment';
import type { Article, ArticleFacts, Diagnostic } from './types';

export interface ExtractOptions {
  /** Page date (YYYY-MM-DD) for files whose name or sidecar gives none. */
  date?: string;
  /** Home jurisdiction for title normalisation (default from dictionaries/jurisdiction.json). */
  home?: string;
  /** Called for every diagnostic as it happens (the CLI prints them on stderr). */
  onDiagnostic?: (d: Diagnostic) => void;
}

export interface ExtractSummary {
  /** Files read = processed + rejected. */
  filesRead: number;
  filesProcessed: number;
  filesRejected: number;
  articles: number;
  entities: number;
  relations: number;
  diagnostics: Diagnostic[];
}

export function emptySummary(): ExtractSummary {
  return { filesRead: 0, filesProcessed: 0, filesRejected: 0, articles: 0, entities: 0, relations: 0, diagnostics: [] };
}

/** Add one run's counts to another's (diagnostics are the caller's: they may be reported as they come). */
export function addSummary(into: ExtractSummary, s: ExtractSummary): void {
  into.filesRead += s.filesRead;
  into.filesProcessed += s.filesProcessed;
  into.filesRejected += s.filesRejected;
  into.articles += s.articles;
  into.entities += s.entities;
  into.relations += s.relations;
}

/**
 * The start of every extraction run (in-process or on workers): list the inputs, count the ones
 * that cannot be opened as read and rejected, and give the reporter that records diagnostics in
 * the summary and passes them on as they happen.
 */
export function startRun(
  inputs: string[],
  opts: Pick<ExtractOptions, 'onDiagnostic'>,
): { summary: ExtractSummary; report: (d: Diagnostic) => void; files: string[]; sizes: number[] } {
  const summary = emptySummary();
  const report = (d: Diagnostic) => {
    summary.diagnostics.push(d);
    opts.onDiagnostic?.(d);
  };
  const listed = listInputs(inputs);
  listed.diagnostics.forEach(report);
  summary.filesRead += listed.rejected;
  summary.filesRejected += listed.rejected;
  return { summary, report, files: listed.files, sizes: listed.sizes };
}

/**
 * How far extractFiles reads ahead, in page text (UTF-16 code units, ~3 bytes of UTF-8 each, for
 * Chinese): it ingests whole files until their pages hold this much (or READ_AHEAD_FILES files
 * are read), has jieba cut all their articles back to back, then extracts them. Done file by file
 * instead, each stage (ingest's tables, jieba's pointer-linked dictionary trie, the rules' tries)
 * finds the CPU caches filled by the others and runs up to twice as slow; in batches they stay
 * warm. Bench corpus, one thread: a batch per file 4.6 s, per 256 K characters 3.5 s (a harness
 * without output). Memory stays bounded by the batch, whatever the corpus size.
 */
export const READ_AHEAD_CHARS = 1 << 18;
/** At most this many files in a read-ahead batch (files without text, rejected ones, count too). */
export const READ_AHEAD_FILES = 1024;

/** A file ingested ahead of extraction: its articles (null: page rejected), or the failure that stopped its ingest. */
interface Ahead {
  file: string;
  articles: Article[] | null;
  diagnostics: Diagnostic[];
  error?: Error;
}

/**
 * Extract every article of every input (files or directories, in sorted order). Yields one
 * ArticleFacts at a time, so callers can stream; returns the summary when done. A bad file is
 * reported (diagnostic naming it) and skipped; the files next to it are processed in full.
 * Files are read a batch ahead (READ_AHEAD_CHARS); diagnostics are reported in file order all the same.
 */
export function* extractFiles(inputs: string[], opts: ExtractOptions = {}): Generator<ArticleFacts, ExtractSummary> {
  const { summary, report, files } = startRun(inputs, opts);
  const resolveOpts = { home: opts.home };
  const ingestOpts = { date: opts.date };
  const internalError = (file: string, err: unknown) => {
    summary.filesRejected++;
    report({
      severity: 'error',
      code: 'pipeline/internal-error',
      message: `could not be processed: ${(err as Error).message}`,
      file,
    });
  };
  let next = 0;
  while (next < files.length) {
    // ingest ahead: whole files, until their pages hold READ_AHEAD_CHARS (or READ_AHEAD_FILES are read)
    const batch: Ahead[] = [];
    const texts: string[] = [];
    let chars = 0;
    while (next < files.length && chars < READ_AHEAD_CHARS && batch.length < READ_AHEAD_FILES) {
      const file = files[next++];
      try {
        // (the page itself is not kept: only its articles are needed from here on)
        const { page, articles, diagnostics } = ingestFile(file, ingestOpts);
        if (page) {
          chars += page.text.length;
          for (const a of articles) texts.push(a.text);
        }
        batch.push({ file, articles: page ? articles : null, diagnostics });
      } catch (err) {
        batch.push({ file, articles: null, diagnostics: [], error: err as Error });
      }
    }
    cutAhead(texts);
    for (const { file, articles: ingested, diagnostics, error } of batch) {
      summary.filesRead++;
      // A file is extracted whole before any of it is yielded: an internal failure on one file
      // rejects that file (named in a diagnostic) and never a partial article set.
      if (error) {
        internalError(file, error);
        continue;
      }
      for (let k = 0; k < diagnostics.length; k++) report(diagnostics[k]);
      if (!ingested) {
        summary.filesRejected++;
        continue;
      }
      const articles: ArticleFacts[] = [];
      try {
        for (const article of ingested) articles.push(resolveArticle(extractArticle(article), resolveOpts));
      } catch (err) {
        internalError(file, err);
        continue;
      }
      summary.filesProcessed++;
      for (const facts of articles) {
        summary.articles++;
        summary.entities += facts.entities.length;
        summary.relations += facts.relations.length;
        yield facts;
      }
    }
  }
  return summary;
}
