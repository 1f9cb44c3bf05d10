/**
 * ArticleFacts -> ArticleGraph: the one mapping from extracted facts to graph nodes and edges.
 * The Neo4j loader and the Graphology builder both use it, so the two graphs hold the same
 * ids, labels, relationship types and properties.
 */
import type { ArticleFacts, Entity, Relation } from '../types/facts';
import type { ArticleGraph, GraphEdge, GraphNode, PropValue } from '../types/graph';
import { createHash } from 'node:crypto';

/**
 * Longest id (UTF-8 bytes) stored as written. Neo4j's range index refuses keys over about 8 kB,
 * and one such id would fail its whole batch on every reload, so a longer id (a runaway name from
 * bad input) is replaced by its type prefix and a hash; the full name stays in `name`.
 */
export const MAX_ID_BYTES = 7500;

/** The graph id of an entity or article id: itself, or `type:#sha256` when too long to index. */
export function graphId(id: string): string {
  if (id.length * 3 <= MAX_ID_BYTES || Buffer.byteLength(id) <= MAX_ID_BYTES) return id;
  const colon = id.indexOf(':');
  const prefix = colon > 0 && colon < 32 ? id.slice(0, colon + 1) : '';
  return `${prefix}#${createHash('sha256').update(id).digest('hex')}`;
}

/** Relationship id: unique per (type, source, target, article). */
export function edgeId(type: string, source: string, target: string, articleId: string): string {
  return graphId(`${type}:${graphId(articleId)}:${graphId(source)}->${graphId(target)}`);
}

function articleNode(a: ArticleFacts): GraphNode {
  return {
    id: graphId(a.id),
    label: 'Article',
    extraLabels: [],
    name: a.headline ?? a.text.slice(0, 30),
    props: {
      source: a.source,
      headline: a.headline,
      subheadline: a.subheadline,
      date: a.date,
      pageDate: a.pageDate,
      format: a.format,
      contentHash: a.contentHash,
      reporters: a.reporters,
      correspondents: a.correspondents,
      line: a.sourceStart.line,
      length: a.text.length,
    },
  };
}

function entityNode(e: Entity): GraphNode {
  return {
    id: graphId(e.id),
    label: e.type,
    extraLabels: [...(e.roles ?? [])].sort(),
    name: e.canonical,
    props: { aliases: [...new Set([e.canonical, e.name])] },
  };
}

function relationEdge(a: ArticleFacts, r: Relation): GraphEdge {
  const ev = r.evidence;
  const props: Record<string, PropValue> = {
    articleId: graphId(a.id),
    date: a.date,
    sentence: ev.sentence,
    start: ev.start,
    end: ev.end,
    ruleId: ev.ruleId,
  };
  if (ev.sourceStart) {
    props.line = ev.sourceStart.line;
    props.column = ev.sourceStart.column;
  }
  return {
    id: edgeId(r.type, r.source, r.target, a.id),
    type: r.type,
    source: graphId(r.source),
    target: graphId(r.target),
    props,
  };
}

function mentionsEdge(a: ArticleFacts, e: Entity): GraphEdge {
  const first = e.mentions[0];
  return {
    id: edgeId('MENTIONS', a.id, e.id, a.id),
    type: 'MENTIONS',
    source: graphId(a.id),
    target: graphId(e.id),
    props: {
      articleId: graphId(a.id),
      date: a.date,
      count: e.mentions.length,
      sentence: first ? a.text.slice(a.sentences[first.sentence]?.start ?? first.start, a.sentences[first.sentence]?.end ?? first.end) : null,
      start: first ? first.start : null,
      end: first ? first.end : null,
      ruleId: first ? first.ruleId : null,
    },
  };
}

export function articleToGraph(a: ArticleFacts): ArticleGraph {
  const nodes = [articleNode(a), ...a.entities.map(entityNode)];
  const known = new Set(nodes.map((n) => n.id));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const push = (e: GraphEdge) => {
    if (seen.has(e.id) || !known.has(e.source) || !known.has(e.target)) return;
    seen.add(e.id);
    edges.push(e);
  };
  for (const e of a.entities) push(mentionsEdge(a, e));
  for (const r of a.relations) push(relationEdge(a, r));
  return { articleId: graphId(a.id), contentHash: a.contentHash, nodes, edges };
}
