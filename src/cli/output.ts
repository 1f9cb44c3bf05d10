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
 * Gathers text and bytes into writes of up to `size` bytes: fewer, larger writes, with memory
 * bounded by one chunk. Text is encoded to UTF-8 straight into the chunk (no joined string, no
 * second copy); a piece larger than a chunk is written on its own.
 */
export class ChunkedWriter {
  private buf: Buffer;
  private used = 0;
  constructor(
    private readonly sink: (chunk: Uint8Array) => Promise<void> | void,
    private readonly size = 4 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  text(s: string): Promise<void> | void {
    // a UTF-16 code unit takes at most 3 bytes in UTF-8
    if (this.used + 3 * s.length <= this.size) {
      this.used += this.buf.write(s, this.used);
      return;
    }
    return this.spill(s);
  }

  bytes(b: Uint8Array): Promise<void> | void {
    if (this.used + b.length <= this.size) {
      this.buf.set(b, this.used);
      this.used += b.length;
      return;
    }
    return this.spill(b);
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    // the stream may hold on to the written bytes: the next chunk goes into a new buffer
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(this.size);
    this.used = 0;
    await this.sink(out);
  }

  /** A piece that does not fit: flush, then keep it (or write it alone if larger than a chunk). */
  private async spill(part: string | Uint8Array): Promise<void> {
    await this.flush();
    const big = typeof part === 'string' ? 3 * part.length > this.size : part.length > this.size;
    if (big) await this.sink(typeof part === 'string' ? Buffer.from(part) : part);
    else if (typeof part === 'string') await this.text(part);
    else await this.bytes(part);
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
