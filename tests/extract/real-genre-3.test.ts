import { expect } from 'chai';
import { facts, names, pairs } from './helpers';

/** Third round of fixes found on real local-government news outside the sample (issue 3). */
describe('extract: real-genre constructions, round 3', () => {
  it('a quoted slogan that begins with a numeral is no place (“四好农村路”)', () => {
    const f = facts('县委书记刘伟到川石乡调研“四好农村路”建设情况。');
    expect(names(f, 'Place')).to.deep.equal(['川石乡']);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['刘伟', '川石乡']]);
  });

  it('a campaign named numeral+word, numeral+word is no project or place (百县千镇万村…工程)', () => {
    const f = facts('市长陈明调研百县千镇万村高质量发展工程推进情况。');
    expect(names(f, 'Project')).to.deep.equal([]);
    expect(names(f, 'Place')).to.deep.equal([]);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([]);
  });

  it('places that begin with numerals stay places (五一路街道, 十里铺村)', () => {
    const f = facts('区长王刚到五一路街道和十里铺村调研。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['王刚', '五一路街道'], ['王刚', '十里铺村']]);
  });

  it('a two-character village name that jieba cut into single characters is kept (慈/口/村)', () => {
    const f = facts('县委书记刘伟深入渡潭村、川石乡慈口村走访。');
    expect(names(f, 'Place')).to.include('慈口村');
    expect(pairs(f, 'INSPECTED').map(([, s]) => s)).to.include('慈口村');
    const g = facts('全县三个村和各个村都已完成。');
    expect(names(g, 'Place')).to.deep.equal([]);
  });

  it('a verb inside a centre named after a level word is part of the name (区社会治理综合服务中心)', () => {
    const f = facts('区长赵强到区社会治理综合服务中心和区政务服务中心调研。');
    expect(pairs(f, 'INSPECTED').map(([, s]) => s).sort()).to.deep.equal(['区政务服务中心', '区社会治理综合服务中心'].sort());
  });

  it('a title in parentheses after a name holds it, and the name is the visit subject (李华（区长）一行)', () => {
    const f = facts('区委书记王立新带队检查餐饮企业。李华（区长）一行到马寨镇调研。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.include(['李华', '区长']);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['李华', '马寨镇']]);
    const g = facts('本次会议（区长办公会）研究了三项议题。');
    expect(names(g, 'Person')).to.deep.equal([]);
  });
});
