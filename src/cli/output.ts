import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Diagnostic } from '../types';
import type { ExtractSummary } from '../pipeline';

/** stdout, or a file (its folder created) when --out is given. */
export function openOutput(out: string | undefined, stdout: Writable): { stream: Writable; close(): Promise<void> } {
  if (!out || out === '-') return { stream: stdout, close: async () => undefined };
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  return {
    stream,
    close: () => new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

/** Write a chunk, waiting for 'drain' when the stream's buffer is full (keeps memory flat). */
export function write(stream: Writable, chunk: string): Promise<void> | void {
  if (!stream.write(chunk)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  return `${d.severity}: ${where}${d.message} [${d.code}]`;
}

export function formatSummary(s: ExtractSummary): string {
  return (
    `files read ${s.filesRead} = processed ${s.filesProcessed} + rejected ${s.filesRejected}; ` +
    `articles written ${s.articles}; entities ${s.entities}; relations ${s.relations}`
  );
}
