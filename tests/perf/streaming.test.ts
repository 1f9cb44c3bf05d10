/**
 * Performance plumbing, asserted as behaviour (no timings): worker threads keep input order and
 * give the same facts as one thread; JSON Lines are read in chunks (lines and multi-byte
 * characters split across chunk boundaries come out whole); the streamed graph build keeps no
 * article texts; the layout's work is bounded; the loader writes one row per relationship id.
 */
import { expect } from 'chai';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { extractFiles } from '../../src/pipeline';
import { defaultWorkers, defaultWorkersFor, extractFilesParallel, smallInputBytes, tasksOf, TASK_BYTES } from '../../src/parallel';
import { listInputs } from '../../src/ingest';
import { buildGraph, buildGraphFromInputs, readLinesSync, toJson } from '../../src/graph';
import { layoutIterations, LAYOUT_BUDGET } from '../../src/graph/style';
import { batchRows } from '../../src/neo4j/load';
import { betweennessSources, BETWEENNESS_BUDGET, scalableBetweenness } from '../../src/graph/betweenness';
import { articleToGraph } from '../../src/resolve/to-graph';
import type { ArticleFacts } from '../../src/types';
import { ChunkedWriter } from '../../src/cli/output';

const corpus = join(__dirname, '..', '..', '..', 'corpus');

describe('perf: parallel extraction', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    // six pages: the two samples three times, under names that sort in a known interleaved order
    dir = mkdtempSync(join(tmpdir(), 'zhkg-perf-'));
    const samples = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
    for (let i = 0; i < 6; i++) copyFileSync(join(corpus, samples[i % samples.length]), join(dir, `p${i}_${samples[i % samples.length]}`));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('2 workers yield the same articles, in the same order, as one thread', async () => {
    const one = [...extractFiles([dir])];
    const many: ArticleFacts[] = [];
    const run = extractFilesParallel([dir], { workers: 2 });
    let step = await run.next();
    while (!step.done) {
      many.push(step.value);
      step = await run.next();
    }
    expect(one.length).to.be.greaterThan(6);
    expect(many.map((a) => a.id)).to.deep.equal(one.map((a) => a.id));
    expect(JSON.stringify(many)).to.equal(JSON.stringify(one));
    expect(step.value.articles).to.equal(one.length);
    expect(step.value.filesProcessed).to.equal(6);
    // file order: all articles of p0 before any of p1, ...
    const files = many.map((a) => a.source.replace(/.*\//, '').slice(0, 2));
    expect(files).to.deep.equal([...files].sort());
  });

  it('zhkg extract --workers 2 writes byte-identical JSON Lines to --workers 1', () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'main.js');
    const run = (w: string) => execFileSync(process.execPath, [cli, 'extract', dir, '--workers', w, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const one = run('1');
    const two = run('2');
    expect(one.split('\n').filter(Boolean).length).to.be.greaterThan(6);
    expect(two).to.equal(one);
  });

  it('a consumer that stops after the first article or chunk ends the workers: the process exits', () => {
    const src = join(__dirname, '..', '..', 'src', 'parallel', 'index.js');
    const script = `
      const { extractFilesParallel, extractJsonlParallel } = require(${JSON.stringify(src)});
      (async () => {
        for await (const a of extractFilesParallel([${JSON.stringify(dir)}], { workers: 2 })) { console.log('article', a.id); break; }
        for await (const c of extractJsonlParallel([${JSON.stringify(dir)}], { workers: 2 })) { console.log('chunk', c.length > 0); break; }
      })();`;
    // with workers left running the process never ends, and the timeout kills it (a failure)
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60000 });
    expect(out).to.match(/^article \S+\nchunk true\n$/);
  });

  it('reading ahead changes nothing: a run over six pages gives what six one-page runs give, diagnostics in file order', () => {
    // a broken page (binary) in the middle of the batch is rejected by name; the others are whole
    const bad = join(dir, 'p2b_broken.txt');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]));
    try {
      const files = readdirSync(dir).sort().map((f) => join(dir, f));
      const seen: string[] = [];
      const all = extractFiles(files, { onDiagnostic: (d) => seen.push(d.file ?? '') });
      const together: ArticleFacts[] = [];
      let step = all.next();
      while (!step.done) {
        together.push(step.value);
        step = all.next();
      }
      const apart = files.flatMap((f) => [...extractFiles([f])]);
      expect(together.length).to.be.greaterThan(6);
      expect(JSON.stringify(together)).to.equal(JSON.stringify(apart));
      expect(step.value.filesRead).to.equal(7);
      expect(step.value.filesRejected).to.equal(1);
      expect(step.value.filesProcessed).to.equal(6);
      expect(seen).to.include(bad);
      // diagnostics come file by file, as the files are extracted
      const order = seen.map((f) => files.indexOf(f));
      expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    } finally {
      rmSync(bad, { force: true });
    }
  });

  it('the default thread count: one thread for a few pages, every core once the input reaches smallInputBytes', () => {
    const cores = defaultWorkers();
    // six sample pages (~100 KB): one thread
    const pages = readdirSync(dir).map((f) => statSync(join(dir, f)).size);
    expect(listInputs([dir]).bytes).to.equal(pages.reduce((a, b) => a + b, 0));
    expect(defaultWorkersFor([dir])).to.equal(1);
    // a folder of pages (sparse files: only their sizes are read here) just under, then at, the size
    const big = mkdtempSync(join(tmpdir(), 'zhkg-default-workers-'));
    try {
      const limit = smallInputBytes(Math.max(2, cores));
      const a = join(big, 'sub', 'a.txt');
      mkdirSync(join(big, 'sub'));
      writeFileSync(a, '');
      truncateSync(a, limit - 1);
      expect(listInputs([big, join(big, 'missing.txt')]).bytes, 'nested pages count, missing ones do not').to.equal(limit - 1);
      expect(defaultWorkersFor([big])).to.equal(1);
      writeFileSync(join(big, 'b.txt'), 'x');
      expect(defaultWorkersFor([big])).to.equal(cores);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
    // the size falls with more cores (each worker's share of the work shrinks), never below ~5 MB
    expect(smallInputBytes(1)).to.equal(Infinity);
    expect(smallInputBytes(2)).to.equal(12 << 20);
    expect(smallInputBytes(4)).to.be.within(6 << 20, 8 << 20);
    expect(smallInputBytes(64)).to.be.within(5 << 20, smallInputBytes(8));
  });

  it('tasks for the workers: consecutive files in input order, split so that every worker gets some', () => {
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    for (const workers of [1, 2, 3]) {
      const tasks = tasksOf(files, workers);
      expect(tasks.flat()).to.deep.equal(files);
      expect(tasks.every((t) => t.length > 0)).to.equal(true);
      // six pages of ~20 KB: at most an eighth of a worker's share per task, so one page a task here
      expect(tasks.length).to.equal(files.length);
    }
    // pages far below TASK_BYTES go together, up to the size; a missing file counts as empty
    const small = mkdtempSync(join(tmpdir(), 'zhkg-tasks-'));
    try {
      const names = Array.from({ length: 400 }, (_, i) => join(small, `p${String(i).padStart(3, '0')}.txt`));
      names.forEach((f) => writeFileSync(f, 'x'.repeat(10000)));
      const tasks = tasksOf([...names, join(small, 'missing.txt')], 1);
      expect(tasks.flat()).to.deep.equal([...names, join(small, 'missing.txt')]);
      // 4 MB in all, an eighth of it (500 KB) is over TASK_BYTES: tasks of TASK_BYTES
      const per = Math.ceil(TASK_BYTES / 10000);
      expect(tasks[0].length).to.equal(per);
      expect(tasks.length).to.equal(Math.ceil(400 / per));
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  });
});

describe('perf: streamed JSON Lines', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhkg-perf-lines-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads lines across chunk boundaries, multi-byte characters intact', () => {
    const lines = ['二七区区长陈红民到嵩山路街道调研', '', 'x', '郑州'.repeat(50), '末行无换行'];
    const path = join(dir, 'a.txt');
    writeFileSync(path, lines.join('\n'));
    for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      expect([...readLinesSync(path, chunk)], `chunk ${chunk}`).to.deep.equal(lines);
    }
    writeFileSync(path, 'a\nb\n');
    expect([...readLinesSync(path, 1)]).to.deep.equal(['a', 'b']);
  });

  it('builds the graph from a .jsonl without keeping the articles, same graph as from memory', () => {
    const arts = [...extractFiles([corpus])];
    const path = join(dir, 'facts.jsonl');
    writeFileSync(path, arts.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const streamed = buildGraphFromInputs([path]);
    expect(streamed.summary.articles).to.equal(arts.length);
    expect(streamed.stats.articles).to.equal(arts.length);
    const inMemory = buildGraph(arts);
    expect(toJson(streamed.graph)).to.equal(toJson(inMemory.graph));
    expect(buildGraph(arts, undefined, { keepArticles: false }).articles).to.deep.equal([]);
    expect(inMemory.articles.length).to.equal(arts.length);
  });
});

describe('perf: chunked output', () => {
  // pieces of a real sample page: CJK (3 bytes), ASCII, an astral character (4 bytes), a lone surrogate
  const page = readFileSync(join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[0]), 'utf8');
  const pieces = [page.slice(0, 700), 'x\n', '\u{20000}\u{1F600}', '\ud800', page.slice(700, 2000), page.slice(2000)];

  async function through(size: number, parts: (string | Uint8Array)[]): Promise<{ out: Buffer; writes: number[] }> {
    const got: Uint8Array[] = [];
    const w = new ChunkedWriter((c) => {
      got.push(Buffer.from(c)); // a copy: the writer must not touch a chunk once handed over
    }, size);
    for (const p of parts) await (typeof p === 'string' ? w.text(p) : w.bytes(p));
    await w.flush();
    return { out: Buffer.concat(got), writes: got.map((g) => g.length) };
  }

  it('writes the UTF-8 of its text and bytes, in order, in chunks no larger than the size', async () => {
    const parts: (string | Uint8Array)[] = [...pieces, Buffer.from(page.slice(100, 900)), ...pieces];
    const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    for (const size of [64, 1000, 4096, 1 << 20]) {
      const { out, writes } = await through(size, parts);
      expect(out.equals(expected), `size ${size}`).to.equal(true);
      // only a piece larger than the chunk goes out larger, on its own
      const pieceBytes = parts.map((p) => (typeof p === 'string' ? Buffer.byteLength(p) : p.length));
      for (const n of writes) if (n > size) expect(pieceBytes).to.include(n);
    }
    const { writes } = await through(1 << 20, parts);
    expect(writes.length).to.equal(1);
  });

  it('does not reuse a chunk it has handed to the sink', async () => {
    const held: Uint8Array[] = [];
    const w = new ChunkedWriter((c) => {
      held.push(c); // kept by reference, as a stream does
    }, 64);
    const texts = ['二七区委书记陈红民', '到嵩山路街道调研', 'abc'.repeat(20), '郑州市二七区'];
    for (const t of texts) await w.text(t);
    await w.flush();
    expect(Buffer.concat(held).toString('utf8')).to.equal(texts.join(''));
    expect(held.length).to.be.greaterThan(1);
  });
});

describe('perf: bounded work', () => {
  it('layout iterations: 200 on small graphs, a fixed node-iteration budget on large ones', () => {
    expect(layoutIterations(50)).to.equal(200);
    expect(layoutIterations(2000)).to.equal(200);
    expect(layoutIterations(16000)).to.equal(Math.floor(LAYOUT_BUDGET / 16000));
    expect(layoutIterations(160000) * 160000).to.be.at.most(LAYOUT_BUDGET);
    expect(layoutIterations(10_000_000)).to.equal(2);
  });

  it('the loader writes one row per relationship id, even when an article repeats a fact', () => {
    const a = [...extractFiles([corpus])].find((x) => x.relations.length > 0) as ArticleFacts;
    const g = articleToGraph(a);
    const doubled = { ...g, edges: [...g.edges, ...g.edges] };
    const rows = batchRows([doubled]);
    expect(rows.relCount).to.equal(g.edges.length);
    const ids = Object.values(rows.rels).flat().map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.length).to.equal(g.edges.length);
  });
});

describe('perf: betweenness', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Graph = require('graphology');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const exact = require('graphology-metrics/centrality/betweenness');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const rng = require('seedrandom')('perf-btw');
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < 300; i++) g.addNode(`n${i}`);
  for (let i = 0; i < 900; i++) {
    const a = `n${Math.floor(rng() * 300)}`;
    const b = `n${Math.floor(rng() * 300)}`;
    if (a !== b && !g.hasEdge(a, b)) g.addEdge(a, b, { distance: 1 + Math.floor(rng() * 3) });
  }

  it('with every node as a source, the sampled estimator equals exact Brandes', () => {
    const e = exact(g, { getEdgeWeight: 'distance', normalized: true }) as Record<string, number>;
    const s = scalableBetweenness(g, { getEdgeWeight: 'distance', sources: g.order });
    for (const k of Object.keys(e)) expect(s[k]).to.be.closeTo(e[k], 1e-12);
  });

  it('sampling is deterministic and bounded for large graphs', () => {
    const a = scalableBetweenness(g, { getEdgeWeight: 'distance', sources: 50 });
    expect(scalableBetweenness(g, { getEdgeWeight: 'distance', sources: 50 })).to.deep.equal(a);
    expect(betweennessSources(1000, 5000)).to.equal(1000);
    expect(betweennessSources(100_000, 200_000)).to.equal(Math.floor(BETWEENNESS_BUDGET / 300_000));
    expect(betweennessSources(1_000_000, 4_000_000)).to.equal(64);
  });
});
