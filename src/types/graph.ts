/**
 * The property graph both back ends hold: Neo4j (src/neo4j) and Graphology (src/graph).
 * Built from ArticleFacts by src/resolve/to-graph.ts, so both get the same ids, labels and types.
 */
import type { RelationType } from './facts';

export type NodeLabel = 'Article' | 'Person' | 'Title' | 'Organization' | 'Place' | 'Project' | 'Event';

/** Neo4j property values: primitives and arrays of primitives (no nested maps). */
export type PropValue = string | number | boolean | null | string[] | number[];

export interface GraphNode {
  /** Stable id: entity id ("person:陈红民") or article id. */
  id: string;
  /** Primary label. */
  label: NodeLabel;
  /** Extra labels (Person: Official, Reporter). */
  extraLabels: string[];
  name: string;
  props: Record<string, PropValue>;
}

export interface GraphEdge {
  /** Stable id, unique across the corpus. */
  id: string;
  type: RelationType;
  source: string;
  target: string;
  /** Provenance: articleId, date, sentence, start, end, ruleId (and source line/column). */
  props: Record<string, PropValue>;
}

/** One article's share of the graph: the article node, the entity nodes it mentions, its edges. */
export interface ArticleGraph {
  articleId: string;
  contentHash: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
