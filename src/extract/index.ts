/**
 * Extract stage: an Article's text -> entities (with mentions) and relations (with evidence).
 *
 * Rule families (each mention and relation carries the id of the rule that made it):
 *   persons.ts    persons and titles (person/*, title/*)
 *   entities.ts   places, organisations, projects (place/*, organization/*, project/*)
 *   relations.ts  INSPECTED, ACCOMPANIED, ATTENDED, PART_OF
 *   here          byline persons and REPORTED (person/byline, reported/byline)
 * Vocabularies live in dictionaries/ (see dictionaries/README.md).
 */
import type { Article, ArticleFacts, Entity, EntityType, Evidence, Mention, Relation, SourcePosition } from '../types';
import { normalize, segment, stripSpaces } from '../segment';
import { sourcePosition } from '../ingest/source-map';
import { fnv1a } from '../resolve';
import { type Dictionaries, getDictionaries } from './dictionaries';
import { type Cand, type Ctx, Slot, sentenceIndex, zeroed } from './context';
import { extractPersons } from './persons';
import { extractEntities } from './entities';
import { extractRelations } from './relations';

export { DictionaryError, getDictionaries, loadDictionaries } from './dictionaries';

/** Where an article text offset lies in the source file; undefined where the article has no map there. */
export function sourcePositionOf(article: Article, offset: number): SourcePosition | undefined {
  const map = article.sourceMap;
  if (!map || !map.length || map[0].offset > offset) return undefined;
  return sourcePosition(article, offset);
}

export function entityIdFor(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${name}`;
}


/** The byline-role words, longest first (sorted once per dictionary set). */
const rolesSorted = new WeakMap<Dictionaries, string[]>();
function bylineRoles(d: Dictionaries): string[] {
  let r = rolesSorted.get(d);
  if (!r) rolesSorted.set(d, (r = [...d.ruleWords['byline-role']].sort((a, b) => b.length - a.length)));
  return r;
}

/** Byline names written at the end of the text (记者 景静 通讯员 左学彬 周祎), when ingest gave none. */
export function bylineFromText(text: string): { reporters: string[]; correspondents: string[] } {
  const reporters: string[] = [];
  const correspondents: string[] = [];
  const roles = bylineRoles(getDictionaries());
  const roleAt = (w: string) => roles.find((r) => w.startsWith(r));
  // …提出了意见建议。(徐洋): a name in parentheses closing the text is the reporter's
  const tail = /[。！？!?”][\s]*[（(]\s*([\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,3})\s*[)）]\s*$/.exec(text);
  if (tail) {
    const d = getDictionaries();
    const ns = tail[1].split(/[\s、，,]+/);
    if (ns.every((n) => n.length <= 4 && (d.surnames.has(normalize(n)[0]) || d.compoundSurnames.has(normalize(n).slice(0, 2))) && !d.notPerson.longestAt(normalize(n), 0))) {
      return { reporters: ns, correspondents };
    }
  }
  // …守牢安全底线。（融媒体记者 杨露露） / (图文:陈泽睿 王雅玲): a parenthesis with byline roles closing the text
  const paren = /[（(]([^（()）\n]{3,40})[)）]\s*$/.exec(text);
  if (paren) {
    const d = getDictionaries();
    const out: string[] = [];
    const outC: string[] = [];
    let to: string[] | null = null;
    for (let w of paren[1].split(/[\s、，,:：/]+/).filter(Boolean)) {
      const r = roles.find((x) => w.includes(x)) ?? (d.ruleWords['byline-role'].has(w) ? w : undefined);
      if (r) {
        to = r === '通讯员' ? outC : out;
        w = w.slice(w.indexOf(r) + r.length);
        if (!w) continue;
      }
      const n = normalize(w);
      if (to && /^[\u4e00-\u9fff·]{2,4}$/.test(w) && (d.surnames.has(n[0]) || d.compoundSurnames.has(n.slice(0, 2))) && !to.includes(w)) to.push(w);
    }
    if (out.length || outC.length) return { reporters: out, correspondents: outC };
  }
  const lines = text.trimEnd().split('\n').slice(-2);
  for (const line of lines) {
    const head = line.replace(/^[\s（(]+/, '');
    if (!roleAt(head)) continue;
    let to: string[] | null = null;
    for (let w of line.replace(/[（()）]/g, ' ').split(/[\s\u3000]+/).filter(Boolean)) {
      const r = roleAt(w);
      if (r) {
        to = r === '通讯员' ? correspondents : reporters;
        w = w.slice(r.length).replace(/^[:：]/, '');
        if (!w) continue;
      }
      if (to && /^[\u4e00-\u9fff·]{2,4}$/.test(w) && !to.includes(w)) to.push(w);
    }
  }
  return { reporters, correspondents };
}

export function extractArticle(article: Article): ArticleFacts {
  const d = getDictionaries();
  const seg = segment(article.text, true); // (its arrays are reused by the next article)
  const V = seg.view;
  const sentOf = sentenceIndex(seg);
  const ctx: Ctx = {
    article,
    seg,
    d,
    V,
    sentOf,
    claimed: zeroed(Slot.Claimed, V.length + 1),
    personMask: zeroed(Slot.PersonMask, V.length + 1),
    persons: [],
    titles: [],
    entities: [],
    links: [],
    personNames: new Set(),
  };

  // byline names first, so that the other rules know them
  let reporters = article.reporters ?? [];
  let correspondents = article.correspondents ?? [];
  if (!reporters.length && !correspondents.length) {
    const b = bylineFromText(article.text);
    reporters = b.reporters;
    correspondents = b.correspondents;
  }
  const bylineNames = new Set([...reporters, ...correspondents].map((n) => n.replace(/\s+/g, '')));
  for (const n of bylineNames) ctx.personNames.add(n);

  extractPersons(ctx);
  extractEntities(ctx);
  extractRelations(ctx, bylineNames);

  const text = article.text;
  const toText = seg.toText;
  const span = (vs: number, ve: number) => ({ start: toText[vs], end: ve > vs ? toText[ve - 1] + 1 : toText[vs] });
  const sentences = seg.sentences.map((s) => ({ start: s.start, end: s.end }));

  // entities, grouped by type and name
  const byKey = new Map<string, Entity>();
  // a candidate met again (as a link's end) changes nothing: its entity is remembered
  const ofCand = new Map<Cand, Entity>();
  const entityOf = (c: Cand): Entity => {
    const known = ofCand.get(c);
    if (known) return known;
    const e = entityOfNew(c);
    ofCand.set(c, e);
    return e;
  };
  const entityOfNew = (c: Cand): Entity => {
    const k = `${c.type}|${c.key}`;
    let e = byKey.get(k);
    const { start, end } = span(c.vs, c.ve);
    const surface = text.slice(start, end);
    const name = stripSpaces(surface);
    if (!e) {
      e = { id: entityIdFor(c.type, c.key), type: c.type, name, canonical: c.key, mentions: [] };
      byKey.set(k, e);
    } else if (name.length > e.name.length) e.name = name;
    if (!e.mentions.some((m) => m.start === start && m.end === end)) {
      const m: Mention = { start, end, text: surface, sentence: sentOf[c.vs] ?? 0, ruleId: c.ruleId };
      e.mentions.push(m);
    }
    return e;
  };
  for (const c of ctx.persons) entityOf(c);
  for (const c of ctx.entities) entityOf(c);
  // titles only where a person holds them
  for (const l of ctx.links) if (l.type === 'HOLDS_TITLE') entityOf(l.target);

  const relations: Relation[] = [];
  const relSeen = new Set<string>();
  const addRelation = (type: Relation['type'], source: string, target: string, evidence: Evidence) => {
    const key = `${type}|${source}|${target}`;
    if (relSeen.has(key)) return;
    relSeen.add(key);
    const id = fnv1a(`${type}|${source}|${target}|${article.id}`);
    relations.push({ id, type, source, target, evidence });
  };
  const evidenceOf = (vs: number, ve: number, ruleId: string): Evidence => {
    const si = sentOf[Math.min(vs, V.length - 1)] ?? 0;
    const s = sentences[si] ?? { start: 0, end: text.length };
    const { start, end } = span(vs, ve);
    return {
      articleId: article.id,
      sentenceIndex: si,
      sentence: text.slice(s.start, s.end),
      start,
      end,
      sourceStart: sourcePositionOf(article, start),
      ruleId,
    };
  };
  for (const l of ctx.links) {
    const s = entityOf(l.source);
    const t = entityOf(l.target);
    if (l.type === 'HOLDS_TITLE' || l.type === 'INSPECTED' || l.type === 'ACCOMPANIED' || l.type === 'ATTENDED') {
      s.roles = s.roles ?? [];
      if (l.type === 'HOLDS_TITLE' && !s.roles.includes('Official')) s.roles.push('Official');
    }
    addRelation(l.type, s.id, t.id, evidenceOf(l.vs, l.ve, l.ruleId));
  }

  // byline persons: Reporter role, REPORTED -> article
  for (const n of bylineNames) {
    const id = entityIdFor('Person', n);
    let e = [...byKey.values()].find((x) => x.id === id);
    if (!e) {
      e = { id, type: 'Person', name: n, canonical: n, mentions: [] };
      byKey.set(`Person|${n}`, e);
    }
    e.roles = [...new Set([...(e.roles ?? []), 'Reporter' as const])];
    const at = text.lastIndexOf(n);
    if (at >= 0 && !e.mentions.some((m) => m.start === at)) {
      const vi = viewIndexOf(toText, at);
      e.mentions.push({ start: at, end: at + n.length, text: n, sentence: sentOf[vi] ?? sentences.length - 1, ruleId: 'person/byline' });
    }
    const vi = at >= 0 ? viewIndexOf(toText, at) : Math.max(0, V.length - 1);
    const ev = at >= 0 ? evidenceOf(vi, vi + n.length, 'reported/byline') : evidenceOf(vi, vi + 1, 'reported/byline');
    addRelation('REPORTED', id, article.id, ev);
  }

  const entities = [...byKey.values()];
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  longerTitlesFromHeadline(article, entities, relations);
  return { ...article, reporters, correspondents, sentences, entities, relations };
}

function viewIndexOf(toText: Int32Array, offset: number): number {
  let lo = 0;
  let hi = toText.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toText[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A headline may write a title in a longer form than the body (秦州区委书记王某 above,
 * 区委书记王某 below): the longer form, when it is the body's title with a place stem in
 * front and the same person right after it, becomes the title's name (rule title/headline-form).
 */
function longerTitlesFromHeadline(article: Article, entities: Entity[], relations: Relation[]): void {
  const lines = [article.headline, article.subheadline].filter((x): x is string => !!x).map((h) => h.replace(/\s+/g, ''));
  if (!lines.length) return;
  let byId: Map<string, Entity> | null = null;
  for (const r of relations) {
    if (r.type !== 'HOLDS_TITLE') continue;
    byId ??= new Map(entities.map((e) => [e.id, e]));
    const person = byId.get(r.source);
    const title = byId.get(r.target);
    if (!person || !title) continue;
    const tn = normalize(title.name);
    const pn = normalize(person.name);
    for (const raw of lines) {
      const h = normalize(raw);
      const at = h.indexOf(tn + pn);
      if (at < 2) continue;
      let k = at;
      while (k > 0 && at - k < 4 && /[\u3400-\u9fff]/.test(h[k - 1])) k--;
      if (at - k >= 2) {
        title.name = raw.slice(k, at + tn.length);
        r.evidence = { ...r.evidence, ruleId: 'title/headline-form' };
      }
    }
  }
}
