import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSchema } from '../../src/neo4j/schema';
import { repoRoot } from '../../src/neo4j/bundled';
import { sampleFacts } from './fixtures';
import { runCli } from './cli';
import { neo4jServer, wipe, type TestNeo4j } from './server';

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

function restore(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

describe('zhkg load / zhkg query (real server)', function () {
  // a cold JVM on a busy 2-core machine: the first statements can take seconds (no timing is asserted)
  this.timeout(120000);
  let t: TestNeo4j;
  let dir: string;
  let jsonl: string;
  before(async function () {
    this.timeout(180000);
    t = await neo4jServer();
    await ensureSchema(t.driver, t.config.database);
    dir = mkdtempSync(join(tmpdir(), 'zhkg-load-cli-'));
    jsonl = join(dir, 'facts.jsonl');
    writeFileSync(jsonl, sampleFacts().map((f) => JSON.stringify(f)).join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async function () {
    this.timeout(60000);
    await wipe(t);
  });

  it('zhkg load FILE.jsonl loads, and a second load skips unchanged articles with equal counts', async function () {
    const first = await runCli('load', [jsonl, '--quiet']);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.match(/articles 2: loaded 2, replaced 0, skipped unchanged 0/);
    const totals = /graph now: nodes (\d+), relationships (\d+)/.exec(first.stdout);
    expect(totals).to.not.equal(null);
    const second = await runCli('load', [jsonl, '--quiet']);
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.match(/articles 2: loaded 0, replaced 0, skipped unchanged 2/);
    expect(second.stdout).to.contain(totals![0]);
  });

  it('zhkg query --json prints plain rows; the shipped queries run and answer', async function () {
    await runCli('load', [jsonl, '--quiet']);
    const q = await runCli('query', ['MATCH (p:Person)-[r:INSPECTED]->(s) RETURN p.name, s.name, r.start AS start, s ORDER BY p.name', '--json']);
    expect(q.code, q.stderr).to.equal(0);
    const rows = JSON.parse(q.stdout);
    expect(rows).to.have.length(2);
    expect(rows[0]['p.name']).to.equal('姚志伟');
    expect(rows[1]).to.include({ 'p.name': '陈红民', 's.name': '嵩山路街道' });
    expect(rows[1].start).to.be.a('number');
    expect(rows[1].s).to.deep.include({ labels: ['Place'], id: 'place:嵩山路街道', name: '嵩山路街道' });

    const timeline = await runCli('query', ['--file', join(repoRoot(), 'graph/queries/official-timeline.cypher'), '--param', 'name=陈红民', '--json']);
    expect(timeline.code, timeline.stderr).to.equal(0);
    const facts = JSON.parse(timeline.stdout).map((r: { fact: string; other: string }) => `${r.fact} ${r.other}`);
    expect(facts).to.include.members(['HOLDS_TITLE 二七区委书记', 'INSPECTED 嵩山路街道', 'ACCOMPANIED (by) 姚志伟']);

    const insp = JSON.parse((await runCli('query', ['--file', join(repoRoot(), 'graph/queries/inspections.cypher'), '--json'])).stdout);
    expect(insp).to.deep.include({ official: '陈红民', site: '嵩山路街道', siteType: 'Place', visits: 1, dates: ['2019-09-19'], articles: ['fixture-001#1'] });

    const orgs = JSON.parse((await runCli('query', ['--file', join(repoRoot(), 'graph/queries/officials-by-organisation.cypher'), '--json'])).stdout);
    expect(orgs).to.deep.equal([{ organisation: '二七区委', officials: 1, members: ['陈红民（二七区委书记）'] }]);

    for (const f of readdirSync(join(repoRoot(), 'graph/queries'))) {
      const r = await runCli('query', ['--file', join(repoRoot(), 'graph/queries', f), '--param', 'name=姚志伟', '--json']);
      expect(r.code, `${f}: ${r.stderr}`).to.equal(0);
      expect(JSON.parse(r.stdout), f).to.be.an('array').that.is.not.empty;
    }
  });

  it('zhkg query prints a table with aligned CJK columns', async function () {
    await runCli('load', [jsonl, '--quiet']);
    const q = await runCli('query', ["MATCH (p:Person)-[:HOLDS_TITLE]->(t) RETURN p.name AS who, count(t) AS titles ORDER BY who"]);
    expect(q.code).to.equal(0);
    const lines = q.stdout.trimEnd().split('\n');
    expect(lines).to.include('| 姚志伟 | 3      |');
    expect(lines).to.include('| 陈红民 | 1      |');
    expect(lines[lines.length - 1]).to.equal('2 rows');
  });

  it('--param values: JSON when they parse, verbatim strings otherwise (hostile text included)', async function () {
    const hostile = `O'Brien "x" \\ $y {z} }) DETACH DELETE n //`;
    const q = await runCli('query', ['RETURN $s AS s, $n AS n, $list AS list, $n + 1 AS m', '--param', `s=${hostile}`, '--param', 'n=41', '--param', 'list=["a",1]', '--json']);
    expect(q.code, q.stderr).to.equal(0);
    expect(JSON.parse(q.stdout)).to.deep.equal([{ s: hostile, n: 41, list: ['a', 1], m: 42 }]);
  });

  it('a Cypher syntax error is a usage error (2); a missing parameter too', async function () {
    const bad = await runCli('query', ['MATCH (n RETURN n']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/SyntaxError/);
    const missing = await runCli('query', ['--file', join(repoRoot(), 'graph/queries/official-timeline.cypher')]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.match(/ParameterMissing|name/);
  });

  it('a bad .jsonl line is named (file:line) and the good lines are loaded (exit 1)', async function () {
    const mixed = join(dir, 'mixed.jsonl');
    const [a1, a2] = sampleFacts();
    writeFileSync(mixed, `${JSON.stringify(a1)}\n{"truncated": \n${JSON.stringify({ hello: 1 })}\n${JSON.stringify(a2)}\n`);
    const r = await runCli('load', [mixed]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain(`${mixed}:2`).and.contain(`${mixed}:3`);
    expect(r.stdout).to.match(/articles 2: loaded 2/);
  });

  it('Neo4j unreachable: exit 3, a clear message, and the password never printed', async function () {
    const saved = { uri: process.env.NEO4J_URI, password: process.env.NEO4J_PASSWORD };
    const port = await freePort();
    const secret = 'S3cret-pässword-$-should-never-show';
    process.env.NEO4J_URI = `bolt://127.0.0.1:${port}`;
    process.env.NEO4J_PASSWORD = secret;
    try {
      const load = await runCli('load', [jsonl]);
      expect(load.code).to.equal(3);
      expect(load.stderr).to.contain(`127.0.0.1:${port}`).and.match(/unreachable/);
      expect(load.stderr + load.stdout).to.not.contain(secret);
      const query = await runCli('query', ['RETURN 1']);
      expect(query.code).to.equal(3);
      expect(query.stderr + query.stdout).to.not.contain(secret);
    } finally {
      restore('NEO4J_URI', saved.uri);
      restore('NEO4J_PASSWORD', saved.password);
    }
  });

  it('wrong password: exit 3, "authentication failed", the password never printed', async function () {
    const saved = process.env.NEO4J_PASSWORD;
    const wrong = 'wrong-password-XYZ-123';
    process.env.NEO4J_PASSWORD = wrong;
    try {
      const q = await runCli('query', ['RETURN 1']);
      expect(q.code).to.equal(3);
      expect(q.stderr).to.match(/authentication failed/);
      expect(q.stderr + q.stdout).to.not.contain(wrong);
    } finally {
      restore('NEO4J_PASSWORD', saved);
    }
  });
});
