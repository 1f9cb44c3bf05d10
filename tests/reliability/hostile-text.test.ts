/**
 * Hostile text (issue 7, part 2): names with quotes, backslashes, $, braces, Cypher keywords,
 * <script>, very long strings. Stored verbatim in Neo4j (every value a parameter: nothing injected,
 * nothing lost), carried unchanged through every export (GEXF, GraphML, JSON, CSV parse back equal)
 * and inert in the HTML report (the embedded JSON cannot close its <script> element).
 */
import { expect } from 'chai';
import { analyze, buildGraph, buildReport, csvToRecords, gexfToRecords, graphmlToRecords, jsonToRecords, toCsv, toGexf, toGraphml, toJson } from '../../src/graph';
import type { GraphRecords } from '../../src/graph';
import { ensureSchema } from '../../src/neo4j/schema';
import { graphCounts, loadArticles } from '../../src/neo4j/load';
import { toPlain } from '../../src/neo4j/values';
import { articleToGraph, graphId, MAX_ID_BYTES } from '../../src/resolve/to-graph';
import type { ArticleFacts } from '../../src/types';
import { makeArticle } from '../neo4j/fixtures';
import { neo4jServer, wipe, type TestNeo4j } from '../neo4j/server';

/** Strings that break naive escaping somewhere (XML 1.0 cannot hold C0 controls, so none here). */
export const HOSTILE_NAMES = [
  `O'Brien "the \\"quoted\\"" name`,
  'back\\slash\\\\double\\n\\u0041',
  '$name ${injection} $$ $1',
  '{braces} {{mustache}} }{',
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) CREATE (:Hacked {x: 1}) RETURN 1 //',
  '`backtick` label:Official',
  '<script>alert("x")</script>',
  '</script><script>alert(1)</script><!--',
  ']]><![CDATA[x]]> &amp; &lt; &#x41;',
  'a,b;c|d\te\r\nf\ng',
  'line\u2028sep\u2029para',
  '𠮷野家 😀 emoji',
  '  leading and trailing blanks  ',
  // 2 002 characters, 6 kB of UTF-8: Neo4j's range index holds keys up to ~8 kB (see LONG_TEXT for longer)
  `长${'很长的名字'.repeat(400)}尾`,
];

/** 100 000 characters in an article's text, headline and evidence sentence (properties that are not indexed). */
const LONG_TEXT = `开头${'这是一段很长的文字，'.repeat(10000)}结尾`;

function hostileFacts(): ArticleFacts[] {
  return [...HOSTILE_NAMES, LONG_TEXT].map((name, i) =>
    makeArticle(
      `hostile-${i}#1`,
      `9月19日，区长张伟到${name}调研。`,
      [
        { id: 'person:张伟', type: 'Person', name: '张伟', roles: ['Official'] },
        ...(i < HOSTILE_NAMES.length ? [{ id: `place:${name}`, type: 'Place' as const, name }] : []),
      ],
      i < HOSTILE_NAMES.length ? [{ type: 'INSPECTED', source: 'person:张伟', target: `place:${name}` }] : [],
      { headline: `标题 ${name}` },
    ),
  );
}

/** Records by id, for comparison across formats. */
function byId(r: GraphRecords) {
  return {
    nodes: Object.fromEntries(r.nodes.map((n) => [n.id, { labels: [...n.labels].sort(), name: n.properties.name }])),
    edges: Object.fromEntries(r.edges.map((e) => [e.id, { type: e.type, source: e.source, target: e.target, sentence: e.properties.sentence }])),
  };
}

describe('reliability: hostile text', function () {
  this.timeout(180000);
  const facts = hostileFacts();
  const { graph } = buildGraph(facts);
  const expected = byId({
    nodes: graph.mapNodes((id, a) => ({ id, labels: [a.label, ...a.extraLabels], properties: { name: a.name } })),
    edges: graph.mapEdges((id, a, source, target) => ({ id, type: a.type, source, target, properties: { sentence: a.props.sentence } })),
  });

  it('the fixture holds every hostile string as a node id, a name and an evidence sentence', () => {
    for (const name of HOSTILE_NAMES) {
      expect(graph.hasNode(`place:${name}`), name.slice(0, 40)).to.equal(true);
      expect(graph.getNodeAttribute(`place:${name}`, 'name')).to.equal(name);
    }
    expect(Object.keys(expected.nodes)).to.have.length(HOSTILE_NAMES.length * 2 + 2);
    expect(graph.getNodeAttribute(`hostile-${HOSTILE_NAMES.length}#1`, 'name')).to.equal(`标题 ${LONG_TEXT}`);
  });

  describe('exports parse back equal', () => {
    it('GEXF', () => {
      const back = byId(gexfToRecords(toGexf(graph)));
      expect(back).to.deep.equal(expected);
    });
    it('GraphML', () => {
      expect(byId(graphmlToRecords(toGraphml(graph)))).to.deep.equal(expected);
    });
    it('JSON', () => {
      const text = toJson(graph);
      expect(byId(jsonToRecords(text))).to.deep.equal(expected);
    });
    it('CSV (neo4j-admin import files)', () => {
      const csv = toCsv(graph);
      expect(byId(csvToRecords(csv.nodes, csv.relationships, csv.arrayDelimiter))).to.deep.equal(expected);
    });
  });

  it('the HTML report: hostile strings escaped in the tables, the embedded JSON inert and read back verbatim', () => {
    const html = buildReport(graph, analyze(graph), { title: HOSTILE_NAMES[8], generatedAt: HOSTILE_NAMES[7] });
    // exactly the report's own two script elements: the data block and the bundled client
    const opens = html.match(/<script\b/gi) ?? [];
    expect(opens).to.have.length(2);
    expect(html.match(/<\/script\s*>/gi) ?? []).to.have.length(2);
    const data = /<script type="application\/json" id="zhkg-data">([\s\S]*?)<\/script>/.exec(html);
    expect(data).to.not.equal(null);
    expect(data![1]).to.not.match(/<|>|\u2028|\u2029/);
    const parsed = JSON.parse(data![1]) as { nodes: { id: string; name: string }[]; edges: { props: Record<string, unknown> }[] };
    for (const name of HOSTILE_NAMES) expect(parsed.nodes.find((n) => n.id === `place:${name}`)?.name).to.equal(name);
    // no comment opener or CDATA from the data reaches the markup
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
    expect(markup).to.not.contain('<!--');
    expect(markup).to.not.contain('<![CDATA[');
    expect(markup).to.contain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).to.not.match(/<script|<\/script/i);
  });

  describe('Neo4j: stored verbatim through parameters', () => {
    let t: TestNeo4j;
    before(async function () {
      this.timeout(180000);
      t = await neo4jServer();
      await ensureSchema(t.driver, t.config.database);
      await wipe(t);
    });
    after(async function () {
      this.timeout(60000);
      if (t) await wipe(t);
    });

    it('every name, id, headline and sentence reads back unchanged; nothing else was created or deleted', async () => {
      const summary = await loadArticles(t.driver, facts, { batchRows: 7 });
      expect(summary).to.include({ articles: facts.length, loaded: facts.length });
      const expectedNodes = facts.reduce((ids, f) => {
        for (const n of articleToGraph(f).nodes) ids.add(n.id);
        return ids;
      }, new Set<string>());
      const expectedRels = facts.reduce((n, f) => n + articleToGraph(f).edges.length, 0);
      expect(await graphCounts(t.driver, t.config.database)).to.deep.equal({ nodes: expectedNodes.size, relationships: expectedRels });
      const labels = await t.driver.executeQuery('MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l ORDER BY l', {}, { database: t.config.database });
      expect(labels.records.map((r) => r.get('l'))).to.deep.equal(['Article', 'Official', 'Person', 'Place']);

      for (let i = 0; i < HOSTILE_NAMES.length; i++) {
        const name = HOSTILE_NAMES[i];
        const res = await t.driver.executeQuery(
          `MATCH (p:Person {id: 'person:张伟'})-[r:INSPECTED {articleId: $aid}]->(s:Place {id: $id})
           MATCH (a:Article {id: $aid})
           RETURN s.name AS name, r.sentence AS sentence, a.headline AS headline, a.length AS length`,
          { id: `place:${name}`, aid: `hostile-${i}#1` },
          { database: t.config.database },
        );
        expect(res.records, name.slice(0, 40)).to.have.length(1);
        const row = toPlain(res.records[0].toObject()) as Record<string, string | number>;
        expect(row.name).to.equal(name);
        expect(row.sentence).to.equal(facts[i].relations.find((r) => r.type === 'INSPECTED')!.evidence.sentence);
        expect(row.length).to.equal(facts[i].text.length);
        expect(row.headline).to.equal(`标题 ${name}`);
      }
      const long = await t.driver.executeQuery(
        'MATCH (a:Article {id: $aid})-[m:MENTIONS]->(p:Person) RETURN a.headline AS headline, m.sentence AS sentence',
        { aid: `hostile-${HOSTILE_NAMES.length}#1` },
        { database: t.config.database },
      );
      expect(long.records[0].get('headline')).to.equal(`标题 ${LONG_TEXT}`);
      expect(long.records[0].get('sentence')).to.contain(LONG_TEXT);
      // loading again is a no-op: the hashes of hostile text are stable
      const again = await loadArticles(t.driver, facts);
      expect(again).to.include({ skipped: facts.length, loaded: 0, replaced: 0 });
    });
  });
});

describe('reliability: ids too long to index', () => {
  it('are replaced by a hash in the graph while the name keeps the full text', () => {
    const name = '很长的名字'.repeat(4000); // 60 kB of UTF-8: Neo4j's index would refuse it
    const text = `区长张伟到${name}调研。`;
    const g = articleToGraph({
      id: 'long#1', source: 'long.txt', format: 'plain', encoding: 'utf-8', headline: null, subheadline: null,
      date: null, pageDate: null, reporters: [], correspondents: [], text, contentHash: 'x',
      sourceStart: { line: 1, column: 1 }, sourceEnd: { line: 1, column: 1 }, sourceMap: [{ offset: 0, line: 1, column: 1 }],
      sentences: [{ start: 0, end: text.length }],
      entities: [
        { id: `place:${name}`, type: 'Place', name, canonical: name, mentions: [{ start: 5, end: 5 + name.length, text: name, sentence: 0, ruleId: 't' }] },
        { id: 'person:张伟', type: 'Person', name: '张伟', canonical: '张伟', mentions: [{ start: 2, end: 4, text: '张伟', sentence: 0, ruleId: 't' }] },
      ],
      relations: [{ id: 'r', type: 'INSPECTED', source: 'person:张伟', target: `place:${name}`,
        evidence: { articleId: 'long#1', sentenceIndex: 0, sentence: text, start: 2, end: text.length, ruleId: 't' } }],
    });
    const place = g.nodes.find((n) => n.label === 'Place');
    expect(place?.name).to.equal(name);
    expect(place?.id).to.match(/^place:#[0-9a-f]{64}$/);
    expect(Buffer.byteLength(place?.id ?? '')).to.be.below(MAX_ID_BYTES);
    const inspected = g.edges.find((e) => e.type === 'INSPECTED');
    expect(inspected?.target).to.equal(place?.id);
    expect(graphId('person:张伟')).to.equal('person:张伟');
  });
});
