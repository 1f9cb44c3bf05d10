/**
 * Worker thread for parallel extraction: loads the dictionaries and jieba once (on the first
 * task), then extracts runs of whole files on request. Messages: {seq, files} in, {seq, articles,
 * summary} out; null in: stop (the thread ends once its port is closed).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFiles } from '../pipeline';
import type { ExtractOptions, ExtractSummary } from '../pipeline';
import type { ArticleFacts } from '../types';

export interface WorkRequest {
  seq: number;
  /** Consecutive input files (extracted with extractFiles' read-ahead, in this order). */
  files: string[];
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

/** The task's JSON Lines, encoded as each article comes (grown as needed, reused across tasks). */
let out = Buffer.allocUnsafeSlow(1 << 20);
let used = 0;

function appendLine(json: string): void {
  // a UTF-16 code unit takes at most 3 bytes in UTF-8, and the newline one
  const need = used + 3 * json.length + 1;
  if (need > out.length) {
    const bigger = Buffer.allocUnsafeSlow(Math.max(need, 2 * out.length));
    out.copy(bigger, 0, 0, used);
    out = bigger;
  }
  used += out.write(json, used);
  out[used++] = 10;
}

parentPort?.on('message', (req: WorkRequest | null) => {
  // null: the pool is done; with the port closed nothing keeps this thread alive, and it exits
  if (req === null) {
    parentPort?.close();
    return;
  }
  const run = extractFiles(req.files, options);
  if (mode === 'jsonl') {
    // each article serialised as it comes, so that none outlives its turn (a task's articles
    // kept to the end would be promoted to the old generation, at a cost in GC)
    used = 0;
    let step = run.next();
    while (!step.done) {
      appendLine(JSON.stringify(step.value));
      step = run.next();
    }
    // a copy over its own ArrayBuffer (never Buffer's shared pool), so it can be transferred
    const jsonl = new Uint8Array(used);
    jsonl.set(out.subarray(0, used));
    const result: WorkResult = { seq: req.seq, articles: [], jsonl, summary: step.value };
    parentPort?.postMessage(result, [jsonl.buffer]);
  } else {
    const articles: ArticleFacts[] = [];
    let step = run.next();
    while (!step.done) {
      articles.push(step.value);
      step = run.next();
    }
    const result: WorkResult = { seq: req.seq, articles, summary: step.value };
    parentPort?.postMessage(result);
  }
});
