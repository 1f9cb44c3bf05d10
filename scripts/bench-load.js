#!/usr/bin/env node
/*
 * npm run bench:load — relationships per second into the bundled Neo4j:
 *   batched   the zhkg loader (UNWIND $rows ... MERGE, one managed transaction per batch)
 *   per-fact  one auto-commit transaction per relationship (MERGE both ends + the relationship)
 * on the same synthetic fact set, measured in the same run against the same fresh server.
 *
 * Options (environment): BENCH_ARTICLES (default 400), BENCH_SITES (INSPECTED per article, default 8),
 * BENCH_BATCH_ROWS (default 2000). Uses NEO4J_URI if set (its database is WIPED: only for a throw-away
 * server), else starts the bundled server on an ephemeral port in a temporary data home.
 */
'use strict';
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { createHash } = require('crypto');

const dist = join(__dirname, '..', 'dist', 'src');
let neo4jLib;
try {
  neo4jLib = require(join(dist, 'neo4j', 'index.js'));
} catch (err) {
  process.stderr.write(`bench-load: dist/ is missing or stale (${err.message}); run \`npm run build\` first\n`);
  process.exit(4);
}
const { startBundledServer, openDriver, ensureSchema, loadArticles, graphCounts, toParam, NODE_LABELS, REL_TYPES } = neo4jLib;
const { articleToGraph } = require(join(dist, 'resolve', 'to-graph.js'));

const ARTICLES = Number(process.env.BENCH_ARTICLES || 400);
const SITES = Number(process.env.BENCH_SITES || 8);
const BATCH_ROWS = Number(process.env.BENCH_BATCH_ROWS || 2000);

/** Synthetic ArticleFacts: per article one official with a title, SITES inspected places, one org. */
function syntheticFacts(prefix, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    // names carry the set's prefix: every set creates the same number of new nodes
    const person = `${prefix}官员${i % 97}`;
    const title = `${prefix}第${i % 13}区区长`;
    const sites = Array.from({ length: SITES }, (_, k) => `${prefix}地点${(i * 7 + k * 31) % 1500}`);
    const text = `${title}${person}到${sites.join('、')}调研。`;
    const at = (s) => text.indexOf(s);
    const mention = (s) => [{ start: at(s), end: at(s) + s.length, text: s, sentence: 0, ruleId: 'bench/name' }];
    const entities = [
      { id: `person:${person}`, type: 'Person', name: person, canonical: person, roles: ['Official'], mentions: mention(person) },
      { id: `title:${title}`, type: 'Title', name: title, canonical: title, mentions: mention(title) },
      ...sites.map((s) => ({ id: `place:${s}`, type: 'Place', name: s, canonical: s, mentions: mention(s) })),
    ];
    const id = `${prefix}-${i}#1`;
    const ev = (s, t) => ({ articleId: id, sentenceIndex: 0, sentence: text, start: at(s), end: at(t) + t.length, sourceStart: { line: 1, column: 1 }, ruleId: 'bench/rule' });
    const relations = [
      { id: `h${i}`, type: 'HOLDS_TITLE', source: `person:${person}`, target: `title:${title}`, evidence: ev(title, person) },
      ...sites.map((s, k) => ({ id: `i${i}-${k}`, type: 'INSPECTED', source: `person:${person}`, target: `place:${s}`, evidence: ev(person, s) })),
    ];
    out.push({
      id, source: `${prefix}.txt`, format: 'plain', encoding: 'utf-8', headline: `${person}调研`, subheadline: null,
      date: '2020-01-01', pageDate: null, reporters: [], correspondents: [], text,
      contentHash: createHash('sha256').update(text).digest('hex').slice(0, 16),
      sourceStart: { line: 1, column: 1 }, sourceEnd: { line: 1, column: 1 }, sourceMap: [{ offset: 0, line: 1, column: 1 }],
      sentences: [{ start: 0, end: text.length }], entities, relations,
    });
  }
  return out;
}

/** The naive loader: every relationship in its own auto-commit transaction. */
function perFactStatement(type, from, to) {
  if (!REL_TYPES.includes(type) || !NODE_LABELS.includes(from) || !NODE_LABELS.includes(to)) throw new Error('not in whitelist');
  return `MERGE (a:${from} {id: $source.id}) SET a.name = $source.name, a += $source.props
          MERGE (b:${to} {id: $target.id}) SET b.name = $target.name, b += $target.props
          MERGE (a)-[r:${type} {id: $id}]->(b) SET r += $props`;
}

async function loadPerFact(driver, facts, database) {
  const session = driver.session({ database });
  let rels = 0;
  try {
    for (const a of facts) {
      const g = articleToGraph(a);
      const nodes = new Map(g.nodes.map((n) => [n.id, n]));
      for (const e of g.edges) {
        const s = nodes.get(e.source);
        const t = nodes.get(e.target);
        const node = (n) => ({ id: n.id, name: n.name, props: toParam(Object.fromEntries(Object.entries(n.props).filter(([k]) => k !== 'aliases'))) });
        await session.run(perFactStatement(e.type, s.label, t.label), { source: node(s), target: node(t), id: e.id, props: toParam(e.props) });
        rels++;
      }
    }
  } finally {
    await session.close();
  }
  return rels;
}

async function wipe(driver, database) {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function main() {
  let server = null;
  let home = null;
  let config;
  if (process.env.NEO4J_URI) {
    config = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD || '', database: process.env.NEO4J_DATABASE || undefined };
  } else {
    home = mkdtempSync(join(tmpdir(), 'zhkg-bench-neo4j-'));
    process.stderr.write('bench-load: starting the bundled Neo4j (fresh data home)...\n');
    server = await startBundledServer({ port: 0, home });
    config = { uri: server.uri, user: server.user, password: server.password };
  }
  const driver = await openDriver(config);
  const db = config.database;
  try {
    await wipe(driver, db);
    await ensureSchema(driver, db);
    // Warm-up (query plans, JVM JIT) for both paths, on other ids: the batched loader loads a set of
    // the same size four times (the first loads run up to ten times slower than warm ones), the
    // per-fact loader a quarter of one (thousands of statements), so both are measured warm.
    for (let round = 0; round < 4; round++) await loadArticles(driver, syntheticFacts(`warm${round}`, ARTICLES), { database: db, batchRows: BATCH_ROWS });
    await loadPerFact(driver, syntheticFacts('warmp', Math.ceil(ARTICLES / 4)), db);

    // Measured: batched, three sets of the same shape (other ids), the median time counts; then
    // per-fact, one set of the same shape. No wipes in between: a wipe makes Neo4j re-plan every
    // statement on its next use, which would be measured too.
    const times = [];
    let s;
    for (let round = 0; round < 3; round++) {
      const facts = syntheticFacts(`bench${round}`, ARTICLES);
      const t0 = process.hrtime.bigint();
      s = await loadArticles(driver, facts, { database: db, batchRows: BATCH_ROWS });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (s.relationshipsCreated !== s.relationshipsWritten) throw new Error('batched: not every relationship was new');
    }
    const batchedSec = [...times].sort((a, b) => a - b)[1];
    const batchedRate = s.relationshipsWritten / batchedSec;

    const before = await graphCounts(driver, db);
    const t0 = process.hrtime.bigint();
    const rels = await loadPerFact(driver, syntheticFacts('perfact', ARTICLES), db);
    const perFactSec = Number(process.hrtime.bigint() - t0) / 1e9;
    const after = await graphCounts(driver, db);
    const perFactRate = rels / perFactSec;
    const nodesPerSet = after.nodes - before.nodes;

    const ratio = batchedRate / perFactRate;
    const out = [
      `fact set: ${ARTICLES} articles, ${s.relationshipsWritten} relationships, ${nodesPerSet} nodes (batch ${BATCH_ROWS} rows)`,
      `batched   : ${s.relationshipsWritten} relationships in ${batchedSec.toFixed(2)} s = ${Math.round(batchedRate)} rel/s (${s.batches} transactions; median of ${times.map((x) => x.toFixed(2)).join(', ')} s)`,
      `per-fact  : ${rels} relationships in ${perFactSec.toFixed(2)} s = ${Math.round(perFactRate)} rel/s (${rels} transactions)`,
      `ratio     : ${ratio.toFixed(1)}x (goal >= 20x) ${ratio >= 20 ? 'OK' : 'BELOW GOAL'}`,
    ];
    if (after.relationships - before.relationships !== s.relationshipsWritten) {
      out.push(`warning: per-fact created ${after.relationships - before.relationships} relationships, batched ${s.relationshipsWritten}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await driver.close();
    if (server) await server.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  }
}

module.exports = { syntheticFacts, loadPerFact };

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench-load: ${err.message}\n`);
    process.exitCode = typeof err.exitCode === 'number' ? err.exitCode : 1;
  });
}
