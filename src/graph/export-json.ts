/**
 * JSON in the shape of APOC's apoc.export.json (jsonFormat JSON), with stable zhkg ids:
 *
 *   {"nodes":[{"type":"node","id":"person:陈红民","labels":["Official","Person"],"properties":{"name":"陈红民",…}}],
 *    "relationships":[{"type":"relationship","id":"INSPECTED:…","label":"INSPECTED",
 *      "start":{"id":"person:陈红民","labels":["Official","Person"]},"end":{"id":"place:…","labels":["Place"]},
 *      "properties":{"articleId":…,"sentence":…,"ruleId":…}}]}
 *
 * Labels are sorted alphabetically, as APOC does. Null properties are left out (Neo4j stores no nulls).
 */
import type { KgEdgeAttributes, KgGraph, KgNodeAttributes } from './build';
import { TextBuffer, chunksToString } from './sink';
import { nodeLabels } from './build';
import { edgeProperties, nodeProperties } from './props';
import type { PropValue } from '../types/graph';
import type { GraphRecords } from './export-gexf';

export interface JsonNode {
  type: 'node';
  id: string;
  labels: string[];
  properties: Record<string, PropValue>;
}

export interface JsonRelationship {
  type: 'relationship';
  id: string;
  label: string;
  start: { id: string; labels: string[] };
  end: { id: string; labels: string[] };
  properties: Record<string, PropValue>;
}

export interface JsonExport {
  nodes: JsonNode[];
  relationships: JsonRelationship[];
}

function dropNulls(p: Record<string, PropValue>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const k of Object.keys(p)) {
    const v = p[k];
    if (v === null || v === undefined) continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

function jsonNode(id: string, a: KgNodeAttributes): JsonNode {
  return { type: 'node', id, labels: [...nodeLabels(a)].sort(), properties: dropNulls(nodeProperties(a)) };
}

function jsonRelationship(id: string, a: KgEdgeAttributes, s: string, t: string, sa: KgNodeAttributes, ta: KgNodeAttributes): JsonRelationship {
  return {
    type: 'relationship',
    id,
    label: a.type,
    start: { id: s, labels: [...nodeLabels(sa)].sort() },
    end: { id: t, labels: [...nodeLabels(ta)].sort() },
    properties: dropNulls(edgeProperties(a)),
  };
}

/** The whole export as one object (small graphs; exports stream through toJsonChunks). */
export function toJsonExport(graph: KgGraph): JsonExport {
  return {
    nodes: graph.mapNodes((id, a) => jsonNode(id, a)),
    relationships: graph.mapEdges((id, a, s, t, sa, ta) => jsonRelationship(id, a, s, t, sa, ta)),
  };
}

/**
 * The export as JSON text in chunks of about CHUNK_CHARS (16K) characters (see sink.ts): the same text as
 * `JSON.stringify(toJsonExport(graph), null, pretty ? 2 : undefined) + "\n"`, one element at a time.
 */
export function* toJsonChunks(graph: KgGraph, pretty = false, opts: { chunkChars?: number } = {}): Generator<string> {
  const out = new TextBuffer(opts.chunkChars);
  // element separator and array ends, as JSON.stringify lays them out at depth 2
  const sep = pretty ? ',\n    ' : ',';
  const open = (name: string, empty: boolean) => (pretty ? `"${name}": [${empty ? '' : '\n    '}` : `"${name}":[`);
  const close = (empty: boolean) => (pretty && !empty ? '\n  ]' : ']');
  const text = (v: JsonNode | JsonRelationship) => (pretty ? JSON.stringify(v, null, 2).replace(/\n/g, '\n    ') : JSON.stringify(v));
  out.write(pretty ? '{\n  ' : '{');
  out.write(open('nodes', graph.order === 0));
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    if (!first) out.write(sep);
    first = false;
    out.write(text(jsonNode(node, attributes)));
    if (out.full) yield out.take();
  }
  out.write(close(graph.order === 0));
  out.write(pretty ? ',\n  ' : ',');
  out.write(open('relationships', graph.size === 0));
  first = true;
  for (const { edge, attributes, source, target, sourceAttributes, targetAttributes } of graph.edgeEntries()) {
    if (!first) out.write(sep);
    first = false;
    out.write(text(jsonRelationship(edge, attributes, source, target, sourceAttributes, targetAttributes)));
    if (out.full) yield out.take();
  }
  out.write(close(graph.size === 0));
  out.write(pretty ? '\n}\n' : '}\n');
  yield out.take();
}

export function toJson(graph: KgGraph, pretty = false): string {
  return chunksToString(toJsonChunks(graph, pretty));
}

export function jsonToRecords(text: string): GraphRecords {
  const doc = JSON.parse(text) as JsonExport;
  return {
    nodes: doc.nodes.map((n) => ({ id: n.id, labels: n.labels, properties: n.properties })),
    edges: doc.relationships.map((r) => ({ id: r.id, type: r.label, source: r.start.id, target: r.end.id, properties: r.properties })),
  };
}
