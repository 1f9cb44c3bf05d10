import { createWriteStream, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Diagnostic } from '../types';
import type { ExtractSummary } from '../pipeline';
import { writeChunk } from '../graph/sink';

/**
 * stdout, or a file (its folder created) when --out is given. The file is opened at once, so a
 * folder, a read-only place or a missing disk fails here with a message naming it; a later write
 * error (disk full) rejects the next write() or close() instead of crashing the process.
 */
export function openOutput(out: string | undefined, stdout: Writable): { stream: Writable; close(): Promise<void> } {
  if (!out || out === '-') return { stream: stdout, close: async () => undefined };
  let fd: number;
  try {
    mkdirSync(dirname(out), { recursive: true });
    fd = openSync(out, 'w');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw Object.assign(new Error(`cannot write ${out}: ${err.code ?? err.message}`), { code: err.code });
  }
  const stream = createWriteStream(out, { fd });
  stream.on('error', (e: Error) => {
    if (!e.message.includes(out)) e.message = `cannot write ${out}: ${e.message}`;
  });
  return {
    stream,
    close: () =>
      new Promise((resolve, reject) => {
        if (stream.errored) return reject(stream.errored);
        stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Write a chunk with backpressure (see writeChunk). */
export const write = writeChunk;

/**
 * Gathers text and bytes into writes of about `size` bytes (strings are counted by length, which
 * is close enough): fewer, larger writes, with memory bounded by one chunk.
 */
export class ChunkedWriter {
  private parts: (string | Uint8Array)[] = [];
  private length = 0;
  constructor(
    private readonly sink: (chunk: string | Uint8Array) => Promise<void> | void,
    private readonly size = 1 << 20,
  ) {}

  text(s: string): Promise<void> | void {
    return this.add(s);
  }

  bytes(b: Uint8Array): Promise<void> | void {
    return this.add(b);
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    this.length = 0;
    if (parts.length === 1) await this.sink(parts[0]);
    else if (parts.every((p) => typeof p === 'string')) await this.sink((parts as string[]).join(''));
    else await this.sink(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
  }

  private add(part: string | Uint8Array): Promise<void> | void {
    this.parts.push(part);
    this.length += part.length;
    if (this.length >= this.size) return this.flush();
  }
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
