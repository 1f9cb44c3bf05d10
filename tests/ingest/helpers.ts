import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/ingest/paths';
import type { Article } from '../../src/types';

export const ROOT = repoRoot();
export const CORPUS = join(ROOT, 'corpus');
export const OCR_PAGE = join(CORPUS, '000_03b7dbb017044dde.txt');
export const MD_PAGE = join(CORPUS, '003_dfb369bca4b87668.txt');
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'ingest');

const made: string[] = [];
// the test run leaves no folders behind in the temp folder
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new folder under the OS temp folder, removed when the test process exits. */
export function tempDir(prefix = 'zhkg-ingest-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The fields that must not depend on how the page was encoded. */
export function essence(a: Article) {
  const { encoding: _encoding, ...rest } = a;
  return rest;
}

/** The article whose body contains `key`. */
export function byKey(articles: Article[], key: string): Article {
  const hit = articles.find((a) => a.text.replace(/\s+/g, '').includes(key));
  if (!hit) throw new Error(`no article contains ${key}`);
  return hit;
}
