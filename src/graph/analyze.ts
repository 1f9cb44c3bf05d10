/**
 * The analyses analysts ask for, over the Graphology graph (no database):
 *   - inspections: official -> site (who, where, when, how often), and the most-inspected sites;
 *   - the co-appearance network of persons: same article (weight 1 per article), same visit
 *     (both INSPECTED the same site, or one ACCOMPANIED the other, in the same article: +VISIT_WEIGHT),
 *     with weighted degree, betweenness and Louvain communities (seeded, so deterministic);
 *   - each official's timeline and titles over time (first/last date seen per title).
 *
 * Dates are article dates: YYYY-MM-DD, --MM-DD (year unknown) or null. They sort as strings.
 */
import Graph from 'graphology';
import { scalableBetweenness } from './betweenness';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import louvain from 'graphology-communities-louvain';
import seedrandom from 'seedrandom';
import type { KgGraph, KgNodeAttributes } from './build';

/** Extra weight of a shared visit over a shared article. */
export const VISIT_WEIGHT = 2;
/** Default seed of the Louvain rng. */
export const DEFAULT_SEED = 'zhkg';

export interface InspectionVisit {
  date: string | null;
  articleId: string;
  sentence: string | null;
  ruleId: string | null;
}

export interface InspectionRow {
  personId: string;
  person: string;
  siteId: string;
  site: string;
  siteLabel: string;
  /** How often: number of INSPECTED facts (one per article). */
  count: number;
  firstDate: string | null;
  lastDate: string | null;
  dates: string[];
  visits: InspectionVisit[];
}

export interface SiteRow {
  siteId: string;
  site: string;
  siteLabel: string;
  inspections: number;
  inspectors: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface CoappearanceNode {
  id: string;
  name: string;
  official: boolean;
  articles: number;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  community: number;
}

export interface CoappearanceEdge {
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  articles: number;
  visits: number;
  weight: number;
}

export interface Community {
  id: number;
  size: number;
  members: string[];
}

export interface TitleSpan {
  titleId: string;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  articles: number;
}

export interface TimelineEvent {
  date: string | null;
  articleId: string;
  headline: string | null;
  /** What the person did in that article: "INSPECTED 某地", "HOLDS_TITLE 区长", … */
  facts: string[];
}

export interface OfficialTimeline {
  personId: string;
  person: string;
  titles: TitleSpan[];
  events: TimelineEvent[];
}

export interface Analysis {
  inspections: InspectionRow[];
  sites: SiteRow[];
  coappearance: { nodes: CoappearanceNode[]; edges: CoappearanceEdge[]; modularity: number };
  communities: Community[];
  officials: OfficialTimeline[];
}

export interface AnalyzeOptions {
  /** Seed of the Louvain rng (default "zhkg"). */
  seed?: string;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function dateOf(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

function span(dates: (string | null)[]): { first: string | null; last: string | null; sorted: string[] } {
  const sorted = [...new Set(dates.filter((d): d is string => !!d))].sort(cmp);
  return { first: sorted[0] ?? null, last: sorted[sorted.length - 1] ?? null, sorted };
}

function isOfficial(a: KgNodeAttributes): boolean {
  return a.extraLabels.includes('Official');
}

/** A person who is only a byline name (Reporter, not Official) is not part of the officials' network. */
function inNetwork(a: KgNodeAttributes): boolean {
  return a.label === 'Person' && !(a.extraLabels.includes('Reporter') && !a.extraLabels.includes('Official'));
}

export function inspections(graph: KgGraph): InspectionRow[] {
  const rows = new Map<string, InspectionRow>();
  graph.forEachEdge((_e, attr, source, target, sa, ta) => {
    if (attr.type !== 'INSPECTED') return;
    const key = `${source}\u0000${target}`;
    let row = rows.get(key);
    if (!row) {
      row = { personId: source, person: sa.name, siteId: target, site: ta.name, siteLabel: ta.label, count: 0, firstDate: null, lastDate: null, dates: [], visits: [] };
      rows.set(key, row);
    }
    row.count++;
    row.visits.push({
      date: dateOf(attr.props.date),
      articleId: String(attr.props.articleId ?? ''),
      sentence: typeof attr.props.sentence === 'string' ? attr.props.sentence : null,
      ruleId: typeof attr.props.ruleId === 'string' ? attr.props.ruleId : null,
    });
  });
  const out = [...rows.values()];
  for (const r of out) {
    r.visits.sort((a, b) => cmp(a.date ?? '', b.date ?? '') || cmp(a.articleId, b.articleId));
    const s = span(r.visits.map((v) => v.date));
    r.firstDate = s.first;
    r.lastDate = s.last;
    r.dates = s.sorted;
  }
  return out.sort((a, b) => b.count - a.count || cmp(a.person, b.person) || cmp(a.site, b.site) || cmp(a.siteId, b.siteId));
}

export function sites(rows: InspectionRow[]): SiteRow[] {
  const by = new Map<string, SiteRow & { dates: (string | null)[]; seen: Set<string> }>();
  for (const r of rows) {
    let s = by.get(r.siteId);
    if (!s) {
      s = { siteId: r.siteId, site: r.site, siteLabel: r.siteLabel, inspections: 0, inspectors: [], firstDate: null, lastDate: null, dates: [], seen: new Set() };
      by.set(r.siteId, s);
    }
    s.inspections += r.count;
    if (!s.seen.has(r.person)) {
      s.seen.add(r.person); // a Set, not inspectors.includes: a site may have thousands of inspectors
      s.inspectors.push(r.person);
    }
    for (const v of r.visits) s.dates.push(v.date); // no push(...big): the stack overflows beyond ~100k
  }
  return [...by.values()]
    .map(({ dates, seen: _seen, ...s }) => {
      const sp = span(dates);
      return { ...s, inspectors: s.inspectors.sort(cmp), firstDate: sp.first, lastDate: sp.last };
    })
    .sort((a, b) => b.inspections - a.inspections || b.inspectors.length - a.inspectors.length || cmp(a.site, b.site) || cmp(a.siteId, b.siteId));
}

/** Per article: the persons in it, and the pairs that shared a visit. */
function articlePersons(graph: KgGraph): Map<string, { persons: Set<string>; visits: Map<string, number> }> {
  const byArticle = new Map<string, { persons: Set<string>; visits: Map<string, number>; sites: Map<string, Set<string>> }>();
  const get = (articleId: string) => {
    let e = byArticle.get(articleId);
    if (!e) {
      e = { persons: new Set(), visits: new Map(), sites: new Map() };
      byArticle.set(articleId, e);
    }
    return e;
  };
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  graph.forEachEdge((_e, attr, source, target, sa, ta) => {
    const articleId = typeof attr.props.articleId === 'string' ? attr.props.articleId : null;
    if (!articleId) return;
    const entry = get(articleId);
    if (inNetwork(sa)) entry.persons.add(source);
    if (inNetwork(ta)) entry.persons.add(target);
    if (attr.type === 'INSPECTED' && inNetwork(sa)) {
      let who = entry.sites.get(target);
      if (!who) entry.sites.set(target, (who = new Set()));
      who.add(source);
    }
    if (attr.type === 'ACCOMPANIED' && inNetwork(sa) && inNetwork(ta) && source !== target) {
      const k = pairKey(source, target);
      entry.visits.set(k, Math.max(entry.visits.get(k) ?? 0, 1));
    }
  });
  for (const entry of byArticle.values()) {
    const shared = new Map<string, number>();
    for (const who of entry.sites.values()) {
      const list = [...who].sort(cmp);
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const k = pairKey(list[i], list[j]);
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
    }
    for (const [k, n] of shared) entry.visits.set(k, Math.max(entry.visits.get(k) ?? 0, n));
  }
  return byArticle;
}

/** The person co-appearance graph (undirected, weighted), with node attributes filled in. */
export function coappearanceGraph(graph: KgGraph): Graph {
  const co = new Graph({ type: 'undirected', multi: false });
  const byArticle = articlePersons(graph);
  const persons = new Set<string>();
  const articleCount = new Map<string, number>();
  for (const entry of byArticle.values()) for (const p of entry.persons) {
    persons.add(p);
    articleCount.set(p, (articleCount.get(p) ?? 0) + 1);
  }
  for (const p of [...persons].sort(cmp)) {
    const a = graph.getNodeAttributes(p);
    co.addNode(p, { name: a.name, official: isOfficial(a), articles: articleCount.get(p) ?? 0 });
  }
  const pairs = new Map<string, { articles: number; visits: number }>();
  for (const articleId of [...byArticle.keys()].sort(cmp)) {
    const entry = byArticle.get(articleId)!;
    const list = [...entry.persons].sort(cmp);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const k = `${list[i]}\u0000${list[j]}`;
      const p = pairs.get(k) ?? { articles: 0, visits: 0 };
      p.articles++;
      p.visits += entry.visits.get(k) ?? 0;
      pairs.set(k, p);
    }
  }
  for (const k of [...pairs.keys()].sort(cmp)) {
    const [s, t] = k.split('\u0000');
    const p = pairs.get(k)!;
    const weight = p.articles + VISIT_WEIGHT * p.visits;
    co.addUndirectedEdgeWithKey(`${s}--${t}`, s, t, { articles: p.articles, visits: p.visits, weight, distance: 1 / weight });
  }
  return co;
}

export function coappearance(graph: KgGraph, opts: AnalyzeOptions = {}): { nodes: CoappearanceNode[]; edges: CoappearanceEdge[]; modularity: number; communities: Community[] } {
  const co = coappearanceGraph(graph);
  // exact up to BETWEENNESS_EXACT_MAX persons, sampled (seeded, bounded work) above: see betweenness.ts
  const btw = co.order > 0 ? scalableBetweenness(co, { getEdgeWeight: 'distance', seed: opts.seed }) : {};
  let communities: Record<string, number> = {};
  let modularity = 0;
  if (co.size > 0) {
    const res = louvain.detailed(co, { getEdgeWeight: 'weight', rng: seedrandom(opts.seed ?? DEFAULT_SEED) });
    communities = res.communities;
    modularity = res.modularity;
  }
  // Louvain numbers communities arbitrarily; renumber by size (desc), then by first member's id.
  const members = new Map<number, string[]>();
  co.forEachNode((n) => {
    const c = communities[n] ?? -1;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(n);
  });
  const ordered = [...members.entries()]
    .map(([c, ids]) => ({ c, ids: ids.sort(cmp) }))
    .sort((a, b) => b.ids.length - a.ids.length || cmp(a.ids[0], b.ids[0]));
  const renumber = new Map<string, number>();
  const comms: Community[] = ordered.map((o, i) => {
    for (const id of o.ids) renumber.set(id, i + 1);
    return { id: i + 1, size: o.ids.length, members: o.ids.map((id) => co.getNodeAttribute(id, 'name') as string) };
  });
  const nodes: CoappearanceNode[] = co.mapNodes((n, a) => ({
    id: n,
    name: a.name as string,
    official: a.official as boolean,
    articles: a.articles as number,
    degree: co.degree(n),
    weightedDegree: weightedDegree(co, n, 'weight'),
    betweenness: round(btw[n] ?? 0),
    community: renumber.get(n) ?? 0,
  }));
  nodes.sort((a, b) => b.weightedDegree - a.weightedDegree || b.betweenness - a.betweenness || cmp(a.name, b.name) || cmp(a.id, b.id));
  const edges: CoappearanceEdge[] = co.mapEdges((_e, a, s, t, sa, ta) => ({
    source: s,
    target: t,
    sourceName: sa.name as string,
    targetName: ta.name as string,
    articles: a.articles as number,
    visits: a.visits as number,
    weight: a.weight as number,
  }));
  edges.sort((a, b) => b.weight - a.weight || cmp(a.sourceName, b.sourceName) || cmp(a.targetName, b.targetName));
  return { nodes, edges, modularity: round(modularity), communities: comms };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Officials: persons with the Official label, or who hold a title or inspected something. */
export function officials(graph: KgGraph): OfficialTimeline[] {
  const out: OfficialTimeline[] = [];
  graph.forEachNode((p, a) => {
    if (a.label !== 'Person') return;
    const titles = new Map<string, { title: string; dates: (string | null)[]; articles: Set<string> }>();
    const events = new Map<string, TimelineEvent>();
    let acts = false;
    const event = (articleId: string, date: string | null): TimelineEvent => {
      let ev = events.get(articleId);
      if (!ev) {
        const headline = graph.hasNode(articleId) ? (graph.getNodeAttributes(articleId).props.headline as string | null) ?? null : null;
        ev = { date, articleId, headline, facts: [] };
        events.set(articleId, ev);
      }
      return ev;
    };
    graph.forEachEdge(p, (_e, attr, source, target, sa, ta) => {
      const articleId = typeof attr.props.articleId === 'string' ? attr.props.articleId : null;
      if (!articleId) return;
      const date = dateOf(attr.props.date);
      const ev = event(articleId, date);
      if (attr.type === 'MENTIONS' || attr.type === 'REPORTED') return;
      const other = source === p ? ta : sa;
      const fact = source === p ? `${attr.type} ${other.name}` : `${attr.type}← ${other.name}`;
      if (!ev.facts.includes(fact)) ev.facts.push(fact);
      if (source === p && (attr.type === 'HOLDS_TITLE' || attr.type === 'INSPECTED')) acts = true;
      if (attr.type === 'HOLDS_TITLE' && source === p) {
        let t = titles.get(target);
        if (!t) titles.set(target, (t = { title: ta.name, dates: [], articles: new Set() }));
        t.dates.push(date);
        t.articles.add(articleId);
      }
    });
    if (!isOfficial(a) && !acts) return;
    const spans: TitleSpan[] = [...titles.entries()].map(([titleId, t]) => {
      const s = span(t.dates);
      return { titleId, title: t.title, firstDate: s.first, lastDate: s.last, articles: t.articles.size };
    });
    spans.sort((x, y) => cmp(x.firstDate ?? '\uffff', y.firstDate ?? '\uffff') || cmp(x.title, y.title));
    const evs = [...events.values()].sort((x, y) => cmp(x.date ?? '\uffff', y.date ?? '\uffff') || cmp(x.articleId, y.articleId));
    for (const ev of evs) ev.facts.sort(cmp);
    out.push({ personId: p, person: a.name, titles: spans, events: evs });
  });
  return out.sort((x, y) => y.events.length - x.events.length || cmp(x.person, y.person) || cmp(x.personId, y.personId));
}

export function analyze(graph: KgGraph, opts: AnalyzeOptions = {}): Analysis {
  const rows = inspections(graph);
  const co = coappearance(graph, opts);
  return {
    inspections: rows,
    sites: sites(rows),
    coappearance: { nodes: co.nodes, edges: co.edges, modularity: co.modularity },
    communities: co.communities,
    officials: officials(graph),
  };
}
