import { expect } from 'chai';
import { ingestFile, ingestText, sourcePosition } from '../../src/ingest';
import { MD_PAGE, readText } from './helpers';

describe('ingest: markdown (corpus/003_…, a .txt file)', () => {
  const result = ingestFile(MD_PAGE);
  const { articles } = result;
  const lines = readText(MD_PAGE).split('\n');

  it('is detected as markdown from the content, not the extension', () => {
    expect(MD_PAGE.endsWith('.txt')).to.equal(true);
    expect(result.page?.format).to.equal('markdown');
    expect(articles).to.have.length(5);
  });

  it('headings are headlines; a heading pair is headline + subheadline', () => {
    expect(articles.map((a) => [a.headline, a.subheadline])).to.deep.equal([
      ['二七区委理论学习中心组集中收听收看 全国抗击新冠肺炎疫情表彰大会', null],
      ['老师,您辛苦了!', '二七区四个班子领导慰问一线教职工'],
      ['大数据赋能 基层社会治理新路径 让二七更聪明更智慧', null],
      ['用更加精细的“管家式”一体化服务运营城区', '二七区探索城市精细化管理新路径'],
      ['区领导到福华街街道督导创文工作', null],
    ]);
  });

  it('joins a paragraph split mid-sentence by a blank line, keeps real paragraph breaks', () => {
    const a = articles[0];
    expect(a.text).to.include('在这场同严重疫情的殊死较量中,中国人民和中华民族以敢于斗争');
    expect(a.text).to.include('大家纷纷表示,将进一步深入学习');
    expect(a.text.split('\n')).to.have.length(4);
    expect(articles[3].text).to.include('魏旭等出席签约仪式。');
    expect(articles[3].text).to.include('二七区委副书记、区长苏建设在签约仪式上说。');
  });

  it('keeps half-width punctuation as written', () => {
    expect(articles[0].text).to.include('本报讯 9月8日,全国抗击');
  });

  it('reads bylines over two lines (记者 … / 通讯员 …) and on one line', () => {
    expect(articles.map((a) => [a.reporters, a.correspondents])).to.deep.equal([
      [['张改华'], ['郭佳星']],
      [['张改华'], ['李娅芳']],
      [['张改华'], ['王珂']],
      [['张改华'], ['郭佳星']],
      [['张改华'], ['王艳', '邱建辉']],
    ]);
  });

  it('treats the byline repeated after the last article as page noise', () => {
    const stray = result.diagnostics.filter((d) => d.code === 'ingest/stray-byline');
    expect(stray).to.have.length(1);
    expect(stray[0]).to.include({ line: 94, severity: 'info' });
    expect(articles.every((a) => !a.text.includes('记者'))).to.equal(false); // 记者在现场了解到 is body text
    expect(articles[4].text.endsWith('全面推进文明城市创建工作。')).to.equal(true);
  });

  it('reads datelines: 9月8日上午 -> --09-08, 近日 / none -> null', () => {
    expect(articles.map((a) => a.date)).to.deep.equal(['--09-08', '--09-08', null, null, '--09-03']);
  });

  it('maps a markdown paragraph joined across a blank line back to its source', () => {
    const a = articles[0];
    const at = a.text.indexOf('中华民族以敢于斗争');
    expect(sourcePosition(a, at)).to.deep.equal({ line: 11, column: 1 });
    const before = sourcePosition(a, at - 1); // 和, the end of line 9
    expect(before.line).to.equal(9);
    expect(lines[8][before.column - 1]).to.equal('和');
    for (const art of articles)
      for (let i = 0; i < art.text.length; i++) {
        if (art.text[i] === '\n') continue;
        const p = sourcePosition(art, i);
        expect(lines[p.line - 1][p.column - 1], `${art.id} offset ${i}`).to.equal(art.text[i]);
      }
  });

  it('strips inline markup and keeps the columns of what remains', () => {
    const page = '# **二七区** 召开会议\n\n本报讯 9月1日,[二七区](http://x.cn)召开*专题*会议。\n\n记者 王珂\n';
    const { articles: [a] } = ingestText(page, { path: 'm.md' });
    expect(a.headline).to.equal('二七区 召开会议');
    expect(a.text).to.equal('本报讯 9月1日,二七区召开专题会议。');
    const at = a.text.indexOf('召开');
    expect(sourcePosition(a, at)).to.deep.equal({ line: 3, column: page.split('\n')[2].indexOf('召开') + 1 });
  });

  it('of more than two headings in a row the last two are the headline; a page header is clutter with the page date', () => {
    const page = '# 二七新闻 2019年9月20日 星期五 第3版\n\n# 要闻\n\n## 老师,您辛苦了!\n\n### 二七区领导慰问一线教职工\n\n本报讯 9月8日上午,二七区领导走访慰问教师。\n\n记者 张改华\n';
    const r = ingestText(page, { path: 'x.md' });
    expect(r.page.pageDate).to.equal('2019-09-20');
    expect(r.articles.map((a) => [a.headline, a.subheadline, a.date])).to.deep.equal([['老师,您辛苦了!', '二七区领导慰问一线教职工', '2019-09-08']]);
  });

  it('reads setext headings, list items as paragraphs, and a byline after a rule', () => {
    const page = '二七区召开会议\n=======\n\n本报讯 9月1日，二七区召开会议。会议要求：\n- 压实责任；\n- 强化督导。\n\n---\n\n记者 王珂\n';
    const r = ingestText(page, { path: 'a.md' });
    expect(r.page.format).to.equal('markdown');
    expect(r.articles.map((a) => [a.headline, a.text, a.reporters])).to.deep.equal([
      ['二七区召开会议', '本报讯 9月1日，二七区召开会议。会议要求：\n压实责任；\n强化督导。', ['王珂']],
    ]);
  });
});
