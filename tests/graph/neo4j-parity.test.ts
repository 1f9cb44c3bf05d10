/**
 * Graphology and Neo4j hold the same graph: the same articles loaded by src/neo4j/load.ts into a
 * real server (the suite's fixture in tests/neo4j/server.ts) and built by src/graph/build.ts give
 * the same counts per label and relationship type, and the same ids.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureSchema } from '../../src/neo4j/schema';
import { loadArticles } from '../../src/neo4j/load';
import { toPlain } from '../../src/neo4j/values';
import { buildGraph, graphCounts } from '../../src/graph';
import { extractFiles } from '../../src/pipeline';
import type { ArticleFacts } from '../../src/types';
import { neo4jServer, wipe, type TestNeo4j } from '../neo4j/server';
import { fixtureArticles, hostileArticle } from './fixture';

describe('graph/neo4j parity (real server)', function () {
  let t: TestNeo4j;
  before(async function () {
    this.timeout(180000);
    t = await neo4jServer();
    await ensureSchema(t.driver, t.config.database);
  });
  beforeEach(async function () {
    this.timeout(60000);
    await wipe(t);
  });

  async function rows(cypher: string): Promise<Record<string, unknown>[]> {
    const res = await t.driver.executeQuery(cypher, {}, { database: t.config.database });
    return res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  }

  async function neo4jCounts() {
    const labels = await rows('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l');
    const types = await rows('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t');
    const nodes = await rows('MATCH (n) RETURN count(n) AS c');
    const rels = await rows('MATCH ()-[r]->() RETURN count(r) AS c');
    return {
      nodes: Number(nodes[0].c),
      edges: Number(rels[0].c),
      labels: Object.fromEntries(labels.map((r) => [r.l as string, Number(r.c)])),
      types: Object.fromEntries(types.map((r) => [r.t as string, Number(r.c)])),
    };
  }

  async function assertParity(articles: ArticleFacts[]) {
    await loadArticles(t.driver, articles);
    const { graph } = buildGraph(articles);
    expect(await neo4jCounts()).to.deep.equal(graphCounts(graph));
    const nodeIds = (await rows('MATCH (n) RETURN n.id AS id')).map((r) => r.id as string).sort();
    expect(nodeIds).to.deep.equal(graph.nodes().sort());
    const relIds = (await rows('MATCH ()-[r]->() RETURN r.id AS id')).map((r) => r.id as string).sort();
    expect(relIds).to.deep.equal(graph.edges().sort());
    const names = await rows('MATCH (n) RETURN n.id AS id, n.name AS name, n.aliases AS aliases');
    for (const n of names) {
      const a = graph.getNodeAttributes(n.id as string);
      expect(n.name, n.id as string).to.equal(a.name);
      if (a.label !== 'Article') expect(n.aliases, n.id as string).to.have.members(a.props.aliases as string[]);
    }
    const ends = await rows('MATCH (a)-[r]->(b) RETURN r.id AS id, a.id AS s, b.id AS t, type(r) AS type');
    for (const e of ends) {
      const id = e.id as string;
      expect([graph.source(id), graph.target(id), graph.getEdgeAttribute(id, 'type')], id).to.deep.equal([e.s, e.t, e.type]);
    }
  }

  it('the hand-written fixture (hostile strings included): same counts per label and type, same ids', async function () {
    this.timeout(60000);
    await assertParity([...fixtureArticles(), hostileArticle()]);
    const { graph } = buildGraph(fixtureArticles());
    expect(graphCounts(graph).types.INSPECTED).to.be.greaterThan(0); // the comparison covered facts, not only articles
  });

  it('the corpus (extractFiles): same counts per label and type, same ids', async function () {
    this.timeout(120000);
    await assertParity([...extractFiles(['corpus'])]);
  });

  it('zhkg regenerate loads the server it is pointed at, and reports the same counts as the graph', async function () {
    this.timeout(120000);
    const dir = mkdtempSync(join(tmpdir(), 'zhkg-regenerate-neo4j-'));
    try {
      const articles = [...fixtureArticles(), hostileArticle()];
      const facts = join(dir, 'facts.jsonl');
      writeFileSync(facts, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
      const root = resolve(__dirname, '..', '..', '..');
      // The suite's fixture put the test server in NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD; the child inherits them.
      const r = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'regenerate', '--out', join(dir, 'out'), facts], {
        cwd: root,
        encoding: 'utf8',
        env: process.env,
      });
      expect(r.status, r.stderr).to.equal(0);
      const { graph } = buildGraph(articles);
      expect(r.stdout).to.contain(`4 articles loaded, 0 replaced, 0 unchanged; database holds ${graph.order} nodes, ${graph.size} relationships`);
      expect(r.stdout).to.contain('(the same as the Graphology graph)');
      expect(await neo4jCounts()).to.deep.equal(graphCounts(graph));
      expect(existsSync(join(dir, 'out', 'report.html'))).to.equal(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
