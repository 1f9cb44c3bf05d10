/**
 * Hand-written ArticleFacts for the graph tests: three dated articles about inspections, plus
 * one undated article whose strings are hostile to every export format (quotes, <script>, &,
 * braces, commas, semicolons, newlines, tabs, backslashes).
 */
import { createHash } from 'node:crypto';
import type { ArticleFacts, Entity, EntityType, PersonRole, Relation, RelationType } from '../../src/types';

export const HOSTILE = 'He said "hi", \'yo\' <script>alert(1)</script> & {braces} ]]> <!-- x --> a;b|c\\n\nnew line\ttab';

interface EntitySpec {
  id: string;
  type: EntityType;
  name: string;
  canonical?: string;
  roles?: PersonRole[];
}

interface RelationSpec {
  type: RelationType;
  source: string;
  target: string;
  ruleId: string;
}

/** Build one article: text is the sentences joined; each entity is mentioned where its name first occurs. */
export function article(id: string, date: string | null, headline: string, sentences: string[], entities: EntitySpec[], relations: RelationSpec[], reporters: string[] = []): ArticleFacts {
  const text = sentences.join('');
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const s of sentences) {
    spans.push({ start: at, end: at + s.length });
    at += s.length;
  }
  const sentenceOf = (offset: number) => Math.max(0, spans.findIndex((s) => offset >= s.start && offset < s.end));
  const ents: Entity[] = entities.map((e) => {
    const start = text.indexOf(e.name);
    const mentions = start >= 0 ? [{ start, end: start + e.name.length, text: e.name, sentence: sentenceOf(start), ruleId: `fixture/${e.type.toLowerCase()}` }] : [];
    return { id: e.id, type: e.type, name: e.name, canonical: e.canonical ?? e.name, ...(e.roles ? { roles: e.roles } : {}), mentions };
  });
  const rels: Relation[] = relations.map((r) => {
    // Evidence: the first sentence naming both ends (else the source's first mention).
    const src = ents.find((e) => e.id === r.source);
    const tgt = ents.find((e) => e.id === r.target);
    const both = sentences.findIndex((s) => !!src && !!tgt && s.includes(src.name.slice(0, 2)) && s.includes(tgt.name));
    const si = both >= 0 ? both : sentenceOf(src?.mentions[0]?.start ?? 0);
    return {
      id: `${r.type}|${r.source}|${r.target}|${id}`,
      type: r.type,
      source: r.source,
      target: r.target,
      evidence: { articleId: id, sentenceIndex: si, sentence: sentences[si], start: spans[si].start, end: spans[si].end, sourceStart: { line: si + 1, column: 1 }, ruleId: r.ruleId },
    };
  });
  return {
    id,
    source: `${id.split('#')[0]}.txt`,
    format: 'plain',
    encoding: 'utf-8',
    headline,
    subheadline: null,
    date,
    pageDate: date,
    reporters,
    correspondents: [],
    text,
    contentHash: createHash('sha256').update(headline + text).digest('hex').slice(0, 16),
    sourceStart: { line: 1, column: 1 },
    sourceEnd: { line: sentences.length, column: 1 },
    sourceMap: [{ offset: 0, line: 1, column: 1 }],
    sentences: spans,
    entities: ents,
    relations: rels,
  };
}

const CHEN = { id: 'person:陈红民', type: 'Person' as const, name: '陈红民', roles: ['Official' as const] };
const ZHANG = { id: 'person:张伟', type: 'Person' as const, name: '张伟', roles: ['Official' as const] };
const WANG = { id: 'person:王芳', type: 'Person' as const, name: '王芳', roles: ['Official' as const] };
const LI = { id: 'person:李明', type: 'Person' as const, name: '李明', roles: ['Reporter' as const] };
const SECRETARY = { id: 'title:二七区委书记', type: 'Title' as const, name: '区委书记', canonical: '二七区委书记' };
const MAYOR = { id: 'title:二七区区长', type: 'Title' as const, name: '区长', canonical: '二七区区长' };
const VICE = { id: 'title:二七区副区长', type: 'Title' as const, name: '副区长', canonical: '二七区副区长' };
const YARD = { id: 'place:棉纺东路20号院', type: 'Place' as const, name: '棉纺东路20号院' };
const PARK = { id: 'project:二七区科创园', type: 'Project' as const, name: '二七区科创园' };
const BUREAU = { id: 'organization:二七区住建局', type: 'Organization' as const, name: '二七区住建局' };
const MEETING = { id: 'event:老旧小区改造推进会', type: 'Event' as const, name: '老旧小区改造推进会' };

export function fixtureArticles(): ArticleFacts[] {
  const a = article(
    'page1#1',
    '2024-09-19',
    '陈红民调研老旧小区改造',
    ['9月19日，区委书记陈红民到棉纺东路20号院调研老旧小区改造。', '区长张伟陪同调研。', '二七区住建局负责人汇报了进展。', '（记者 李明）'],
    [CHEN, ZHANG, SECRETARY, MAYOR, YARD, BUREAU, LI],
    [
      { type: 'HOLDS_TITLE', source: CHEN.id, target: SECRETARY.id, ruleId: 'rel/title-name' },
      { type: 'HOLDS_TITLE', source: ZHANG.id, target: MAYOR.id, ruleId: 'rel/title-name' },
      { type: 'INSPECTED', source: CHEN.id, target: YARD.id, ruleId: 'rel/inspect-dao' },
      { type: 'INSPECTED', source: ZHANG.id, target: YARD.id, ruleId: 'rel/inspect-accompany' },
      { type: 'ACCOMPANIED', source: ZHANG.id, target: CHEN.id, ruleId: 'rel/accompany' },
    ],
    ['李明'],
  );
  // The reporter byline: REPORTED Person -> Article.
  a.relations.push({
    id: `REPORTED|${LI.id}|page1#1|page1#1`,
    type: 'REPORTED',
    source: LI.id,
    target: 'page1#1',
    evidence: { articleId: 'page1#1', sentenceIndex: 3, sentence: '（记者 李明）', start: a.sentences[3].start, end: a.sentences[3].end, ruleId: 'byline/reporter' },
  });
  const b = article(
    'page2#1',
    '2024-10-02',
    '陈红民调研科创园建设',
    ['10月2日，二七区委书记陈红民到二七区科创园调研。', '随后，陈红民来到棉纺东路20号院察看改造进度。', '副区长王芳参加调研。'],
    [{ ...CHEN, name: '陈红民同志', canonical: '陈红民' }, WANG, SECRETARY, VICE, PARK, YARD],
    [
      { type: 'HOLDS_TITLE', source: CHEN.id, target: SECRETARY.id, ruleId: 'rel/title-name' },
      { type: 'HOLDS_TITLE', source: WANG.id, target: VICE.id, ruleId: 'rel/title-name' },
      { type: 'INSPECTED', source: CHEN.id, target: PARK.id, ruleId: 'rel/inspect-dao' },
      { type: 'INSPECTED', source: CHEN.id, target: YARD.id, ruleId: 'rel/inspect-chakan' },
      { type: 'INSPECTED', source: WANG.id, target: PARK.id, ruleId: 'rel/inspect-accompany' },
    ],
  );
  const c = article(
    'page3#1',
    '2024-11-05',
    '老旧小区改造推进会召开',
    ['11月5日，老旧小区改造推进会召开。', '区长张伟出席会议。'],
    [ZHANG, MAYOR, MEETING],
    [
      { type: 'HOLDS_TITLE', source: ZHANG.id, target: MAYOR.id, ruleId: 'rel/title-name' },
      { type: 'ATTENDED', source: ZHANG.id, target: MEETING.id, ruleId: 'rel/attend' },
    ],
  );
  return [a, b, c];
}

/** One undated article whose names, headline and evidence are hostile strings. */
export function hostileArticle(): ArticleFacts {
  const site = { id: `place:${HOSTILE}`, type: 'Place' as const, name: `工地${HOSTILE}` };
  const who = { id: 'person:赵敏', type: 'Person' as const, name: '赵敏', canonical: '赵敏', roles: ['Official' as const] };
  const a = article('page4#1', null, HOSTILE, [`赵敏到工地${HOSTILE}检查。`], [who, site], [{ type: 'INSPECTED', source: who.id, target: site.id, ruleId: 'rel/inspect-"x"<&>' }]);
  a.entities[0].name = `赵敏${HOSTILE}`;
  return a;
}
