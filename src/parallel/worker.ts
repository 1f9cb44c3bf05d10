/**
 * Worker thread for parallel extraction: loads the dictionaries and jieba once (on the first
 * file), then extracts whole files on request. Messages: {seq, file} in, {seq, articles, summary} out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFiles } from '../pipeline';
import type { ExtractOptions, ExtractSummary } from '../pipeline';
import type { ArticleFacts } from '../types';

export interface WorkRequest {
  seq: number;
  file: string;
}

export interface WorkResult {
  seq: number;
  /** The file's articles (mode 'objects'). */
  articles: ArticleFacts[];
  /** The file's articles as JSON Lines, one per line, each ending in a newline (mode 'jsonl'). */
  jsonl?: string;
  summary: ExtractSummary;
}

/** 'jsonl': the worker serialises, so the main thread neither clones objects nor stringifies. */
export type WorkMode = 'objects' | 'jsonl';

const { mode = 'objects', ...options } = (workerData ?? {}) as Omit<ExtractOptions, 'onDiagnostic'> & { mode?: WorkMode };

parentPort?.on('message', (req: WorkRequest) => {
  const articles: ArticleFacts[] = [];
  const run = extractFiles([req.file], options);
  let step = run.next();
  while (!step.done) {
    articles.push(step.value);
    step = run.next();
  }
  const result: WorkResult =
    mode === 'jsonl'
      ? { seq: req.seq, articles: [], jsonl: articles.map((a) => `${JSON.stringify(a)}\n`).join(''), summary: step.value }
      : { seq: req.seq, articles, summary: step.value };
  parentPort?.postMessage(result);
});
