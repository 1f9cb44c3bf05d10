/**
 * ArticleFacts -> ArticleGraph: the one mapping from extracted facts to graph nodes and edges.
 * The Neo4j loader and the Graphology builder both use it, so the two graphs hold the same
 * ids, labels, relationship types and properties.
 */
import type { ArticleFacts, Entity, Relation } from '../types/facts';
import type { ArticleGraph, GraphEdge, GraphNode, PropValue } from '../types/graph';

/** Relationship id: unique per (type, source, target, article). */
export function edgeId(type: string, source: string, target: string, articleId: string): string {
  return `${type}:${articleId}:${source}->${target}`;
}

function articleNode(a: ArticleFacts): GraphNode {
  return {
    id: a.id,
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
    id: e.id,
    label: e.type,
    extraLabels: [...(e.roles ?? [])].sort(),
    name: e.canonical,
    props: { aliases: [...new Set([e.canonical, e.name])] },
  };
}

function relationEdge(a: ArticleFacts, r: Relation): GraphEdge {
  const ev = r.evidence;
  const props: Record<string, PropValue> = {
    articleId: a.id,
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
  return { id: edgeId(r.type, r.source, r.target, a.id), type: r.type, source: r.source, target: r.target, props };
}

function mentionsEdge(a: ArticleFacts, e: Entity): GraphEdge {
  const first = e.mentions[0];
  return {
    id: edgeId('MENTIONS', a.id, e.id, a.id),
    type: 'MENTIONS',
    source: a.id,
    target: e.id,
    props: {
      articleId: a.id,
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
  return { articleId: a.id, contentHash: a.contentHash, nodes, edges };
}
