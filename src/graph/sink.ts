/**
 * Chunked text output shared by every exporter. An exporter is a generator of text chunks of
 * about CHUNK_CHARS characters (it gathers small pieces in a TextBuffer and yields when it is
 * full), so no export is ever held whole in memory; the consumers below write the chunks to a
 * file (synchronously, encoded into a 1 MB buffer written when full), to a stream (with
 * backpressure), or join them into one string (toGexf and friends, for tests and the library
 * API). One code path for all three.
 *
 * Chunks are small on purpose: the pieces a TextBuffer holds live until its chunk is taken, and
 * with 1 MB chunks they outlived the young generation, so the garbage collector promoted them and
 * ran full collections over the whole graph (GraphML at 10x took 21x the time of 1x). At 16K
 * characters they die young.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';

/** Characters per chunk (UTF-16 units: close enough). */
export const CHUNK_CHARS = 1 << 14;

/** Bytes per write to a file. */
export const WRITE_BYTES = 1 << 20;

/** Pieces of text gathered until a chunk is full. */
export class TextBuffer {
  private parts: string[] = [];
  private length = 0;

  private readonly size: number;

  constructor(size?: number) {
    this.size = size ?? CHUNK_CHARS;
  }

  write(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  get full(): boolean {
    return this.length >= this.size;
  }

  /** The gathered text, emptying the buffer. */
  take(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.length = 0;
    return s;
  }
}

/** The chunks joined into one string. */
export function chunksToString(chunks: Iterable<string>): string {
  let out = '';
  for (const c of chunks) out += c;
  return out;
}

/** An error writing an export, naming the file (code: the fs error code, e.g. ENOSPC, EISDIR). */
export function writeError(path: string, e: unknown): Error {
  const err = e as NodeJS.ErrnoException;
  return Object.assign(new Error(`cannot write ${path}: ${err.message}`), { code: err.code, path });
}

/**
 * Write the chunks to `path` (created, or truncated), its folder created first: encoded as UTF-8
 * into a WRITE_BYTES buffer, written when full. Memory: that buffer and one chunk. Errors (a
 * folder at `path`, a full disk, …) name the path.
 */
export function writeChunksToFile(path: string, chunks: Iterable<string>): void {
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
  } catch (e) {
    throw writeError(path, e);
  }
  const writeAll = (bytes: Uint8Array, length: number) => {
    let off = 0;
    while (off < length) {
      try {
        off += writeSync(fd, bytes, off, length - off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw writeError(path, e);
      }
    }
  };
  try {
    const buf = Buffer.allocUnsafe(WRITE_BYTES);
    let used = 0;
    for (const chunk of chunks) {
      // at most 3 bytes of UTF-8 per UTF-16 unit (a surrogate pair: 4 bytes for 2 units)
      if (used + chunk.length * 3 > buf.length) {
        writeAll(buf, used);
        used = 0;
      }
      if (chunk.length * 3 > buf.length) {
        const bytes = Buffer.from(chunk, 'utf8');
        writeAll(bytes, bytes.length);
      } else used += buf.write(chunk, used, 'utf8');
    }
    writeAll(buf, used);
  } finally {
    closeSync(fd);
  }
}

/** Write one chunk, waiting for 'drain' when the stream's buffer is full (keeps memory flat); rejects on a write error. */
export function writeChunk(stream: Writable, chunk: string | Uint8Array): Promise<void> | void {
  if (stream.errored) return Promise.reject(stream.errored);
  if (!stream.write(chunk)) {
    return new Promise((resolve, reject) => {
      if (stream.errored) return reject(stream.errored);
      const onDrain = () => {
        stream.off('error', onError);
        resolve();
      };
      const onError = (e: Error) => {
        stream.off('drain', onDrain);
        reject(e);
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
  }
}

/** Write the chunks to a stream, waiting for 'drain' when it is full (backpressure). */
export async function writeChunksToStream(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) await writeChunk(stream, chunk);
}
