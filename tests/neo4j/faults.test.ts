import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startBundledServer, type BundledServer } from '../../src/neo4j/bundled';
import { openDriver } from '../../src/neo4j/client';
import { ensureSchema } from '../../src/neo4j/schema';
import { graphCounts, loadArticles } from '../../src/neo4j/load';
import { makeArticle } from './fixtures';
import { neo4jServer, wipe, type TestNeo4j } from './server';

function corpus(n: number) {
  return Array.from({ length: n }, (_, i) =>
    makeArticle(
      `fault-${String(i).padStart(4, '0')}#1`,
      `区长官员${i % 17}到第${i % 40}社区和第${(i * 3) % 40}社区调研。`,
      [
        { id: `person:官员${i % 17}`, type: 'Person', name: `官员${i % 17}`, roles: ['Official'] },
        { id: `place:第${i % 40}社区`, type: 'Place', name: `第${i % 40}社区` },
        { id: `place:第${(i * 3) % 40}社区`, type: 'Place', name: `第${(i * 3) % 40}社区` },
      ],
      [
        { type: 'INSPECTED', source: `person:官员${i % 17}`, target: `place:第${i % 40}社区` },
        { type: 'INSPECTED', source: `person:官员${i % 17}`, target: `place:第${(i * 3) % 40}社区` },
      ],
    ),
  );
}

describe('neo4j faults: the server killed (kill -9) in the middle of a load', function () {
  this.timeout(300000);
  let t: TestNeo4j;
  let home: string;
  let server: BundledServer | null = null;
  let driver: Driver | null = null;

  before(async function () {
    t = await neo4jServer();
    await ensureSchema(t.driver, t.config.database);
    home = mkdtempSync(join(tmpdir(), 'zhkg-neo4j-fault-'));
  });
  after(async function () {
    await driver?.close().catch(() => undefined);
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('fails cleanly, keeps whole articles only, and the next load ends with the uninterrupted counts', async function () {
    const facts = corpus(300);
    // the reference: an uninterrupted load
    await wipe(t);
    await loadArticles(t.driver, facts);
    const expected = await graphCounts(t.driver, t.config.database);

    server = await startBundledServer({ port: 0, home });
    // a short retry window: the driver would otherwise retry against the dead server for 30 s
    driver = await openDriver({ uri: server.uri, user: server.user, password: server.password }, { maxTransactionRetryTime: 1000 });
    await ensureSchema(driver);
    let error: unknown = null;
    let committed = 0;
    const victim = server;
    try {
      await loadArticles(driver, facts, {
        batchArticles: 10,
        onBatch: (p) => {
          committed = p.loaded;
          if (p.batches === 3) process.kill(victim.pid, 'SIGKILL');
        },
      });
    } catch (err) {
      error = err;
    }
    expect(error, 'the load must fail when the server dies').to.not.equal(null);
    expect(committed).to.be.at.least(30).and.below(300);
    await driver.close().catch(() => undefined);
    await server.stop();

    // restart on the same store: recovery, then the same load again
    server = await startBundledServer({ port: 0, home });
    driver = await openDriver({ uri: server.uri, user: server.user, password: server.password });
    await ensureSchema(driver);
    const partial = await driver.executeQuery(
      `MATCH (a:Article) OPTIONAL MATCH (a)-[m:MENTIONS]->() WITH a, count(m) AS n RETURN count(a) AS articles, min(n) AS minMentions`,
    );
    const articlesAfterCrash = partial.records[0].get('articles').toNumber();
    expect(articlesAfterCrash).to.be.at.least(committed);
    // whole articles only: every surviving article has all three of its MENTIONS (or two, when both sites coincide)
    expect(partial.records[0].get('minMentions').toNumber()).to.be.at.least(2);
    const again = await loadArticles(driver, facts);
    expect(again.skipped).to.equal(articlesAfterCrash);
    expect(again.loaded).to.equal(300 - articlesAfterCrash);
    expect(await graphCounts(driver)).to.deep.equal(expected);
  });
});
