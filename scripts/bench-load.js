#!/usr/bin/env node
/*
 * npm run bench:load — relationships per second into the bundled Neo4j:
 *   batched   the zhkg loader (UNWIND $rows ... MERGE, one managed transaction per batch)
 *   per-fact  one auto-commit transaction per relationship (MERGE both ends + the relationship)
 * on the same synthetic fact set (same generator and size; each load gets its own id prefix so every
 * load writes new nodes and relationships), measured in the same run against the same fresh server:
 * after a JVM warm-up, 5 interleaved rounds of (batched: one set; per-fact: a fifth of one set),
 * so both see the same machine load; the rates are the medians, the ratio is batched / per-fact.
 * Prints the rates, the per-round figures and the ratio (goal >= 20x). Takes 1-2 minutes.
 *
 * Options (environment): BENCH_ARTICLES (default 400), BENCH_SITES (INSPECTED per article, default 8),
 * BENCH_BATCH_ROWS (default 2000), BENCH_WARMUP_SECONDS (default 30). Uses NEO4J_BENCH_URI
 * (+ NEO4J_BENCH_USER, NEO4J_BENCH_PASSWORD) if set: its database is WIPED, so a plain NEO4J_URI is
 * never used. Otherwise starts the bundled server on an ephemeral
 * port in a temporary data home, removed afterwards.
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
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS || 30);

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
  if (process.env.NEO4J_BENCH_URI) {
    config = { uri: process.env.NEO4J_BENCH_URI, user: process.env.NEO4J_BENCH_USER || 'neo4j', password: process.env.NEO4J_BENCH_PASSWORD || '' };
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
    // Warm-up (query plans, JVM JIT) for both paths, on other ids. Measured here: the first batched
    // sets run ten times slower than warm ones and the JVM needs 15-20 sets to settle, so the batched
    // loader loads at least 20 sets of the same size and for at least BENCH_WARMUP_SECONDS (default
    // 30 s; at most 120 s); the per-fact loader runs a quarter of a set (thousands of statements).
    const warmTimes = [];
    const warmStart = Date.now();
    const warmElapsed = () => (Date.now() - warmStart) / 1000;
    while ((warmTimes.length < 20 || warmElapsed() < WARMUP_SECONDS) && warmElapsed() < 120) {
      const t0 = process.hrtime.bigint();
      await loadArticles(driver, syntheticFacts(`warm${warmTimes.length}`, ARTICLES), { database: db, batchRows: BATCH_ROWS });
      warmTimes.push((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2));
    }
    await loadPerFact(driver, syntheticFacts('warmp', Math.ceil(ARTICLES / 4)), db);

    // Measured, interleaved so both see the same machine load: ROUNDS rounds of (batched: one set;
    // per-fact: a 1/ROUNDS slice of one set of the same shape). The per-fact slices add up to one
    // whole set. Rates are the medians over the rounds. Every set has its own id prefix, so each
    // writes the same number of new nodes and relationships; no wipes in between (a wipe makes Neo4j
    // re-plan every statement on its next use, which would be measured too).
    const ROUNDS = 5;
    const perFactSet = syntheticFacts('perfact', ARTICLES);
    const slice = Math.ceil(ARTICLES / ROUNDS);
    const batched = [];
    const perFact = [];
    let s;
    let perFactRels = 0;
    let perFactSec = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const facts = syntheticFacts(`bench${round}`, ARTICLES);
      let t0 = process.hrtime.bigint();
      s = await loadArticles(driver, facts, { database: db, batchRows: BATCH_ROWS });
      const bs = Number(process.hrtime.bigint() - t0) / 1e9;
      if (s.relationshipsCreated !== s.relationshipsWritten) throw new Error('batched: not every relationship was new');
      batched.push(s.relationshipsWritten / bs);

      const before = await graphCounts(driver, db);
      t0 = process.hrtime.bigint();
      const rels = await loadPerFact(driver, perFactSet.slice(round * slice, (round + 1) * slice), db);
      const ps = Number(process.hrtime.bigint() - t0) / 1e9;
      const after = await graphCounts(driver, db);
      if (after.relationships - before.relationships !== rels) throw new Error('per-fact: not every relationship was new');
      perFact.push(rels / ps);
      perFactRels += rels;
      perFactSec += ps;
    }
    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const batchedRate = median(batched);
    const perFactRate = median(perFact);
    const ratio = batchedRate / perFactRate;
    const fmt = (xs) => xs.map((x) => Math.round(x)).join(', ');
    const out = [
      `fact set  : ${ARTICLES} articles, ${s.relationshipsWritten} relationships (batches of ${BATCH_ROWS} rows: ${s.batches} transactions)`,
      `batched   : ${Math.round(batchedRate)} rel/s (median of ${ROUNDS} sets: ${fmt(batched)})`,
      `per-fact  : ${Math.round(perFactRate)} rel/s (median of ${ROUNDS} slices: ${fmt(perFact)}; ${perFactRels} relationships = ${perFactRels} transactions in ${perFactSec.toFixed(1)} s)`,
      `warm-up   : ${warmTimes.length} batched sets (${warmTimes.join(', ')} s), then ${Math.ceil(ARTICLES / 4)} articles per-fact`,
      `ratio     : ${ratio.toFixed(1)}x (goal >= 20x) ${ratio >= 20 ? 'OK' : 'BELOW GOAL'}`,
    ];
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
