import { expect } from 'chai';
import { analyze, buildGraph, coappearance, coappearanceGraph, VISIT_WEIGHT } from '../../src/graph';
import { extractFiles } from '../../src/pipeline';
import type { ArticleFacts } from '../../src/types';
import { article, fixtureArticles, hostileArticle } from './fixture';

describe('graph/analyze', () => {
  const { graph } = buildGraph([...fixtureArticles(), hostileArticle()]);
  const a = analyze(graph);

  it('lists who inspected which site, when and how often', () => {
    const rows = a.inspections.map((r) => [r.person, r.site, r.count, r.dates]);
    expect(rows[0]).to.deep.equal(['陈红民', '棉纺东路20号院', 2, ['2024-09-19', '2024-10-02']]);
    expect(rows).to.deep.include(['张伟', '棉纺东路20号院', 1, ['2024-09-19']]);
    expect(rows).to.deep.include(['王芳', '二七区科创园', 1, ['2024-10-02']]);
    expect(rows).to.deep.include(['陈红民', '二七区科创园', 1, ['2024-10-02']]);
    expect(a.inspections).to.have.length(5);
    const chen = a.inspections[0];
    expect(chen.visits.map((v) => v.ruleId)).to.deep.equal(['rel/inspect-dao', 'rel/inspect-chakan']);
    expect(chen.visits[1].sentence).to.equal('随后，陈红民来到棉纺东路20号院察看改造进度。');
  });

  it('ranks the most-inspected sites', () => {
    expect(a.sites[0]).to.include({ site: '棉纺东路20号院', inspections: 3, firstDate: '2024-09-19', lastDate: '2024-10-02' });
    expect(a.sites[0].inspectors).to.deep.equal(['张伟', '陈红民']);
    expect(a.sites[1]).to.include({ site: '二七区科创园', inspections: 2 });
  });

  it('weights a shared visit above a shared article; reporters stay out of the network', () => {
    const co = coappearanceGraph(graph);
    expect(co.hasNode('person:李明')).to.equal(false);
    // 张伟 and 陈红民: one shared article (page1), in which they inspected the same yard (and 张伟 accompanied).
    const e = co.edge('person:张伟', 'person:陈红民');
    expect(co.getEdgeAttributes(e!)).to.include({ articles: 1, visits: 1, weight: 1 + VISIT_WEIGHT });
    // 张伟 and 王芳 never share an article.
    expect(co.hasEdge('person:张伟', 'person:王芳')).to.equal(false);
    const chen = a.coappearance.nodes.find((n) => n.id === 'person:陈红民')!;
    expect(chen.weightedDegree).to.equal(2 * (1 + VISIT_WEIGHT));
    expect(chen.betweenness).to.be.greaterThan(0);
    const zhang = a.coappearance.nodes.find((n) => n.id === 'person:张伟')!;
    expect(zhang.betweenness).to.equal(0);
  });

  it('counts a shared article without a shared visit as weight 1', () => {
    const g = buildGraph([
      article('x#1', '2024-01-01', 'h', ['甲乙开会。'], [
        { id: 'person:甲', type: 'Person', name: '甲', roles: ['Official'] },
        { id: 'person:乙', type: 'Person', name: '乙', roles: ['Official'] },
      ], []),
    ]).graph;
    const co = coappearanceGraph(g);
    expect(co.getEdgeAttributes(co.edge('person:乙', 'person:甲')!)).to.include({ articles: 1, visits: 0, weight: 1 });
  });

  it('gives the same Louvain communities on every run (seeded), and finds two clear groups', () => {
    // Two groups of four officials; each group inspects together in its own articles; one bridge article.
    const groups = [['甲一', '甲二', '甲三', '甲四'], ['乙一', '乙二', '乙三', '乙四']];
    const arts: ArticleFacts[] = [];
    groups.forEach((g, gi) => {
      for (let k = 0; k < 3; k++) {
        const site = { id: `place:工地${gi}${k}`, type: 'Place' as const, name: `工地${gi}${k}` };
        const people = g.map((n) => ({ id: `person:${n}`, type: 'Person' as const, name: n, roles: ['Official' as const] }));
        arts.push(article(`g${gi}k${k}#1`, `2024-0${k + 1}-1${gi}`, 'h', [`${g.join('、')}到${site.name}调研。`], [...people, site],
          people.map((p) => ({ type: 'INSPECTED' as const, source: p.id, target: site.id, ruleId: 'rel/x' }))));
      }
    });
    arts.push(article('bridge#1', '2024-05-01', 'h', ['甲一、乙一出席会议。'], [
      { id: 'person:甲一', type: 'Person', name: '甲一', roles: ['Official'] },
      { id: 'person:乙一', type: 'Person', name: '乙一', roles: ['Official'] },
    ], []));
    const g = buildGraph(arts).graph;
    const first = coappearance(g);
    const second = coappearance(buildGraph(arts).graph);
    expect(second.communities).to.deep.equal(first.communities);
    expect(second.nodes).to.deep.equal(first.nodes);
    expect(first.communities.map((c) => c.members.slice().sort())).to.have.deep.members(groups.map((x) => x.slice().sort()));
    expect(first.modularity).to.be.greaterThan(0.3);
    // The two bridge persons carry the shortest paths between the groups.
    const top = [...first.nodes].sort((x, y) => y.betweenness - x.betweenness).slice(0, 2).map((n) => n.name);
    expect(top).to.have.members(['甲一', '乙一']);
  });

  it('gives each official titles over time and a dated timeline', () => {
    const zhang = a.officials.find((o) => o.person === '张伟')!;
    expect(zhang.titles).to.deep.equal([{ titleId: 'title:二七区区长', title: '二七区区长', firstDate: '2024-09-19', lastDate: '2024-11-05', articles: 2 }]);
    expect(zhang.events.map((e) => [e.date, e.articleId])).to.deep.equal([['2024-09-19', 'page1#1'], ['2024-11-05', 'page3#1']]);
    expect(zhang.events[1].facts).to.deep.equal(['ATTENDED 老旧小区改造推进会', 'HOLDS_TITLE 二七区区长']);
    expect(a.officials.map((o) => o.person)).to.not.include('李明');
  });

  it('runs on the corpus, and every inspection row is backed by INSPECTED edges', () => {
    const g = buildGraph(extractFiles(['corpus'])).graph;
    const res = analyze(g);
    let inspected = 0;
    g.forEachEdge((_e, attr) => {
      if (attr.type === 'INSPECTED') inspected++;
    });
    expect(res.inspections.reduce((n, r) => n + r.count, 0)).to.equal(inspected);
    expect(res.sites.reduce((n, s) => n + s.inspections, 0)).to.equal(inspected);
    expect(analyze(g)).to.deep.equal(res);
  });
});
