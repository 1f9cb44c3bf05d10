/**
 * Inputs of the graph commands: `.jsonl` files written by `zhkg extract` (one ArticleFacts a line)
 * are read as they are; any other file or directory goes through the pipeline (extractFiles).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { addSummary, extractFiles, emptySummary } from '../pipeline';
import type { ExtractOptions, ExtractSummary } from '../pipeline';
import type { ArticleFacts } from '../types/facts';
import { buildGraph } from './build';
import type { BuildResult, KgGraph } from './build';

const JSONL = /\.(jsonl|ndjson)$/i;

export function isFactsFile(path: string): boolean {
  return JSONL.test(path);
}

function looksLikeFacts(v: unknown): v is ArticleFacts {
  const o = v as Partial<ArticleFacts> | null;
  return !!o && typeof o === 'object' && typeof o.id === 'string' && typeof o.text === 'string' &&
    Array.isArray(o.entities) && Array.isArray(o.relations) && Array.isArray(o.sentences);
}

/**
 * The lines of a file, read synchronously in 1 MB chunks: the file is never held whole in memory
 * (a 300 MB corpus gives over 1 GB of JSON Lines, beyond V8's largest string). Throws when the
 * file cannot be opened.
 */
export function* readLinesSync(path: string, chunkSize = 1 << 20): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(chunkSize);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      const n = readSync(fd, buf, 0, chunkSize, null);
      if (n === 0) break;
      const text = rest + decoder.write(buf.subarray(0, n));
      const parts = text.split('\n');
      rest = parts.pop() as string;
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Read ArticleFacts from JSON Lines files (streamed line by line); bad lines become diagnostics, not exceptions. */
export function* readFactsFile(path: string, summary: ExtractSummary, opts: ExtractOptions = {}): Generator<ArticleFacts> {
  summary.filesRead++;
  let lines: Generator<string>;
  let first: IteratorResult<string>;
  try {
    lines = readLinesSync(path);
    first = lines.next();
  } catch (err) {
    summary.filesRejected++;
    const d = { severity: 'error' as const, code: 'graph/unreadable-file', message: (err as Error).message, file: path };
    summary.diagnostics.push(d);
    opts.onDiagnostic?.(d);
    return;
  }
  summary.filesProcessed++;
  let i = -1;
  for (let step = first; !step.done; step = lines.next()) {
    i++;
    const line = step.value.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      value = undefined;
    }
    if (!looksLikeFacts(value)) {
      const d = { severity: 'error' as const, code: 'graph/bad-facts-line', message: 'not an ArticleFacts JSON object', file: path, line: i + 1 };
      summary.diagnostics.push(d);
      opts.onDiagnostic?.(d);
      continue;
    }
    summary.articles++;
    summary.entities += value.entities.length;
    summary.relations += value.relations.length;
    yield value;
  }
}

/** Every article of the inputs, in order: `.jsonl` files read, the rest extracted. */
export function* readArticles(inputs: string[], opts: ExtractOptions = {}): Generator<ArticleFacts, ExtractSummary> {
  const summary = emptySummary();
  let pages: string[] = [];
  const flushPages = function* (): Generator<ArticleFacts> {
    if (pages.length === 0) return;
    const run = extractFiles(pages, opts);
    pages = [];
    let step = run.next();
    while (!step.done) {
      yield step.value;
      step = run.next();
    }
    addSummary(summary, step.value);
    summary.diagnostics.push(...step.value.diagnostics);
  };
  for (const input of inputs) {
    if (isFactsFile(input)) {
      yield* flushPages();
      yield* readFactsFile(input, summary, opts);
    } else {
      pages.push(input);
    }
  }
  yield* flushPages();
  return summary;
}

/**
 * The graph of the inputs, streamed: articles are read (or extracted) one at a time, merged into
 * the graph and dropped, so memory holds the graph but never the corpus' texts.
 */
export function buildGraphFromInputs(inputs: string[], opts: ExtractOptions = {}): { graph: KgGraph; stats: BuildResult['stats']; summary: ExtractSummary } {
  let summary = emptySummary();
  const run = readArticles(inputs, opts);
  function* articles(): Generator<ArticleFacts> {
    summary = yield* run;
  }
  const { graph, stats } = buildGraph(articles(), undefined, { keepArticles: false });
  return { graph, stats, summary };
}
