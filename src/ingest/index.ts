// PLACEHOLDER (replaced by the ingest work): whole file = one article, UTF-8 only.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Article, Diagnostic, SourcePage } from '../types';

export interface IngestOptions { date?: string }
export interface IngestResult { page: SourcePage | null; articles: Article[]; diagnostics: Diagnostic[] }
export interface ListedInputs { files: string[]; rejected: number; diagnostics: Diagnostic[] }

export function listInputs(inputs: string[]): ListedInputs {
  const files: string[] = [];
  for (const p of inputs) {
    if (statSync(p).isDirectory()) files.push(...readdirSync(p).sort().map((f) => join(p, f)));
    else files.push(p);
  }
  return { files, rejected: 0, diagnostics: [] };
}

export function ingestFile(path: string, _opts: IngestOptions = {}): IngestResult {
  const text = readFileSync(path, 'utf8');
  const source = basename(path);
  const page: SourcePage = { path, source, encoding: 'utf-8', format: 'plain', text, pageDate: null };
  const article: Article = {
    id: `${source.replace(/\.[^.]*$/, '')}#1`, source, format: 'plain', encoding: 'utf-8',
    headline: null, subheadline: null, date: null, pageDate: null, reporters: [], correspondents: [],
    text, contentHash: createHash('sha256').update(text).digest('hex').slice(0, 16),
    sourceStart: { line: 1, column: 1 }, sourceEnd: { line: 1, column: 1 }, sourceMap: [{ offset: 0, line: 1, column: 1 }],
  };
  return { page, articles: [article], diagnostics: [] };
}
