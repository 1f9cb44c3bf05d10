/** Shared helpers for the reliability tests: temp folders, the sample pages, the CLI. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/ingest/paths';

export const ROOT = repoRoot();
export const OCR_PAGE = join(ROOT, 'corpus', '000_03b7dbb017044dde.txt');
export const MD_PAGE = join(ROOT, 'corpus', '003_dfb369bca4b87668.txt');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

const made: string[] = [];

export function tempDir(prefix = 'zhkg-rel-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop() as string, { recursive: true, force: true });
}

export function pageText(path: string): string {
  return readFileSync(path, 'utf8');
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI in a child process (asynchronously: the test's event loop keeps turning). */
export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A JavaScript stack trace (an "    at fn (file:line:col)" frame) anywhere in the text. */
export const STACK_FRAME = /^\s+at .+[(:]\S+:\d+:\d+\)?$/m;
