import { expect } from 'chai';
import { join } from 'node:path';
import { ensureSchema } from '../../src/neo4j/schema';
import { graphCounts, loadArticles } from '../../src/neo4j/load';
import { repoRoot } from '../../src/neo4j/bundled';
import { extractFiles } from '../../src/pipeline';
import { toPlain } from '../../src/neo4j/values';
import { runCli } from './cli';
import { neo4jServer, wipe, type TestNeo4j } from './server';

describe('neo4j: the sample corpus (extract -> load -> query)', function () {
  // a cold JVM on a busy 2-core machine: the first statements can take seconds (no timing is asserted)
  this.timeout(120000);
  let t: TestNeo4j;
  const corpus = join(repoRoot(), 'corpus');
  before(async function () {
    this.timeout(180000);
    t = await neo4jServer();
    await ensureSchema(t.driver, t.config.database);
    await wipe(t);
    const r = await runCli('load', [corpus, '--quiet']);
    expect(r.code, r.stderr).to.equal(0);
  });

  async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const res = await t.driver.executeQuery(cypher, params, { database: t.config.database });
    return res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  }

  it('every extracted article is an Article node with its content hash', async function () {
    const facts = [...extractFiles([corpus])];
    expect(facts.length).to.be.greaterThan(0);
    const got = await rows('MATCH (a:Article) RETURN a.id AS id, a.contentHash AS hash ORDER BY id');
    expect(got).to.deep.equal(facts.map((f) => ({ id: f.id, hash: f.contentHash })).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('a second load of the corpus leaves node and relationship counts equal', async function () {
    const before = await graphCounts(t.driver, t.config.database);
    const s = await loadArticles(t.driver, extractFiles([corpus]));
    expect(s.loaded + s.replaced).to.equal(0);
    expect(s.skipped).to.equal(s.articles);
    expect(await graphCounts(t.driver, t.config.database)).to.deep.equal(before);
  });

  it('陈红民 INSPECTED 嵩山路街道 (zhkg query --json)', async function () {
    const r = await runCli('query', ['MATCH (p:Person)-[:INSPECTED]->(s) RETURN p.name, s.name', '--json']);
    expect(r.code, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.include({ 'p.name': '陈红民', 's.name': '嵩山路街道' });
  });

  it('姚志伟 holds two titles (二七区委副书记、常务副区长) in one article', async function () {
    const got = await rows(
      `MATCH (:Person {name: '姚志伟'})-[r:HOLDS_TITLE]->(t:Title)
       RETURN r.articleId AS article, collect(DISTINCT t.name) AS titles`,
    );
    const two = got.filter((g) => (g.titles as string[]).length === 2);
    expect(two, JSON.stringify(got)).to.not.be.empty;
    const titles = two[0].titles as string[];
    expect(titles.some((x) => x.endsWith('副书记'))).to.equal(true);
    expect(titles.some((x) => x.endsWith('常务副区长'))).to.equal(true);
  });
});
