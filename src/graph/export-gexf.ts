/**
 * GEXF 1.3 for Gephi, streamed by gexfChunks below (a port of graphology-gexf's writer that gives
 * the same text without holding it whole; gexfToRecords still parses with graphology-gexf).
 * Nodes: label = name; attributes `type` (primary label), `labels` (":Person:Official") and the
 * properties; viz colour by label, size by degree, position from ForceAtlas2 (deterministic).
 * Edges: id = relationship id, label and kind = type, weight (MENTIONS: mention count, facts: 1),
 * attributes `type` and the provenance properties (articleId, date, sentence, ruleId, …), viz
 * colour by type.
 *
 * List properties (aliases, reporters, …) are written as JSON arrays in string attributes, since
 * GEXF list values cannot carry every string (commas, quotes, backslashes); the GEXF meta element
 * `jsonlists` names them, so a reader can decode them (see gexfToRecords).
 */
import { parse } from 'graphology-gexf';
import { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import inferType from 'graphology-utils/infer-type';
import type { KgEdgeAttributes, KgGraph, KgNodeAttributes } from './build';
import { nodeLabels } from './build';
import { edgeProperties, nodeProperties } from './props';
import { edgeWeight, labelColor, layoutIterations, layoutPositions, nodeSize, typeColor } from './style';
import type { Positions } from './style';
import { XmlStreamWriter, xmlSafe } from './xml';
import { TextBuffer, chunksToString } from './sink';
import { coappearance, coappearanceGraph } from './analyze';
import type { CoappearanceNode } from './analyze';
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
  /** Characters per chunk of toGexfChunks (default CHUNK_CHARS, 16K). */
  chunkChars?: number;
}

/**
 * The graph as GEXF, in chunks of about CHUNK_CHARS (16K) characters (see sink.ts: writeChunksToFile, chunksToString).
 * Which properties are lists is named in the meta, written before the nodes: found by a first walk.
 */
export function toGexfChunks(graph: KgGraph, opts: GexfOptions = {}): Generator<string> {
  const positions = opts.positions ?? layoutPositions(graph);
  const lists = new Set<string>();
  graph.forEachNode((_n, a) => {
    for (const [k, v] of Object.entries(nodeProperties(a))) if (Array.isArray(v)) lists.add(attrName(k));
  });
  graph.forEachEdge((_e, a) => {
    for (const [k, v] of Object.entries(edgeProperties(a))) if (Array.isArray(v)) lists.add(attrName(k));
  });
  // (U+2028 and friends as references: graphology-gexf writes them raw, xmldom reads them as \n)
  return gexfChunks(graph as unknown as AbstractGraph, {
    version: '1.3',
    pretty: opts.pretty ?? true,
    chunkChars: opts.chunkChars,
    meta: {
      creator: 'zhkg',
      description: 'Officials, titles, organisations, places, projects and who inspected what (zhkg)',
      jsonlists: [...lists].sort().join(' '),
    },
    formatNode: (key, attrs) => {
      const a = attrs as KgNodeAttributes;
      const attributes: Record<string, string | number | boolean> = { type: a.label, labels: `:${nodeLabels(a).join(':')}` };
      for (const [k, v] of Object.entries(nodeProperties(a))) {
        if (k === 'name') continue;
        const val = attrValue(v);
        if (val !== null) attributes[attrName(k)] = val;
      }
      const p = positions[key] ?? { x: 0, y: 0 };
      return { label: xmlSafe(a.name), attributes, viz: { color: labelColor(a.label), size: nodeSize(graph, key), x: p.x, y: p.y } };
    },
    formatEdge: (_key, attrs) => {
      const a = attrs as KgEdgeAttributes;
      const attributes: Record<string, string | number | boolean> = { type: a.type };
      for (const [k, v] of Object.entries(edgeProperties(a))) {
        const val = attrValue(v);
        if (val !== null) attributes[attrName(k)] = val;
      }
      return { label: a.type, kind: a.type, weight: edgeWeight(a.type, a.props), attributes, viz: { color: typeColor(a.type) } };
    },
  });
}

/** The graph as one GEXF string (toGexfChunks joined: for tests and small graphs). */
export function toGexf(graph: KgGraph, opts: GexfOptions = {}): string {
  return chunksToString(toGexfChunks(graph, opts));
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
export function coappearanceGexfChunks(
  graph: KgGraph,
  opts: { seed?: string; chunkChars?: number; analysis?: { nodes: CoappearanceNode[] } } = {},
): Generator<string> {
  const co = coappearanceGraph(graph);
  // the analysis already made with the same seed (analyze(graph).coappearance), else made here
  const res = opts.analysis ?? coappearance(graph, opts);
  const byId = new Map(res.nodes.map((n) => [n.id, n]));
  const rng = seedrandom('zhkg-coappearance-layout');
  co.forEachNode((n) => co.mergeNodeAttributes(n, { x: (rng() - 0.5) * 100, y: (rng() - 0.5) * 100 }));
  if (co.order > 1 && co.size > 0) forceAtlas2.assign(co, { iterations: layoutIterations(co.order), settings: forceAtlas2.inferSettings(co), getEdgeWeight: 'weight' });
  return gexfChunks(co, {
    version: '1.3',
    chunkChars: opts.chunkChars,
    meta: { creator: 'zhkg', description: 'Co-appearance network of persons (zhkg analyze)' },
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
  });
}

/** coappearanceGexfChunks as one string. */
export function coappearanceToGexf(graph: KgGraph, opts: { seed?: string } = {}): string {
  return chunksToString(coappearanceGexfChunks(graph, opts));
}

/** What a formatter gives for one node or edge (as graphology-gexf's formatNode/formatEdge). */
export interface GexfElement {
  label?: unknown;
  kind?: unknown;
  weight?: unknown;
  attributes?: Record<string, unknown>;
  viz?: { color?: string; size?: unknown; x?: unknown; y?: unknown; z?: unknown; shape?: unknown; thickness?: unknown };
}

export interface GexfWriteOptions {
  version: '1.2' | '1.3';
  pretty?: boolean;
  /** Elements of <meta> (scalars only, as graphology-gexf writes the graph attributes). */
  meta: Record<string, string | number | boolean>;
  formatNode: (key: string, attributes: Attributes) => GexfElement;
  formatEdge: (key: string, attributes: Attributes) => GexfElement;
  /** Characters per chunk (default CHUNK_CHARS). */
  chunkChars?: number;
}

// The GEXF model of graphology-gexf's writer (common/writer.js), ported so the output is the same.
const TYPE_PRIORITIES: Record<string, number> = {
  liststring: 0, listdouble: 1, listlong: 2, listinteger: 3, listboolean: 4,
  string: 5, double: 6, long: 7, integer: 8, boolean: 9, empty: 10,
};

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v !== v;
}

function inferScalarValueType(v: unknown): string {
  if (isEmptyValue(v)) return 'empty';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'object') return 'string';
  if (typeof v === 'number') {
    if (v === (v | 0)) return v <= 0x7fffffff && v >= -0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  return 'string';
}

function inferValueType(value: unknown): string {
  const v = value instanceof Set ? [...value] : value;
  if (Array.isArray(v)) {
    let type = 'empty';
    for (const x of v) {
      const t = inferScalarValueType(x);
      if (TYPE_PRIORITIES[t] < TYPE_PRIORITIES[type]) type = t;
    }
    return type === 'empty' ? 'empty' : `list${type}`;
  }
  return inferScalarValueType(v);
}

function addToModel(model: Record<string, string>, attributes: Record<string, unknown> | undefined): void {
  if (!attributes) return;
  for (const k in attributes) {
    const type = inferValueType(attributes[k]);
    if (type === 'empty') continue;
    const current = model[k];
    if (!current) model[k] = type;
    else if (type !== current && TYPE_PRIORITIES[type] < TYPE_PRIORITIES[current]) model[k] = type;
  }
}

function serializeListItem(type: string, v: unknown): string {
  if (type !== 'string' || /[\r\t\n]/.test(v as string)) return JSON.stringify(v);
  const s = v as string;
  if (!s.includes("'")) return s.includes('"') ? `'${s}'` : s;
  return JSON.stringify(s);
}

function castValue(version: string, type: string, value: unknown): string {
  if (type.startsWith('list')) {
    const v = value instanceof Set ? [...value] : value;
    const arr = Array.isArray(v) ? v : [v];
    const sub = type.slice(4);
    return version === '1.3' ? `[${arr.map((x) => serializeListItem(sub, x)).join(', ')}]` : arr.join('|');
  }
  return `${value as string}`;
}

function cssColorToRgba(value: string): Record<string, number> {
  if (!value) return {};
  if (value[0] === '#') {
    const h = value.slice(1);
    return h.length === 3
      ? { r: parseInt(h[0] + h[0], 16), g: parseInt(h[1] + h[1], 16), b: parseInt(h[2] + h[2], 16) }
      : { r: parseInt(h[0] + h[1], 16), g: parseInt(h[2] + h[3], 16), b: parseInt(h[4] + h[5], 16) };
  }
  const m = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/.exec(value);
  if (!/^\s*rgba?\s*\(/i.test(value) || !m) return {};
  const out: Record<string, number> = { r: +m[1], g: +m[2], b: +m[3] };
  if (m[4]) out.a = +m[4];
  return out;
}

function writeElement(
  x: XmlStreamWriter,
  version: string,
  type: 'node' | 'edge',
  model: Record<string, string>,
  emptyModel: boolean,
  key: string,
  el: GexfElement,
  edge?: { source: string; target: string; undirected: boolean; defaultEdgeType: string },
): void {
  x.startElement(type);
  x.attribute('id', key);
  if (edge) {
    const edgeType = edge.undirected ? 'undirected' : 'directed';
    if (edgeType !== edge.defaultEdgeType) x.attribute('type', edgeType);
    x.attribute('source', edge.source);
    x.attribute('target', edge.target);
    const w = el.weight;
    if ((typeof w === 'number' && !isNaN(w)) || typeof w === 'string') x.attribute('weight', w);
    if (el.kind) x.attribute('kind', el.kind);
  }
  if (el.label) x.attribute('label', el.label);
  const attributes = el.attributes;
  if (!emptyModel && attributes) {
    x.startElement('attvalues');
    for (const name in model) {
      if (!(name in attributes)) continue;
      const value = attributes[name];
      if (isEmptyValue(value)) continue;
      x.startElement('attvalue').attribute('for', name).attribute('value', castValue(version, model[name], value)).endElement();
    }
    x.endElement();
  }
  const viz = el.viz;
  if (viz) {
    if (viz.color) {
      x.startElement('viz:color');
      if (version === '1.3' && viz.color.startsWith('#')) x.attribute('hex', viz.color);
      else {
        const c = cssColorToRgba(viz.color);
        for (const k in c) x.attribute(k, c[k]);
      }
      x.endElement();
    }
    if (viz.size !== undefined) x.startElement('viz:size').attribute('value', viz.size).endElement();
    if (viz.x !== undefined || viz.y !== undefined || viz.z !== undefined) {
      x.startElement('viz:position');
      if (viz.x !== undefined) x.attribute('x', viz.x);
      if (viz.y !== undefined) x.attribute('y', viz.y);
      if (viz.z !== undefined) x.attribute('z', viz.z);
      x.endElement();
    }
    if (viz.shape) x.startElement('viz:shape').attribute('value', viz.shape).endElement();
    if (viz.thickness !== undefined) x.startElement('viz:thickness').attribute('value', viz.thickness).endElement();
  }
  x.endElement();
}

/**
 * GEXF of a graph, streamed in chunks: the text graphology-gexf's write() gives for the same
 * options and graph attributes = `meta` (then lineEndRefs), but never held whole. Two passes: the
 * attribute model (id and type of every attribute, written before the nodes) from a first walk,
 * then the elements; only the model is kept between them.
 */
export function* gexfChunks(graph: AbstractGraph, opts: GexfWriteOptions): Generator<string> {
  const version = opts.version;
  const out = new TextBuffer(opts.chunkChars);
  const x = new XmlStreamWriter(out, opts.pretty !== false);
  x.startDocument('1.0', 'UTF-8');
  x.startElement('gexf').attribute('version', version);
  if (version === '1.2') {
    x.attribute('xmlns', 'http://www.gexf.net/1.2draft').attribute('xmlns:viz', 'http:///www.gexf.net/1.1draft/viz');
  } else {
    x.attribute('xmlns', 'http://gexf.net/1.3').attribute('xmlns:viz', 'http://gexf.net/1.3/viz');
    x.attribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance').attribute('xsi:schemaLocation', 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
  }
  x.startElement('meta');
  for (const [k, v] of Object.entries(opts.meta)) {
    if (!/^[_A-Za-z][-._A-Za-z0-9]*$/.test(k)) throw new Error(`gexf: meta name "${k}" is not an XML name`);
    x.startElement(k).text(`${v}`).endElement();
  }
  x.endElement();
  x.startElement('graph');
  const inferred = inferType(graph);
  const defaultEdgeType = inferred === 'mixed' ? 'directed' : inferred;
  x.attribute('defaultedgetype', defaultEdgeType);

  const nodeModel: Record<string, string> = {};
  const edgeModel: Record<string, string> = {};
  graph.forEachNode((key, a) => addToModel(nodeModel, opts.formatNode(key, a).attributes));
  graph.forEachEdge((key, a) => addToModel(edgeModel, opts.formatEdge(key, a).attributes));
  for (const [model, cls] of [[nodeModel, 'node'], [edgeModel, 'edge']] as const) {
    if (!Object.keys(model).length) continue;
    x.startElement('attributes').attribute('class', cls);
    for (const name in model) x.startElement('attribute').attribute('id', name).attribute('title', name).attribute('type', model[name]).endElement();
    x.endElement();
  }

  const emptyNodeModel = !Object.keys(nodeModel).length;
  x.startElement('nodes');
  for (const { node, attributes } of graph.nodeEntries()) {
    writeElement(x, version, 'node', nodeModel, emptyNodeModel, node, opts.formatNode(node, attributes));
    if (out.full) yield out.take();
  }
  x.endElement();
  const emptyEdgeModel = !Object.keys(edgeModel).length;
  x.startElement('edges');
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    writeElement(x, version, 'edge', edgeModel, emptyEdgeModel, edge, opts.formatEdge(edge, attributes), { source, target, undirected, defaultEdgeType });
    if (out.full) yield out.take();
  }
  x.endElement();
  x.endAll();
  yield out.take();
}
