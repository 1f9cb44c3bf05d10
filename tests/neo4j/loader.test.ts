import { expect } from 'chai';
import { ensureSchema } from '../../src/neo4j/schema';
import { graphCounts, loadArticles } from '../../src/neo4j/load';
import { toPlain } from '../../src/neo4j/values';
import { makeArticle, sampleFacts } from './fixtures';
import { neo4jServer, wipe, type TestNeo4j } from './server';

describe('neo4j loader (real server, hand-written facts)', function () {
  // a cold JVM on a busy 2-core machine: the first statements can take seconds (no timing is asserted)
  this.timeout(120000);
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

  async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const res = await t.driver.executeQuery(cypher, params, { database: t.config.database });
    return res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  }

  it('creates the schema idempotently (constraints for every label, articleId indexes)', async function () {
    await ensureSchema(t.driver, t.config.database); // a second run is a no-op, not an error
    const cons = await rows("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS l, properties[0] AS p");
    const labels = cons.filter((c) => c.p === 'id').map((c) => c.l);
    expect(labels).to.include.members(['Article', 'Person', 'Title', 'Organization', 'Place', 'Project', 'Event']);
    const idx = await rows("SHOW INDEXES YIELD entityType, labelsOrTypes, properties WHERE entityType = 'RELATIONSHIP' RETURN labelsOrTypes[0] AS t, properties[0] AS p");
    const byArticle = idx.filter((i) => i.p === 'articleId').map((i) => i.t);
    expect(byArticle).to.include.members(['HOLDS_TITLE', 'INSPECTED', 'ACCOMPANIED', 'ATTENDED', 'PART_OF', 'REPORTED', 'MENTIONS']);
  });

  it('loads facts with provenance: 陈红民 INSPECTED 嵩山路街道, 姚志伟 holds his titles', async function () {
    const summary = await loadArticles(t.driver, sampleFacts());
    expect(summary).to.include({ articles: 2, loaded: 2, replaced: 0, skipped: 0 });
    const insp = await rows(
      `MATCH (p:Person {name: $p})-[r:INSPECTED]->(s:Place {name: $s})
       RETURN p:Official AS official, r.articleId AS articleId, r.date AS date, r.sentence AS sentence,
              r.start AS start, r.end AS end, r.ruleId AS ruleId, valueType(r.start) AS startType`,
      { p: '陈红民', s: '嵩山路街道' },
    );
    expect(insp).to.have.length(1);
    const a1 = sampleFacts()[0];
    expect(insp[0]).to.include({ official: true, articleId: 'fixture-001#1', date: '2019-09-19', ruleId: 'fixture/inspected' });
    expect(insp[0].startType).to.equal('INTEGER NOT NULL');
    expect(a1.text.slice(insp[0].start as number, insp[0].end as number)).to.contain('陈红民').and.contain('嵩山路街道');
    expect(insp[0].sentence).to.equal('9月19日，二七区委书记陈红民到嵩山路街道调研老旧小区改造工作。');

    const titles = await rows(`MATCH (:Person {name: '姚志伟'})-[:HOLDS_TITLE]->(t:Title) RETURN t.name AS name ORDER BY name`);
    expect(titles.map((r) => r.name)).to.deep.equal(['二七区区长', '区委常委', '常务副区长'].sort());
    const mentions = await rows(`MATCH (a:Article {id: 'fixture-002#1'})-[m:MENTIONS]->(e) RETURN e.id AS id, m.count AS n ORDER BY id`);
    expect(mentions.map((m) => m.id)).to.deep.equal(['person:姚志伟', 'place:二七区', 'place:京广路街道', 'title:二七区区长'].sort());
    expect(mentions.every((m) => m.n === 1)).to.equal(true);
  });

  it('a second load of the same facts skips them and leaves identical counts', async function () {
    await loadArticles(t.driver, sampleFacts());
    const first = await graphCounts(t.driver, t.config.database);
    const again = await loadArticles(t.driver, sampleFacts());
    expect(again).to.include({ loaded: 0, replaced: 0, skipped: 2, relationshipsCreated: 0, nodesCreated: 0 });
    expect(await graphCounts(t.driver, t.config.database)).to.deep.equal(first);
    // --force rewrites everything, and still ends with the same graph
    const forced = await loadArticles(t.driver, sampleFacts(), { force: true });
    expect(forced.replaced).to.equal(2);
    expect(await graphCounts(t.driver, t.config.database)).to.deep.equal(first);
    expect(first.relationships).to.be.greaterThan(0);
  });

  it('a changed article has its old facts replaced: no stale edge, no orphan node', async function () {
    const [a1, a2] = sampleFacts();
    await loadArticles(t.driver, [a1, a2]);
    const changed = makeArticle(
      'fixture-001#1',
      '9月19日，二七区委书记陈红民到建中街道调研老旧小区改造工作。',
      [
        { id: 'person:陈红民', type: 'Person', name: '陈红民', roles: ['Official'] },
        { id: 'title:二七区委书记', type: 'Title', name: '二七区委书记' },
        { id: 'place:建中街道', type: 'Place', name: '建中街道' },
      ],
      [
        { type: 'HOLDS_TITLE', source: 'person:陈红民', target: 'title:二七区委书记' },
        { type: 'INSPECTED', source: 'person:陈红民', target: 'place:建中街道' },
      ],
      { headline: '陈红民调研老旧小区改造', date: '2019-09-19' },
    );
    expect(changed.contentHash).to.not.equal(a1.contentHash);
    const s = await loadArticles(t.driver, [changed, a2]);
    expect(s).to.include({ loaded: 0, replaced: 1, skipped: 1 });

    const inspected = await rows(`MATCH (:Person {name: '陈红民'})-[:INSPECTED]->(s) RETURN s.name AS site`);
    expect(inspected.map((r) => r.site)).to.deep.equal(['建中街道']);
    expect(await rows(`MATCH (n:Place {id: 'place:嵩山路街道'}) RETURN n`)).to.have.length(0);
    // 姚志伟 lost his 区委常委 / 常务副区长 facts (they were only in the old text) but keeps 区长 from article 2
    const titles = await rows(`MATCH (:Person {name: '姚志伟'})-[:HOLDS_TITLE]->(t) RETURN t.name AS name`);
    expect(titles.map((r) => r.name)).to.deep.equal(['二七区区长']);
    expect(await rows(`MATCH ()-[r]->() WHERE r.articleId = 'fixture-001#1' AND r.sentence CONTAINS '嵩山路' RETURN r`)).to.have.length(0);

    // the graph equals a fresh load of the current versions
    const after = await graphCounts(t.driver, t.config.database);
    await wipe(t);
    await loadArticles(t.driver, [changed, a2]);
    expect(await graphCounts(t.driver, t.config.database)).to.deep.equal(after);
  });

  it('same text, different facts (a new extractor): the article is replaced, not skipped', async function () {
    const [a1] = sampleFacts();
    await loadArticles(t.driver, [a1]);
    const fewer = { ...a1, relations: a1.relations.filter((r) => r.type !== 'ACCOMPANIED') };
    expect(fewer.contentHash).to.equal(a1.contentHash);
    const s = await loadArticles(t.driver, [fewer]);
    expect(s).to.include({ replaced: 1, skipped: 0 });
    expect(await rows('MATCH ()-[r:ACCOMPANIED]->() RETURN r')).to.have.length(0);
    expect((await loadArticles(t.driver, [fewer])).skipped).to.equal(1);
  });

  it('two concurrent loads of overlapping articles leave the same graph as one load', async function () {
    this.timeout(120000);
    const facts = [...sampleFacts(), ...sampleFacts().map((f) => ({ ...f, id: f.id.replace('fixture', 'copy') }))];
    await Promise.all([loadArticles(t.driver, facts, { batchArticles: 1 }), loadArticles(t.driver, [...facts].reverse(), { batchArticles: 1 })]);
    const concurrent = await graphCounts(t.driver, t.config.database);
    const dupes = await rows('MATCH (a)-[r]->(b) WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN id');
    expect(dupes).to.deep.equal([]);
    await wipe(t);
    await loadArticles(t.driver, facts);
    expect(concurrent).to.deep.equal(await graphCounts(t.driver, t.config.database));
  });

  it('stores hostile strings verbatim through parameters', async function () {
    const hostile = [
      `O'Brien "quoted" \\backslash\\ $param {braces} }) DETACH DELETE n //`,
      'MATCH (n) DETACH DELETE n; RETURN 1',
      '`backtick` ${template} \u0000nul <script>alert(1)</script>',
      '张三\n李四\t王五 \u2028 🙂',
    ];
    const text = hostile.join('。') + '。';
    const facts = makeArticle(
      `hostile'"\\$#1`,
      text,
      hostile.map((name, i) => ({ id: `person:${name}`, type: 'Person' as const, name, roles: i === 0 ? (['Official'] as const).slice() : undefined })),
      [{ type: 'ACCOMPANIED', source: `person:${hostile[0]}`, target: `person:${hostile[1]}` }],
      { headline: `headline ' " \\ $x {y}` },
    );
    await loadArticles(t.driver, [facts]);
    for (const name of hostile) {
      const got = await rows('MATCH (p:Person {id: $id}) RETURN p.name AS name', { id: `person:${name}` });
      expect(got.map((r) => r.name)).to.deep.equal([name]);
    }
    const art = await rows('MATCH (a:Article) RETURN a.id AS id, a.headline AS headline');
    expect(art).to.deep.equal([{ id: `hostile'"\\$#1`, headline: `headline ' " \\ $x {y}` }]);
    const rel = await rows('MATCH (:Person)-[r:ACCOMPANIED]->(:Person) RETURN r.sentence AS s');
    expect(rel[0].s).to.equal(`${hostile[0]}。`);
    // nothing was executed: the graph holds exactly this article and its entities
    const c = await graphCounts(t.driver, t.config.database);
    expect(c.nodes).to.equal(1 + hostile.length);
  });

  it('refuses a relationship type outside the whitelist before writing anything', async function () {
    const bad = sampleFacts()[0];
    (bad.relations[0] as { type: string }).type = 'INSPECTED]->() DETACH DELETE n //';
    let error: Error | null = null;
    try {
      await loadArticles(t.driver, [bad]);
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/not in the schema whitelist/);
    expect(await graphCounts(t.driver, t.config.database)).to.deep.equal({ nodes: 0, relationships: 0 });
  });

  it('batches many articles into few transactions', async function () {
    const many = Array.from({ length: 120 }, (_, i) =>
      makeArticle(
        `bulk-${i}#1`,
        `官员${i}号到第${i}街道调研。`,
        [
          { id: `person:官员${i}号`, type: 'Person', name: `官员${i}号`, roles: ['Official'] },
          { id: `place:第${i}街道`, type: 'Place', name: `第${i}街道` },
        ],
        [{ type: 'INSPECTED', source: `person:官员${i}号`, target: `place:第${i}街道` }],
      ),
    );
    const s = await loadArticles(t.driver, many, { batchRows: 200 });
    // each article: 3 nodes + 3 edges = 6 rows -> 34 articles per 200-row batch -> 4 transactions
    expect(s.batches).to.equal(4);
    expect(s.loaded).to.equal(120);
    expect(s.relationshipsCreated).to.equal(120 * 3);
    expect(await graphCounts(t.driver, t.config.database)).to.deep.equal({ nodes: 120 * 3, relationships: 120 * 3 });
  });

  it('prune: articles not in the load leave the database with their facts and orphaned entities', async function () {
    const [a1, a2] = sampleFacts();
    const snapshot = async () => ({
      counts: await graphCounts(t.driver, t.config.database),
      ids: (await rows('MATCH (n) RETURN n.id AS id ORDER BY id')).map((r) => r.id),
      rels: (await rows('MATCH ()-[r]->() RETURN r.id AS id ORDER BY id')).map((r) => r.id),
    });
    // what a database holding only article 1 looks like
    await loadArticles(t.driver, [a1]);
    const only1 = await snapshot();
    await wipe(t);

    await loadArticles(t.driver, [a1, a2]);
    const both = await snapshot();
    expect(both.ids).to.include('fixture-002#1');
    // without prune, a load of article 1 alone leaves article 2 in place
    const kept = await loadArticles(t.driver, [a1]);
    expect(kept).to.include({ skipped: 1, pruned: 0 });
    expect(await snapshot()).to.deep.equal(both);
    // a prune that declines (e.g. an input was rejected) deletes nothing
    await loadArticles(t.driver, [a1], { prune: () => false });
    expect(await snapshot()).to.deep.equal(both);
    // with prune: exactly the database of article 1 alone
    const pruned = await loadArticles(t.driver, [a1], { prune: true });
    expect(pruned).to.include({ articles: 1, skipped: 1, pruned: 1 });
    expect(pruned.nodesDeleted).to.be.greaterThan(1); // the Article and entities only it mentioned
    expect(await snapshot()).to.deep.equal(only1);
    // and pruning again is a no-op
    expect(await loadArticles(t.driver, [a1], { prune: true })).to.include({ pruned: 0, nodesDeleted: 0 });
  });
});
