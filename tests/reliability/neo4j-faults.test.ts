/**
 * Neo4j faults (issue 7, part 3), on a real bundled server of our own (ephemeral port, temporary
 * data home), so it can be killed without disturbing the suite's shared server:
 *
 *  - two concurrent `zhkg load`s of the same corpus leave the same graph as one load;
 *  - `kill -9` of the JVM during `zhkg load`: the run fails cleanly (exit 3, no hang, no stack
 *    trace), only whole articles were committed; with the server down a load fails at once (exit 3)
 *    and commits nothing; after a restart on the same data folder, the same load ends with counts
 *    equal to an uninterrupted load.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startBundledServer, type BundledServer } from '../../src/neo4j/bundled';
import { openDriver } from '../../src/neo4j/client';
import { ensureSchema } from '../../src/neo4j/schema';
import { graphCounts, loadArticles } from '../../src/neo4j/load';
import { toPlain } from '../../src/neo4j/values';
import type { ArticleFacts } from '../../src/types';
import { makeArticle, type EntitySpec, type RelationSpec } from '../neo4j/fixtures';
import { STACK_FRAME, removeTempDirs, runCli, tempDir } from './helpers';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '红民志伟建国海燕丽华明强静芳军磊洋勇艳杰娟涛';
const PLACES = ['嵩山路街道', '京广路街道', '建中街道', '淮河路街道', '五里堡街道', '大学路街道', '蜜蜂张街道', '长江路街道'];

/** A synthetic corpus: n articles over a shared cast (so concurrent loads contend for the same nodes). */
function corpus(n: number): ArticleFacts[] {
  const out: ArticleFacts[] = [];
  for (let i = 0; i < n; i++) {
    const p1 = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
    const p2 = SURNAMES[(i * 3 + 1) % SURNAMES.length] + GIVEN[(i * 5 + 2) % GIVEN.length];
    const place = PLACES[i % PLACES.length];
    const site = `${place.replace('街道', '')}${(i % 37) + 1}号院`;
    const text = `${(i % 12) + 1}月${(i % 28) + 1}日，二七区区长${p1}到${place}${site}调研第${i}项工作。副区长${p2}陪同。`;
    const ents: EntitySpec[] = [
      { id: `person:${p1}`, type: 'Person', name: p1, roles: ['Official'] },
      { id: `person:${p2}`, type: 'Person', name: p2, roles: ['Official'] },
      { id: 'title:二七区区长', type: 'Title', name: '二七区区长' },
      { id: 'title:二七区副区长', type: 'Title', name: '副区长' },
      { id: `place:${place}`, type: 'Place', name: place },
      { id: `place:${site}`, type: 'Place', name: site },
    ];
    const rels: RelationSpec[] = [
      { type: 'HOLDS_TITLE', source: `person:${p1}`, target: 'title:二七区区长' },
      { type: 'HOLDS_TITLE', source: `person:${p2}`, target: 'title:二七区副区长' },
      { type: 'INSPECTED', source: `person:${p1}`, target: `place:${site}` },
      { type: 'ACCOMPANIED', source: `person:${p2}`, target: `person:${p1}` },
      { type: 'PART_OF', source: `place:${site}`, target: `place:${place}` },
    ];
    out.push(makeArticle(`fault-${String(i).padStart(5, '0')}#1`, text, ents, rels, { headline: `第${i}项工作`, date: '2019-09-20' }));
  }
  return out;
}

const N = 1000;

describe('reliability: Neo4j faults (own bundled server)', function () {
  this.timeout(240000);
  let home: string;
  let server: BundledServer | null = null;
  let driver: Driver | null = null;
  let jsonl: string;
  let reference: { nodes: number; relationships: number };
  let perArticle: Map<string, number>;

  const env = (s: BundledServer) => ({ ...process.env, NEO4J_URI: s.uri, NEO4J_USER: s.user, NEO4J_PASSWORD: s.password, NEO4J_DATABASE: '' });

  async function start(): Promise<void> {
    server = await startBundledServer({ port: 0, home, timeoutMs: 170000 });
    driver = await openDriver({ uri: server.uri, user: server.user, password: server.password });
  }
  async function wipe(): Promise<void> {
    const s = driver!.session();
    try {
      await s.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await s.close();
    }
  }
  async function relsPerArticle(): Promise<Map<string, number>> {
    const res = await driver!.executeQuery('MATCH ()-[r]->() RETURN r.articleId AS id, count(r) AS c');
    return new Map(res.records.map((r) => [r.get('id') as string, toPlain(r.get('c')) as number]));
  }
  async function articleCount(): Promise<number> {
    const res = await driver!.executeQuery('MATCH (a:Article) RETURN count(a) AS c');
    return toPlain(res.records[0].get('c')) as number;
  }

  before(async function () {
    home = tempDir('zhkg-rel-neo4j-');
    const facts = corpus(N);
    jsonl = join(tempDir(), 'facts.jsonl');
    writeFileSync(jsonl, facts.map((f) => JSON.stringify(f)).join('\n') + '\n');
    await start();
    await ensureSchema(driver!);
    // the uninterrupted load everything is compared with
    const summary = await loadArticles(driver!, facts);
    expect(summary).to.include({ articles: N, loaded: N });
    reference = await graphCounts(driver!);
    perArticle = await relsPerArticle();
    expect(perArticle.size).to.equal(N);
    await wipe();
  });

  after(async function () {
    await driver?.close().catch(() => undefined);
    // the data is thrown away: no need for a clean (ten-second) shutdown
    if (server) process.kill(server.pid, 'SIGKILL');
    await server?.stop();
    removeTempDirs();
  });

  it('two concurrent loads of the same corpus leave the graph one load leaves', async () => {
    const [a, b] = await Promise.all([runCli(['load', jsonl, '--quiet'], { env: env(server!) }), runCli(['load', jsonl, '--quiet'], { env: env(server!) })]);
    expect(a.code, a.stderr).to.equal(0);
    expect(b.code, b.stderr).to.equal(0);
    expect(await graphCounts(driver!)).to.deep.equal(reference);
    expect(await relsPerArticle()).to.deep.equal(perArticle);
    await wipe();
  });

  it('kill -9 of the server mid-load: the load fails cleanly; a restart and a second load give the uninterrupted counts', async () => {
    const password = server!.password;
    const run = runCli(['load', jsonl, '--batch-rows', '60'], { env: env(server!), timeoutMs: 150000 });
    // wait until some batches are committed, then kill the JVM
    let committed = 0;
    for (let i = 0; i < 600 && committed === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      committed = await articleCount();
    }
    expect(committed).to.be.greaterThan(0);
    process.kill(server!.pid, 'SIGKILL');
    const killed = server!;
    await driver!.close().catch(() => undefined);
    driver = null;
    server = null;
    await killed.stop(); // reaps the dead child

    const failed = await run;
    expect(failed.signal, 'the load hung and was killed by the test').to.equal(null);
    expect(failed.code, failed.stderr).to.equal(3);
    expect(failed.stderr).to.match(/load failed: Neo4j at bolt:\/\/127\.0\.0\.1:\d+/);
    expect(failed.stderr).to.contain('run the same load again');
    expect(failed.stderr).to.not.match(STACK_FRAME);
    expect(failed.stderr).to.not.contain(password);

    // the server is down: a load fails at once with a clear message, exit 3
    const down = await runCli(['load', jsonl], { env: env(killed), timeoutMs: 120000 });
    expect(down.code, down.stderr).to.equal(3);
    expect(down.stderr).to.contain('server unreachable');
    expect(down.stderr).to.not.match(STACK_FRAME);
    expect(down.stdout).to.equal('');

    // restart on the same data folder: only whole articles are there, and nothing from the failed run
    await start();
    const after = await relsPerArticle();
    const articles = await articleCount();
    expect(articles).to.be.greaterThan(0).and.lessThan(N);
    expect(after.size).to.equal(articles);
    for (const [id, c] of after) expect(c, id).to.equal(perArticle.get(id));

    const again = await runCli(['load', jsonl, '--quiet'], { env: env(server!) });
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.match(new RegExp(`articles ${N}: loaded ${N - articles}, replaced 0, skipped unchanged ${articles}`));
    expect(await graphCounts(driver!)).to.deep.equal(reference);
    expect(await relsPerArticle()).to.deep.equal(perArticle);
  });
});
