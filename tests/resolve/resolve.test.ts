import { expect } from 'chai';
import { canonicalTitle, homeJurisdiction, parseJurisdiction, positionHistory, resolveArticle } from '../../src/resolve';
import { extractArticle } from '../../src/extract';
import { article } from '../extract/helpers';

describe('resolve', () => {
  const home = homeJurisdiction();

  it('normalises titles under the home jurisdiction', () => {
    expect(canonicalTitle('区长', home)).to.equal('二七区区长');
    expect(canonicalTitle('二七区长', home)).to.equal('二七区区长');
    expect(canonicalTitle('二七区区长', home)).to.equal('二七区区长');
    expect(canonicalTitle('区委书记', home)).to.equal('二七区委书记');
    expect(canonicalTitle('二七区委书记', home)).to.equal('二七区委书记');
    expect(canonicalTitle('区民政局局长', home)).to.equal('二七区民政局局长');
    expect(canonicalTitle('常务副区长', home)).to.equal('二七区常务副区长');
    expect(canonicalTitle('国家主席', home)).to.equal('国家主席');
  });

  it('the home jurisdiction is configurable', () => {
    const j = parseJurisdiction('金水区');
    expect(canonicalTitle('区长', j)).to.equal('金水区区长');
    const f = resolveArticle(extractArticle(article('区长李华到花园路街道调研。')), { home: '金水区' });
    expect(f.entities.find((e) => e.type === 'Title')!.id).to.equal('title:金水区区长');
  });

  it('an article that names its own district uses it for short titles', () => {
    const f = resolveArticle(extractArticle(article('秦州区委书记王建明主持会议。区长李华强调，要抓好防汛。')));
    const ids = f.entities.filter((e) => e.type === 'Title').map((e) => e.id).sort();
    expect(ids).to.deep.equal(['title:秦州区区长', 'title:秦州区委书记']);
  });

  it('takes the longer form of a title from the headline, and builds ids from simplified characters', () => {
    const f = resolveArticle(
      extractArticle(article('本報訊 近日，區委書記王建明到天水鎮調研防汛工作。區長李華陪同。', { headline: '秦州區委書記王建明調研防汛工作' })),
    );
    const title = f.entities.find((e) => e.type === 'Title' && e.name.endsWith('書記'))!;
    expect(title.name).to.equal('秦州區委書記');
    expect(title.id).to.equal('title:秦州区委书记');
    expect(f.entities.find((e) => e.name === '區長')!.id).to.equal('title:秦州区区长');
    expect(f.entities.find((e) => e.name === '李華')!.id).to.equal('person:李华');
  });

  it('gives the same id to the same person in different articles, and never merges on a surname', () => {
    const a = resolveArticle(extractArticle(article('区委书记陈红民到嵩山路街道调研。', { id: 'a#1' })));
    const b = resolveArticle(extractArticle(article('区委副书记陈明和区委书记陈红民出席会议。', { id: 'b#1' })));
    const idsA = a.entities.filter((e) => e.type === 'Person').map((e) => e.id);
    const idsB = b.entities.filter((e) => e.type === 'Person').map((e) => e.id).sort();
    expect(idsA).to.deep.equal(['person:陈红民']);
    expect(idsB).to.deep.equal(['person:陈明', 'person:陈红民']);
  });

  it('relations point at resolved ids and are unique per pair', () => {
    const f = resolveArticle(extractArticle(article('区长苏建设带队督导。二七区长苏建设强调，要压实责任。')));
    const holds = f.relations.filter((r) => r.type === 'HOLDS_TITLE');
    expect(holds.map((r) => [r.source, r.target])).to.deep.equal([['person:苏建设', 'title:二七区区长']]);
    expect(f.entities.find((e) => e.id === 'title:二七区区长')!.name).to.equal('二七区长');
  });

  it('position history: each title with first and last date and the articles', () => {
    const mk = (id: string, date: string, text: string) => resolveArticle(extractArticle(article(text, { id, date })));
    const h = positionHistory([
      mk('p1#1', '2020-03-01', '区长苏建设到福华街街道调研。'),
      mk('p2#1', '2020-09-03', '区委副书记、区长苏建设率队到福华街街道督导。'),
      mk('p3#1', '2020-05-10', '二七区长苏建设致辞。'),
    ]);
    const p = h.find((x) => x.personId === 'person:苏建设')!;
    const mayor = p.titles.find((t) => t.titleId === 'title:二七区区长')!;
    expect(mayor.first).to.equal('2020-03-01');
    expect(mayor.last).to.equal('2020-09-03');
    expect(mayor.articleIds.sort()).to.deep.equal(['p1#1', 'p2#1', 'p3#1']);
    const deputy = p.titles.find((t) => t.titleId === 'title:二七区委副书记')!;
    expect([deputy.first, deputy.last]).to.deep.equal(['2020-09-03', '2020-09-03']);
  });
});
