/**
 * Streamed exports (sink.ts): the files written chunk by chunk are byte for byte the string
 * exports; GEXF is exactly what graphology-gexf's writer gives (the implementation it replaced);
 * JSON exactly JSON.stringify of the export object; a stream gets the same text with
 * backpressure; and a write error (a folder in the way, a full device) names the file.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { write as graphologyGexfWrite } from 'graphology-gexf';
import {
  buildGraph,
  coappearanceGexfChunks,
  coappearanceToGexf,
  csvNodeChunks,
  csvPlan,
  csvRelationshipChunks,
  layoutPositions,
  nodeLabels,
  toCsv,
  toGexf,
  toGexfChunks,
  toGraphml,
  toGraphmlChunks,
  toJson,
  toJsonChunks,
  toJsonExport,
  writeAllOutputs,
  writeChunksToFile,
  writeChunksToStream,
  writeExport,
  analyze,
  EXPORT_FORMATS,
  EXPORT_NAMES,
} from '../../src/graph';
import type { KgGraph } from '../../src/graph';
import { edgeProperties, nodeProperties } from '../../src/graph/props';
import { edgeWeight, labelColor, nodeSize, typeColor } from '../../src/graph/style';
import { lineEndRefs, xmlSafe } from '../../src/graph/xml';
import { extractFiles } from '../../src/pipeline';
import { hostileArticle } from './fixture';

const ROOT = resolve(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The GEXF of toGexf as graphology-gexf's write() produced it (the code the streaming writer replaced). */
function graphologyGexf(graph: KgGraph): string {
  const positions = layoutPositions(graph);
  const RESERVED = new Set(['type', 'labels', 'label', 'weight', 'kind', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness']);
  const attrName = (k: string) => (RESERVED.has(k) ? `prop_${k}` : k);
  const attrValue = (v: unknown) => (v === null || v === undefined ? null : Array.isArray(v) ? xmlSafe(JSON.stringify(v)) : typeof v === 'string' ? xmlSafe(v) : (v as number | boolean));
  const lists = new Set<string>();
  graph.forEachNode((_n, a) => {
    for (const [k, v] of Object.entries(nodeProperties(a))) if (Array.isArray(v)) lists.add(attrName(k));
  });
  graph.forEachEdge((_e, a) => {
    for (const [k, v] of Object.entries(edgeProperties(a))) if (Array.isArray(v)) lists.add(attrName(k));
  });
  const copy = graph.copy();
  copy.replaceAttributes({
    creator: 'zhkg',
    description: 'Officials, titles, organisations, places, projects and who inspected what (zhkg)',
    jsonlists: [...lists].sort().join(' '),
  } as never);
  return lineEndRefs(
    graphologyGexfWrite(copy, {
      version: '1.3',
      pretty: true,
      formatNode: (key, a) => {
        const attributes: Record<string, string | number | boolean> = { type: a.label, labels: `:${nodeLabels(a as never).join(':')}` };
        for (const [k, v] of Object.entries(nodeProperties(a as never))) {
          if (k === 'name') continue;
          const val = attrValue(v);
          if (val !== null) attributes[attrName(k)] = val;
        }
        const p = positions[key] ?? { x: 0, y: 0 };
        return { label: xmlSafe(a.name as string), attributes, viz: { color: labelColor(a.label as string), size: nodeSize(graph, key), x: p.x, y: p.y } };
      },
      formatEdge: (_key, a) => {
        const attributes: Record<string, string | number | boolean> = { type: a.type };
        for (const [k, v] of Object.entries(edgeProperties(a as never))) {
          const val = attrValue(v);
          if (val !== null) attributes[attrName(k)] = val;
        }
        return { label: a.type, kind: a.type, weight: edgeWeight(a.type as string, a.props as Record<string, unknown>), attributes, viz: { color: typeColor(a.type as string) } };
      },
    }),
  );
}

describe('graph/exports streamed (sink.ts)', function () {
  this.timeout(120000);
  let dir: string;
  // real text: the sample pages and 400 articles recombined from them by scripts/make-corpus
  // (deterministic; made here, as bench/ is not in the repository), plus the hostile fixture article
  const made = mkdtempSync(join(tmpdir(), 'zhkg-corpus400-'));
  const mk = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-corpus'), '--articles', '400', '--out', made], { encoding: 'utf8' });
  if (mk.status !== 0) throw new Error(`scripts/make-corpus failed: ${mk.stderr}`);
  const articles = [...extractFiles([join(ROOT, 'corpus'), made])];
  const graph = buildGraph([...articles, hostileArticle()], undefined, { keepArticles: false }).graph;
  const positions = layoutPositions(graph);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhkg-stream-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(made, { recursive: true, force: true });
  });

  it('the corpus graph is big enough to span many chunks', () => {
    expect(articles.length).to.be.greaterThan(400);
    expect([...toGexfChunks(graph, { positions })].length).to.be.greaterThan(100);
  });

  it('GEXF is exactly the text graphology-gexf writes (and small chunks change nothing)', () => {
    const expected = graphologyGexf(graph);
    expect(toGexf(graph, { positions })).to.equal(expected);
    const chunks = [...toGexfChunks(graph, { positions, chunkChars: 5000 })];
    expect(chunks.length).to.be.greaterThan(100);
    expect(chunks.every((c) => c.length < 5000 + 20000)).to.equal(true);
    expect(chunks.join('')).to.equal(expected);
  });

  it('JSON is exactly JSON.stringify of the export object, compact and pretty', () => {
    const doc = toJsonExport(graph);
    expect(toJson(graph)).to.equal(`${JSON.stringify(doc)}\n`);
    expect(toJson(graph, true)).to.equal(`${JSON.stringify(doc, null, 2)}\n`);
    expect([...toJsonChunks(graph, true, { chunkChars: 3000 })].join('')).to.equal(`${JSON.stringify(doc, null, 2)}\n`);
    const empty = buildGraph([]).graph;
    expect(toJson(empty, true)).to.equal(`${JSON.stringify({ nodes: [], relationships: [] }, null, 2)}\n`);
    expect(toJson(empty)).to.equal('{"nodes":[],"relationships":[]}\n');
  });

  it('GraphML and CSV chunks join to the string exports', () => {
    expect([...toGraphmlChunks(graph, { chunkChars: 4000 })].join('')).to.equal(toGraphml(graph));
    const plan = csvPlan(graph);
    const csv = toCsv(graph);
    expect([...csvNodeChunks(graph, plan, { chunkChars: 4000 })].join('')).to.equal(csv.nodes);
    expect([...csvRelationshipChunks(graph, plan, { chunkChars: 4000 })].join('')).to.equal(csv.relationships);
  });

  it('writeExport files are byte for byte the string exports (UTF-8)', () => {
    const bytes = (p: string) => readFileSync(p);
    expect(bytes(writeExport(graph, 'gexf', join(dir, 'g.gexf'), positions)[0]).equals(Buffer.from(toGexf(graph, { positions }), 'utf8'))).to.equal(true);
    expect(bytes(writeExport(graph, 'graphml', join(dir, 'g.graphml'))[0]).equals(Buffer.from(toGraphml(graph), 'utf8'))).to.equal(true);
    expect(bytes(writeExport(graph, 'json', join(dir, 'sub', 'g.json'))[0]).equals(Buffer.from(toJson(graph), 'utf8'))).to.equal(true);
    const csv = toCsv(graph);
    const [nodes, rels, imp] = writeExport(graph, 'csv', join(dir, 'csv'));
    expect(bytes(nodes).equals(Buffer.from(csv.nodes, 'utf8'))).to.equal(true);
    expect(bytes(rels).equals(Buffer.from(csv.relationships, 'utf8'))).to.equal(true);
    expect(readFileSync(imp, 'utf8')).to.contain(csv.importCommand);
    // the text holds Chinese (multi-byte UTF-8) across chunk boundaries
    expect(readFileSync(join(dir, 'g.gexf'), 'utf8')).to.match(/label="[\u4e00-\u9fff]+/);
  });

  it('writeChunksToFile: small and large chunks, multi-byte characters, come out as one UTF-8 text', () => {
    const chunks = ['二七区', 'a'.repeat(1000), '😀'.repeat(200_000), '郑州', '', 'é'.repeat(500_000), '陈红民\n'];
    const file = join(dir, 'raw.txt');
    writeChunksToFile(file, chunks);
    expect(readFileSync(file).equals(Buffer.from(chunks.join(''), 'utf8'))).to.equal(true);
  });

  it('the co-appearance GEXF streams to the same text', () => {
    const text = coappearanceToGexf(graph);
    expect(text).to.contain('<graph defaultedgetype="undirected">');
    expect([...coappearanceGexfChunks(graph, { chunkChars: 2000 })].join('')).to.equal(text);
  });

  it('writeAllOutputs writes every export and the co-appearance GEXF', () => {
    const out = join(dir, 'all');
    const { files } = writeAllOutputs(graph, analyze(graph), out);
    for (const f of EXPORT_FORMATS) expect(existsSync(join(out, EXPORT_NAMES[f]))).to.equal(true);
    expect(files).to.include(join(out, 'coappearance.gexf'));
    expect(readFileSync(join(out, 'coappearance.gexf'), 'utf8')).to.equal(coappearanceToGexf(graph));
  });

  it('a stream gets the same text, waiting for drain (backpressure)', async () => {
    const got: Buffer[] = [];
    let drains = 0;
    const sink = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        got.push(chunk);
        setImmediate(cb);
      },
    });
    sink.on('drain', () => drains++);
    await writeChunksToStream(sink, toJsonChunks(graph, false, { chunkChars: 8000 }));
    expect(Buffer.concat(got).toString('utf8')).to.equal(toJson(graph));
    expect(drains).to.be.greaterThan(1);
  });

  it('a folder in the way gives an error naming the path', () => {
    const target = join(dir, 'is-a-dir.json');
    mkdirSync(target);
    expect(() => writeExport(graph, 'json', target)).to.throw(`cannot write ${target}: EISDIR`);
    // CSV: a file where the folder should be
    writeChunksToFile(join(dir, 'plain'), ['x']);
    expect(() => writeExport(graph, 'csv', join(dir, 'plain'))).to.throw(`cannot write ${join(dir, 'plain')}`);
  });

  it('a full device (/dev/full) gives ENOSPC naming the path, from the library and from zhkg export', () => {
    expect(() => writeExport(graph, 'gexf', '/dev/full', positions)).to.throw(/^cannot write \/dev\/full: ENOSPC/);
    const r = spawnSync(process.execPath, [MAIN, 'export', '--format', 'graphml', '--out', '/dev/full', join(ROOT, 'corpus')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).to.not.equal(0);
    expect(r.stderr).to.match(/zhkg export: cannot write \/dev\/full: ENOSPC/);
  });

  it('zhkg export to stdout and to a file give the same bytes', () => {
    const file = join(dir, 'cli.json');
    const a = spawnSync(process.execPath, [MAIN, 'export', '--format', 'json', '--out', file, '--quiet', join(ROOT, 'corpus')], { cwd: ROOT });
    const b = spawnSync(process.execPath, [MAIN, 'export', '--format', 'json', '--quiet', join(ROOT, 'corpus')], { cwd: ROOT, maxBuffer: 1 << 28 });
    expect(a.status).to.equal(0);
    expect(b.status).to.equal(0);
    expect(readFileSync(file).equals(b.stdout)).to.equal(true);
    expect(readdirSync(dir)).to.include('cli.json');
  });
});
