/**
 * How the graph is drawn in Gephi (GEXF viz) and in the HTML report: a colour per node label and
 * relationship type, a size from the degree, and positions from a ForceAtlas2 layout started from
 * deterministic positions (a seeded rng), so the same graph always gets the same picture.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Graph from 'graphology';
import seedrandom from 'seedrandom';
import type { KgGraph } from './build';

export const LABEL_COLORS: Record<string, string> = {
  Article: '#9e9e9e',
  Person: '#e15759',
  Title: '#f28e2b',
  Organization: '#4e79a7',
  Place: '#59a14f',
  Project: '#b07aa1',
  Event: '#edc948',
};

export const TYPE_COLORS: Record<string, string> = {
  HOLDS_TITLE: '#f28e2b',
  INSPECTED: '#e15759',
  ACCOMPANIED: '#ff9da7',
  ATTENDED: '#edc948',
  PART_OF: '#76b7b2',
  REPORTED: '#bab0ac',
  MENTIONS: '#d9d9d9',
};

export const DEFAULT_COLOR = '#666666';

export function labelColor(label: string): string {
  return LABEL_COLORS[label] ?? DEFAULT_COLOR;
}

export function typeColor(type: string): string {
  return TYPE_COLORS[type] ?? DEFAULT_COLOR;
}

/** Weight of a relationship for layouts and Gephi: MENTIONS by mention count, facts 1. */
export function edgeWeight(type: string, props: Record<string, unknown>): number {
  if (type === 'MENTIONS') return typeof props.count === 'number' && props.count > 0 ? props.count : 1;
  return 1;
}

export function nodeSize(graph: KgGraph, node: string): number {
  return Math.round((3 + 2 * Math.sqrt(graph.degree(node))) * 100) / 100;
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Work budget of a layout, in node-iterations. ForceAtlas2 (Barnes-Hut above 2,000 nodes) costs
 * about (nodes × iterations) steps, so a fixed iteration count makes the layout the one stage
 * that grows faster than the corpus (200 iterations on 16,000 nodes took 16 s). Small graphs get
 * the full 200 iterations; larger ones get budget / nodes (at least 2), so the layout time stays
 * about constant and exports scale with the corpus. Gephi users re-run a layout anyway.
 */
export const LAYOUT_BUDGET = 400_000;

/** Iterations for a ForceAtlas2 run on `order` nodes (deterministic: depends on the size only). */
export function layoutIterations(order: number, max = 200): number {
  return Math.max(2, Math.min(max, Math.floor(LAYOUT_BUDGET / Math.max(1, order))));
}

/**
 * ForceAtlas2 positions. Starts from seeded random positions (nodes taken in sorted id order),
 * runs layoutIterations(size) iterations on a simple undirected copy, and rounds the result.
 */
export function layoutPositions(graph: KgGraph, opts: { seed?: string; iterations?: number } = {}): Positions {
  const rng = seedrandom(opts.seed ?? 'zhkg-layout');
  const simple = new Graph({ type: 'undirected', multi: false });
  const ids = graph.nodes().sort();
  for (const id of ids) simple.addNode(id, { x: (rng() - 0.5) * 100, y: (rng() - 0.5) * 100 });
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const w = edgeWeight(a.type, a.props);
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (x) => (x as number) + w);
    else simple.addEdge(s, t, { weight: w });
  });
  if (simple.order > 1 && simple.size > 0) {
    const settings = forceAtlas2.inferSettings(simple);
    forceAtlas2.assign(simple, { iterations: opts.iterations ?? layoutIterations(simple.order), settings, getEdgeWeight: 'weight' });
  }
  const out: Positions = {};
  simple.forEachNode((n, a) => {
    out[n] = { x: Math.round((a.x as number) * 1000) / 1000, y: Math.round((a.y as number) * 1000) / 1000 };
  });
  return out;
}
