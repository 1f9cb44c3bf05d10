#!/usr/bin/env node
/*
 * npm run bench — one run, one corpus, every figure a ratio against a baseline measured in the same run.
 *
 *   (a) bare nodejieba.cut over the page texts (jieba's own dictionary, one thread)   — the floor,
 *       timed two ways: the cut calls alone, and the whole program (node start, dictionary
 *       load, reading the files, cutting), which is how (b) is timed
 *   (b) zhkg extract --workers 1                                                    — vs (a)
 *   (c) zhkg extract --workers N (N = cores)                                        — vs (b)
 *       and its reference: the corpus in N parts, one one-thread process per part, all at once,
 *       (a'') bare-cut programs vs (a'), (b'') zhkg extract --workers 1 vs (b) and (c): what N cores
 *       give with no sharing at all (each process its own start, dictionary load and JIT warm-up)
 *   (d) zhkg load of (b)'s output into a fresh bundled Neo4j                          — rel/s
 *   (e) Graphology: zhkg analyze + zhkg export (gexf, graphml, json, csv) of (b)'s output
 *
 * options: --articles N (default 20000), --runs K (K rounds of (a), (b), (c), (a''), (b'') back to back, best time of each; default 3), --scale10
 * (also run (c)+(d)+(e) on a 10x corpus and report time and peak-RSS ratios, and (a)-(b'') in rounds
 * at 10x too, where the per-thread start-up is amortised), --skip-neo4j. Corpora are made by scripts/make-corpus
 * (deterministic) into bench/ and reused. Output: a table on stdout and bench/out/result.json.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync, execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist/src/cli/main.js');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
};
const articles = Number(opt('articles', 20000));
const runs = Math.max(1, Number(opt('runs', 3)));
const scale10 = argv.includes('--scale10');
const skipNeo4j = argv.includes('--skip-neo4j');
const cores = os.availableParallelism();
const outDir = path.join(root, 'bench', 'out');
fs.mkdirSync(outDir, { recursive: true });

function corpus(n) {
  const dir = path.join(root, 'bench', `corpus-${n}`);
  if (!fs.existsSync(path.join(dir, '.done'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts/make-corpus'), '--articles', String(n), '--out', dir], { stdio: 'inherit' });
    fs.writeFileSync(path.join(dir, '.done'), '');
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f));
  const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  return { dir, files, bytes };
}

/** Run the zhkg CLI; returns seconds and peak RSS (MB) of that process (threads included). */
function zhkg(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env, ZHKG_STATS: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`zhkg ${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  const m = /zhkg-stats maxrss_kb=(\d+)(?: cpu_ms=(\d+))?/.exec(r.stderr);
  return { seconds, rssMB: m ? Number(m[1]) / 1024 : NaN, cpu: m && m[2] ? Number(m[2]) / 1000 : NaN, stdout: r.stdout, stderr: r.stderr };
}

/** (b)/(c): zhkg extract of corpus `c` with `workers` threads into bench/out/`name`. */
function extract(c, workers, name) {
  return zhkg(['extract', c.dir, '--workers', String(workers), '--out', path.join(outDir, name), '--quiet']);
}

/** The (a)-(c) ratios line, the same at 1x and 10x. */
function ratios(label, a, one, many) {
  return `${label}: one-thread / bare cut = ${(a.seconds / one.seconds).toFixed(2)} against the cut calls alone, ${(a.wall / one.seconds).toFixed(2)} against the whole bare-cut program (bar >= 0.5); ${cores} workers / one thread = ${(one.seconds / many.seconds).toFixed(2)} (bar >= 1.6 on 2 cores)`;
}

/** (a) bare nodejieba.cut: the program, run by `node -e` on a list of files (part `k`). */
function bareCutCommand(files, k = 0) {
  const listFile = path.join(outDir, `files-${k}.json`);
  fs.writeFileSync(listFile, JSON.stringify(files));
  const code = `
    const fs = require('fs'); const j = require('nodejieba'); j.load();
    const files = JSON.parse(fs.readFileSync(${JSON.stringify(listFile)}, 'utf8')); let bytes = 0, ns = 0n, words = 0;
    for (const f of files) { const t = fs.readFileSync(f, 'utf8'); bytes += Buffer.byteLength(t);
      const t0 = process.hrtime.bigint(); words += j.cut(t).length; ns += process.hrtime.bigint() - t0; }
    const u = process.resourceUsage();
    console.log(JSON.stringify({ bytes, seconds: Number(ns) / 1e9, words, rssMB: u.maxRSS / 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }));`;
  return ['-e', code];
}

/** (a) bare nodejieba.cut, in a child so its memory and dictionary load are its own. */
function bareCut(files) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, bareCutCommand(files), { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(r.stderr);
  return { ...JSON.parse(r.stdout), wall };
}

/** The files (sorted, as zhkg reads them) in `n` runs of consecutive files of about equal bytes. */
function parts(files, n) {
  const sizes = files.map((f) => fs.statSync(f).size);
  const total = sizes.reduce((s, b) => s + b, 0);
  const out = Array.from({ length: n }, () => []);
  let seen = 0;
  files.forEach((f, i) => {
    out[Math.min(n - 1, Math.floor((seen * n) / total))].push(f);
    seen += sizes[i];
  });
  return out;
}

/** Node child processes (argument lists) started at once; resolves with the seconds until the last ends. */
function concurrently(commands) {
  const t0 = process.hrtime.bigint();
  return Promise.all(
    commands.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.slice(0, 3).join(' ')} ... exited ${code}:\n${err}`))));
        }),
    ),
  ).then(() => Number(process.hrtime.bigint() - t0) / 1e9);
}

/**
 * The reference for (c): the corpus cut into `cores` parts, each given to its own one-thread
 * process, all at once: (a'') bare-cut programs, (b'') zhkg extract --workers 1. No sharing, no
 * coordination: what the cores give when every process pays its own start, dictionary load and JIT
 * warm-up, and the processes share only the machine (caches, memory).
 */
async function split(c, name) {
  const ps = parts(c.files, cores).filter((p) => p.length);
  const bare = await concurrently(ps.map((files, k) => bareCutCommand(files, k)));
  const one = await concurrently(
    ps.map((files, k) => [cli, 'extract', ...files, '--workers', '1', '--out', path.join(outDir, `${name}-part${k}.jsonl`), '--quiet']),
  );
  for (let k = 0; k < ps.length; k++) fs.rmSync(path.join(outDir, `${name}-part${k}.jsonl`), { force: true });
  return { bare, one };
}

/**
 * `runs` rounds over corpus `c`, each running back to back: (a) bare cut, (b) one thread, (c) every
 * core, then the split reference (a''), (b'') (see split).
 */
async function rounds(c, oneOut, manyOut, name) {
  const out = [];
  for (let k = 0; k < runs; k++) {
    out.push({ a: bareCut(c.files), one: extract(c, 1, oneOut), many: extract(c, cores, manyOut), split: await split(c, name) });
  }
  return out;
}

/** What `cores` processes on a part each give, against one process on the whole (best of the rounds). */
function splitLine(label, rs) {
  const aw = Math.min(...rs.map((r) => r.a.wall));
  const one = Math.min(...rs.map((r) => r.one.seconds));
  const many = Math.min(...rs.map((r) => r.many.seconds));
  const bare = Math.min(...rs.map((r) => r.split.bare));
  const split1 = Math.min(...rs.map((r) => r.split.one));
  return (
    `${label}: the corpus in ${cores} parts, one process per part, all at once: bare-cut programs ${bare.toFixed(2)} s = ` +
    `${(aw / bare).toFixed(2)} x (a'); zhkg extract --workers 1 ${split1.toFixed(2)} s = ${(one / split1).toFixed(2)} x (b); ` +
    `(c) is ${(split1 / many).toFixed(2)} x that`
  );
}

/** The best (least disturbed) of some runs, by `key`. */
function best(results, key = (r) => r.seconds) {
  return results.reduce((b, r) => (key(r) < key(b) ? r : b));
}

function count(re, text) {
  const m = re.exec(text);
  return m ? Number(m[1]) : NaN;
}

async function withServer(fn) {
  const { startBundledServer } = require(path.join(root, 'dist/src/neo4j/bundled.js'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'zhkg-bench-neo4j-'));
  const server = await startBundledServer({ port: 0, home });
  try {
    return await fn({ NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password });
  } finally {
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function endToEnd(c, label) {
  const out = path.join(outDir, `${label}.jsonl`);
  const res = { extract: extract(c, cores, `${label}.jsonl`) };
  if (!skipNeo4j) res.load = await withServer((env) => zhkg(['load', out, '--quiet'], env));
  const t0 = process.hrtime.bigint();
  const analyze = zhkg(['analyze', out, '--json', '--quiet']);
  // an export that fails is reported, not fatal; the run is then marked incomplete
  const failed = [];
  const exports = ['gexf', 'graphml', 'json', 'csv'].flatMap((f) => {
    try {
      return [zhkg(['export', '--format', f, '--out', path.join(outDir, `${label}-export.${f === 'csv' ? 'csv.d' : f}`), out, '--quiet'])];
    } catch (err) {
      console.log(`(e) ${label}: export --format ${f} FAILED: ${String(err.message).split('\n').slice(-3).join(' ')}`);
      failed.push(f);
      return [];
    }
  });
  res.graph = {
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
    rssMB: Math.max(analyze.rssMB, ...exports.map((e) => e.rssMB)),
  };
  res.failed = failed;
  res.seconds = res.extract.seconds + (res.load ? res.load.seconds : 0) + res.graph.seconds;
  return res;
}

(async () => {
  const c = corpus(articles);
  const mb = c.bytes / 1e6;
  console.log(`bench: ${articles} articles, ${mb.toFixed(1)} MB in ${c.files.length} pages; ${cores} cores (${os.cpus()[0].model}), node ${process.version}`);

  console.log(`(a)-(c): ${runs} rounds, each running (a), (b), (c) and the reference for (c), (a'') and (b''), back to back; times are the best of the rounds`);
  // Rounds, not all (a) runs then all (b) runs: this machine's speed drifts over minutes, and a ratio
  // of runs made in the same minute is not skewed by it. The same bare-cut runs give both baselines.
  const rounds1 = await rounds(c, 'one.jsonl', 'many.jsonl', 'split-1x');
  const a = best(rounds1.map((r) => r.a));
  const aw = best(rounds1.map((r) => r.a), (r) => r.wall);
  const one = best(rounds1.map((r) => r.one));
  const many = best(rounds1.map((r) => r.many));
  // CPU s: the process's user + system time, all its threads (V8's compiler and GC threads included)
  const rows = [
    ['(a) nodejieba.cut, bare: cut calls', a.seconds, a.rssMB, '1.00 (baseline)', NaN],
    ['(a\') same, whole program', aw.wall, aw.rssMB, '1.00 (baseline)', aw.cpu],
    ['(b) zhkg extract, 1 thread', one.seconds, one.rssMB, `${(a.seconds / one.seconds).toFixed(2)} x (a), ${(aw.wall / one.seconds).toFixed(2)} x (a')`, one.cpu],
    [`(c) zhkg extract, ${cores} workers`, many.seconds, many.rssMB, `${(one.seconds / many.seconds).toFixed(2)} x (b)`, many.cpu],
  ];
  const e2e = await endToEnd(c, 'e2e-1x');
  if (e2e.load) rows.push(['(d) zhkg load (bundled Neo4j)', e2e.load.seconds, e2e.load.rssMB, '', NaN]);
  rows.push(['(e) analyze + 4 exports', e2e.graph.seconds, e2e.graph.rssMB, '', NaN]);
  const articlesOut = fs.readFileSync(path.join(outDir, 'one.jsonl'), 'utf8').split('\n').filter(Boolean).length;

  console.log('\nstep                                 seconds   CPU s      MB/s  articles/s  peak RSS MB  ratio');
  for (const [name, s, rss, ratio, cpu] of rows) {
    const rate = name.startsWith('(a') || name.startsWith('(b)') || name.startsWith('(c)') ? (mb / s).toFixed(2) : '';
    const aps = name.startsWith('(b)') || name.startsWith('(c)') ? (articlesOut / s).toFixed(0) : '';
    const cpuText = Number.isFinite(cpu) ? cpu.toFixed(2) : '';
    console.log(`${name.padEnd(36)} ${s.toFixed(2).padStart(8)} ${cpuText.padStart(7)} ${rate.padStart(9)} ${aps.padStart(11)} ${rss.toFixed(0).padStart(12)}  ${ratio}`);
  }
  if (e2e.load) {
    const rels = count(/relationships[^\d]*(\d+)/, e2e.load.stdout);
    console.log(`(d) load: ${e2e.load.stdout.trim().split('\n').slice(-3).join(' | ')}`);
    if (rels) console.log(`(d) ${(rels / e2e.load.seconds).toFixed(0)} relationships/s end to end (process start included)`);
  }
  const result = { articles, mb, cores, cpu: os.cpus()[0].model, node: process.version, runs, bare: a, bareProgram: { s: aw.wall, cpu: aw.cpu }, one: { s: one.seconds, rss: one.rssMB, cpu: one.cpu }, many: { s: many.seconds, rss: many.rssMB, cpu: many.cpu }, e2e1: { s: e2e.seconds } };
  console.log(`\n${ratios('ratios', { seconds: a.seconds, wall: aw.wall }, one, many)}`);
  for (const [k, r] of rounds1.entries()) console.log(ratios(`  round ${k + 1}`, r.a, r.one, r.many));
  console.log(splitLine('reference for (c)', rounds1));
  for (const [k, r] of rounds1.entries()) console.log(splitLine(`  round ${k + 1}`, [r]));
  result.split = { bare: Math.min(...rounds1.map((r) => r.split.bare)), one: Math.min(...rounds1.map((r) => r.split.one)) };

  if (scale10) {
    const c10 = corpus(articles * 10);
    console.log(`\n10x: ${articles * 10} articles, ${(c10.bytes / 1e6).toFixed(1)} MB`);
    const e2e10 = await endToEnd(c10, 'e2e-10x');
    // (a)-(c) at 10x, in rounds as at 1x (the machine's speed drifts over minutes, so (c) is timed
    // again next to (b) rather than taken from the end-to-end run): per-thread start-up (jieba load,
    // JIT warm-up) weighs less at this size
    const rounds10 = await rounds(c10, 'scratch-10x.jsonl', 'scratch-10x.jsonl', 'split-10x');
    fs.rmSync(path.join(outDir, 'scratch-10x.jsonl'), { force: true });
    const a10 = { ...best(rounds10.map((r) => r.a)), wall: best(rounds10.map((r) => r.a), (r) => r.wall).wall };
    const one10 = best(rounds10.map((r) => r.one));
    const many10 = best(rounds10.map((r) => r.many));
    const rss1 = e2e.extract.rssMB;
    const rss10 = e2e10.extract.rssMB;
    const step = (name, x1, x10) => {
      if (!x1 || !x10) return;
      console.log(`  ${name.padEnd(22)} 1x ${x1.seconds.toFixed(1).padStart(7)} s ${x1.rssMB.toFixed(0).padStart(6)} MB | 10x ${x10.seconds.toFixed(1).padStart(7)} s ${x10.rssMB.toFixed(0).padStart(6)} MB | time ${(x10.seconds / x1.seconds).toFixed(2)}x, RSS ${(x10.rssMB / x1.rssMB).toFixed(2)}x`);
    };
    step(`extract (${cores} workers)`, e2e.extract, e2e10.extract);
    step('load (Neo4j)', e2e.load, e2e10.load);
    step('analyze + 4 exports', e2e.graph, e2e10.graph);
    console.log(`end to end (extract + load + analyze/exports): 1x ${e2e.seconds.toFixed(1)} s, 10x ${e2e10.seconds.toFixed(1)} s: ratio ${(e2e10.seconds / e2e.seconds).toFixed(2)} (bar <= 11)${e2e.failed.length || e2e10.failed.length ? ' INCOMPLETE: failed exports, times understated' : ''}`);
    console.log(`extract peak RSS: 1x ${rss1.toFixed(0)} MB, 10x ${rss10.toFixed(0)} MB: ratio ${(rss10 / rss1).toFixed(2)} (bar <= 2)`);
    console.log(`10x, best of ${runs} rounds: (a) cut calls ${a10.seconds.toFixed(1)} s, (a') whole program ${a10.wall.toFixed(1)} s, (b) 1 thread ${one10.seconds.toFixed(1)} s (CPU ${one10.cpu.toFixed(1)} s), (c) ${cores} workers ${many10.seconds.toFixed(1)} s (CPU ${many10.cpu.toFixed(1)} s)`);
    console.log(ratios('ratios at 10x', a10, one10, many10));
    for (const [k, r] of rounds10.entries()) console.log(ratios(`  round ${k + 1}`, r.a, r.one, r.many));
    console.log(splitLine('reference for (c) at 10x', rounds10));
    for (const [k, r] of rounds10.entries()) console.log(splitLine(`  round ${k + 1}`, [r]));
    result.scale10 = {
      bare: { s: a10.seconds, wall: a10.wall },
      one: { s: one10.seconds, rss: one10.rssMB },
      many: { s: many10.seconds, rss: many10.rssMB },
      split: { bare: Math.min(...rounds10.map((r) => r.split.bare)), one: Math.min(...rounds10.map((r) => r.split.one)) },
    };
    const brief = (x) => x && { s: x.seconds, rssMB: x.rssMB };
    result.e2e1 = { s: e2e.seconds, extract: brief(e2e.extract), load: brief(e2e.load), graph: brief(e2e.graph) };
    result.e2e10 = { s: e2e10.seconds, extract: brief(e2e10.extract), load: brief(e2e10.load), graph: brief(e2e10.graph) };
  }
  fs.writeFileSync(path.join(outDir, 'result.json'), JSON.stringify(result, null, 2));
})().catch((err) => {
  console.error(`bench: ${err.stack || err}`);
  process.exit(1);
});
