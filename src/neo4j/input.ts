/**
 * Inputs of `zhkg load`: pages to extract (files, directories) or `zhkg extract` output (.jsonl),
 * streamed as ArticleFacts one at a time.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extractFiles, type ExtractOptions, type ExtractSummary } from '../pipeline';
import type { ArticleFacts, Diagnostic } from '../types';

export interface LoadInputSummary {
  filesRead: number;
  filesRejected: number;
  articles: number;
  /** Bad .jsonl lines (not JSON, or not an article). */
  linesRejected: number;
}

export const isJsonl = (path: string) => /\.jsonl$/i.test(path);

function looksLikeFacts(x: unknown): x is ArticleFacts {
  const a = x as ArticleFacts;
  return (
    !!a &&
    typeof a === 'object' &&
    typeof a.id === 'string' &&
    typeof a.text === 'string' &&
    typeof a.contentHash === 'string' &&
    Array.isArray(a.entities) &&
    Array.isArray(a.relations) &&
    Array.isArray(a.sentences)
  );
}

/** Read `zhkg extract` output; a bad line is reported (file:line) and skipped. */
export async function* readFactsJsonl(path: string, report: (d: Diagnostic) => void, counts: LoadInputSummary): AsyncGenerator<ArticleFacts> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = await new Promise<Error | null>((res) => {
    stream.once('open', () => res(null));
    stream.once('error', (e) => res(e));
  });
  counts.filesRead++;
  if (opened) {
    counts.filesRejected++;
    report({ severity: 'error', code: 'load/unreadable', message: `cannot read: ${opened.message}`, file: path });
    return;
  }
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      counts.linesRejected++;
      report({ severity: 'error', code: 'load/bad-json', message: 'not a JSON line; skipped', file: path, line });
      continue;
    }
    if (!looksLikeFacts(value)) {
      counts.linesRejected++;
      report({ severity: 'error', code: 'load/not-an-article', message: 'not an extracted article (zhkg extract output); skipped', file: path, line });
      continue;
    }
    counts.articles++;
    yield value;
  }
}

/** All inputs as one stream: .jsonl files read, everything else extracted (in the order given). */
export async function* readLoadInputs(
  inputs: string[],
  opts: ExtractOptions & { onDiagnostic: (d: Diagnostic) => void },
  counts: LoadInputSummary,
): AsyncGenerator<ArticleFacts> {
  const pages = inputs.filter((p) => !isJsonl(p));
  for (const p of inputs.filter(isJsonl)) yield* readFactsJsonl(p, opts.onDiagnostic, counts);
  if (pages.length === 0) return;
  const run = extractFiles(pages, opts);
  let step = run.next();
  while (!step.done) {
    counts.articles++;
    yield step.value;
    step = run.next();
  }
  const s: ExtractSummary = step.value;
  counts.filesRead += s.filesRead;
  counts.filesRejected += s.filesRejected;
}
