/**
 * One jieba dictionary per process (scripts/patch-nodejieba): worker threads segment exactly as the
 * main thread does, share the main thread's dictionary instead of loading their own, and a word
 * inserted in one thread changes no other thread's segmentation.
 *
 * The sharing checks read zhkgDictionaryStats(), a function the patch adds to nodejieba's binding.
 * They are skipped only when nodejieba's sources are not patched (scripts/patch-nodejieba found
 * another nodejieba version and said "unchanged"); sources patched but a binding without the
 * function (not rebuilt) is a failure.
 */
import { expect } from 'chai';
import { Worker } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nodejieba from 'nodejieba';
import { buildView, ensureLoaded, segment } from '../../src/segment';

interface DictionaryStats {
  builds: number;
  shares: number;
  privateCopies: number;
  live: number;
  shared: boolean;
}

const root = join(__dirname, '..', '..', '..');
const jiebaDir = dirname(require.resolve('nodejieba'));
const bindingPath = join(jiebaDir, 'build', 'Release', 'nodejieba.node');
// the same module object nodejieba's index.js loads (same file): the same addon instance
// eslint-disable-next-line @typescript-eslint/no-var-requires
const binding = require(bindingPath) as { zhkgDictionaryStats?: () => DictionaryStats };
const sourcePatched = readFileSync(join(jiebaDir, 'lib', 'nodejieba.cpp'), 'utf8').includes('/* zhkg: one Jieba per process */');

const corpusDir = join(root, 'corpus');
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'));

/** A sentence of corpus/ (in view form) that a user word 老旧小区改造 re-segments. */
const SENTENCE = '二七区委书记陈红民表示,老旧小区改造提升是城市发展到一定阶段必须面对的问题,是百姓感受最深刻的民生事项';
const NEW_WORD = '老旧小区改造';

/** What the main thread and every worker compute: zhkg's tokens, jieba's tags, a plain cut. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const seg = require(workerData.segmentPath);
const nodejieba = require(workerData.nodejiebaPath);
const binding = require(workerData.bindingPath);
const stats = () => (typeof binding.zhkgDictionaryStats === 'function' ? binding.zhkgDictionaryStats() : null);
const compute = () => ({
  tokens: workerData.texts.map((t) => seg.segment(t).tokens.map((k) => k.word).join('/')),
  tags: workerData.texts.map((t) => nodejieba.tag(t).map((p) => p.word + ':' + p.tag).join(' ')),
  sentence: nodejieba.cut(workerData.sentence).join('/'),
});
seg.ensureLoaded();
parentPort.postMessage({ kind: 'loaded', stats: stats() });
parentPort.on('message', (m) => {
  if (m === 'go') {
    // several rounds while the other threads do the same: a data race would show as a difference
    const first = compute();
    let differ = 0;
    for (let r = 1; r < workerData.rounds; r++) if (JSON.stringify(compute()) !== JSON.stringify(first)) differ++;
    parentPort.postMessage({ kind: 'results', results: first, differ });
  } else if (m === 'insert') {
    const ok = nodejieba.insertWord(workerData.newWord);
    parentPort.postMessage({ kind: 'inserted', ok, sentence: nodejieba.cut(workerData.sentence).join('/'), stats: stats() });
  } else if (m === 'sentence') {
    parentPort.postMessage({ kind: 'sentence', sentence: nodejieba.cut(workerData.sentence).join('/') });
  } else if (m === 'exit') {
    parentPort.close();
  }
});
`;

type Msg = { kind: string; [k: string]: unknown };

/** A worker with a queue of its messages. */
class Thread {
  readonly worker: Worker;
  private readonly inbox: Msg[] = [];
  private waiting: ((m: Msg) => void) | null = null;
  private failed: Error | null = null;
  constructor(rounds: number) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        segmentPath: join(root, 'dist', 'src', 'segment', 'index.js'),
        nodejiebaPath: require.resolve('nodejieba'),
        bindingPath,
        texts,
        sentence: SENTENCE,
        newWord: NEW_WORD,
        rounds,
      },
    });
    this.worker.on('message', (m: Msg) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(m);
      } else this.inbox.push(m);
    });
    this.worker.on('error', (e) => {
      this.failed = e;
    });
  }
  next(kind: string): Promise<Msg> {
    if (this.failed) return Promise.reject(this.failed);
    const m = this.inbox.shift();
    const check = (x: Msg): Msg => {
      if (x.kind !== kind) throw new Error(`worker sent ${x.kind}, expected ${kind}`);
      return x;
    };
    if (m) return Promise.resolve(check(m));
    return new Promise((resolve, reject) => {
      this.waiting = (x) => {
        try {
          resolve(check(x));
        } catch (e) {
          reject(e);
        }
      };
      this.worker.once('error', reject);
    });
  }
  async stop(): Promise<void> {
    this.worker.postMessage('exit');
    await new Promise((r) => this.worker.once('exit', r));
  }
}

function mainResults(): { tokens: string[]; tags: string[]; sentence: string } {
  return {
    tokens: texts.map((t) => segment(t).tokens.map((k) => k.word).join('/')),
    tags: texts.map((t) => nodejieba.tag(t).map((p) => `${p.word}:${p.tag}`).join(' ')),
    sentence: nodejieba.cut(SENTENCE).join('/'),
  };
}

/** Why the sharing checks cannot run, or null when they must. */
function sharingUnavailable(): string | null {
  if (typeof binding.zhkgDictionaryStats === 'function') return null;
  if (sourcePatched) {
    throw new Error(`nodejieba's sources are patched but ${bindingPath} has no zhkgDictionaryStats: not rebuilt (run scripts/setup)`);
  }
  return `nodejieba's sources (${jiebaDir}/lib) are not patched: scripts/patch-nodejieba did not recognise them, so each thread loads its own dictionary`;
}

describe('segment: one jieba dictionary per process, shared by worker threads', function () {
  this.timeout(120000);
  const N = 2;
  let threads: Thread[] = [];

  before(() => {
    expect(texts.length).to.be.greaterThan(0);
    expect(texts.map((t) => buildView(t).view).join('')).to.include(SENTENCE);
    ensureLoaded();
  });

  afterEach(async () => {
    await Promise.all(threads.map((t) => t.stop()));
    threads = [];
  });

  it('workers segment and tag the corpus exactly as the main thread, all at once, and share its dictionary', async function () {
    const expected = mainResults();
    expect(expected.tokens.join('/').length).to.be.greaterThan(5000);
    expect(expected.sentence.split('/')).to.not.include(NEW_WORD);
    const why = sharingUnavailable();
    const before = why ? null : binding.zhkgDictionaryStats!();
    const rss0 = process.memoryUsage().rss;

    threads = Array.from({ length: N }, () => new Thread(8));
    const loaded = await Promise.all(threads.map((t) => t.next('loaded')));
    const rss1 = process.memoryUsage().rss;
    for (const t of threads) t.worker.postMessage('go');
    const done = await Promise.all(threads.map((t) => t.next('results')));

    for (const d of done) {
      expect(d.differ).to.equal(0);
      expect(d.results).to.deep.equal(expected);
    }
    const perWorkerMB = (rss1 - rss0) / N / 1e6;
    console.log(`      (RSS growth per worker: ${perWorkerMB.toFixed(1)} MB)`);
    if (why) {
      console.log(`      (sharing not checked: ${why})`);
      this.skip();
    }
    // the main thread's load served every worker: nothing built, one share per worker
    const after = binding.zhkgDictionaryStats!();
    expect(after.builds - before!.builds, 'dictionaries built by the workers').to.equal(0);
    expect(after.shares - before!.shares, 'workers served by the shared dictionary').to.equal(N);
    for (const l of loaded) expect((l.stats as DictionaryStats).shared).to.equal(true);
    expect(after.shared).to.equal(true);
    // a worker (isolate, zhkg's modules and dictionaries: ~42 MB here) costs less than one jieba
    // dictionary (~150 MB; ~158 MB per worker measured with an unpatched binding)
    expect(perWorkerMB, 'RSS growth per worker, MB').to.be.lessThan(90);
  });

  it('a word inserted in one worker changes only that worker (copy-on-write), not the main thread nor other workers', async function () {
    const why = sharingUnavailable();
    if (why) {
      console.log(`      (skipped: ${why})`);
      this.skip();
    }
    const expected = nodejieba.cut(SENTENCE).join('/');
    threads = Array.from({ length: N }, () => new Thread(1));
    await Promise.all(threads.map((t) => t.next('loaded')));
    const before = binding.zhkgDictionaryStats!();

    threads[0].worker.postMessage('insert');
    const ins = await threads[0].next('inserted');
    expect(ins.ok).to.equal(true);
    expect((ins.sentence as string).split('/')).to.include(NEW_WORD);
    const st = ins.stats as DictionaryStats;
    expect(st.shared).to.equal(false);
    expect(st.privateCopies - before.privateCopies).to.equal(1);

    threads[1].worker.postMessage('sentence');
    expect((await threads[1].next('sentence')).sentence).to.equal(expected);
    expect(nodejieba.cut(SENTENCE).join('/')).to.equal(expected);
    const after = binding.zhkgDictionaryStats!();
    expect(after.shared).to.equal(true);
    expect(after.builds).to.equal(before.builds);
  });

  it('the dictionary outlives the threads that loaded it: a second pool, started after the first ended, builds nothing', function () {
    const why = sharingUnavailable();
    if (why) {
      console.log(`      (skipped: ${why})`);
      this.skip();
    }
    // a child process whose main thread never loads jieba (this one has): one worker loads and
    // exits, then a second one loads. Without the registry's kept reference the first worker's
    // exit freed the dictionary (~0.12 s) and the second built it again (~0.4 s).
    const child = `
      const { Worker } = require('node:worker_threads');
      const paths = ${JSON.stringify({ nodejieba: require.resolve('nodejieba'), binding: bindingPath })};
      const load = () => new Promise((resolve, reject) => {
        const w = new Worker(
          'const p = ' + JSON.stringify(paths) + '; const j = require(p.nodejieba); j.load();' +
          'require("node:worker_threads").parentPort.postMessage({ cut: j.cut("二七区委书记陈红民到嵩山路街道调研").join("/"), stats: require(p.binding).zhkgDictionaryStats() });',
          { eval: true });
        let got = null;
        w.on('message', (m) => (got = m));
        w.on('error', reject);
        w.on('exit', () => resolve(got));
      });
      (async () => {
        const first = await load();
        const second = await load();
        process.stdout.write(JSON.stringify({ first, second }));
      })();`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 60000 })) as {
      first: { cut: string; stats: DictionaryStats };
      second: { cut: string; stats: DictionaryStats };
    };
    expect(out.first.cut.split('/').join('')).to.equal('二七区委书记陈红民到嵩山路街道调研');
    expect(out.second.cut).to.equal(out.first.cut);
    expect(out.first.stats.builds, 'built by the first worker').to.equal(1);
    expect(out.second.stats.builds, 'built again by the second worker').to.equal(1);
    expect(out.second.stats.shares, 'the second worker served the kept dictionary').to.equal(1);
    expect(out.second.stats.live).to.equal(1);
  });
});
