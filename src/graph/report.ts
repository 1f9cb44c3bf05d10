/**
 * The HTML report (graph/out/report.html): one self-contained file that opens from disk. The
 * script (src/report/client.js: sigma over Graphology, search, evidence panel) is bundled by
 * esbuild and inlined; the graph is embedded as JSON in a <script type="application/json">
 * block. Tables (inspections, most-inspected sites, officials' titles) are plain HTML, readable
 * without JavaScript.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KgGraph } from './build';
import { nodeLabels, graphCounts } from './build';
import type { Analysis } from './analyze';
import { labelColor, layoutPositions, nodeSize, typeColor, LABEL_COLORS } from './style';
import type { Positions } from './style';

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside a <script> element: every "<" becomes \u003c (so no "</script" and
 * no "<!--" can appear), and U+2028/U+2029 are escaped. JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Make bundled JS safe to inline: a "</script" or "<!--" inside a string literal is re-spelt. */
export function scriptSafeJs(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
}

function clientEntry(): string {
  const candidates = [join(__dirname, '..', '..', '..', 'src', 'report', 'client.js'), join(__dirname, '..', 'report', 'client.js')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`report: client script not found (looked in ${candidates.join(', ')})`);
  return found;
}

let bundleCache: string | null = null;

/** The client bundle (esbuild, minified IIFE), built once per process. */
export function clientBundle(): string {
  if (bundleCache !== null) return bundleCache;
  // esbuild is needed only here: loaded lazily so the rest of the library does not require it.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require('esbuild') as typeof import('esbuild');
  const res = esbuild.buildSync({
    entryPoints: [clientEntry()],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  bundleCache = scriptSafeJs(res.outputFiles[0].text);
  return bundleCache;
}

export interface ReportData {
  nodes: {
    id: string;
    name: string;
    label: string;
    labels: string[];
    aliases: string[];
    x: number;
    y: number;
    size: number;
    color: string;
    /** Louvain community of a person in the co-appearance network (0: not in it). */
    community: number;
  }[];
  edges: { id: string; source: string; target: string; type: string; color: string; props: Record<string, unknown> }[];
}

/** Most nodes the report's graph shows: a browser draws a few thousand nodes, not the whole graph. */
export const REPORT_MAX_NODES = 3000;
/** Most relationships among the shown nodes (inspection facts first). */
export const REPORT_MAX_EDGES = 20000;
/** Most rows per table in the report; the full tables are in analysis.json and analysis/. */
export const REPORT_MAX_ROWS = 1000;

/** Most evidence sentences per inspection row, and members per community row, in the tables. */
const MAX_EVIDENCE = 20;
const MAX_MEMBERS = 200;

/** The relationship types the report is mainly about: who inspected what, with whom. */
const INSPECTION_TYPES = new Set(['INSPECTED', 'ACCOMPANIED']);

export interface ReportSelection {
  /** Node ids shown, in the graph's node order. */
  nodes: string[];
  /** Edge ids shown (both ends shown), in the graph's edge order. */
  edges: string[];
  totalNodes: number;
  totalEdges: number;
  /** Nodes in inspection facts (ends of INSPECTED / ACCOMPANIED), in the graph and shown. */
  factNodes: number;
  factNodesShown: number;
}

/**
 * The bounded subgraph the report shows: first the nodes in inspection facts (both ends of every
 * INSPECTED and ACCOMPANIED relationship: officials, sites, accompanying persons; by number of
 * such facts if even they do not fit), then the other nodes by degree (ties by id), up to
 * maxNodes; then the relationships among them, inspection facts first, up to maxEdges.
 * Linear in the graph plus a sort of its node ids; nothing is left out of a graph that fits.
 */
export function reportSelection(graph: KgGraph, opts: { maxNodes?: number; maxEdges?: number } = {}): ReportSelection {
  const maxNodes = opts.maxNodes ?? REPORT_MAX_NODES;
  const maxEdges = opts.maxEdges ?? REPORT_MAX_EDGES;
  const totalNodes = graph.order;
  const totalEdges = graph.size;
  const facts = new Map<string, number>(); // node -> inspection facts it is in
  graph.forEachEdge((_e, a, s, t) => {
    if (!INSPECTION_TYPES.has(a.type)) return;
    facts.set(s, (facts.get(s) ?? 0) + 1);
    if (t !== s) facts.set(t, (facts.get(t) ?? 0) + 1);
  });
  if (totalNodes <= maxNodes && totalEdges <= maxEdges) {
    return { nodes: graph.nodes(), edges: graph.edges(), totalNodes, totalEdges, factNodes: facts.size, factNodesShown: facts.size };
  }
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const chosen = new Set<string>();
  if (totalNodes <= maxNodes) graph.forEachNode((n) => void chosen.add(n));
  else {
    const first = [...facts.keys()].sort((a, b) => (facts.get(b) as number) - (facts.get(a) as number) || byId(a, b));
    for (const n of first) {
      if (chosen.size >= maxNodes) break;
      chosen.add(n);
    }
    if (chosen.size < maxNodes) {
      const rest: { id: string; degree: number }[] = [];
      graph.forEachNode((n) => {
        if (!chosen.has(n)) rest.push({ id: n, degree: graph.degree(n) });
      });
      rest.sort((a, b) => b.degree - a.degree || byId(a.id, b.id));
      for (const r of rest) {
        if (chosen.size >= maxNodes) break;
        chosen.add(r.id);
      }
    }
  }
  // relationships among the chosen nodes: inspection facts first, then the others, in graph order
  const keep = new Set<string>();
  for (const pass of [true, false]) {
    for (const n of chosen) {
      if (keep.size >= maxEdges) break;
      graph.forEachOutEdge(n, (e, a, _s, t) => {
        if (keep.size < maxEdges && INSPECTION_TYPES.has(a.type) === pass && chosen.has(t)) keep.add(e);
      });
    }
  }
  const nodes = graph.filterNodes((n) => chosen.has(n));
  const edges = keep.size === 0 ? [] : graph.filterEdges((e) => keep.has(e));
  let factNodesShown = 0;
  for (const n of facts.keys()) if (chosen.has(n)) factNodesShown++;
  return { nodes, edges, totalNodes, totalEdges, factNodes: facts.size, factNodesShown };
}

export function reportData(graph: KgGraph, positions: Positions, analysis?: Analysis, selection?: ReportSelection): ReportData {
  const community = new Map((analysis?.coappearance.nodes ?? []).map((n) => [n.id, n.community]));
  const nodeIds = selection ? selection.nodes : graph.nodes();
  const edgeIds = selection ? selection.edges : graph.edges();
  return {
    nodes: nodeIds.map((id) => {
      const a = graph.getNodeAttributes(id);
      return {
        id,
        name: a.name,
        label: a.label,
        labels: nodeLabels(a),
        aliases: Array.isArray(a.props.aliases) ? (a.props.aliases as string[]) : [],
        x: positions[id]?.x ?? 0,
        y: positions[id]?.y ?? 0,
        size: nodeSize(graph, id),
        color: labelColor(a.label),
        community: community.get(id) ?? 0,
      };
    }),
    edges: edgeIds.map((id) => {
      const a = graph.getEdgeAttributes(id);
      return {
        id,
        source: graph.source(id),
        target: graph.target(id),
        type: a.type,
        color: typeColor(a.type),
        props: {
          articleId: a.props.articleId ?? null,
          date: a.props.date ?? null,
          sentence: a.props.sentence ?? null,
          ruleId: a.props.ruleId ?? null,
          count: a.props.count ?? null,
        },
      };
    }),
  };
}

/** The first REPORT_MAX_ROWS rows, and a visible note of how many were left out. */
function capped<T>(rows: T[], maxRows: number, where: string): { rows: T[]; note: string } {
  if (rows.length <= maxRows) return { rows, note: '' };
  return {
    rows: rows.slice(0, maxRows),
    note: `<p class="notice">Showing the first ${maxRows} of ${rows.length} rows; all of them are in ${escapeHtml(where)}.</p>`,
  };
}

function table(headers: string[], rows: string[][], cls: string): string {
  if (rows.length === 0) return `<p class="empty">None found.</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222}
header{padding:10px 16px;border-bottom:1px solid #ddd;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0}header .counts{color:#666}
#main{display:flex;height:70vh;min-height:420px}#graph{flex:1;position:relative;border-right:1px solid #ddd}
#side{width:380px;overflow:auto;padding:10px 14px}#search{width:100%;padding:6px 8px;font-size:14px}
#search-results{padding-left:18px;margin:6px 0}#search-count{color:#666;font-size:12px}
.legend span{display:inline-block;margin-right:10px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:-1px}
.evidence-list{padding-left:18px}.ev{margin:6px 0}.rel{font-weight:600;font-size:12px;color:#555}
blockquote.sentence{margin:4px 0;padding:4px 8px;background:#f6f6f6;border-left:3px solid #e15759}
.meta{color:#777;font-size:12px}.notice{margin:6px 16px;padding:6px 10px;background:#fff8e1;border:1px solid #f0d68a}.hint,.empty{color:#777}.error{color:#b00;padding:16px}
section{padding:10px 16px}table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
`;

export interface ReportOptions {
  positions?: Positions;
  /** Most nodes in the report's graph (default REPORT_MAX_NODES). */
  maxNodes?: number;
  /** Most relationships in the report's graph (default REPORT_MAX_EDGES). */
  maxEdges?: number;
  /** Most rows per table (default REPORT_MAX_ROWS). */
  maxRows?: number;
  title?: string;
  generatedAt?: string;
}

export function buildReport(graph: KgGraph, analysis: Analysis, opts: ReportOptions = {}): string {
  const positions = opts.positions ?? layoutPositions(graph);
  const counts = graphCounts(graph);
  const title = opts.title ?? 'zhkg report';
  const selection = reportSelection(graph, { maxNodes: opts.maxNodes, maxEdges: opts.maxEdges });
  const shownAll = selection.nodes.length === selection.totalNodes && selection.edges.length === selection.totalEdges;
  const notice = shownAll
    ? ''
    : `<p class="notice" id="report-notice">The graph view shows ${selection.nodes.length} of ${selection.totalNodes} nodes and ` +
      `${selection.edges.length} of ${selection.totalEdges} relationships: first the officials, sites and persons in inspection facts ` +
      `(${selection.factNodesShown === selection.factNodes ? `all ${selection.factNodes}` : `${selection.factNodesShown} of ${selection.factNodes}, those in most facts`}), ` +
      `then the most connected other nodes, and the relationships among them (inspections first). ` +
      `The full graph is in graph.gexf (also graph.graphml, graph.json, csv/).</p>`;
  const maxRows = opts.maxRows ?? REPORT_MAX_ROWS;
  const insp = capped(analysis.inspections, maxRows, 'analysis.json and analysis/');
  const sitesCapped = capped(analysis.sites, maxRows, 'analysis.json and analysis/');
  const officialsCapped = capped(analysis.officials, maxRows, 'analysis.json and analysis/');
  const communitiesCapped = capped(analysis.communities, maxRows, 'analysis.json and analysis/');
  const inspectionRows = insp.rows.map((r) => [
    escapeHtml(r.person),
    `${escapeHtml(r.site)} <span class="meta">${escapeHtml(r.siteLabel)}</span>`,
    String(r.count),
    escapeHtml(r.dates.join(', ') || '—'),
    escapeHtml([...new Set(r.visits.map((v) => v.articleId))].join(', ')),
    r.visits.slice(0, MAX_EVIDENCE).map((v) => (v.sentence ? `<div>${escapeHtml(v.sentence)}</div>` : '')).join('') +
      (r.visits.length > MAX_EVIDENCE ? `<div class="meta">… ${r.visits.length - MAX_EVIDENCE} more</div>` : ''),
  ]);
  const siteRows = sitesCapped.rows.map((s) => [
    `${escapeHtml(s.site)} <span class="meta">${escapeHtml(s.siteLabel)}</span>`,
    String(s.inspections),
    escapeHtml(s.inspectors.join('、')),
    escapeHtml([s.firstDate, s.lastDate].filter(Boolean).join(' – ') || '—'),
  ]);
  const officialRows = officialsCapped.rows.map((o) => [
    escapeHtml(o.person),
    escapeHtml(o.titles.map((t) => `${t.title} (${[t.firstDate, t.lastDate].filter(Boolean).join(' – ') || 'undated'})`).join('; ') || '—'),
    String(o.events.length),
  ]);
  const networkRows = analysis.coappearance.nodes.slice(0, 30).map((n) => [
    escapeHtml(n.name),
    String(n.weightedDegree),
    String(n.betweenness),
    String(n.community),
  ]);
  const legend = Object.entries(LABEL_COLORS)
    .map(([l, c]) => `<span><i style="background:${c}"></i>${escapeHtml(l)} ${counts.labels[l] ?? 0}</span>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zhkg">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>
<span class="counts" id="counts">${counts.nodes} nodes · ${counts.edges} relationships · ${analysis.inspections.length} inspection pairs</span>
<span class="legend">${legend}</span>${opts.generatedAt ? `<span class="meta">generated ${escapeHtml(opts.generatedAt)}</span>` : ''}</header>${notice}
<div id="main">
<div id="graph"></div>
<div id="side">
<input id="search" type="search" placeholder="Search names (e.g. 陈红民)" autocomplete="off">
<label class="meta">Colour by <select id="colour-by"><option value="type">type</option><option value="community">community (persons)</option></select></label>
<div id="search-count"></div>
<ul id="search-results"></ul>
<div id="evidence"></div>
</div>
</div>
<section><h2>Inspections (who inspected which sites)</h2>
${insp.note}${table(['Official', 'Site', 'Times', 'Dates', 'Articles', 'Evidence'], inspectionRows, 'inspections')}</section>
<section><h2>Most-inspected sites</h2>
${sitesCapped.note}${table(['Site', 'Inspections', 'Inspected by', 'Dates'], siteRows, 'sites')}</section>
<section><h2>Officials: titles over time</h2>
${officialsCapped.note}${table(['Official', 'Titles (first – last seen)', 'Articles'], officialRows, 'officials')}</section>
<section><h2>Co-appearance network (top 30 by weighted degree)</h2>
${table(['Person', 'Weighted degree', 'Betweenness', 'Community'], networkRows, 'network')}</section>
<section><h2>Communities (Louvain, seeded)</h2>
${communitiesCapped.note}${table(['Community', 'Size', 'Members'], communitiesCapped.rows.map((c) => [String(c.id), String(c.size), escapeHtml(c.members.slice(0, MAX_MEMBERS).join('、')) + (c.members.length > MAX_MEMBERS ? ` <span class="meta">… ${c.members.length - MAX_MEMBERS} more</span>` : '')]), 'communities')}</section>
<script type="application/json" id="zhkg-data">${scriptSafeJson(reportData(graph, positions, analysis, selection))}</script>
<script>${clientBundle()}</script>
</body>
</html>
`;
}
