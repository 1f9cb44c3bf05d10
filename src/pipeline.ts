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
import type { ArticleFacts, Diagnostic } from './types';

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
): { summary: ExtractSummary; report: (d: Diagnostic) => void; files: string[] } {
  const summary = emptySummary();
  const report = (d: Diagnostic) => {
    summary.diagnostics.push(d);
    opts.onDiagnostic?.(d);
  };
  const listed = listInputs(inputs);
  listed.diagnostics.forEach(report);
  summary.filesRead += listed.rejected;
  summary.filesRejected += listed.rejected;
  return { summary, report, files: listed.files };
}

/**
 * Extract every article of every input (files or directories, in sorted order). Yields one
 * ArticleFacts at a time, so callers can stream; returns the summary when done. A bad file is
 * reported (diagnostic naming it) and skipped; the files next to it are processed in full.
 */
export function* extractFiles(inputs: string[], opts: ExtractOptions = {}): Generator<ArticleFacts, ExtractSummary> {
  const { summary, report, files } = startRun(inputs, opts);
  const resolveOpts = { home: opts.home };
  for (const file of files) {
    summary.filesRead++;
    // A file is extracted whole before any of it is yielded: an internal failure on one file
    // rejects that file (named in a diagnostic) and never a partial article set.
    let articles: ArticleFacts[];
    try {
      const result = ingestFile(file, { date: opts.date });
      for (let k = 0; k < result.diagnostics.length; k++) report(result.diagnostics[k]);
      if (!result.page) {
        summary.filesRejected++;
        continue;
      }
      articles = [];
      for (const article of result.articles) articles.push(resolveArticle(extractArticle(article), resolveOpts));
    } catch (err) {
      summary.filesRejected++;
      report({
        severity: 'error',
        code: 'pipeline/internal-error',
        message: `could not be processed: ${(err as Error).message}`,
        file,
      });
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
  return summary;
}
