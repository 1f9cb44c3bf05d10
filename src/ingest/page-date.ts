/**
 * The page's date: a sidecar metadata file (FILE.json or FILE.meta.json, {"date": "YYYY-MM-DD"}),
 * an ISO date in the file name, or --date; a web page's own publication stamp is the last resort.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * An ISO date in a file name: 2019-09-19, 2019_09_19, 2019.09.19 or 20190919 standing apart from
 * other digits and letters (so a hex hash like 03b7dbb017044dde never reads as a date).
 */
export function dateFromFileName(name: string): string | null {
  const re = /(?<![0-9A-Za-z])((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?![0-9A-Za-z])/g;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const iso = `${m[1]}-${m[3]}-${m[4]}`;
    if (validIsoDate(iso)) return iso;
  }
  return null;
}

/** Sidecar candidates for a page: x.txt.json, x.txt.meta.json, x.json, x.meta.json. */
export function sidecarPaths(path: string): string[] {
  const dir = dirname(path);
  const base = basename(path);
  const stem = base.replace(/\.[^.]*$/, '');
  // (built by pushes, not map(): an optimised map() returned an array of another kind, which
  // deoptimised the loop over it)
  const paths = [join(dir, `${base}.json`), join(dir, `${base}.meta.json`)];
  if (stem !== base) paths.push(join(dir, `${stem}.json`), join(dir, `${stem}.meta.json`));
  return paths;
}

export function dateFromSidecar(path: string, diagnostics: Diagnostic[]): string | null {
  for (const p of sidecarPaths(path)) {
    if (p === path || !existsSync(p)) continue;
    try {
      const meta = JSON.parse(readFileSync(p, 'utf8')) as { date?: unknown };
      const d = typeof meta?.date === 'string' ? meta.date.trim() : '';
      if (validIsoDate(d)) return d;
      diagnostics.push({ severity: 'warning', code: 'ingest/sidecar-date', message: `sidecar ${basename(p)} has no "date": "YYYY-MM-DD"`, file: path });
    } catch (e) {
      diagnostics.push({ severity: 'warning', code: 'ingest/sidecar-unreadable', message: `sidecar ${basename(p)} is not readable JSON (${(e as Error).message})`, file: path });
    }
  }
  return null;
}
