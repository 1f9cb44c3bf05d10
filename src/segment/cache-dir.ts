/**
 * Where the segment stage keeps its derived files (jieba's user dictionary, the POS index, the
 * normalisation table): a folder of this user's own under the OS temp folder, `zhkg-<uid>`,
 * created private (0700). The files are read back as they are, so on a machine where several users
 * share /tmp a folder that someone else could have written is never used: when `zhkg-<uid>` is a
 * symbolic link, not ours, or writable by others, a fresh private folder (mkdtemp) is used for
 * this thread instead: correct, only without the cache (and left behind, as temp files are).
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** This user's private folder under `base` (see above). Creates it when missing. */
export function privateDir(base: string): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const dir = join(base, uid === null ? 'zhkg' : `zhkg-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    // (no owners or modes to check where the platform has no uids)
    if (uid === null) return dir;
    // ours, and nobody else could have written into it (readable by others is made private)
    if (st.isDirectory() && !st.isSymbolicLink() && st.uid === uid && (st.mode & 0o022) === 0) {
      if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
      return dir;
    }
  } catch {
    // a read-only temp folder, or a file in the way: fall through
  }
  return mkdtempSync(join(base, 'zhkg-'));
}

let dirOfThisProcess: string | null = null;

/** privateDir(os.tmpdir()), decided once per thread. */
export function cacheDir(): string {
  dirOfThisProcess ??= privateDir(tmpdir());
  return dirOfThisProcess;
}
