import { expect } from 'chai';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph, MultiGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import {
  analyze,
  buildGraph,
  coappearanceToGexf,
  csvField,
  csvToRecords,
  gexfToRecords,
  graphmlToRecords,
  jsonToRecords,
  layoutPositions,
  nodeLabels,
  parseCsv,
  toCsv,
  toGexf,
  toGraphml,
  toJson,
} from '../../src/graph';
import type { GraphRecords, KgGraph } from '../../src/graph';
import type { PropValue } from '../../src/types';
import { extractFiles } from '../../src/pipeline';
import { fixtureArticles, hostileArticle, HOSTILE } from './fixture';

/** What every export must carry: ids, labels, types, endpoints and non-null properties. */
function expectedRecords(graph: KgGraph, opts: { dropEmptyStrings?: boolean } = {}): GraphRecords {
  const clean = (p: Record<string, PropValue>) =>
    Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined && !(opts.dropEmptyStrings && v === '')));
  return {
    nodes: graph.mapNodes((id, a) => ({ id, labels: nodeLabels(a), properties: clean({ name: a.name, ...a.props }) })),
    edges: graph.mapEdges((id, a, source, target) => ({ id, type: a.type, source, target, properties: clean(a.props) })),
  };
}

function normalise(r: GraphRecords): { nodes: Record<string, unknown>; edges: Record<string, unknown> } {
  return {
    nodes: Object.fromEntries(r.nodes.map((n) => [n.id, { labels: [...n.labels].sort(), properties: n.properties }])),
    edges: Object.fromEntries(r.edges.map((e) => [e.id, { type: e.type, source: e.source, target: e.target, properties: e.properties }])),
  };
}

function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(xml, 'application/xml');
  return errors;
}

describe('graph/exports (round trips)', () => {
  const graph = buildGraph([...fixtureArticles(), hostileArticle()]).graph;
  const expected = normalise(expectedRecords(graph));

  it('the fixture really holds the hostile strings (ids, names, properties)', () => {
    expect(graph.hasNode(`place:${HOSTILE}`)).to.equal(true);
    expect(graph.getNodeAttribute('page4#1', 'name')).to.equal(HOSTILE);
  });

  describe('GEXF 1.3', () => {
    const xml = toGexf(graph);

    it('is well-formed GEXF 1.3 with the viz namespace, and hostile strings are escaped', () => {
      expect(wellFormed(xml)).to.deep.equal([]);
      expect(xml).to.contain('xmlns="http://gexf.net/1.3"').and.contain('version="1.3"').and.contain('xmlns:viz="http://gexf.net/1.3/viz"');
      expect(xml).to.not.contain('<script>');
      expect(xml).to.match(/&lt;script(>|&gt;)alert/);
    });

    it('parses back (graphology-gexf) with the same nodes, edges and properties', () => {
      const back = gexfToRecords(xml);
      expect(back.nodes).to.have.length(graph.order);
      expect(back.edges).to.have.length(graph.size);
      // GEXF cannot tell an empty string from a missing value.
      expect(normalise(back)).to.deep.equal(normalise(expectedRecords(graph, { dropEmptyStrings: true })));
    });

    it('carries types, dates, weights, colours by type and layout positions', () => {
      const g = parseGexf(MultiDirectedGraph, xml, { respectInputGraphType: true });
      const chen = g.getNodeAttributes('person:陈红民');
      expect(chen).to.include({ type: 'Person', labels: ':Person:Official', color: '#e15759' });
      expect(chen.x).to.be.a('number');
      expect(chen.y).to.be.a('number');
      const mention = g.edges('page1#1', 'person:陈红民')[0];
      expect(g.getEdgeAttributes(mention)).to.include({ type: 'MENTIONS', date: '2024-09-19', weight: 1 });
      const inspected = g.edges().find((e) => g.getEdgeAttribute(e, 'type') === 'INSPECTED')!;
      expect(g.getEdgeAttribute(inspected, 'color')).to.equal('#e15759');
    });

    it('gets the same positions on every run (deterministic layout)', () => {
      expect(layoutPositions(graph)).to.deep.equal(layoutPositions(buildGraph([...fixtureArticles(), hostileArticle()]).graph));
      expect(toGexf(graph)).to.equal(xml);
    });
  });

  describe('GraphML (APOC layout)', () => {
    const xml = toGraphml(graph);

    it('is well-formed and laid out as APOC writes it', () => {
      expect(wellFormed(xml)).to.deep.equal([]);
      expect(xml).to.contain('<graph id="G" edgedefault="directed">');
      expect(xml).to.contain('<key id="labels" for="node" attr.name="labels" attr.type="string"/>');
      expect(xml).to.contain('<key id="label" for="edge" attr.name="label" attr.type="string"/>');
      expect(xml).to.contain('<key id="aliases" for="node" attr.name="aliases" attr.type="string" attr.list="string"/>');
      expect(xml).to.contain('<node id="person:陈红民" labels=":Person:Official"><data key="labels">:Person:Official</data><data key="name">陈红民</data>');
      expect(xml).to.match(/<edge id="INSPECTED:page1#1:person:陈红民-&gt;place:棉纺东路20号院" source="person:陈红民" target="place:棉纺东路20号院" label="INSPECTED"><data key="label">INSPECTED<\/data>/);
      expect(xml).to.not.contain('<script>');
    });

    it('parses back (our reader) with the same nodes, edges and properties', () => {
      const back = graphmlToRecords(xml);
      expect(normalise(back)).to.deep.equal(expected);
    });

    it('parses back with graphology-graphml: same counts, hostile strings intact', () => {
      const g = parseGraphml(MultiDirectedGraph, xml);
      expect(g.order).to.equal(graph.order);
      expect(g.size).to.equal(graph.size);
      expect(g.getNodeAttribute('page4#1', 'headline')).to.equal(HOSTILE);
      expect(g.getNodeAttribute(`place:${HOSTILE}`, 'labels')).to.equal(':Place');
      expect(g.getNodeAttribute('page1#1', 'line')).to.equal(1);
      const e = g.edges().find((k) => g.getEdgeAttribute(k, 'label') === 'INSPECTED' && g.source(k) === 'person:赵敏')!;
      expect(g.getEdgeAttribute(e, 'ruleId')).to.equal('rel/inspect-"x"<&>');
    });
  });

  describe('JSON (APOC shape)', () => {
    const text = toJson(graph);

    it('has nodes and relationships with ids, sorted labels and properties', () => {
      const doc = JSON.parse(text);
      expect(doc.nodes).to.have.length(graph.order);
      expect(doc.relationships).to.have.length(graph.size);
      const chen = doc.nodes.find((n: { id: string }) => n.id === 'person:陈红民');
      expect(chen).to.deep.include({ type: 'node', labels: ['Official', 'Person'] });
      expect(chen.properties.name).to.equal('陈红民');
      const rel = doc.relationships.find((r: { label: string }) => r.label === 'ACCOMPANIED');
      expect(rel.start).to.deep.equal({ id: 'person:张伟', labels: ['Official', 'Person'] });
      expect(rel.end).to.deep.equal({ id: 'person:陈红民', labels: ['Official', 'Person'] });
    });

    it('parses back with the same nodes, edges and properties', () => {
      expect(normalise(jsonToRecords(text))).to.deep.equal(expected);
    });
  });

  describe('CSV (neo4j-admin import)', () => {
    const csv = toCsv(graph);

    it('quotes fields as RFC 4180 says, and parses them back', () => {
      expect(csvField('plain')).to.equal('plain');
      expect(csvField('a,b')).to.equal('"a,b"');
      expect(csvField('say "hi"')).to.equal('"say ""hi"""');
      expect(csvField('two\nlines')).to.equal('"two\nlines"');
      expect(csvField('')).to.equal('""');
      expect(csvField(null)).to.equal('');
      expect(parseCsv('a,"b,c","d""e",,""\r\n"x\ny",2\r\n')).to.deep.equal([
        ['a', 'b,c', 'd"e', null, ''],
        ['x\ny', '2'],
      ]);
    });

    it('has neo4j-admin headers', () => {
      const nodeHeader = parseCsv(csv.nodes)[0];
      expect(nodeHeader.slice(0, 3)).to.deep.equal(['id:ID', ':LABEL', 'name:string']);
      expect(nodeHeader).to.include('aliases:string[]').and.include('line:long');
      const relHeader = parseCsv(csv.relationships)[0];
      expect(relHeader.slice(0, 4)).to.deep.equal([':START_ID', ':END_ID', ':TYPE', 'id:string']);
      expect(relHeader).to.include('sentence:string').and.include('start:long');
      expect(csv.importCommand).to.contain('--nodes=nodes.csv').and.contain('--relationships=relationships.csv');
    });

    it('picks an array delimiter no value contains (the hostile strings hold ";" and "|")', () => {
      expect(csv.arrayDelimiter).to.equal('\u001F');
      expect(toCsv(buildGraph(fixtureArticles()).graph).arrayDelimiter).to.equal(';');
    });

    it('parses back with the same nodes, edges and properties', () => {
      const back = csvToRecords(csv.nodes, csv.relationships, csv.arrayDelimiter);
      expect(back.nodes).to.have.length(graph.order);
      expect(back.edges).to.have.length(graph.size);
      expect(normalise(back)).to.deep.equal(expected);
    });
  });

  it('round-trips the corpus graph through every format with equal counts', () => {
    const g = buildGraph(extractFiles(['corpus'])).graph;
    const csv = toCsv(g);
    const all = [gexfToRecords(toGexf(g)), graphmlToRecords(toGraphml(g)), jsonToRecords(toJson(g)), csvToRecords(csv.nodes, csv.relationships, csv.arrayDelimiter)];
    for (const r of all) {
      expect(r.nodes.length).to.equal(g.order);
      expect(r.edges.length).to.equal(g.size);
    }
    expect(normalise(all[1])).to.deep.equal(normalise(expectedRecords(g)));
    expect(normalise(all[2])).to.deep.equal(normalise(expectedRecords(g)));
    expect(normalise(all[3])).to.deep.equal(normalise(expectedRecords(g)));
  });

  it('writes the co-appearance network as a weighted undirected GEXF with communities', () => {
    const xml = coappearanceToGexf(graph);
    expect(wellFormed(xml)).to.deep.equal([]);
    const g = parseGexf(MultiGraph, xml);
    expect(g.type).to.equal('undirected');
    const a = analyze(graph);
    expect(g.order).to.equal(a.coappearance.nodes.length);
    expect(g.size).to.equal(a.coappearance.edges.length);
    for (const n of a.coappearance.nodes) {
      expect(g.getNodeAttributes(n.id)).to.include({ label: n.name, community: n.community, weightedDegree: n.weightedDegree, betweenness: n.betweenness });
    }
    const e = g.edges('person:张伟', 'person:陈红民')[0];
    expect(g.getEdgeAttributes(e)).to.include({ weight: 3, articles: 1, visits: 1 });
    expect(coappearanceToGexf(graph)).to.equal(xml);
  });
});
