/**
 * The report's graph is bounded: a browser draws a few thousand nodes, and a 200,000-article
 * graph embedded whole would exceed V8's largest string. Above the cap the report shows the nodes
 * of inspection facts first, then the most connected ones, only the relationships (and evidence
 * sentences) among them, and says what was left out. The sample corpus is shown whole.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { analyze, buildGraph, buildReport } from '../../src/graph';
import type { KgGraph } from '../../src/graph';
import { reportSelection, REPORT_MAX_NODES } from '../../src/graph/report';
import type { ReportData } from '../../src/graph/report';
import { extractFiles } from '../../src/pipeline';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The graph data embedded in a report (the JSON block sigma reads). */
function embedded(html: string): ReportData {
  const m = /<script type="application\/json" id="zhkg-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no zhkg-data block in the report');
  return JSON.parse(m[1]) as ReportData;
}

/** Ids of the INSPECTED / ACCOMPANIED relationships and the nodes at their ends. */
function inspectionFacts(graph: KgGraph): { edges: string[]; nodes: Set<string> } {
  const edges: string[] = [];
  const nodes = new Set<string>();
  graph.forEachEdge((e, a, s, t) => {
    if (a.type !== 'INSPECTED' && a.type !== 'ACCOMPANIED') return;
    edges.push(e);
    nodes.add(s);
    nodes.add(t);
  });
  return { edges, nodes };
}

describe('graph/report: bounded graph view', function () {
  this.timeout(120000);
  const { graph } = buildGraph([...extractFiles(['corpus'])]);
  const analysis = analyze(graph);
  const facts = inspectionFacts(graph);

  it('the sample corpus has inspection facts and more nodes than they touch (the premise of the tests below)', () => {
    expect(facts.edges.length).to.be.greaterThan(5);
    expect(graph.order).to.be.greaterThan(facts.nodes.size + 20);
    expect(graph.order).to.be.lessThan(REPORT_MAX_NODES);
  });

  it('leaves nothing out of the sample corpus, and says nothing about leaving out', () => {
    const html = buildReport(graph, analysis);
    const data = embedded(html);
    expect(data.nodes.map((n) => n.id)).to.deep.equal(graph.nodes());
    expect(data.edges.map((e) => e.id)).to.deep.equal(graph.edges());
    expect(html).not.to.contain('id="report-notice"');
    expect(html).not.to.contain('Showing the first');
  });

  it('above the cap: at most the cap of nodes, every inspection fact (they fit), the most connected others, and the notice', () => {
    const cap = facts.nodes.size + 10;
    const html = buildReport(graph, analysis, { maxNodes: cap });
    const data = embedded(html);
    const ids = new Set(data.nodes.map((n) => n.id));
    expect(data.nodes.length).to.equal(cap);
    for (const n of facts.nodes) expect(ids.has(n), n).to.equal(true);
    const edgeIds = new Set(data.edges.map((e) => e.id));
    for (const e of facts.edges) expect(edgeIds.has(e), e).to.equal(true);
    // only relationships among the shown nodes, with their own evidence
    for (const e of data.edges) {
      expect(ids.has(e.source) && ids.has(e.target), e.id).to.equal(true);
      expect(e.props.sentence ?? null).to.equal(graph.getEdgeAttribute(e.id, 'props').sentence ?? null);
    }
    let inside = 0;
    graph.forEachEdge((_e, _a, s, t) => void (ids.has(s) && ids.has(t) && inside++));
    expect(data.edges.length).to.equal(inside);
    // the 10 others are the most connected nodes outside the inspection facts
    const others = graph.filterNodes((n) => !facts.nodes.has(n)).map((n) => graph.degree(n)).sort((a, b) => b - a);
    const shownOthers = data.nodes.filter((n) => !facts.nodes.has(n.id)).map((n) => graph.degree(n.id)).sort((a, b) => b - a);
    expect(shownOthers).to.deep.equal(others.slice(0, 10));
    // the notice, as visible text
    expect(html).to.contain(`shows ${cap} of ${graph.order} nodes and ${data.edges.length} of ${graph.size} relationships`);
    expect(html).to.contain(`in inspection facts (all ${facts.nodes.size})`);
    expect(html).to.contain('The full graph is in graph.gexf');
  });

  it('when even the inspection facts do not fit: the cap holds, and only their nodes are shown', () => {
    const cap = Math.floor(facts.nodes.size / 2);
    const sel = reportSelection(graph, { maxNodes: cap });
    expect(sel.nodes.length).to.equal(cap);
    for (const n of sel.nodes) expect(facts.nodes.has(n), n).to.equal(true);
    expect(sel.totalNodes).to.equal(graph.order);
    expect(sel.factNodesShown).to.equal(cap);
    expect(sel.factNodes).to.equal(facts.nodes.size);
    const html = buildReport(graph, analysis, { maxNodes: cap });
    expect(embedded(html).nodes.length).to.equal(cap);
    expect(html).to.contain(`(${cap} of ${facts.nodes.size}, those in most facts)`);
  });

  it('caps the relationships too, inspection facts first', () => {
    const sel = reportSelection(graph, { maxEdges: facts.edges.length + 3 });
    expect(sel.nodes.length).to.equal(graph.order);
    expect(sel.edges.length).to.equal(facts.edges.length + 3);
    for (const e of facts.edges) expect(sel.edges).to.include(e);
  });

  it('caps the tables and says so', () => {
    const rows = analysis.inspections.length;
    expect(rows).to.be.greaterThan(3);
    const html = buildReport(graph, analysis, { maxRows: 3 });
    expect(html).to.contain(`Showing the first 3 of ${rows} rows`);
    expect((/<table class="inspections">[\s\S]*?<\/table>/.exec(html)?.[0].match(/<tr>/g) ?? []).length).to.equal(1 + 3);
  });

  it('draws the bounded graph in Chromium, with the notice on screen', async () => {
    const cap = facts.nodes.size + 10;
    const dir = mkdtempSync(join(tmpdir(), 'zhkg-report-bounded-'));
    const profile = mkdtempSync(join(tmpdir(), 'zhkg-chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, buildReport(graph, analysis, { maxNodes: cap }));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      const z = await page.evaluate(() => ({
        nodes: window.zhkg.nodeCount,
        error: window.zhkg.renderError,
        notice: document.getElementById('report-notice')?.innerText ?? '',
      }));
      expect(errors).to.deep.equal([]);
      expect(z.error).to.equal(null);
      expect(z.nodes).to.equal(cap);
      expect(z.notice).to.contain(`shows ${cap} of ${graph.order} nodes`);
      expect(await page.isVisible('#report-notice')).to.equal(true);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
