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
import type { KgGraph } from './build';
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
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined));
}

export function toJsonExport(graph: KgGraph): JsonExport {
  const labels = (id: string) => [...nodeLabels(graph.getNodeAttributes(id))].sort();
  return {
    nodes: graph.mapNodes((id, a) => ({ type: 'node', id, labels: [...nodeLabels(a)].sort(), properties: dropNulls(nodeProperties(a)) })),
    relationships: graph.mapEdges((id, a, s, t) => ({
      type: 'relationship',
      id,
      label: a.type,
      start: { id: s, labels: labels(s) },
      end: { id: t, labels: labels(t) },
      properties: dropNulls(edgeProperties(a)),
    })),
  };
}

export function toJson(graph: KgGraph, pretty = false): string {
  return `${JSON.stringify(toJsonExport(graph), null, pretty ? 2 : undefined)}\n`;
}

export function jsonToRecords(text: string): GraphRecords {
  const doc = JSON.parse(text) as JsonExport;
  return {
    nodes: doc.nodes.map((n) => ({ id: n.id, labels: n.labels, properties: n.properties })),
    edges: doc.relationships.map((r) => ({ id: r.id, type: r.label, source: r.start.id, target: r.end.id, properties: r.properties })),
  };
}
