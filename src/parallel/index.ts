/**
 * Parallel extraction over worker threads: a task is a run of consecutive files (up to
 * TASK_BYTES, so that a worker's extractFiles reads ahead a batch of pages, not one), results in
 * input order. At most `2 × workers` tasks are in flight, so memory stays bounded by a few
 * megabytes of pages whatever the corpus size.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { addSummary, emptySummary, startRun } from '../pipeline';
import { listInputs } from '../ingest';
import type { ExtractOptions, ExtractSummary } from '../pipeline';
import type { ArticleFacts } from '../types';
import type { WorkMode, WorkResult } from './worker';

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads (default: the core count). */
  workers?: number;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Each thread's speed with every core busy, against alone: two one-thread processes on the 2-core
 * bench machine each ran 15% slower than one alone (shared caches and memory; pure computation
 * scales 2.0x there).
 */
const BUSY_EFFICIENCY = 0.85;

/**
 * Input size at which 2 workers became as fast as one thread on the 2-core bench machine: 13 MB of
 * bench corpus (10.5 MB: one thread 5% faster; 15.8 MB: 2 workers 6% faster). Workers pay a start
 * one thread does not: the thread and its isolate, and above all its own JIT warm-up, competing for
 * the cores (see the README's Benchmarks).
 */
const CROSSOVER_2_CORES = 12 << 20;

/**
 * Below this many bytes of input, one thread beats `cores` workers. One thread takes F + x·s, N
 * workers about F + W + x·s / (N·e) (W their start, e = BUSY_EFFICIENCY): they cross at
 * x = W / (s·(1 − 1/(N·e))). W and s are taken from the 2-core measurement (CROSSOVER_2_CORES) and
 * the size scaled to N cores: 12 MiB at 2, ~7 at 4, ~6 at 8. (Measured on 2 cores only.)
 */
export function smallInputBytes(cores: number): number {
  if (cores < 2) return Infinity;
  const share = (n: number) => 1 - 1 / (n * BUSY_EFFICIENCY);
  return Math.round((CROSSOVER_2_CORES * share(2)) / share(cores));
}

/**
 * The thread count `zhkg extract` uses unless told: the core count, or 1 when the inputs (files, or
 * the pages in folders) total less than smallInputBytes: a few pages extract faster on the thread
 * that reads them than on workers that must start first.
 */
export function defaultWorkersFor(inputs: string[]): number {
  const cores = defaultWorkers();
  const small = smallInputBytes(cores);
  return listInputs(inputs, small).bytes < small ? 1 : cores;
}

/**
 * Like extractFiles, over worker threads. Yields articles in input order (file order, then
 * article order within a file); returns the summary.
 */
export async function* extractFilesParallel(
  inputs: string[],
  opts: ParallelOptions = {},
): AsyncGenerator<ArticleFacts, ExtractSummary> {
  const run = runPool(inputs, opts, 'objects');
  try {
    let step = await run.next();
    while (!step.done) {
      yield* step.value.articles;
      step = await run.next();
    }
    return step.value;
  } finally {
    // a consumer that stops early ends the pool (its workers would keep the process alive)
    await run.return(emptySummary());
  }
}

/**
 * Like extractFilesParallel, but the workers serialise: yields, per task (a run of consecutive
 * input files, see tasksOf) in input order, its articles as UTF-8 JSON Lines (one
 * JSON.stringify(ArticleFacts) per line, each ending in a newline; empty for files without
 * articles). What `zhkg extract --workers N` writes.
 */
export async function* extractJsonlParallel(
  inputs: string[],
  opts: ParallelOptions = {},
): AsyncGenerator<Uint8Array, ExtractSummary> {
  const run = runPool(inputs, opts, 'jsonl');
  try {
    let step = await run.next();
    while (!step.done) {
      yield step.value.jsonl ?? new Uint8Array(0);
      step = await run.next();
    }
    return step.value;
  } finally {
    // a consumer that stops early ends the pool (its workers would keep the process alive)
    await run.return(emptySummary());
  }
}

/**
 * Input bytes per task, at most (a worker's extractFiles reads such a task as one batch: 256 KB
 * of Chinese pages is ~85 K characters, under READ_AHEAD_CHARS). Bench corpus, 2 workers: tasks of
 * 128 KB to 1 MB ran about equally fast, 2 MB slower; 256 KB had the lowest peak RSS of the fast ones.
 */
export const TASK_BYTES = 1 << 18;

/**
 * The files cut into tasks of consecutive files, each up to TASK_BYTES but no more than an
 * eighth of a worker's share (so that small corpora still use every worker, and none waits long
 * for the last). `sizes`: the files' sizes (listInputs gives them; stat'ed when not given). A file
 * that cannot be stat'ed counts as empty (its worker reports it).
 */
export function tasksOf(files: string[], workers: number, sizes: number[] = files.map(sizeOf)): string[][] {
  const total = sizes.reduce((s, b) => s + b, 0);
  const target = Math.max(1, Math.min(TASK_BYTES, total / (8 * workers)));
  const tasks: string[][] = [];
  let task: string[] = [];
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    task.push(files[i]);
    bytes += sizes[i];
    if (bytes >= target) {
      tasks.push(task);
      task = [];
      bytes = 0;
    }
  }
  if (task.length) tasks.push(task);
  return tasks;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function* runPool(inputs: string[], opts: ParallelOptions, mode: WorkMode): AsyncGenerator<WorkResult, ExtractSummary> {
  const { summary, report, files, sizes } = startRun(inputs, opts);
  const wanted = Math.max(1, opts.workers ?? defaultWorkers());
  const tasks = tasksOf(files, wanted, sizes);
  const n = Math.min(wanted, tasks.length || 1);
  const { onDiagnostic: _ignored, workers: _w, ...workerOptions } = opts;
  const pool = Array.from({ length: n }, () => new Worker(join(__dirname, 'worker.js'), { workerData: { ...workerOptions, mode } }));
  const exited = pool.map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve())));

  const done = new Map<number, WorkResult>();
  const waiters = new Map<number, () => void>();
  let failure: Error | null = null;
  let next = 0;
  let stopping = false;
  const feed = (w: Worker) => {
    if (!stopping && next < tasks.length) w.postMessage({ seq: next, files: tasks[next++] });
  };
  for (const w of pool) {
    w.on('message', (r: WorkResult) => {
      done.set(r.seq, r);
      waiters.get(r.seq)?.();
      // keep at most ~2 tasks per worker buffered ahead of the consumer
      if (done.size < 2 * n) feed(w);
      else pending.push(w);
    });
    w.on('error', (err) => {
      failure = err;
      for (const wake of waiters.values()) wake();
    });
  }
  const pending: Worker[] = [];
  for (const w of pool) {
    feed(w);
    feed(w);
  }
  try {
    for (let seq = 0; seq < tasks.length; seq++) {
      if (!done.has(seq)) {
        await new Promise<void>((resolve) => waiters.set(seq, resolve));
        waiters.delete(seq);
      }
      if (failure) throw failure;
      const r = done.get(seq) as WorkResult;
      done.delete(seq);
      while (pending.length && done.size < 2 * n) feed(pending.shift() as Worker);
      r.summary.diagnostics.forEach(report);
      addSummary(summary, r.summary);
      yield r;
    }
  } finally {
    // Workers are asked to stop (null), and end after the task in hand; never terminated: a worker
    // stopped inside jieba's native code can abort the whole process (node-addon-api throws into a
    // dying environment). At the normal end they are idle; a consumer that stops early waits for
    // at most one task per worker.
    stopping = true;
    for (const w of pool) w.postMessage(null);
    await Promise.all(exited);
  }
  return summary;
}
