/**
 * Resolve stage: corpus-wide stable ids and canonical names.
 *
 *   person:陈红民        persons by full name (two people never merge on a shared surname)
 *   title:二七区区长      titles normalised under the article's jurisdiction
 *                        (区长 / 二七区长 -> 二七区区长, 区委书记 -> 二七区委书记)
 *   organization:二七区民政局, place:…, project:…  (区民政局 -> 二七区民政局)
 *
 * The home jurisdiction comes from dictionaries/jurisdiction.json or the `home` option. An
 * article that writes its own jurisdiction in a full title (秦州区委书记) uses that one for
 * its short titles instead.
 */
import type { ArticleFacts, Entity, EntityType, Relation } from '../types';
import { getDictionaries } from '../extract/dictionaries';
import { normalize, stripSpaces } from '../segment';

export interface ResolveConfig {
  /** Home jurisdiction, e.g. "二七区" (default from dictionaries/jurisdiction.json). */
  home?: string;
}

export interface Jurisdiction {
  /** Full name: 二七区 */
  name: string;
  /** Name without the level word: 二七 */
  stem: string;
  /** Level word: 区 */
  level: string;
}

export function parseJurisdiction(name: string): Jurisdiction {
  for (const l of getDictionaries().levels) if (name.endsWith(l) && name.length > l.length) return { name, stem: name.slice(0, -l.length), level: l };
  return { name, stem: name, level: '' };
}

export function homeJurisdiction(home?: string): Jurisdiction {
  const j = getDictionaries().jurisdiction;
  if (!home || home === j.home) return { name: j.home, stem: j.stem, level: j.level };
  return parseJurisdiction(home);
}

function isRole(s: string): boolean {
  return getDictionaries().titleParts.get(s) === 'role';
}

/**
 * The canonical form of a title under jurisdiction `j`:
 *   区长 -> 二七区区长, 二七区长 -> 二七区区长, 区委书记 -> 二七区委书记,
 *   区民政局局长 -> 二七区民政局局长, 常务副区长 -> 二七区常务副区长; others unchanged.
 */
export function canonicalTitle(title: string, j: Jurisdiction): string {
  const t = stripSpaces(title);
  if (!j.level) return t;
  if (t.startsWith(j.stem) && !t.startsWith(j.name + j.level)) {
    const rest = t.slice(j.stem.length);
    if (rest.startsWith(j.level) && isRole(rest)) return j.name + rest; // 二七区长 -> 二七区区长
  }
  if (t.startsWith(j.name)) return t;
  if (t.startsWith(j.stem)) {
    const rest = t.slice(j.stem.length);
    if (rest.startsWith(j.level) && isRole(rest)) return j.name + rest; // 二七区长 -> 二七区区长
    return t;
  }
  if (t.startsWith(j.level)) {
    if (isRole(t)) return j.name + t; // 区长 -> 二七区区长
    return j.stem + t; // 区委书记 -> 二七区委书记
  }
  if (isRole(t) && t.includes(j.level)) return j.name + t; // 常务副区长 -> 二七区常务副区长
  return t;
}

/** Canonical name of an organisation/place under `j`: 区民政局 -> 二七区民政局. */
export function canonicalName(type: EntityType, name: string, j: Jurisdiction): string {
  const n = stripSpaces(name);
  if ((type === 'Organization' || type === 'Place') && j.level && n.startsWith(j.level) && n.length > j.level.length + 1 && !n.startsWith(j.name)) {
    return j.stem + n;
  }
  return n;
}

/** The jurisdiction an article writes its titles under (秦州区委书记 -> 秦州区), else home. */
function articleJurisdiction(facts: ArticleFacts, home: Jurisdiction): Jurisdiction {
  const counts = new Map<string, number>();
  for (const e of facts.entities) {
    if (e.type !== 'Title' && e.type !== 'Place') continue;
    const name = normalize(e.name);
    const m = /^(?:中共)?([\u3400-\u9fff]{2,4}?)(区|县|市|镇|乡)(?:委|政府|人民政府|长|人大|政协)/.exec(name);
    // (区政府副区长 names no place: the stem may not itself begin with a level word or hold an organ)
    if (m && m[2] === home.level && !/^(区|县|市|镇|乡|街道)/.test(m[1]) && !/政府|委|人大|政协|副|常务/.test(m[1])) {
      const name = m[1] + m[2];
      counts.set(name, (counts.get(name) ?? 0) + 3);
    }
    if (e.type === 'Place' && name.endsWith(home.level) && name.length >= 3 && name.length <= 5) {
      counts.set(name, (counts.get(name) ?? 0) + e.mentions.length);
    }
  }
  if (!counts.size || counts.has(home.name)) return home;
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return parseJurisdiction(best);
}

/** Id prefix of each entity type (`${type.toLowerCase()}:`, made once, not per entity). */
const ID_PREFIX: Readonly<Record<EntityType, string>> = {
  Person: 'person:',
  Title: 'title:',
  Organization: 'organization:',
  Place: 'place:',
  Project: 'project:',
  Event: 'event:',
};

/** `${type.toLowerCase()}:`, from ID_PREFIX for the known types. */
export function idPrefix(type: EntityType): string {
  return ID_PREFIX[type] ?? `${type.toLowerCase()}:`;
}

/** 64-bit FNV-1a of a string, as 16 hex digits (stable ids without crypto's cost). */
export function fnv1a(s: string): string {
  // (| 0: the same 32 bits as a small integer; started as the double 0x811c9dc5, the loop's
  // variable stayed a double, converted at every character: twice the time)
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return hex8(h1) + hex8(h2);
}

const HEX2 = Array.from({ length: 256 }, (_, k) => k.toString(16).padStart(2, '0'));
/** (h >>> 0).toString(16).padStart(8, '0'), without the number formatting. */
function hex8(h: number): string {
  return HEX2[(h >>> 24) & 255] + HEX2[(h >>> 16) & 255] + HEX2[(h >>> 8) & 255] + HEX2[h & 255];
}

export function relationId(type: string, source: string, target: string, articleId: string): string {
  return fnv1a(`${type}|${source}|${target}|${articleId}`);
}

/**
 * prefix + canonical; the entity's own id when it is that already (the usual case): no new string
 * to build, and its hash is computed once for the Maps below.
 */
function idOf(own: string, prefix: string, canonical: string): string {
  if (own.length === prefix.length + canonical.length && own.startsWith(prefix) && own.endsWith(canonical)) return own;
  return prefix + canonical;
}

export function resolveArticle(facts: ArticleFacts, config: ResolveConfig = {}): ArticleFacts {
  const home = homeJurisdiction(config.home);
  const j = articleJurisdiction(facts, home);
  const remap = new Map<string, string>();
  const merged = new Map<string, Entity>();
  for (const e of facts.entities) {
    // ids are built from the normalised name (simplified characters, NFKC), so 楊良鋒 and 杨良锋 meet
    const n = normalize(stripSpaces(e.name));
    const canonical = e.type === 'Title' ? canonicalTitle(n, j) : e.type === 'Person' ? n : canonicalName(e.type, n, j);
    const id = e.type === 'Event' ? `event:${canonical}@${facts.date ?? facts.id}` : idOf(e.id, idPrefix(e.type), canonical);
    remap.set(e.id, id);
    const prev = merged.get(id);
    if (!prev) {
      merged.set(id, { ...e, id, canonical, mentions: [...e.mentions] });
    } else {
      if (e.name.length > prev.name.length) prev.name = e.name;
      for (const m of e.mentions) if (!prev.mentions.some((x) => x.start === m.start && x.end === m.end)) prev.mentions.push(m);
      prev.mentions.sort((a, b) => a.start - b.start);
      if (e.roles) prev.roles = [...new Set([...(prev.roles ?? []), ...e.roles])];
    }
  }
  const seen = new Set<string>();
  const relations: Relation[] = [];
  for (const r of facts.relations) {
    const source = remap.get(r.source) ?? r.source;
    const target = remap.get(r.target) ?? r.target;
    const key = `${r.type}|${source}|${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push({ ...r, id: source === r.source && target === r.target ? r.id : relationId(r.type, source, target, facts.id), source, target });
  }
  return { ...facts, entities: [...merged.values()], relations };
}

export interface PositionSpell {
  titleId: string;
  title: string;
  /** First and last article date (YYYY-MM-DD or --MM-DD) the title was seen with the person; null if no article had a date. */
  first: string | null;
  last: string | null;
  articleIds: string[];
}

export interface PositionHistory {
  personId: string;
  name: string;
  titles: PositionSpell[];
}

/** Per person, every title seen with the first and last date and the articles. */
export function positionHistory(articles: ArticleFacts[]): PositionHistory[] {
  const people = new Map<string, PositionHistory>();
  for (const a of articles) {
    const byId = new Map(a.entities.map((e) => [e.id, e]));
    const date = a.date ?? a.pageDate ?? null;
    for (const r of a.relations) {
      if (r.type !== 'HOLDS_TITLE') continue;
      const p = byId.get(r.source);
      const t = byId.get(r.target);
      if (!p || !t) continue;
      let h = people.get(p.id);
      if (!h) people.set(p.id, (h = { personId: p.id, name: p.canonical, titles: [] }));
      let spell = h.titles.find((s) => s.titleId === t.id);
      if (!spell) h.titles.push((spell = { titleId: t.id, title: t.canonical, first: null, last: null, articleIds: [] }));
      if (!spell.articleIds.includes(a.id)) spell.articleIds.push(a.id);
      if (date) {
        if (!spell.first || cmpDate(date, spell.first) < 0) spell.first = date;
        if (!spell.last || cmpDate(date, spell.last) > 0) spell.last = date;
      }
    }
  }
  const out = [...people.values()];
  for (const h of out) h.titles.sort((x, y) => cmpDate(x.first ?? '', y.first ?? '') || x.title.localeCompare(y.title));
  return out.sort((a, b) => a.personId.localeCompare(b.personId));
}

/** Compare YYYY-MM-DD / --MM-DD dates (year-less ones compare by month and day). */
function cmpDate(a: string, b: string): number {
  const ka = a.startsWith('--') ? `0000${a.slice(1)}` : a;
  const kb = b.startsWith('--') ? `0000${b.slice(1)}` : b;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
