/**
 * Inputs of the graph commands: `.jsonl` files written by `zhkg extract` (one ArticleFacts a line)
 * are read as they are; any other file or directory goes through the pipeline (extractFiles).
 */
import { readFileSync } from 'node:fs';
import { extractFiles, emptySummary } from '../pipeline';
import type { ExtractOptions, ExtractSummary } from '../pipeline';
import type { ArticleFacts } from '../types/facts';

const JSONL = /\.(jsonl|ndjson)$/i;

export function isFactsFile(path: string): boolean {
  return JSONL.test(path);
}

function looksLikeFacts(v: unknown): v is ArticleFacts {
  const o = v as Partial<ArticleFacts> | null;
  return !!o && typeof o === 'object' && typeof o.id === 'string' && typeof o.text === 'string' &&
    Array.isArray(o.entities) && Array.isArray(o.relations) && Array.isArray(o.sentences);
}

/** Read ArticleFacts from JSON Lines files; bad lines become diagnostics, not exceptions. */
export function* readFactsFile(path: string, summary: ExtractSummary, opts: ExtractOptions = {}): Generator<ArticleFacts> {
  summary.filesRead++;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    summary.filesRejected++;
    const d = { severity: 'error' as const, code: 'graph/unreadable-file', message: (err as Error).message, file: path };
    summary.diagnostics.push(d);
    opts.onDiagnostic?.(d);
    return;
  }
  summary.filesProcessed++;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
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
    const s = step.value;
    summary.filesRead += s.filesRead;
    summary.filesProcessed += s.filesProcessed;
    summary.filesRejected += s.filesRejected;
    summary.articles += s.articles;
    summary.entities += s.entities;
    summary.relations += s.relations;
    summary.diagnostics.push(...s.diagnostics);
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
