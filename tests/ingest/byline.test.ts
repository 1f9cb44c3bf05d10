import { expect } from 'chai';
import { parseByline, trailingBylineStart, openingByline } from '../../src/ingest/byline';
import { ingestText } from '../../src/ingest';

describe('ingest: bylines', () => {
  it('parses reporters and correspondents, several names each', () => {
    expect(parseByline('记者 景静 通讯员 左学彬 周祎')).to.deep.equal({ reporters: ['景静'], correspondents: ['左学彬', '周祎'] });
    expect(parseByline('记者 景静')).to.deep.equal({ reporters: ['景静'], correspondents: [] });
    expect(parseByline('（记者 张三 李四）')).to.deep.equal({ reporters: ['张三', '李四'], correspondents: [] });
    expect(parseByline('本报记者：王二 通讯员：赵六')).to.deep.equal({ reporters: ['王二'], correspondents: ['赵六'] });
    expect(parseByline('记者张改华 通讯员郭佳星')).to.deep.equal({ reporters: ['张改华'], correspondents: ['郭佳星'] });
    expect(parseByline('■本报记者 张三 摄')).to.deep.equal({ reporters: ['张三'], correspondents: [] });
    expect(parseByline('通讯员 王艳、邱建辉')).to.deep.equal({ reporters: [], correspondents: ['王艳', '邱建辉'] });
  });

  it('文 and 图 are roles and surnames: a name after a role keeps them', () => {
    expect(parseByline('记者 文全')).to.deep.equal({ reporters: ['文全'], correspondents: [] });
    expect(parseByline('记者 文文华 通讯员 颜伟')).to.deep.equal({ reporters: ['文文华'], correspondents: ['颜伟'] });
    expect(parseByline('通讯员 张三 文全')).to.deep.equal({ reporters: [], correspondents: ['张三', '文全'] });
    expect(parseByline('记者 图海燕')).to.deep.equal({ reporters: ['图海燕'], correspondents: [] });
    // still roles where they stand as roles
    expect(parseByline('文/图 记者 张三')).to.deep.equal({ reporters: ['张三'], correspondents: [] });
    expect(parseByline('记者 张三 文 李四')).to.deep.equal({ reporters: ['张三'], correspondents: [] });
    expect(parseByline('文 张三')).to.deep.equal({ reporters: [], correspondents: [] });
  });

  it('rejects text that merely starts with 记者', () => {
    expect(parseByline('记者在现场了解到，双方将共同出资成立合资公司')).to.equal(null);
    expect(parseByline('记者从二七区获悉')).to.equal(null);
    expect(parseByline('记者')).to.equal(null);
    expect(parseByline('专业人做专业事 让城市更美好')).to.equal(null);
    // OCR lines that wrap right after 记者…
    expect(parseByline('记者了解到，')).to.equal(null);
    expect(parseByline('记者了解到')).to.equal(null);
    expect(parseByline('记者获悉')).to.equal(null);
    expect(parseByline('记者 从二七区')).to.equal(null);
  });

  it('finds a byline glued to the end of a sentence', () => {
    const line = '盟”。记者 景静';
    expect(line.slice(trailingBylineStart(line))).to.equal('记者 景静');
    expect(trailingBylineStart('他说。记者在现场看到')).to.equal(-1);
  });

  it('reads a bracketed byline after 本报讯', () => {
    expect(openingByline('（记者 景静 通讯员 王珂）9月19日上午')).to.deep.equal({ byline: { reporters: ['景静'], correspondents: ['王珂'] }, length: 14 });
    expect(openingByline('（北邮）')).to.equal(null);
  });

  it('joins a byline split over two lines, and over a blank line', () => {
    const two = ingestText('# 标题\n\n本报讯 9月1日,二七区召开会议。\n\n记者 张改华  \n通讯员 郭佳星\n', { path: 'a.md' });
    expect(two.articles[0]).to.deep.include({ reporters: ['张改华'], correspondents: ['郭佳星'] });
    const gap = ingestText('本报讯 9月1日，二七区召开会议。\n记者 张改华\n\n通讯员 郭佳星\n\n本报讯 9月2日，二七区开展培训。\n记者 景静\n', { path: 'a.txt' });
    expect(gap.articles.map((a) => [a.reporters, a.correspondents])).to.deep.equal([[['张改华'], ['郭佳星']], [['景静'], []]]);
  });

  it('a byline repeated after the last article is noise, not an article', () => {
    const r = ingestText('本报讯 9月1日，二七区召开会议。\n记者 张改华 通讯员 王珂\n\n记者 张改华 通讯员 王珂\n', { path: 'a.txt' });
    expect(r.articles).to.have.length(1);
  });

  it('a byline before the body belongs to the article that follows when it has none of its own', () => {
    const r = ingestText('二七区举办招聘会\n本报记者 王珂\n\n9月21日，二七区在二七广场举办秋季招聘会，86家企业提供岗位。\n', { path: 'a.txt' });
    expect(r.articles).to.have.length(1);
    expect(r.articles[0].reporters).to.deep.equal(['王珂']);
  });
});
