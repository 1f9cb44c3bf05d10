// @ts-nocheck
/**
 * The HTML report's script (bundled by esbuild into report.html; see src/graph/report.ts).
 * Reads the embedded graph (<script type="application/json" id="zhkg-data">), draws it with sigma
 * over a Graphology graph, wires the search box and the click-to-see-evidence panel, and exposes
 * window.zhkg (node/edge counts, search(), select()) for tests and curious analysts.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';

const data = JSON.parse(document.getElementById('zhkg-data').textContent);

const graph = new MultiDirectedGraph();
for (const n of data.nodes) {
  graph.addNode(n.id, {
    label: n.name,
    x: n.x,
    y: n.y,
    size: n.size,
    color: n.color,
    nodeLabel: n.label,
    labels: n.labels,
    aliases: n.aliases,
    community: n.community,
  });
}
for (const e of data.edges) {
  if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
  graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
    relType: e.type,
    color: e.color,
    size: e.type === 'MENTIONS' ? 0.5 : 1.5,
    props: e.props,
  });
}

const state = { query: '', matches: new Set(), selected: null, neighbours: new Set(), colourBy: 'type' };

const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
/** A node's colour in the current mode: by type, or (persons) by co-appearance community. */
function colourOf(attrs) {
  if (state.colourBy !== 'community') return attrs.color;
  return attrs.community > 0 ? COMMUNITY_COLOURS[(attrs.community - 1) % COMMUNITY_COLOURS.length] : '#d0d0d0';
}

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const x = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) x.setAttribute(k, v);
  for (const c of children) x.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return x;
};

let renderer = null;
let renderError = null;
try {
  renderer = new Sigma(graph, $('graph'), {
    renderEdgeLabels: false,
    defaultEdgeType: 'arrow',
    labelRenderedSizeThreshold: 8,
    nodeReducer: (node, attrs) => {
      const out = { ...attrs, color: colourOf(attrs) };
      const focus = state.selected || state.matches.size > 0;
      if (!focus) return out;
      const lit = node === state.selected || state.neighbours.has(node) || state.matches.has(node);
      if (lit) {
        out.highlighted = node === state.selected || state.matches.has(node);
        out.zIndex = 1;
      } else {
        out.color = '#e6e6e6';
        out.label = '';
        out.zIndex = 0;
      }
      return out;
    },
    edgeReducer: (edge, attrs) => {
      const out = { ...attrs };
      if (state.selected) {
        const [s, t] = graph.extremities(edge);
        if (s !== state.selected && t !== state.selected) out.hidden = true;
      }
      return out;
    },
  });
  renderer.on('clickNode', ({ node }) => select(node));
  renderer.on('clickStage', () => select(null));
} catch (err) {
  renderError = String(err && err.message ? err.message : err);
  $('graph').append(el('p', { class: 'error' }, `The graph cannot be drawn here (${renderError}); search, evidence and tables still work.`));
}

function focusOn(node) {
  if (!renderer || !node) return;
  const d = renderer.getNodeDisplayData(node);
  if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: 0.5 }, { duration: 300 });
}

function describeEdge(edge, node) {
  const [s, t] = graph.extremities(edge);
  const a = graph.getEdgeAttributes(edge);
  const other = s === node ? t : s;
  const dir = s === node ? '→' : '←';
  const p = a.props || {};
  const li = el('li', { class: `ev ev-${a.relType}`, 'data-edge': edge });
  li.append(el('span', { class: 'rel' }, `${a.relType} ${dir} `));
  const link = el('a', { href: '#', 'data-node': other }, graph.getNodeAttribute(other, 'label') || other);
  link.addEventListener('click', (ev) => {
    ev.preventDefault();
    select(other);
  });
  li.append(link);
  if (p.sentence) li.append(el('blockquote', { class: 'sentence' }, p.sentence));
  const meta = [p.ruleId ? `rule ${p.ruleId}` : null, p.articleId ? `article ${p.articleId}` : null, p.date ? `date ${p.date}` : null, p.count ? `${p.count} mention${p.count === 1 ? '' : 's'}` : null]
    .filter(Boolean)
    .join(' · ');
  if (meta) li.append(el('div', { class: 'meta' }, meta));
  return li;
}

function select(node) {
  state.selected = node && graph.hasNode(node) ? node : null;
  state.neighbours = new Set(state.selected ? graph.neighbors(state.selected) : []);
  const panel = $('evidence');
  panel.replaceChildren();
  if (!state.selected) {
    panel.append(el('p', { class: 'hint' }, 'Click a node (or a search result) to see the evidence for its relationships.'));
  } else {
    const a = graph.getNodeAttributes(state.selected);
    panel.append(el('h2', {}, a.label || state.selected));
    panel.append(el('div', { class: 'meta' }, `${(a.labels || [a.nodeLabel]).join(' · ')} · ${state.selected}`));
    if (a.aliases && a.aliases.length > 1) panel.append(el('div', { class: 'meta' }, `aliases: ${a.aliases.join('、')}`));
    const edges = graph.edges(state.selected).slice();
    const rank = (e) => (graph.getEdgeAttribute(e, 'relType') === 'MENTIONS' ? 1 : 0);
    edges.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
    const ul = el('ul', { class: 'evidence-list' });
    for (const e of edges) ul.append(describeEdge(e, state.selected));
    panel.append(el('div', { class: 'meta' }, `${edges.length} relationships`));
    panel.append(ul);
    focusOn(state.selected);
  }
  if (renderer) renderer.refresh();
  return state.selected;
}

function search(q) {
  state.query = (q || '').trim().toLowerCase();
  state.matches = new Set();
  const list = $('search-results');
  list.replaceChildren();
  if (state.query) {
    graph.forEachNode((n, a) => {
      const names = [a.label || '', ...(a.aliases || [])].map((s) => String(s).toLowerCase());
      if (names.some((s) => s.includes(state.query)) || n.toLowerCase().includes(state.query)) state.matches.add(n);
    });
    for (const n of [...state.matches].slice(0, 50)) {
      const a = el('a', { href: '#', 'data-node': n }, `${graph.getNodeAttribute(n, 'label')} (${graph.getNodeAttribute(n, 'nodeLabel')})`);
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        select(n);
      });
      list.append(el('li', {}, a));
    }
  }
  $('search-count').textContent = state.query ? `${state.matches.size} match${state.matches.size === 1 ? '' : 'es'}` : '';
  if (state.matches.size === 1) select([...state.matches][0]);
  else if (renderer) renderer.refresh();
  return [...state.matches];
}

$('search').addEventListener('input', (ev) => search(ev.target.value));
$('colour-by').addEventListener('change', (ev) => setColourBy(ev.target.value));

function setColourBy(mode) {
  state.colourBy = mode === 'community' ? 'community' : 'type';
  $('colour-by').value = state.colourBy;
  if (renderer) renderer.refresh();
  return state.colourBy;
}
select(null);

window.zhkg = {
  graph,
  renderer,
  renderError,
  nodeCount: graph.order,
  edgeCount: graph.size,
  search,
  select,
  setColourBy,
  /** Where a node is drawn, in CSS pixels of the graph container (for clicking it in tests). */
  nodeViewportPosition(node) {
    if (!renderer) return null;
    const a = graph.getNodeAttributes(node);
    return renderer.graphToViewport({ x: a.x, y: a.y });
  },
};
document.body.setAttribute('data-ready', 'true');
