/**
 * Pieces that must scale to a 10x corpus: the layout fills ForceAtlas2's matrices directly
 * (no second graphology graph) yet gives the same positions as graphology's forceAtlas2.assign on a
 * simple undirected copy; sites() takes rows with hundreds of thousands of visits and thousands
 * of inspectors of one site.
 */
import { expect } from 'chai';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import seedrandom from 'seedrandom';
import { buildGraph, edgeWeight, layoutIterations, layoutPositions, sites } from '../../src/graph';
import type { InspectionRow, KgGraph, Positions } from '../../src/graph';
import { extractFiles } from '../../src/pipeline';
import { fixtureArticles, hostileArticle } from './fixture';

/** The layout as graphology computes it: a simple undirected copy (weights summed), then forceAtlas2.assign. */
function referenceLayout(graph: KgGraph, seed: string, iterations?: number): Positions {
  const rng = seedrandom(seed);
  const simple = new Graph({ type: 'undirected', multi: false });
  for (const id of graph.nodes().sort()) simple.addNode(id, { x: (rng() - 0.5) * 100, y: (rng() - 0.5) * 100 });
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const w = edgeWeight(a.type, a.props);
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (x) => (x as number) + w);
    else simple.addEdge(s, t, { weight: w });
  });
  if (simple.order > 1 && simple.size > 0) {
    forceAtlas2.assign(simple, { iterations: iterations ?? layoutIterations(simple.order), settings: forceAtlas2.inferSettings(simple), getEdgeWeight: 'weight' });
  }
  const out: Positions = {};
  simple.forEachNode((n, a) => {
    out[n] = { x: Math.round((a.x as number) * 1000) / 1000, y: Math.round((a.y as number) * 1000) / 1000 };
  });
  return out;
}

describe('graph: pieces that scale', function () {
  this.timeout(120000);

  describe('layoutPositions', () => {
    const corpus = buildGraph([...extractFiles(['corpus'])]).graph;
    const fixture = buildGraph([...fixtureArticles(), hostileArticle()]).graph;

    it('the corpus graph has parallel and opposite relationships to merge (the premise)', () => {
      const pairs = new Map<string, number>();
      corpus.forEachEdge((_e, _a, s, t) => {
        const k = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
      });
      expect([...pairs.values()].some((n) => n > 1)).to.equal(true);
    });

    it('gives the same positions as forceAtlas2.assign on a simple undirected copy (corpus, fixture, seeds, iterations)', () => {
      expect(layoutPositions(corpus)).to.deep.equal(referenceLayout(corpus, 'zhkg-layout'));
      expect(layoutPositions(corpus, { seed: 'other', iterations: 7 })).to.deep.equal(referenceLayout(corpus, 'other', 7));
      expect(layoutPositions(fixture)).to.deep.equal(referenceLayout(fixture, 'zhkg-layout'));
    });

    it('gives every node a finite position, in sorted id order', () => {
      const p = layoutPositions(corpus);
      expect(Object.keys(p).sort()).to.deep.equal(corpus.nodes().sort());
      for (const { x, y } of Object.values(p)) expect(Number.isFinite(x) && Number.isFinite(y)).to.equal(true);
    });
  });

  describe('sites()', () => {
    it('takes a row with 300,000 visits (no push(...big) stack overflow) and 5,000 inspectors of one site', () => {
      const rows: InspectionRow[] = [];
      const visits = Array.from({ length: 300_000 }, (_, i) => ({
        date: `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`,
        articleId: `a${i}`,
        sentence: null,
        ruleId: null,
      }));
      rows.push({ personId: 'p0', person: '张三', siteId: 's1', site: '二七广场', siteLabel: 'Place', count: visits.length, firstDate: null, lastDate: null, dates: [], visits });
      for (let i = 1; i <= 5000; i++) {
        const v = [{ date: null, articleId: `b${i}`, sentence: null, ruleId: null }];
        rows.push({ personId: `p${i}`, person: `官员${i}`, siteId: 's1', site: '二七广场', siteLabel: 'Place', count: 1, firstDate: null, lastDate: null, dates: [], visits: v });
        rows.push({ personId: `p${i}`, person: `官员${i}`, siteId: 's1', site: '二七广场', siteLabel: 'Place', count: 1, firstDate: null, lastDate: null, dates: [], visits: v });
      }
      const out = sites(rows);
      expect(out).to.have.length(1);
      expect(out[0].inspections).to.equal(300_000 + 10_000);
      expect(out[0].inspectors).to.have.length(5001);
      expect(out[0].firstDate).to.equal('2010-01-10');
      expect(out[0].lastDate).to.equal('2019-09-19');
    });
  });
});
