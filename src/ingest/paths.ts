/** Locating data files (dictionaries/, graph/schema/) from compiled code, wherever it runs. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | null = null;

/** The repository root: the nearest folder above this file holding package.json and dictionaries/. */
export function repoRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dictionaries'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`zhkg: cannot find the repository root (package.json + dictionaries/) above ${__dirname}`);
    dir = up;
  }
}

const cache = new Map<string, unknown>();

/** A JSON data file under dictionaries/, parsed once. */
export function loadDictionary<T>(relative: string): T {
  const hit = cache.get(relative);
  if (hit !== undefined) return hit as T;
  const value = JSON.parse(readFileSync(join(repoRoot(), 'dictionaries', relative), 'utf8')) as T;
  cache.set(relative, value);
  return value;
}
