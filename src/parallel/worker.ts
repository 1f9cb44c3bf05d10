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
  articles: ArticleFacts[];
  summary: ExtractSummary;
}

const options = (workerData ?? {}) as Omit<ExtractOptions, 'onDiagnostic'>;

parentPort?.on('message', (req: WorkRequest) => {
  const articles: ArticleFacts[] = [];
  const run = extractFiles([req.file], options);
  let step = run.next();
  while (!step.done) {
    articles.push(step.value);
    step = run.next();
  }
  const result: WorkResult = { seq: req.seq, articles, summary: step.value };
  parentPort?.postMessage(result);
});
