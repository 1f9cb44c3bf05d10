/**
 * ArticleFacts -> one Graphology multi-directed graph, through the same mapping the Neo4j loader
 * uses (src/resolve/to-graph.ts), so both hold the same ids, labels, relationship types and
 * properties. No database needed.
 *
 * Merging: a node id seen in several articles is one node (aliases and extra labels are unioned,
 * name and other properties take the latest value, as the Neo4j loader's MERGE + SET does); an
 * edge id is unique per article, so the same
 * article given twice replaces its edges instead of doubling them.
 */
import { MultiDirectedGraph } from 'graphology';
import { articleToGraph } from '../resolve/to-graph';
import type { ArticleFacts } from '../types/facts';
import type { ArticleGraph, GraphEdge, GraphNode, NodeLabel, PropValue } from '../types/graph';
import type { RelationType } from '../types/facts';

export interface KgNodeAttributes {
  label: NodeLabel;
  extraLabels: string[];
  name: string;
  props: Record<string, PropValue>;
}

export interface KgEdgeAttributes {
  type: RelationType;
  props: Record<string, PropValue>;
}

export type KgGraph = MultiDirectedGraph<KgNodeAttributes, KgEdgeAttributes>;

/** Node labels in the order exports and reports list them. */
export const NODE_LABELS: readonly NodeLabel[] = ['Article', 'Person', 'Title', 'Organization', 'Place', 'Project', 'Event'];

export function createGraph(): KgGraph {
  return new MultiDirectedGraph<KgNodeAttributes, KgEdgeAttributes>();
}

function unionStrings(a: PropValue | undefined, b: PropValue | undefined): string[] {
  const out: string[] = [];
  for (const v of [a, b]) if (Array.isArray(v)) for (const s of v) if (!out.includes(String(s))) out.push(String(s));
  return out;
}

function mergeNode(graph: KgGraph, n: GraphNode): void {
  if (!graph.hasNode(n.id)) {
    graph.addNode(n.id, { label: n.label, extraLabels: [...n.extraLabels], name: n.name, props: { ...n.props } });
    return;
  }
  // As the Neo4j loader does (SET n += props, n.name = name; aliases unioned; labels only added).
  const old = graph.getNodeAttributes(n.id);
  const props: Record<string, PropValue> = { ...old.props };
  for (const [k, v] of Object.entries(n.props)) props[k] = k === 'aliases' ? unionStrings(old.props.aliases, v) : v;
  const extraLabels = [...new Set([...old.extraLabels, ...n.extraLabels])].sort();
  graph.replaceNodeAttributes(n.id, { label: old.label, extraLabels, name: n.name, props });
}

/**
 * Equal strings of edge properties stored once: rule ids repeat over the whole corpus, evidence
 * sentences within an article (every relation and mention of a sentence carries it). Over
 * millions of edges this is about a tenth of the graph's memory; the values are unchanged.
 */
const ruleIds = new Map<string, string>();

function same(seen: Map<string, string>, v: string): string {
  const u = seen.get(v);
  if (u !== undefined) return u;
  seen.set(v, v);
  return v;
}

function mergeEdge(graph: KgGraph, e: GraphEdge, sentences: Map<string, string>): void {
  const props = { ...e.props };
  if (typeof props.ruleId === 'string' && ruleIds.size < 100_000) props.ruleId = same(ruleIds, props.ruleId);
  if (typeof props.sentence === 'string') props.sentence = same(sentences, props.sentence);
  const attrs: KgEdgeAttributes = { type: e.type, props };
  if (graph.hasEdge(e.id)) graph.replaceEdgeAttributes(e.id, attrs);
  else graph.addDirectedEdgeWithKey(e.id, e.source, e.target, attrs);
}

/** Add one article's share of the graph (nodes first, then edges whose endpoints now exist). */
export function addArticleGraph(graph: KgGraph, ag: ArticleGraph): void {
  for (const n of ag.nodes) mergeNode(graph, n);
  const sentences = new Map<string, string>();
  for (const e of ag.edges) mergeEdge(graph, e, sentences);
}

/** Totals of the per-article mapping, before merging: what a loader receives. */
export interface BuildStats {
  articles: number;
  /** Node and edge records over all ArticleGraphs (a node shared by two articles counts twice). */
  nodeRecords: number;
  edgeRecords: number;
}

export interface BuildResult {
  graph: KgGraph;
  stats: BuildStats;
  /** The articles as read, in order (kept so callers can write articles.jsonl or reports). */
  articles: ArticleFacts[];
}

/**
 * Build the graph from articles (any iterable: an array, or extractFiles' generator). With
 * keepArticles: false the articles are not kept (result.articles is empty), so a streamed input
 * is never held in memory: only the graph is.
 */
export function buildGraph(
  articles: Iterable<ArticleFacts>,
  graph: KgGraph = createGraph(),
  opts: { keepArticles?: boolean } = {},
): BuildResult {
  const keep = opts.keepArticles ?? true;
  const stats = emptyBuildStats();
  const kept: ArticleFacts[] = [];
  for (const a of articles) {
    addArticle(graph, a, stats);
    if (keep) kept.push(a);
  }
  return { graph, stats, articles: kept };
}

export function emptyBuildStats(): BuildStats {
  return { articles: 0, nodeRecords: 0, edgeRecords: 0 };
}

/** Merge one article into the graph, counting it in `stats` (what buildGraph does for each). */
export function addArticle(graph: KgGraph, article: ArticleFacts, stats: BuildStats): void {
  const ag = articleToGraph(article);
  addArticleGraph(graph, ag);
  stats.articles++;
  stats.nodeRecords += ag.nodes.length;
  stats.edgeRecords += ag.edges.length;
}

/** Neo4j-style label list of a node: primary label first, then the extra labels (sorted). */
export function nodeLabels(attrs: KgNodeAttributes): string[] {
  return [attrs.label, ...attrs.extraLabels.filter((l) => l !== attrs.label)];
}

/** Counts per node label (every label a node carries, as Neo4j counts them) and per relationship type. */
export interface GraphCounts {
  nodes: number;
  edges: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

export function graphCounts(graph: KgGraph): GraphCounts {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  graph.forEachNode((_k, a) => {
    for (const l of nodeLabels(a)) labels[l] = (labels[l] ?? 0) + 1;
  });
  graph.forEachEdge((_k, a) => {
    types[a.type] = (types[a.type] ?? 0) + 1;
  });
  return { nodes: graph.order, edges: graph.size, labels: sortKeys(labels), types: sortKeys(types) };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
