import { expect } from 'chai';
import { articleToGraph } from '../../src/resolve/to-graph';
import { extractFiles } from '../../src/pipeline';
import { buildGraph, graphCounts, nodeLabels, readArticles } from '../../src/graph';
import type { ArticleFacts } from '../../src/types';
import { fixtureArticles, hostileArticle } from './fixture';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('graph/build', () => {
  describe('from the hand-written fixture', () => {
    const articles = fixtureArticles();
    const { graph, stats } = buildGraph(articles);

    it('merges a node shared by articles into one node', () => {
      // 3 articles + 陈红民 张伟 王芳 李明 + 3 titles + 棉纺东路20号院 科创园 住建局 推进会
      expect(graph.order).to.equal(3 + 4 + 3 + 4);
      expect(stats.nodeRecords).to.be.greaterThan(graph.order);
      expect(graph.hasNode('person:陈红民')).to.equal(true);
    });

    it('keeps the ids, labels and relationship types of articleToGraph', () => {
      for (const a of articles) {
        const ag = articleToGraph(a);
        for (const n of ag.nodes) {
          expect(graph.hasNode(n.id), n.id).to.equal(true);
          expect(graph.getNodeAttribute(n.id, 'label')).to.equal(n.label);
        }
        for (const e of ag.edges) {
          expect(graph.hasEdge(e.id), e.id).to.equal(true);
          expect(graph.source(e.id)).to.equal(e.source);
          expect(graph.target(e.id)).to.equal(e.target);
          expect(graph.getEdgeAttributes(e.id)).to.deep.equal({ type: e.type, props: e.props });
        }
      }
      expect(graph.size).to.equal(stats.edgeRecords);
    });

    it('unions aliases and extra labels across articles', () => {
      const chen = graph.getNodeAttributes('person:陈红民');
      expect(chen.props.aliases).to.have.members(['陈红民', '陈红民同志']);
      expect(chen.name).to.equal('陈红民');
      expect(nodeLabels(chen)).to.deep.equal(['Person', 'Official']);
      expect(nodeLabels(graph.getNodeAttributes('person:李明'))).to.deep.equal(['Person', 'Reporter']);
      expect(graph.getNodeAttributes('title:二七区委书记').props.aliases).to.have.members(['二七区委书记', '区委书记']);
    });

    it('counts every label a node carries and every relationship type', () => {
      const c = graphCounts(graph);
      expect(c.labels).to.deep.equal({ Article: 3, Event: 1, Official: 3, Organization: 1, Person: 4, Place: 1, Project: 1, Reporter: 1, Title: 3 });
      expect(c.types.INSPECTED).to.equal(5);
      expect(c.types.HOLDS_TITLE).to.equal(5);
      expect(c.types.ACCOMPANIED).to.equal(1);
      expect(c.types.ATTENDED).to.equal(1);
      expect(c.types.REPORTED).to.equal(1);
      expect(c.types.MENTIONS).to.equal(articles.reduce((n, a) => n + a.entities.length, 0));
    });

    it('is parallel: the same person inspecting the same site in two articles gives two edges', () => {
      const edges = graph.directedEdges('person:陈红民', 'place:棉纺东路20号院').filter((e) => graph.getEdgeAttribute(e, 'type') === 'INSPECTED');
      expect(edges).to.have.length(2);
      expect(edges.map((e) => graph.getEdgeAttributes(e).props.date).sort()).to.deep.equal(['2024-09-19', '2024-10-02']);
    });

    it('does not double an article given twice', () => {
      const again = buildGraph([...articles, ...fixtureArticles()]);
      expect(again.graph.order).to.equal(graph.order);
      expect(again.graph.size).to.equal(graph.size);
    });

    it('keeps hostile strings unchanged', () => {
      const h = hostileArticle();
      const { graph: g } = buildGraph([h]);
      const site = h.entities[1];
      expect(g.getNodeAttributes(site.id).name).to.equal(site.canonical);
      expect(g.getNodeAttributes(h.id).props.headline).to.equal(h.headline);
    });
  });

  describe('from the corpus (extractFiles)', () => {
    let articles: ArticleFacts[];
    before(() => {
      articles = [...extractFiles(['corpus'])];
    });

    it('reads every article of the corpus, and each is an Article node', () => {
      expect(articles.length).to.be.greaterThan(1);
      const { graph } = buildGraph(articles);
      for (const a of articles) expect(graph.getNodeAttribute(a.id, 'label')).to.equal('Article');
      expect(graphCounts(graph).labels.Article).to.equal(new Set(articles.map((a) => a.id)).size);
    });

    it('is consistent with articleToGraph: every endpoint exists, totals match the distinct ids', () => {
      const { graph, stats } = buildGraph(articles);
      const nodeIds = new Set<string>();
      const edgeIds = new Set<string>();
      let nodeRecords = 0;
      let edgeRecords = 0;
      for (const a of articles) {
        const ag = articleToGraph(a);
        ag.nodes.forEach((n) => nodeIds.add(n.id));
        ag.edges.forEach((e) => edgeIds.add(e.id));
        nodeRecords += ag.nodes.length;
        edgeRecords += ag.edges.length;
      }
      expect(stats).to.deep.equal({ articles: articles.length, nodeRecords, edgeRecords });
      expect(graph.order).to.equal(nodeIds.size);
      expect(graph.size).to.equal(edgeIds.size);
      graph.forEachEdge((e, _a, s, t) => {
        expect(graph.hasNode(s), `${e} source`).to.equal(true);
        expect(graph.hasNode(t), `${e} target`).to.equal(true);
      });
    });

    it('reads the same graph back from the JSON Lines of zhkg extract', () => {
      const dir = mkdtempSync(join(tmpdir(), 'zhkg-graph-'));
      try {
        const file = join(dir, 'facts.jsonl');
        writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n{not json}\n');
        const run = readArticles([file]);
        const read: ArticleFacts[] = [];
        let step = run.next();
        while (!step.done) {
          read.push(step.value);
          step = run.next();
        }
        expect(read.length).to.equal(articles.length);
        expect(step.value.diagnostics.map((d) => d.code)).to.deep.equal(['graph/bad-facts-line']);
        const a = buildGraph(articles).graph;
        const b = buildGraph(read).graph;
        expect(graphCounts(b)).to.deep.equal(graphCounts(a));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
