import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile, ingestText, sourcePosition } from '../../src/ingest';
import { OCR_PAGE, byKey, readText, tempDir } from './helpers';

describe('ingest: raw OCR column text (corpus/000_…)', () => {
  const result = ingestFile(OCR_PAGE);
  const { articles } = result;
  const lines = readText(OCR_PAGE).split('\n');

  it('is detected as OCR and gives six articles in page order', () => {
    expect(result.page?.format).to.equal('ocr');
    expect(articles.map((a) => a.id)).to.deep.equal([1, 2, 3, 4, 5, 6].map((n) => `000_03b7dbb017044dde#${n}`));
    for (const a of articles) expect(a.text.startsWith('本报讯')).to.equal(true);
  });

  it('joins wrapped lines, and a word cut across a blank line (二\\n\\n七区 is 二七区)', () => {
    const a = articles[0];
    expect(a.text).to.include('记者从二七区老旧小区改造提升工作推进会上了解到');
    expect(a.text).to.include('在推进特色小区施工进度的同时，二七区汲取设计');
    expect(a.text).to.not.match(/二\n+七区汲取/);
    expect(byKey(articles, '嵩山路街道已经实现').text).to.include('据悉，作为二七区街道专业化管理的试点之一');
  });

  it('keeps blank-line paragraph breaks after finished sentences', () => {
    expect(articles[0].text.split('\n')).to.have.length(5);
    expect(articles[0].text.split('\n')[1].startsWith('据悉，依据《郑州市老旧小区整治提升工作导则》')).to.equal(true);
  });

  it('drops OCR blanks between digits and CJK, keeps other blanks', () => {
    const a = articles[0];
    expect(a.text).to.include('9月19日上午');
    expect(a.text).to.include('其余298个老旧小区');
    expect(a.text).to.include('棉纺东路20号院等10个');
    expect(a.text).to.not.match(/\d \p{Script=Han}|\p{Script=Han} \d/u);
    expect(byKey(articles, '2019数字经济峰会').text).to.include('关于5G、人工智能');
  });

  it('attaches headlines by content, wherever the page puts them', () => {
    const heads = articles.map((a) => [a.headline, a.subheadline]);
    expect(heads[0]).to.deep.equal(['路院同治打造美丽街区', '有机更新让老城区更宜居']); // printed after article 3
    expect(heads[1]).to.deep.equal(['市区两级人大代表视察二七区民政工作', null]); // before its article; one headline over two lines
    expect(heads[2]).to.deep.equal(['二七区探索街道专业化管理模式', '专业人做专业事 让城市更美好']); // after, before article 4
    expect([heads[3][0], heads[3][1]].sort()).to.deep.equal(['二七区努力打造成智慧社会的样板间', '承办“5G智慧社会”论坛，探索智慧城市发展模式'].sort());
    expect(heads[4]).to.deep.equal(['区领导带队督导火车站周边安全生产工作', null]);
    expect(heads[5]).to.deep.equal(['区领导督导辖区安全生产', null]); // at the page end
  });

  it('no headline text leaks into a body', () => {
    for (const a of articles) {
      expect(a.text).to.not.include('路院同治打造美丽街区');
      expect(a.text).to.not.include('区领导督导辖区安全生产');
      expect(a.text).to.not.include('记者 景静');
    }
  });

  it('reads datelines (no year known: --MM-DD; 近日: null)', () => {
    expect(articles.map((a) => a.date)).to.deep.equal(['--09-19', '--09-19', '--09-17', '--09-25', null, null]);
  });

  it('reads bylines, including one glued to the last sentence (…盟”。记者 景静)', () => {
    expect(articles.map((a) => [a.reporters, a.correspondents])).to.deep.equal([
      [['景静'], []],
      [['景静'], ['左学彬', '周祎']],
      [['景静'], []],
      [['景静'], []],
      [['景静'], ['于晓月']],
      [['景静'], []],
    ]);
    expect(articles[3].text.endsWith('“新型智慧校园生态联盟”。')).to.equal(true);
  });

  it('maps text offsets back to line and column, across joined lines and dropped blanks', () => {
    const a = articles[0];
    // 本报讯 starts at line 1, column 2 (the line opens with a blank)
    expect(a.sourceStart).to.deep.equal({ line: 1, column: 2 });
    expect(sourcePosition(a, 0)).to.deep.equal({ line: 1, column: 2 });
    // "19日" follows a dropped OCR blank: 9月 19日 on line 1
    const at19 = a.text.indexOf('19日');
    const p19 = sourcePosition(a, at19);
    expect(lines[p19.line - 1].slice(p19.column - 1).startsWith('19日')).to.equal(true);
    // 七区汲取 continues the word cut across the blank line: line 17, column 1
    const at = a.text.indexOf('七区汲取');
    expect(sourcePosition(a, at)).to.deep.equal({ line: 17, column: 1 });
    expect(sourcePosition(a, at - 1)).to.deep.equal({ line: 15, column: 16 });
    // every character of every article maps to the same character in the source
    for (const art of articles)
      for (let i = 0; i < art.text.length; i++) {
        if (art.text[i] === '\n') continue;
        const p = sourcePosition(art, i);
        expect(lines[p.line - 1][p.column - 1], `${art.id} offset ${i}`).to.equal(art.text[i]);
      }
    expect(a.sourceEnd).to.deep.equal({ line: 43, column: 6 });
  });

  it('gives stable ids and content hashes', () => {
    const again = ingestFile(OCR_PAGE).articles;
    expect(again.map((a) => a.contentHash)).to.deep.equal(articles.map((a) => a.contentHash));
    for (const a of articles) expect(a.contentHash).to.match(/^[0-9a-f]{16}$/);
    expect(new Set(articles.map((a) => a.contentHash)).size).to.equal(6);
  });

  it('takes the page year from a date in the file name', () => {
    const dir = tempDir();
    const path = join(dir, '2019-09-20_page3.txt');
    writeFileSync(path, readText(OCR_PAGE));
    const r = ingestFile(path);
    expect(r.page?.pageDate).to.equal('2019-09-20');
    expect(r.articles.map((a) => a.date)).to.deep.equal(['2019-09-19', '2019-09-19', '2019-09-17', '2019-09-25', null, null]);
    expect(r.articles[0].id).to.equal('2019-09-20_page3#1');
  });
});

describe('ingest: OCR page structure', () => {
  it('splits a page with no 本报讯 on bylines and headline blocks', () => {
    const r = ingestFile(join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'ingest', 'ocr-no-opening.txt'));
    expect(r.page?.format).to.equal('ocr');
    expect(r.articles).to.have.length(2);
    const [a, b] = r.articles;
    expect([a.headline, a.subheadline]).to.deep.equal(['二七区举办秋季招聘会', null]);
    expect(a.text).to.equal('9月21日，二七区人力资源和社会保障局在二七广场举办秋季招聘会，86家企业提供就业岗位2300余个，吸引求职者4000余人次。\n招聘会现场设置了政策咨询台，工作人员向求职者讲解创业担保贷款等政策。');
    expect(a.date).to.equal('--09-21');
    expect(a.reporters).to.deep.equal(['王珂']);
    expect([b.headline, b.subheadline]).to.deep.equal(['苗圃街农贸市场完成提质改造', null]);
    expect(b.date).to.equal(null); // 日前
    expect(b.correspondents).to.deep.equal(['李娅芳']);
  });

  it('attaches a headline printed after its article, and one printed far away, by content', () => {
    const page = [
      '本报讯 9月2日，二七区在长江路小学召开',
      '开学安全工作会，部署校园周边交通',
      '整治。',
      '记者 王珂',
      '',
      '本报讯 9月3日，二七区图书馆新馆',
      '在大学路开馆，馆藏图书十二万册。',
      '记者 景静',
      '',
      '图书馆新馆开馆',
      '',
      '部署校园周边交通整治',
      '',
    ].join('\n');
    const { articles } = ingestText(page, { path: 'p.txt' });
    expect(articles).to.have.length(2);
    expect(articles[0].headline).to.equal('部署校园周边交通整治');
    expect(articles[1].headline).to.equal('图书馆新馆开馆');
  });

  it('a headline between two articles goes to the one it describes, not the nearer one', () => {
    const page = [
      '本报讯 9月2日，二七区在长江路小学召开',
      '开学安全工作会，部署校园周边交通',
      '整治。',
      '记者 王珂',
      '',
      '长江路小学部署校园安全',
      '',
      '本报讯 9月3日，二七区图书馆新馆',
      '在大学路开馆，馆藏图书十二万册。',
      '记者 景静',
      '',
    ].join('\n');
    const { articles } = ingestText(page, { path: 'p.txt' });
    expect(articles[0].headline).to.equal('长江路小学部署校园安全');
    expect(articles[1].headline).to.equal(null);
  });

  it('an opening without a blank line before it still starts a new article', () => {
    const page = ['本报讯 9月2日，二七区召开会议。', '记者 王珂', '本报讯 9月3日，二七区开展', '培训活动。', '记者 景静'].join('\n');
    const { articles } = ingestText(page, { path: 'p.txt', format: 'ocr' });
    expect(articles.map((a) => a.text)).to.deep.equal(['本报讯9月2日，二七区召开会议。', '本报讯9月3日，二七区开展培训活动。']);
    expect(articles.map((a) => a.reporters[0])).to.deep.equal(['王珂', '景静']);
  });

  it('without bylines, a headline block before the next opening is moved out of the article above', () => {
    const page = [
      '本报讯 9月2日，二七区在长江路小学召开',
      '开学安全工作会，部署校园周边交通',
      '整治。',
      '',
      '图书馆新馆开馆',
      '',
      '本报讯 9月3日，二七区图书馆新馆',
      '在大学路开馆，馆藏图书十二万册。',
      '',
    ].join('\n');
    const { articles } = ingestText(page, { path: 'p.txt', format: 'ocr' });
    expect(articles.map((a) => [a.headline, a.text])).to.deep.equal([
      [null, '本报讯9月2日，二七区在长江路小学召开开学安全工作会，部署校园周边交通整治。'],
      ['图书馆新馆开馆', '本报讯9月3日，二七区图书馆新馆在大学路开馆，馆藏图书十二万册。'],
    ]);
  });

  it('in a page without openings, a full-column line cut across a blank line is not taken for a headline', () => {
    const page = [
      '二七区举办秋季招聘会',
      '',
      '9月21日，二七区人力资源和社会保',
      '障局在二七广场举办秋季招聘会。',
      '',
      '据悉，本次招聘会是今年规模最大的',
      '',
      '一次，共有86家企业提供就业岗位。',
      '记者 王珂',
    ].join('\n');
    const { articles } = ingestText(page, { path: 'p.txt', format: 'ocr' });
    expect(articles).to.have.length(1);
    expect(articles[0].text).to.include('据悉，本次招聘会是今年规模最大的一次，共有86家企业');
  });

  it('drops a photo caption inside an article without ending it', () => {
    const page = [
      '本报讯 9月2日，二七区在长江路小学召开',
      '开学安全工作会。',
      '',
      '图为会议现场，区领导在长江路小学',
      '察看校园周边交通。',
      '',
      '会议部署了校园周边交通整治工作。',
      '记者 王珂',
    ].join('\n');
    const { articles } = ingestText(page, { path: 'p.txt', format: 'ocr' });
    expect(articles.map((a) => [a.text, a.reporters])).to.deep.equal([
      ['本报讯9月2日，二七区在长江路小学召开开学安全工作会。\n会议部署了校园周边交通整治工作。', ['王珂']],
    ]);
  });
});
