import { expect } from 'chai';
import { join } from 'node:path';
import { ingestFile, ingestText } from '../../src/ingest';
import { FIXTURES } from './helpers';

describe('ingest: plain web text with page clutter', () => {
  const path = join(FIXTURES, 'plain-web-2019.txt');
  const result = ingestFile(path);

  it('is detected as plain text', () => {
    expect(result.page?.format).to.equal('plain');
  });

  it('drops navigation, 发布时间, 来源, 责任编辑, sharing and copyright lines', () => {
    expect(result.articles).to.have.length(1);
    const a = result.articles[0];
    for (const clutter of ['首页', '发布时间', '来源', '浏览次数', '字体', '分享到', '责任编辑', '上一篇', '版权所有', 'ICP', '扫一扫'])
      expect(a.text, clutter).to.not.include(clutter);
    expect(a.text.split('\n')).to.have.length(3);
    expect(a.text.startsWith('本报讯（记者 景静 通讯员 王珂）9月19日上午')).to.equal(true);
    expect(result.diagnostics.filter((d) => d.code === 'ingest/unplaced-headline')).to.deep.equal([]);
  });

  it('finds the headline above the clutter, the bracketed byline and the dateline', () => {
    const a = result.articles[0];
    expect(a.headline).to.equal('二七区召开老旧小区改造提升工作推进会');
    expect(a.subheadline).to.equal(null);
    expect(a.reporters).to.deep.equal(['景静']);
    expect(a.correspondents).to.deep.equal(['王珂']);
  });

  it('takes the year from the page publication stamp when nothing else gives it', () => {
    expect(result.page?.pageDate).to.equal('2019-09-20');
    expect(result.articles[0].date).to.equal('2019-09-19');
    // --date loses to nothing but the file name and sidecar; the stamp is the last resort
    expect(ingestFile(path, { date: '2020-01-05' }).articles[0].date).to.equal('2019-09-19');
  });

  it('keeps subheadings (一、…) inside the article body', () => {
    const page = [
      '二七区部署秋冬季安全生产工作',
      '发布时间：2019-10-08',
      '　　10月8日，二七区召开秋冬季安全生产工作会议。',
      '一、压实责任',
      '　　各单位要落实主体责任，开展隐患排查。',
      '二、强化督导',
      '　　区应急管理局要加强督导检查。',
      '责任编辑：王二',
    ].join('\n');
    const { page: p, articles } = ingestText(page, { path: 'w.html.txt' });
    expect(p.format).to.equal('plain');
    expect(articles).to.have.length(1);
    expect(articles[0].headline).to.equal('二七区部署秋冬季安全生产工作');
    expect(articles[0].text).to.include('一、压实责任');
    expect(articles[0].date).to.equal('2019-10-08');
  });

  it('splits a page of several web articles on their clutter, each with its own headline and date', () => {
    const r = ingestFile(join(FIXTURES, 'plain-gov-site.txt'));
    expect(r.page?.format).to.equal('plain');
    expect(r.page?.pageDate).to.equal('2019-11-08');
    expect(r.articles.map((a) => [a.headline, a.date])).to.deep.equal([
      ['区政协调研璧泉街道经济社会发展', '2019-11-07'],
      ['区委书记调研“四城联创”工作', '2019-11-08'],
    ]);
    expect(r.articles[0].text.startsWith('11月7日，区政协主席向邦俊')).to.equal(true);
    expect(r.articles[1].text.startsWith('在“四城联创”冲刺攻坚的关键时刻')).to.equal(true);
    for (const a of r.articles) expect(a.text).to.not.match(/来源|责任编辑|作者|本篇文章|当前的位置/);
    expect(r.diagnostics).to.deep.equal([]);
  });

  it('a headline printed twice (page title and article title) is one headline', () => {
    const page = '区委书记调研四城联创工作\n首页 > 新闻 > 要闻\n区委书记调研四城联创工作\n发布时间：2019-11-09\n　　11月8日晚，区委书记董红倜到李封一村调研督导四城联创工作。\n';
    const { page: p, articles } = ingestText(page, { path: 'y.txt' });
    expect(p.format).to.equal('plain');
    expect(articles.map((a) => [a.headline, a.subheadline, a.date])).to.deep.equal([['区委书记调研四城联创工作', null, '2019-11-08']]);
  });
});
