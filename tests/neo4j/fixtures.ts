/**
 * Hand-written ArticleFacts for the loader tests (independent of the extraction rules): offsets,
 * sentences and hashes are computed from the text, so the facts are internally consistent.
 */
import { createHash } from 'node:crypto';
import type { ArticleFacts, Entity, EntityType, PersonRole, Relation, RelationType, Sentence } from '../../src/types';

export interface EntitySpec {
  id: string;
  type: EntityType;
  name: string;
  roles?: PersonRole[];
}
export interface RelationSpec {
  type: RelationType;
  source: string;
  target: string;
}

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。！？\n'.includes(text[i])) {
      if (i + 1 > start) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export function makeArticle(
  id: string,
  text: string,
  entities: EntitySpec[],
  relations: RelationSpec[],
  opts: { headline?: string; date?: string | null; source?: string } = {},
): ArticleFacts {
  const headline = opts.headline ?? null;
  const sentences = sentencesOf(text);
  const sentenceAt = (offset: number) => Math.max(0, sentences.findIndex((s) => offset >= s.start && offset < s.end));
  const ents: Entity[] = entities.map((e) => {
    const at = text.indexOf(e.name);
    const mentions =
      at < 0 ? [] : [{ start: at, end: at + e.name.length, text: e.name, sentence: sentenceAt(at), ruleId: 'fixture/name' }];
    return { id: e.id, type: e.type, name: e.name, canonical: e.name, roles: e.roles, mentions };
  });
  const byId = new Map(ents.map((e) => [e.id, e]));
  const rels: Relation[] = relations.map((r, i) => {
    const s = byId.get(r.source)?.mentions[0];
    const t = byId.get(r.target)?.mentions[0];
    const start = Math.min(s?.start ?? 0, t?.start ?? 0);
    const end = Math.max(s?.end ?? 0, t?.end ?? 0);
    const si = sentenceAt(start);
    return {
      id: `${r.type}:${id}:${r.source}->${r.target}:${i}`,
      type: r.type,
      source: r.source,
      target: r.target,
      evidence: {
        articleId: id,
        sentenceIndex: si,
        sentence: sentences[si] ? text.slice(sentences[si].start, sentences[si].end) : text,
        start,
        end,
        sourceStart: { line: 1, column: start + 1 },
        ruleId: `fixture/${r.type.toLowerCase()}`,
      },
    };
  });
  return {
    id,
    source: opts.source ?? `${id.split('#')[0]}.txt`,
    format: 'plain',
    encoding: 'utf-8',
    headline,
    subheadline: null,
    date: opts.date === undefined ? '2019-09-20' : opts.date,
    pageDate: null,
    reporters: [],
    correspondents: [],
    text,
    contentHash: createHash('sha256')
      .update(`${headline ?? ''}\n${text}`)
      .digest('hex')
      .slice(0, 16),
    sourceStart: { line: 1, column: 1 },
    sourceEnd: { line: 1, column: text.length + 1 },
    sourceMap: [{ offset: 0, line: 1, column: 1 }],
    sentences,
    entities: ents,
    relations: rels,
  };
}

/** Two articles about the sample's people: 陈红民 inspects 嵩山路街道; 姚志伟 holds two titles. */
export function sampleFacts(): ArticleFacts[] {
  const a1 = makeArticle(
    'fixture-001#1',
    '9月19日，二七区委书记陈红民到嵩山路街道调研老旧小区改造工作。区委常委、常务副区长姚志伟陪同。',
    [
      { id: 'person:陈红民', type: 'Person', name: '陈红民', roles: ['Official'] },
      { id: 'title:二七区委书记', type: 'Title', name: '二七区委书记' },
      { id: 'org:二七区委', type: 'Organization', name: '二七区委' },
      { id: 'place:嵩山路街道', type: 'Place', name: '嵩山路街道' },
      { id: 'person:姚志伟', type: 'Person', name: '姚志伟', roles: ['Official'] },
      { id: 'title:二七区委常委', type: 'Title', name: '区委常委' },
      { id: 'title:二七区常务副区长', type: 'Title', name: '常务副区长' },
    ],
    [
      { type: 'HOLDS_TITLE', source: 'person:陈红民', target: 'title:二七区委书记' },
      { type: 'INSPECTED', source: 'person:陈红民', target: 'place:嵩山路街道' },
      { type: 'HOLDS_TITLE', source: 'person:姚志伟', target: 'title:二七区委常委' },
      { type: 'HOLDS_TITLE', source: 'person:姚志伟', target: 'title:二七区常务副区长' },
      { type: 'ACCOMPANIED', source: 'person:姚志伟', target: 'person:陈红民' },
    ],
    { headline: '陈红民调研老旧小区改造', date: '2019-09-19' },
  );
  const a2 = makeArticle(
    'fixture-002#1',
    '二七区区长姚志伟到京广路街道检查防汛工作。',
    [
      { id: 'person:姚志伟', type: 'Person', name: '姚志伟', roles: ['Official'] },
      { id: 'title:二七区区长', type: 'Title', name: '二七区区长' },
      { id: 'place:京广路街道', type: 'Place', name: '京广路街道' },
      { id: 'place:二七区', type: 'Place', name: '二七区' },
    ],
    [
      { type: 'HOLDS_TITLE', source: 'person:姚志伟', target: 'title:二七区区长' },
      { type: 'INSPECTED', source: 'person:姚志伟', target: 'place:京广路街道' },
      { type: 'PART_OF', source: 'place:京广路街道', target: 'place:二七区' },
    ],
    { headline: '姚志伟检查防汛工作', date: '2019-09-21' },
  );
  return [a1, a2];
}
