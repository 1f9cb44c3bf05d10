/**
 * GraphML in the layout of APOC's apoc.export.graphml (useTypes: true), but with the stable zhkg
 * ids instead of APOC's n<internalId>:
 *
 *   <key id="labels" for="node" attr.name="labels" attr.type="string"/>
 *   <key id="aliases" for="node" attr.name="aliases" attr.type="string" attr.list="string"/>
 *   <key id="label" for="edge" attr.name="label" attr.type="string"/>
 *   <graph id="G" edgedefault="directed">
 *   <node id="person:陈红民" labels=":Person:Official"><data key="labels">:Person:Official</data><data key="name">陈红民</data>…</node>
 *   <edge id="INSPECTED:…" source="person:…" target="place:…" label="INSPECTED"><data key="label">INSPECTED</data>…</edge>
 *
 * Key ids equal property names (per `for`, as APOC). Lists are JSON arrays (APOC writes them so),
 * typed attr.type="string" attr.list="<item type>". A null property has no <data>; an empty
 * string has an empty <data>.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { KgGraph } from './build';
import { nodeLabels } from './build';
import { edgeProperties, nodeProperties, propertyKinds, propertyNames } from './props';
import type { PropKind } from './props';
import { escapeAttr, escapeText } from './xml';
import { TextBuffer, chunksToString } from './sink';
import type { PropValue } from '../types/graph';
import type { EdgeRecord, GraphRecords, NodeRecord } from './export-gexf';

const GRAPHML_TYPE: Record<string, string> = { string: 'string', int: 'long', float: 'double', boolean: 'boolean' };

function keyLine(name: string, forWhat: 'node' | 'edge', kind: PropKind): string {
  const list = kind.endsWith('[]');
  const base = list ? kind.slice(0, -2) : kind;
  const type = list ? 'string' : GRAPHML_TYPE[base];
  const listAttr = list ? ` attr.list="${GRAPHML_TYPE[base]}"` : '';
  return `<key id="${escapeAttr(name)}" for="${forWhat}" attr.name="${escapeAttr(name)}" attr.type="${type}"${listAttr}/>`;
}

function dataValue(v: PropValue, kind: PropKind | undefined): string {
  if (Array.isArray(v)) return JSON.stringify(v);
  if (kind && kind.endsWith('[]')) return JSON.stringify([v]);
  return String(v);
}

function dataLines(props: Record<string, PropValue>, kinds: Record<string, PropKind>): string {
  let out = '';
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    out += `<data key="${escapeAttr(k)}">${escapeText(dataValue(v, kinds[k]))}</data>`;
  }
  return out;
}

/**
 * The graph as GraphML, in chunks of about CHUNK_CHARS (16K) characters (see sink.ts). A first walk finds the keys
 * (names and kinds of the properties), written before the elements; then nodes and edges are
 * written one at a time.
 */
export function* toGraphmlChunks(graph: KgGraph, opts: { chunkChars?: number } = {}): Generator<string> {
  const nodeProps = function* (): Generator<Record<string, PropValue>> {
    for (const { attributes } of graph.nodeEntries()) yield nodeProperties(attributes);
  };
  const edgeProps = function* (): Generator<Record<string, PropValue>> {
    for (const { attributes } of graph.edgeEntries()) yield attributes.props;
  };
  const nodeKinds = propertyKinds(nodeProps());
  const edgeKinds = propertyKinds(edgeProps());
  const out = new TextBuffer(opts.chunkChars);
  const line = (s: string) => out.write(`${s}\n`);
  line('<?xml version="1.0" encoding="UTF-8"?>');
  line('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">');
  line(keyLine('labels', 'node', 'string'));
  for (const name of propertyNames(nodeProps(), ['name'])) if (name !== 'labels') line(keyLine(name, 'node', nodeKinds[name]));
  line(keyLine('label', 'edge', 'string'));
  for (const name of propertyNames(edgeProps())) if (name !== 'label') line(keyLine(name, 'edge', edgeKinds[name]));
  line('<graph id="G" edgedefault="directed">');
  for (const { node: id, attributes: a } of graph.nodeEntries()) {
    const labels = `:${nodeLabels(a).join(':')}`;
    line(`<node id="${escapeAttr(id)}" labels="${escapeAttr(labels)}"><data key="labels">${escapeText(labels)}</data>${dataLines(nodeProperties(a), nodeKinds)}</node>`);
    if (out.full) yield out.take();
  }
  for (const { edge: id, attributes: a, source: s, target: t } of graph.edgeEntries()) {
    line(
      `<edge id="${escapeAttr(id)}" source="${escapeAttr(s)}" target="${escapeAttr(t)}" label="${escapeAttr(a.type)}"><data key="label">${escapeText(a.type)}</data>${dataLines(edgeProperties(a), edgeKinds)}</edge>`,
    );
    if (out.full) yield out.take();
  }
  line('</graph>');
  line('</graphml>');
  yield out.take();
}

/** The graph as one GraphML string (toGraphmlChunks joined). */
export function toGraphml(graph: KgGraph): string {
  return chunksToString(toGraphmlChunks(graph));
}

/**
 * Read a GraphML file (ours or APOC's) into records, with typed values and lists decoded.
 * graphology-graphml can parse it too (the tests check both); this reader also decodes lists.
 */
export function graphmlToRecords(xml: string): GraphRecords {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const keys: Record<string, Record<string, { name: string; type: string; list: string | null }>> = { node: {}, edge: {} };
  const keyEls = doc.getElementsByTagName('key');
  for (let i = 0; i < keyEls.length; i++) {
    const k = keyEls[i];
    const f = k.getAttribute('for') ?? 'node';
    (keys[f] ??= {})[k.getAttribute('id') ?? ''] = {
      name: k.getAttribute('attr.name') ?? k.getAttribute('id') ?? '',
      type: k.getAttribute('attr.type') ?? 'string',
      list: k.getAttribute('attr.list'),
    };
  }
  const cast = (text: string, spec: { type: string; list: string | null } | undefined): PropValue => {
    if (!spec) return text;
    if (spec.list) return JSON.parse(text) as PropValue;
    switch (spec.type) {
      case 'boolean':
        return text.toLowerCase() === 'true';
      case 'int':
      case 'long':
      case 'float':
      case 'double':
        return Number(text);
      default:
        return text;
    }
  };
  const collect = (el: { getElementsByTagName(n: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }> }, f: 'node' | 'edge'): Record<string, PropValue> => {
    const out: Record<string, PropValue> = {};
    const data = el.getElementsByTagName('data');
    for (let i = 0; i < data.length; i++) {
      const key = data[i].getAttribute('key') ?? '';
      const spec = keys[f][key];
      out[spec?.name ?? key] = cast(data[i].textContent ?? '', spec);
    }
    return out;
  };
  const nodes: NodeRecord[] = [];
  const nodeEls = doc.getElementsByTagName('node');
  for (let i = 0; i < nodeEls.length; i++) {
    const el = nodeEls[i];
    const { labels, ...properties } = collect(el, 'node');
    const labelText = String(el.getAttribute('labels') ?? labels ?? '');
    nodes.push({ id: el.getAttribute('id') ?? '', labels: labelText.split(':').filter(Boolean), properties });
  }
  const edges: EdgeRecord[] = [];
  const edgeEls = doc.getElementsByTagName('edge');
  for (let i = 0; i < edgeEls.length; i++) {
    const el = edgeEls[i];
    const { label, ...properties } = collect(el, 'edge');
    edges.push({
      id: el.getAttribute('id') ?? '',
      type: String(el.getAttribute('label') ?? label ?? ''),
      source: el.getAttribute('source') ?? '',
      target: el.getAttribute('target') ?? '',
      properties,
    });
  }
  return { nodes, edges };
}
