/** The graph commands as a user runs them: zhkg analyze, zhkg export, zhkg regenerate --no-neo4j. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildGraph, csvToRecords, gexfToRecords, graphmlToRecords, jsonToRecords, parseCsv } from '../../src/graph';
import { fixtureArticles, hostileArticle } from './fixture';

const ROOT = resolve(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function zhkg(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEO4J_URI: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('graph CLI', function () {
  this.timeout(60000);
  let dir: string;
  let facts: string;
  const graph = buildGraph([...fixtureArticles(), hostileArticle()]).graph;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhkg-cli-graph-'));
    facts = join(dir, 'facts.jsonl');
    writeFileSync(facts, [...fixtureArticles(), hostileArticle()].map((a) => JSON.stringify(a)).join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('zhkg analyze prints the inspection table and the network', () => {
    const r = zhkg(['analyze', facts]);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.contain('== Inspections: who inspected which sites, when, how often ==');
    expect(r.stdout).to.match(/陈红民\s+棉纺东路20号院\s+Place\s+2\s+2024-09-19, 2024-10-02/);
    expect(r.stdout).to.contain('== Communities (Louvain, seed "zhkg") ==');
    expect(r.stderr).to.contain('graph 17 nodes, 32 relationships');
  });

  it('zhkg analyze --json is one JSON document, the same on every run; --csv writes the tables', () => {
    const csvDir = join(dir, 'analysis');
    const a = zhkg(['analyze', facts, '--json', '--csv', csvDir, '--quiet']);
    const b = zhkg(['analyze', facts, '--json', '--quiet']);
    expect(a.status, a.stderr).to.equal(0);
    expect(a.stdout).to.equal(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(Object.keys(doc)).to.deep.equal(['inspections', 'sites', 'coappearance', 'communities', 'officials']);
    expect(doc.inspections[0]).to.include({ person: '陈红民', site: '棉纺东路20号院', count: 2 });
    expect(readdirSync(csvDir).sort()).to.deep.equal([
      'coappearance-edges.csv', 'coappearance-nodes.csv', 'communities.csv', 'inspection-evidence.csv', 'inspections.csv', 'sites.csv', 'timelines.csv', 'titles.csv',
    ]);
    const rows = parseCsv(readFileSync(join(csvDir, 'inspections.csv'), 'utf8'));
    expect(rows[0].slice(0, 6)).to.deep.equal(['person_id', 'person', 'site_id', 'site', 'site_type', 'times']);
    expect(rows).to.have.length(1 + doc.inspections.length);
  });

  it('zhkg export writes each format, and each parses back with the same counts', () => {
    const read: Record<string, (p: string) => { nodes: unknown[]; edges: unknown[] }> = {
      gexf: (p) => gexfToRecords(readFileSync(p, 'utf8')),
      graphml: (p) => graphmlToRecords(readFileSync(p, 'utf8')),
      json: (p) => jsonToRecords(readFileSync(p, 'utf8')),
    };
    for (const f of Object.keys(read)) {
      const out = join(dir, `graph.${f}`);
      const r = zhkg(['export', '--format', f, '--out', out, facts]);
      expect(r.status, r.stderr).to.equal(0);
      const back = read[f](out);
      expect([back.nodes.length, back.edges.length], f).to.deep.equal([graph.order, graph.size]);
    }
    const csvDir = join(dir, 'csv');
    const r = zhkg(['export', '--format', 'csv', '--out', csvDir, facts]);
    expect(r.status, r.stderr).to.equal(0);
    const importTxt = readFileSync(join(csvDir, 'import.txt'), 'utf8');
    expect(importTxt).to.contain('neo4j-admin database import full');
    const back = csvToRecords(readFileSync(join(csvDir, 'nodes.csv'), 'utf8'), readFileSync(join(csvDir, 'relationships.csv'), 'utf8'), '\u001F');
    expect([back.nodes.length, back.edges.length]).to.deep.equal([graph.order, graph.size]);
  });

  it('zhkg export to stdout, and usage errors', () => {
    const r = zhkg(['export', '--format', 'json', facts]);
    expect(r.status).to.equal(0);
    expect(JSON.parse(r.stdout).nodes).to.have.length(graph.order);
    expect(zhkg(['export', facts]).status).to.equal(2);
    expect(zhkg(['export', '--format', 'dot', facts]).status).to.equal(2);
    expect(zhkg(['export', '--format', 'csv', facts]).status).to.equal(2);
  });

  it('zhkg regenerate --no-neo4j writes every output and prints who inspected which sites', () => {
    const out = join(dir, 'out');
    const r = zhkg(['regenerate', '--no-neo4j', '--out', out, facts]);
    expect(r.status, r.stderr).to.equal(0);
    for (const f of ['articles.jsonl', 'analysis.json', 'graph.gexf', 'graph.graphml', 'graph.json', 'csv/nodes.csv', 'csv/relationships.csv', 'csv/import.txt', 'coappearance.gexf', 'report.html', 'analysis/inspections.csv']) {
      expect(existsSync(join(out, f)), f).to.equal(true);
    }
    expect(readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n')).to.have.length(4);
    expect(r.stdout).to.contain('Who inspected which sites:');
    expect(r.stdout).to.match(/陈红民\s+棉纺东路20号院\s+Place\s+2/);
    expect(r.stdout).to.contain('graph:    17 nodes').and.contain('32 relationships');
    expect(r.stdout).to.contain('Neo4j: skipped (--no-neo4j)');
    // Not a terminal: plain progress lines, no carriage returns.
    expect(r.stderr).to.contain('regenerate: [1/5] extracting');
    expect(r.stderr).to.contain('regenerate: [5/5] writing report.html');
    expect(r.stderr).to.not.contain('\r');
  });

  it('zhkg regenerate over pages: its articles.jsonl is what zhkg extract writes, and its graph what zhkg export builds from it', () => {
    const out = join(dir, 'out-pages');
    const r = zhkg(['regenerate', '--no-neo4j', '--out', out, join(ROOT, 'corpus')]);
    expect(r.status, r.stderr).to.equal(0);
    const extracted = zhkg(['extract', join(ROOT, 'corpus'), '--quiet']);
    expect(extracted.status, extracted.stderr).to.equal(0);
    expect(extracted.stdout.split('\n').filter(Boolean).length).to.equal(11);
    expect(readFileSync(join(out, 'articles.jsonl'), 'utf8')).to.equal(extracted.stdout);
    // the graph regenerate built as the articles came equals the one built from the file afterwards
    const again = join(dir, 'again.json');
    expect(zhkg(['export', '--format', 'json', '--out', again, join(out, 'articles.jsonl')]).status).to.equal(0);
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).to.equal(readFileSync(again, 'utf8'));
  });

  it('zhkg regenerate with Neo4j unreachable: exit 3, the offline outputs are written all the same', () => {
    const out = join(dir, 'out-unreachable');
    const r = zhkg(['regenerate', '--out', out, facts], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-a-real-secret' });
    expect(r.status, r.stderr).to.equal(3);
    expect(r.stderr).to.contain('Neo4j: FAILED').and.contain('127.0.0.1:1');
    expect(r.stderr + r.stdout).to.not.contain('not-a-real-secret');
    expect(existsSync(join(out, 'report.html'))).to.equal(true);
    expect(existsSync(join(out, 'csv', 'nodes.csv'))).to.equal(true);
  });
});
