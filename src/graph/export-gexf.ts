/**
 * GEXF 1.3 for Gephi, written by graphology-gexf. Nodes: label = name; attributes `type` (primary
 * label), `labels` (":Person:Official") and the properties; viz colour by label, size by degree,
 * position from ForceAtlas2 (deterministic). Edges: id = relationship id, label and kind = type,
 * weight (MENTIONS: mention count, facts: 1), attributes `type` and the provenance properties
 * (articleId, date, sentence, ruleId, …), viz colour by type.
 *
 * List properties (aliases, reporters, …) are written as JSON arrays in string attributes, since
 * GEXF list values cannot carry every string (commas, quotes, backslashes); the GEXF meta element
 * `jsonlists` names them, so a reader can decode them (see gexfToRecords).
 */
import { write, parse } from 'graphology-gexf';
import { MultiDirectedGraph } from 'graphology';
import type { KgGraph } from './build';
import { nodeLabels } from './build';
import { edgeProperties, nodeProperties } from './props';
import { edgeWeight, labelColor, layoutIterations, layoutPositions, nodeSize, typeColor } from './style';
import type { Positions } from './style';
import { lineEndRefs, xmlSafe } from './xml';
import { coappearance, coappearanceGraph } from './analyze';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import seedrandom from 'seedrandom';
import type { PropValue } from '../types/graph';

const RESERVED = new Set(['type', 'labels', 'label', 'weight', 'kind', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness']);

/** Attribute name of a property (prefixed when it would collide with a GEXF/zhkg reserved name). */
function attrName(k: string): string {
  return RESERVED.has(k) ? `prop_${k}` : k;
}

/** A property as a GEXF attribute value: lists as JSON arrays, strings without XML-invalid characters. */
function attrValue(v: PropValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return xmlSafe(JSON.stringify(v));
  return typeof v === 'string' ? xmlSafe(v) : v;
}

export interface GexfOptions {
  positions?: Positions;
  pretty?: boolean;
}

export function toGexf(graph: KgGraph, opts: GexfOptions = {}): string {
  const positions = opts.positions ?? layoutPositions(graph);
  const lists = new Set<string>();
  // Which properties are lists: named in the meta, which is written before the nodes.
  graph.forEachNode((_n, a) => {
    for (const [k, v] of Object.entries(nodeProperties(a))) if (Array.isArray(v)) lists.add(attrName(k));
  });
  graph.forEachEdge((_e, a) => {
    for (const [k, v] of Object.entries(edgeProperties(a))) if (Array.isArray(v)) lists.add(attrName(k));
  });
  const saved = graph.getAttributes();
  graph.replaceAttributes({
    creator: 'zhkg',
    description: 'Officials, titles, organisations, places, projects and who inspected what (zhkg)',
    jsonlists: [...lists].sort().join(' '),
  });
  try {
    // (U+2028 and friends as references: graphology-gexf writes them raw, xmldom reads them as \n)
    return lineEndRefs(write(graph, {
      version: '1.3',
      pretty: opts.pretty ?? true,
      formatNode: (key, a) => {
        const attributes: Record<string, string | number | boolean> = { type: a.label, labels: `:${nodeLabels(a).join(':')}` };
        for (const [k, v] of Object.entries(nodeProperties(a))) {
          if (k === 'name') continue;
          const val = attrValue(v);
          if (val !== null) attributes[attrName(k)] = val;
        }
        const p = positions[key] ?? { x: 0, y: 0 };
        return { label: xmlSafe(a.name), attributes, viz: { color: labelColor(a.label), size: nodeSize(graph, key), x: p.x, y: p.y } };
      },
      formatEdge: (_key, a) => {
        const attributes: Record<string, string | number | boolean> = { type: a.type };
        for (const [k, v] of Object.entries(edgeProperties(a))) {
          const val = attrValue(v);
          if (val !== null) attributes[attrName(k)] = val;
        }
        return { label: a.type, kind: a.type, weight: edgeWeight(a.type, a.props), attributes, viz: { color: typeColor(a.type) } };
      },
    }));
  } finally {
    graph.replaceAttributes(saved);
  }
}

/** A node or edge read back from an export, in the zhkg shape (for round-trip checks and tools). */
export interface NodeRecord {
  id: string;
  labels: string[];
  properties: Record<string, PropValue>;
}
export interface EdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, PropValue>;
}
export interface GraphRecords {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

/** Parse a GEXF written by toGexf back into node and edge records (lists decoded, viz dropped). */
export function gexfToRecords(xml: string): GraphRecords {
  const g = parse(MultiDirectedGraph, xml, { respectInputGraphType: true });
  const lists = new Set(String(g.getAttribute('jsonlists') ?? '').split(/\s+/).filter(Boolean));
  const decode = (attrs: Record<string, unknown>, skip: Set<string>): Record<string, PropValue> => {
    const out: Record<string, PropValue> = {};
    for (const [k, v] of Object.entries(attrs)) {
      if (skip.has(k)) continue;
      const name = k.startsWith('prop_') && RESERVED.has(k.slice(5)) ? k.slice(5) : k;
      out[name] = lists.has(k) && typeof v === 'string' ? (JSON.parse(v) as PropValue) : (v as PropValue);
    }
    return out;
  };
  const nodeSkip = new Set(['label', 'type', 'labels', 'color', 'size', 'x', 'y', 'z']);
  const edgeSkip = new Set(['label', 'type', 'kind', 'weight', 'color', 'thickness']);
  const nodes: NodeRecord[] = g.mapNodes((id, a) => ({
    id,
    labels: String(a.labels ?? '').split(':').filter(Boolean),
    properties: { name: a.label as string, ...decode(a, nodeSkip) },
  }));
  const edges: EdgeRecord[] = g.mapEdges((id, a, source, target) => ({
    id,
    type: String(a.type),
    source,
    target,
    properties: decode(a, edgeSkip),
  }));
  return { nodes, edges };
}

const COMMUNITY_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/**
 * The person co-appearance network (see analyze.ts) as GEXF for Gephi: undirected, weighted
 * (shared articles + 2 × shared visits), nodes with weighted degree, betweenness and Louvain
 * community as attributes, coloured by community, positioned by ForceAtlas2 (seeded start;
 * iterations from layoutIterations, so the cost does not grow with the square of the size).
 */
export function coappearanceToGexf(graph: KgGraph, opts: { seed?: string } = {}): string {
  const co = coappearanceGraph(graph);
  const res = coappearance(graph, opts);
  const byId = new Map(res.nodes.map((n) => [n.id, n]));
  const rng = seedrandom('zhkg-coappearance-layout');
  co.forEachNode((n) => co.mergeNodeAttributes(n, { x: (rng() - 0.5) * 100, y: (rng() - 0.5) * 100 }));
  if (co.order > 1 && co.size > 0) forceAtlas2.assign(co, { iterations: layoutIterations(co.order), settings: forceAtlas2.inferSettings(co), getEdgeWeight: 'weight' });
  co.replaceAttributes({ creator: 'zhkg', description: 'Co-appearance network of persons (zhkg analyze)' });
  return lineEndRefs(write(co, {
    version: '1.3',
    formatNode: (key, a) => {
      const n = byId.get(key)!;
      return {
        label: xmlSafe(n.name),
        attributes: { official: n.official, articles: n.articles, weightedDegree: n.weightedDegree, betweenness: n.betweenness, community: n.community },
        viz: {
          color: COMMUNITY_COLORS[(n.community - 1) % COMMUNITY_COLORS.length] ?? '#666666',
          size: Math.round((3 + 2 * Math.sqrt(n.weightedDegree)) * 100) / 100,
          x: Math.round((a.x as number) * 1000) / 1000,
          y: Math.round((a.y as number) * 1000) / 1000,
        },
      };
    },
    formatEdge: (_key, a) => ({ weight: a.weight as number, attributes: { articles: a.articles as number, visits: a.visits as number } }),
  }));
}
