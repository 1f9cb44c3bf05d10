/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core, with a
 * fresh profile. Checks the graph is drawn (sigma canvases, node colours in a screenshot), search,
 * click-to-see-evidence, that hostile strings are shown as text (no script runs), and that the
 * page loads nothing from outside. Screenshots are kept in tests/artifacts/ (git-ignored).
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { analyze, buildGraph, buildReport, scriptSafeJson } from '../../src/graph';
import { extractFiles } from '../../src/pipeline';

/* The page's globals, typed loosely: the test build has no DOM typings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any, Image: any;
import { fixtureArticles, hostileArticle, HOSTILE } from './fixture';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = resolve(__dirname, '..', '..', '..', 'tests', 'artifacts');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** Share of the screenshot's pixels close to a colour (decoded by the browser itself). */
async function colourShare(page: Page, png: Buffer, hex: string): Promise<number> {
  return page.evaluate(
    async ({ b64, hex }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let hits = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 24 && Math.abs(d[i + 1] - g) < 24 && Math.abs(d[i + 2] - b) < 24) hits++;
      return hits / (d.length / 4);
    },
    { b64: png.toString('base64'), hex },
  );
}

describe('graph/report in headless Chromium', function () {
  this.timeout(120000);
  let context: BrowserContext;
  let profile: string;
  let workDir: string;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run ./scripts/setup (apt-get install chromium)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'zhkg-chromium-profile-'));
    workDir = mkdtempSync(join(tmpdir(), 'zhkg-report-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Opened> {
    const page = await context.newPage();
    const opened: Opened = { page, requests: [], dialogs: [], errors: [] };
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => opened.errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    return opened;
  }

  describe('the fixture report (hostile strings included)', () => {
    const articles = [...fixtureArticles(), hostileArticle()];
    const { graph } = buildGraph(articles);
    let o: Opened;

    before(async () => {
      const file = join(workDir, 'report.html');
      writeFileSync(file, buildReport(graph, analyze(graph), { title: `zhkg report ${HOSTILE}` }));
      writeFileSync(join(ARTIFACTS, 'report-fixture.html'), buildReport(graph, analyze(graph)));
      o = await open(file);
    });

    it('embeds the data so that no "</script" or "<!--" can end the script block', () => {
      const json = scriptSafeJson({ s: HOSTILE });
      expect(json).to.not.match(/<\/script|<!--/i);
      expect(JSON.parse(json)).to.deep.equal({ s: HOSTILE });
    });

    it('loads from disk with nothing fetched from outside, no error, no injected script', async () => {
      expect(o.errors).to.deep.equal([]);
      expect(o.dialogs).to.deep.equal([]);
      expect(o.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).to.deep.equal([]);
      // The hostile strings are shown as text.
      const tableText = await o.page.textContent('table.inspections');
      expect(tableText).to.contain('<script>alert(1)</script>');
      expect(await o.page.title()).to.equal(`zhkg report ${HOSTILE}`.replace(/\s+/g, ' ').trim());
    });

    it('draws every node with sigma (canvases, counts on window, node colours on screen)', async () => {
      const info = await o.page.evaluate(() => {
        const z = (window as unknown as { zhkg: { nodeCount: number; edgeCount: number; renderError: string | null } }).zhkg;
        return { nodes: z.nodeCount, edges: z.edgeCount, error: z.renderError, canvases: document.querySelectorAll('#graph canvas').length };
      });
      expect(info).to.deep.equal({ nodes: graph.order, edges: graph.size, error: null, canvases: info.canvases });
      expect(info.canvases).to.be.greaterThan(0);
      const shot = await o.page.locator('#graph').screenshot();
      // Person nodes are red (#e15759), Places green (#59a14f): both must be on screen.
      expect(await colourShare(o.page, shot, '#e15759')).to.be.greaterThan(0.0005);
      expect(await colourShare(o.page, shot, '#59a14f')).to.be.greaterThan(0.0001);
      await o.page.screenshot({ path: join(ARTIFACTS, 'report-fixture.png'), fullPage: true });
    });

    it('colours nodes by type, or persons by co-appearance community', async () => {
      const colour = () => o.page.evaluate(() => window.zhkg.renderer.getNodeDisplayData('person:陈红民').color);
      expect(await colour()).to.equal('#e15759');
      await o.page.selectOption('#colour-by', 'community');
      expect(await colour()).to.equal('#4e79a7'); // community 1, the largest
      expect(await o.page.evaluate(() => window.zhkg.renderer.getNodeDisplayData('page1#1').color)).to.equal('#d0d0d0');
      await o.page.selectOption('#colour-by', 'type');
      expect(await colour()).to.equal('#e15759');
      expect(await o.page.textContent('table.communities')).to.contain('张伟、王芳、陈红民');
    });

    it('searches names and aliases', async () => {
      await o.page.fill('#search', '陈红民同志');
      await o.page.waitForFunction(() => document.querySelector('#search-count')?.textContent === '1 match');
      expect(await o.page.textContent('#evidence h2')).to.equal('陈红民');
      await o.page.fill('#search', '二七区');
      const n = await o.page.evaluate(() => document.querySelectorAll('#search-results li').length);
      expect(n).to.equal(graph.filterNodes((id, a) => a.name.includes('二七区') || id.includes('二七区') || ((a.props.aliases as string[] | undefined) ?? []).some((s) => s.includes('二七区'))).length);
      await o.page.fill('#search', 'no such name 无此人');
      expect(await o.page.textContent('#search-count')).to.equal('0 matches');
      await o.page.fill('#search', '');
    });

    it('shows the evidence sentences and rule ids of a node clicked in the graph', async () => {
      await o.page.evaluate(() => window.zhkg.select(null));
      // The search above moved the camera: wait until it stands still before reading positions.
      await o.page.waitForFunction(() => !window.zhkg.renderer.getCamera().isAnimated());
      const box = (await o.page.locator('#graph').boundingBox())!;
      const pos = await o.page.evaluate(() =>
        (window as unknown as { zhkg: { nodeViewportPosition(n: string): { x: number; y: number } } }).zhkg.nodeViewportPosition('place:棉纺东路20号院'),
      );
      await o.page.mouse.click(box.x + pos.x, box.y + pos.y);
      await o.page.waitForFunction(() => document.querySelector('#evidence h2')?.textContent === '棉纺东路20号院', undefined, { timeout: 5000 });
      const text = (await o.page.textContent('#evidence'))!;
      expect(text).to.contain('9月19日，区委书记陈红民到棉纺东路20号院调研老旧小区改造。');
      expect(text).to.contain('rule rel/inspect-dao');
      expect(text).to.contain('rule rel/inspect-chakan');
      const items = await o.page.evaluate(() => [...document.querySelectorAll('#evidence li.ev')].map((li: { className: string }) => li.className));
      expect(items.filter((c) => c.includes('ev-INSPECTED'))).to.have.length(3);
      await o.page.waitForFunction(() => !window.zhkg.renderer.getCamera().isAnimated());
      await o.page.screenshot({ path: join(ARTIFACTS, 'report-fixture-selected.png') });
    });
  });

  describe('the corpus report', () => {
    it('opens and draws the corpus graph', async () => {
      const articles = [...extractFiles(['corpus'])];
      const { graph } = buildGraph(articles);
      const file = join(workDir, 'corpus-report.html');
      writeFileSync(file, buildReport(graph, analyze(graph)));
      const o = await open(file);
      expect(o.errors).to.deep.equal([]);
      const z = await o.page.evaluate(() => {
        const w = (window as unknown as { zhkg: { nodeCount: number; renderError: string | null } }).zhkg;
        return { nodes: w.nodeCount, error: w.renderError };
      });
      expect(z).to.deep.equal({ nodes: graph.order, error: null });
      await o.page.screenshot({ path: join(ARTIFACTS, 'report-corpus.png'), fullPage: false });
      await o.page.close();
    });
  });
});
