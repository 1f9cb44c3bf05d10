/**
 * How the graph is drawn in Gephi (GEXF viz) and in the HTML report: a colour per node label and
 * relationship type, a size from the degree, and positions from a ForceAtlas2 layout started from
 * deterministic positions (a seeded rng), so the same graph always gets the same picture.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
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

/** One ForceAtlas2 iteration over the library's flat matrices (graphology-layout-forceatlas2/iterate.js). */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const fa2Iterate: (settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => unknown = require('graphology-layout-forceatlas2/iterate.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const FA2_DEFAULTS: Record<string, unknown> = require('graphology-layout-forceatlas2/defaults.js');

/** Values per node and per edge in ForceAtlas2's matrices (the library's PPN and PPE). */
const PPN = 10;
const PPE = 3;

/**
 * ForceAtlas2 positions. Starts from seeded random positions (nodes taken in sorted id order),
 * runs layoutIterations(nodes) iterations on the simple undirected version of the graph
 * (parallel and opposite relationships merged, their weights summed, self-loops dropped), and
 * rounds the result.
 *
 * Linear in the graph: the merged weights are accumulated in typed arrays indexed by node index
 * (see below), and ForceAtlas2's typed matrices are filled directly (the same matrices, in the
 * same node and edge order, as graphology's forceAtlas2.assign on a simple undirected copy, so
 * the positions are the same), without building a second graphology graph.
 */
export function layoutPositions(graph: KgGraph, opts: { seed?: string; iterations?: number } = {}): Positions {
  const rng = seedrandom(opts.seed ?? 'zhkg-layout');
  const ids = graph.nodes().sort();
  const order = ids.length;
  const index = new Map<string, number>();
  const nodes = new Float32Array(order * PPN);
  for (let i = 0; i < order; i++) {
    index.set(ids[i], i);
    const j = i * PPN;
    nodes[j] = (rng() - 0.5) * 100;
    nodes[j + 1] = (rng() - 0.5) * 100;
    nodes[j + 6] = 1; // mass, +weighted degree below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  // the relationships as node-index pairs (self-loops dropped), in graph order
  const rs = new Int32Array(graph.size);
  const rt = new Int32Array(graph.size);
  const rw = new Float64Array(graph.size);
  let raw = 0;
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    rs[raw] = index.get(s) as number;
    rt[raw] = index.get(t) as number;
    rw[raw] = edgeWeight(a.type, a.props);
    raw++;
  });
  // merge parallel and opposite ones: bucket them by their lower node index (a stable counting
  // sort), then within a bucket mark[hi] finds the pair's first relationship, which sums the
  // weights in graph order. Typed arrays only: linear, and nothing for the garbage collector.
  const start = new Int32Array(order + 1);
  for (let r = 0; r < raw; r++) start[Math.min(rs[r], rt[r]) + 1]++;
  for (let i = 0; i < order; i++) start[i + 1] += start[i];
  const fill = start.slice(0, order);
  const byLo = new Int32Array(raw);
  for (let r = 0; r < raw; r++) byLo[fill[Math.min(rs[r], rt[r])]++] = r;
  const mark = new Int32Array(order);
  const slot = new Int32Array(order);
  const weight = new Float64Array(raw);
  const first = new Uint8Array(raw);
  let size = 0;
  for (let lo = 0; lo < order; lo++) {
    for (let k = start[lo]; k < start[lo + 1]; k++) {
      const r = byLo[k];
      const hi = rs[r] + rt[r] - lo;
      if (mark[hi] !== lo + 1) {
        mark[hi] = lo + 1;
        slot[hi] = r;
        first[r] = 1;
        weight[r] = rw[r];
        size++;
      } else weight[slot[hi]] += rw[r];
    }
  }
  if (order > 1 && size > 0) {
    // merged relationships in first-seen order, oriented as first seen (as a simple graph keeps them)
    const edges = new Float32Array(size * PPE);
    let m = 0;
    for (let r = 0; r < raw; r++) {
      if (!first[r]) continue;
      const sj = rs[r] * PPN;
      const tj = rt[r] * PPN;
      nodes[sj + 6] += weight[r];
      nodes[tj + 6] += weight[r];
      edges[m * PPE] = sj;
      edges[m * PPE + 1] = tj;
      edges[m * PPE + 2] = weight[r];
      m++;
    }
    const settings = { ...FA2_DEFAULTS, ...forceAtlas2.inferSettings(order) };
    const iterations = opts.iterations ?? layoutIterations(order);
    for (let i = 0; i < iterations; i++) fa2Iterate(settings, nodes, edges);
  }
  const out: Positions = {};
  for (let i = 0; i < order; i++) {
    out[ids[i]] = { x: Math.round(nodes[i * PPN] * 1000) / 1000, y: Math.round(nodes[i * PPN + 1] * 1000) / 1000 };
  }
  return out;
}
