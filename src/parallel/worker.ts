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
  /**
   * The file's articles as UTF-8 JSON Lines, one per line, each ending in a newline (mode
   * 'jsonl'). Its ArrayBuffer is transferred, not copied: the main thread only writes it.
   */
  jsonl?: Uint8Array;
  summary: ExtractSummary;
}

/** 'jsonl': the worker serialises and encodes, so the main thread neither clones, stringifies nor encodes. */
export type WorkMode = 'objects' | 'jsonl';

const { mode = 'objects', ...options } = (workerData ?? {}) as Omit<ExtractOptions, 'onDiagnostic'> & { mode?: WorkMode };

const encoder = new TextEncoder();

parentPort?.on('message', (req: WorkRequest) => {
  const articles: ArticleFacts[] = [];
  const run = extractFiles([req.file], options);
  let step = run.next();
  while (!step.done) {
    articles.push(step.value);
    step = run.next();
  }
  if (mode === 'jsonl') {
    // TextEncoder gives a Uint8Array over its own ArrayBuffer (never Buffer's shared pool), so it can be transferred
    const jsonl = encoder.encode(articles.map((a) => `${JSON.stringify(a)}\n`).join(''));
    const result: WorkResult = { seq: req.seq, articles: [], jsonl, summary: step.value };
    parentPort?.postMessage(result, [jsonl.buffer]);
  } else {
    const result: WorkResult = { seq: req.seq, articles, summary: step.value };
    parentPort?.postMessage(result);
  }
});
