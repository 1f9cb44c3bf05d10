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
import type { Article, ArticleFacts, Entity, EntityType, Evidence, Mention, PersonRole, Relation, Sentence, SourcePosition } from '../types';
import { normalize, segment, stripSpaces } from '../segment';
import { sourcePosition } from '../ingest/source-map';
import { fnv1a, idPrefix } from '../resolve';
import { type Dictionaries, getDictionaries } from './dictionaries';
import { type Cand, type Ctx, Slot, addPersonName, sentenceIndex, zeroed } from './context';
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
  return idPrefix(type) + name;
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
    personNameList: [],
  };

  // byline names first, so that the other rules know them
  let reporters = article.reporters ?? [];
  let correspondents = article.correspondents ?? [];
  if (!reporters.length && !correspondents.length) {
    const found = bylineFromText(article.text);
    reporters = found.reporters;
    correspondents = found.correspondents;
  }
  const bylineNames = new Set<string>();
  for (const n of reporters) bylineNames.add(stripSpaces(n));
  for (const n of correspondents) bylineNames.add(stripSpaces(n));
  for (const n of bylineNames) addPersonName(ctx, n);

  extractPersons(ctx);
  extractEntities(ctx);
  extractRelations(ctx, bylineNames);

  // (a loop, not .map: arrays made by builtins differ in elements kind between tiers, a wrong-map deopt where they are read)
  const sentences: Sentence[] = [];
  for (const s of seg.sentences) sentences.push({ start: s.start, end: s.end });
  const b = new FactsBuilder(article, seg.toText, sentOf, sentences);

  for (const c of ctx.persons) entityOf(b, c);
  for (const c of ctx.entities) entityOf(b, c);
  // titles only where a person holds them
  for (const l of ctx.links) if (l.type === 'HOLDS_TITLE') entityOf(b, l.target);

  for (const l of ctx.links) {
    const s = entityOf(b, l.source);
    const t = entityOf(b, l.target);
    if (l.type === 'HOLDS_TITLE' || l.type === 'INSPECTED' || l.type === 'ACCOMPANIED' || l.type === 'ATTENDED') {
      s.roles = s.roles ?? [];
      if (l.type === 'HOLDS_TITLE' && !s.roles.includes('Official')) s.roles.push('Official');
    }
    addRelation(b, l.type, s.id, t.id, l.vs, l.ve, l.ruleId);
  }

  addBylinePersons(b, bylineNames, V.length);

  const entities = [...b.byKey.values()];
  for (const e of entities) if (e.mentions.length > 1) e.mentions.sort(byStart);
  longerTitlesFromHeadline(article, entities, b.relations);
  // (Object.assign, not a spread with keys after it: that literal took ~3 µs an article, on V8's
  // slow path, and gave every result a map of its own; the keys come out in the same order)
  return Object.assign({}, article, { reporters, correspondents, sentences, entities, relations: b.relations });
}

/**
 * Byline persons: Reporter role, REPORTED -> article. (Its own function: its rarer paths, met
 * first late in a run, then deoptimise this small function, not the whole of extractArticle.)
 */
function addBylinePersons(b: FactsBuilder, bylineNames: Set<string>, viewLength: number): void {
  const { article, text, sentOf, sentences } = b;
  for (const n of bylineNames) {
    const id = entityIdFor('Person', n);
    // (the entity with id person:<n> is the one under key Person|<n>: ids are made from type and key)
    let e = b.byKey.get(`Person|${n}`);
    if (!e) {
      e = newEntity(id, 'Person', n, n);
      b.byKey.set(`Person|${n}`, e);
    }
    e.roles = withRole(e.roles, 'Reporter');
    const at = text.lastIndexOf(n);
    if (at >= 0 && !hasMentionAt(e.mentions, at)) {
      const vi = viewIndexOf(b.toText, at);
      e.mentions.push({ start: at, end: at + n.length, text: n, sentence: vi < sentOf.length ? sentOf[vi] : sentences.length - 1, ruleId: 'person/byline' });
    }
    const vi = at >= 0 ? viewIndexOf(b.toText, at) : Math.max(0, viewLength - 1);
    addRelation(b, 'REPORTED', id, article.id, vi, at >= 0 ? vi + n.length : vi + 1, 'reported/byline');
  }
}

/**
 * One article's entities and relations as they are built (what were closures of extractArticle:
 * one object per article instead of a closure each, and no per-call feedback to relearn).
 */
class FactsBuilder {
  /** entities, grouped by type and name */
  readonly byKey = new Map<string, Entity>();
  readonly relations: Relation[] = [];
  readonly relSeen = new Set<string>();
  readonly text: string;
  constructor(
    readonly article: Article,
    readonly toText: Int32Array,
    readonly sentOf: Int32Array,
    readonly sentences: Sentence[],
  ) {
    this.text = article.text;
  }
}

/**
 * A new entity. Every entity has the same fields in the same order (roles last, undefined until
 * set, which JSON leaves out as before): one hidden class at every site that reads entities.
 */
function newEntity(id: string, type: EntityType, name: string, canonical: string): Entity {
  return { id, type, name, canonical, mentions: [], roles: undefined };
}

function byStart(a: Mention, b: Mention): number {
  return a.start - b.start;
}

function hasMentionAt(mentions: Mention[], start: number): boolean {
  for (let k = 0; k < mentions.length; k++) if (mentions[k].start === start) return true;
  return false;
}

function hasMention(mentions: Mention[], start: number, end: number): boolean {
  for (let k = 0; k < mentions.length; k++) if (mentions[k].start === start && mentions[k].end === end) return true;
  return false;
}

/** A new list of the roles, without repeats, with `role` added at the end if missing ([...new Set([...roles, role])]). */
function withRole(roles: PersonRole[] | undefined, role: PersonRole): PersonRole[] {
  const out: PersonRole[] = [];
  if (roles) for (const r of roles) if (!out.includes(r)) out.push(r);
  if (!out.includes(role)) out.push(role);
  return out;
}

/** Article text offsets of the view span [vs, ve). */
function textStart(toText: Int32Array, vs: number): number {
  return toText[vs];
}
function textEnd(toText: Int32Array, vs: number, ve: number): number {
  return ve > vs ? toText[ve - 1] + 1 : toText[vs];
}

function entityOf(b: FactsBuilder, c: Cand): Entity {
  // (a candidate met again, as a link's end, changes nothing: its entity is remembered on it)
  if (c.entity) return c.entity;
  const e = entityOfNew(b, c);
  c.entity = e;
  return e;
}

function entityOfNew(b: FactsBuilder, c: Cand): Entity {
  const k = `${c.type}|${c.key}`;
  let e = b.byKey.get(k);
  const start = textStart(b.toText, c.vs);
  const end = textEnd(b.toText, c.vs, c.ve);
  const surface = b.text.slice(start, end);
  const name = stripSpaces(surface);
  if (!e) {
    e = newEntity(entityIdFor(c.type, c.key), c.type, name, c.key);
    b.byKey.set(k, e);
  } else if (name.length > e.name.length) e.name = name;
  if (!hasMention(e.mentions, start, end)) {
    const m: Mention = { start, end, text: surface, sentence: c.vs >= 0 && c.vs < b.sentOf.length ? b.sentOf[c.vs] : 0, ruleId: c.ruleId };
    e.mentions.push(m);
  }
  return e;
}

/** Add a relation, unless one of this type between these two is already there (its evidence is made only when new). */
function addRelation(b: FactsBuilder, type: Relation['type'], source: string, target: string, vs: number, ve: number, ruleId: string): void {
  const key = `${type}|${source}|${target}`;
  if (b.relSeen.has(key)) return;
  b.relSeen.add(key);
  const id = fnv1a(`${key}|${b.article.id}`);
  b.relations.push({ id, type, source, target, evidence: evidenceOf(b, vs, ve, ruleId) });
}

function evidenceOf(b: FactsBuilder, vs: number, ve: number, ruleId: string): Evidence {
  const { sentOf, sentences, text } = b;
  const vi = Math.min(vs, sentOf.length - 1);
  const si = vi >= 0 ? sentOf[vi] : 0;
  const start = textStart(b.toText, vs);
  const end = textEnd(b.toText, vs, ve);
  return {
    articleId: b.article.id,
    sentenceIndex: si,
    sentence: si < sentences.length ? text.slice(sentences[si].start, sentences[si].end) : text,
    start,
    end,
    sourceStart: sourcePositionOf(b.article, start),
    ruleId,
  };
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

/** The last entity with this id (as a Map from id to entity would give). */
function entityWithId(entities: Entity[], id: string): Entity | undefined {
  for (let k = entities.length - 1; k >= 0; k--) if (entities[k].id === id) return entities[k];
  return undefined;
}

/**
 * A headline may write a title in a longer form than the body (秦州区委书记王某 above,
 * 区委书记王某 below): the longer form, when it is the body's title with a place stem in
 * front and the same person right after it, becomes the title's name (rule title/headline-form).
 */
function longerTitlesFromHeadline(article: Article, entities: Entity[], relations: Relation[]): void {
  if (!article.headline && !article.subheadline) return;
  let lines: string[] | null = null;
  for (const r of relations) {
    if (r.type !== 'HOLDS_TITLE') continue;
    // (found by a scan: a Map of all the article's entities, for a title or two, cost more)
    const person = entityWithId(entities, r.source);
    const title = entityWithId(entities, r.target);
    if (!person || !title) continue;
    if (!lines) {
      // (a loop, not filter/map: an empty array from filter has another elements kind, a wrong-map deopt)
      lines = [];
      if (article.headline) lines.push(stripSpaces(article.headline));
      if (article.subheadline) lines.push(stripSpaces(article.subheadline));
    }
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
        r.evidence.ruleId = 'title/headline-form'; // (each relation has its own evidence object)
      }
    }
  }
}
