import type { Article, ArticleFacts } from '../../src/types';
import { extractArticle } from '../../src/extract';
import { resolveArticle } from '../../src/resolve';

/** A minimal article around a body text (one source line per text line). */
export function article(text: string, extra: Partial<Article> = {}): Article {
  const sourceMap = [{ offset: 0, line: 1, column: 1 }];
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') sourceMap.push({ offset: i + 1, line: ++line, column: 1 });
  return {
    id: 'test#1',
    source: 'test.txt',
    format: 'plain',
    encoding: 'utf-8',
    headline: null,
    subheadline: null,
    date: null,
    pageDate: null,
    reporters: [],
    correspondents: [],
    text,
    contentHash: '0',
    sourceStart: { line: 1, column: 1 },
    sourceEnd: { line, column: 1 },
    sourceMap,
    ...extra,
  };
}

export function facts(text: string, extra: Partial<Article> = {}): ArticleFacts {
  return resolveArticle(extractArticle(article(text, extra)));
}

export function names(f: ArticleFacts, type: string): string[] {
  return f.entities.filter((e) => e.type === type).map((e) => e.name).sort();
}

/** [source name, target name] of each relation of a type. */
export function pairs(f: ArticleFacts, type: string): string[][] {
  const byId = new Map(f.entities.map((e) => [e.id, e.name]));
  return f.relations
    .filter((r) => r.type === type)
    .map((r) => [byId.get(r.source) ?? r.source, byId.get(r.target) ?? r.target])
    .sort((a, b) => a.join().localeCompare(b.join()));
}
