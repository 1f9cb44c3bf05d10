import { expect } from 'chai';
import { facts, names, pairs } from './helpers';

/** Second round of fixes found on real local-government news outside the sample (issue 3). */
describe('extract: real-genre constructions, round 2', () => {
  it('common nouns before a place head are no places (贫困村, 单元楼, 试验区)', () => {
    const f = facts('副县长李强到贫困村走访，查看单元楼建设和试验区发展情况。');
    const places = names(f, 'Place');
    for (const p of ['贫困村', '单元楼', '试验区']) expect(places).to.not.include(p);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([]);
  });

  it('a part of the county by direction is no place (县东片区, 我县东片区)', () => {
    const f = facts('县长赵明到我县东片区五个乡镇调研，又到县西片区走访。');
    expect(names(f, 'Place')).to.deep.equal([]);
  });

  it('short department names in a 等部门 list are no organisations', () => {
    const f = facts('会议要求公安、住建、应急等部门加强协作。');
    expect(names(f, 'Organization')).to.deep.equal([]);
  });

  it('a named district in a 等部门-free sentence still counts (鼓楼区)', () => {
    const f = facts('副市长吴涛到鼓楼区调研。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['吴涛', '鼓楼区']]);
  });

  it('going to a city to attend an event is ATTENDED, not INSPECTED (赴厦门参加投洽会)', () => {
    const f = facts('副市长陈刚赴厦门参加投洽会。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([]);
    expect(pairs(f, 'ATTENDED')).to.deep.equal([['陈刚', '投洽会']]);
    const g = facts('副市长陈刚到厦门参加座谈会并调研开元街道。');
    expect(pairs(g, 'INSPECTED').map(([, s]) => s)).to.include('开元街道');
  });

  it('an event head inside a longer common word makes no event (参与社会化)', () => {
    const f = facts('县长孙伟表示，要推动参与社会化、平台智能化。');
    expect(names(f, 'Event')).to.deep.equal([]);
  });

  it('two parts of a Tibetan name after a title make one person (扎西多吉)', () => {
    const f = facts('县委副书记扎西多吉到曲水县调研。');
    expect(names(f, 'Person')).to.deep.equal(['扎西多吉']);
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['扎西多吉', '县委副书记']]);
  });

  it('街 as a short level word starts a title (街党委书记), 大街小巷 is no place', () => {
    const f = facts('街党委书记周红带领干部走遍大街小巷。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['周红', '街党委书记']]);
    expect(names(f, 'Place')).to.deep.equal([]);
  });

  it('a place in parentheses inside a name is kept (南方(赣州)物流产业园); none before them is no name', () => {
    const f = facts('副市长王强到南方(赣州)物流产业园视察。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['王强', '南方(赣州)物流产业园']]);
    const g = facts('他说(李四)公司很好。');
    expect(names(g, 'Organization').some((o) => o.startsWith('('))).to.equal(false);
  });

  it('a word like 市领导 after a title is no name of surname 市/区 (县长县领导班子)', () => {
    const f = facts('会后，市长市领导班子成员一同察看了现场。');
    expect(names(f, 'Person')).to.deep.equal([]);
    const g = facts('副区长区志明到现场调研。');
    expect(names(g, 'Person')).to.deep.equal(['区志明']);
  });

  it('a group named by a visit word (调研组一行, 考察团) is the subject: no person inspected', () => {
    const f = facts('县人大常委会副主任孙涛参加调研。调研组一行先后深入县人民医院、县中医院实地查看。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([]);
  });

  it('generic words before a unit head are no place (企业研发中心)', () => {
    const f = facts('县委书记林海深入企业研发中心、生产车间了解情况。');
    expect(names(f, 'Place')).to.not.include('企业研发中心');
  });

  it('a form of address (邹主席一行) names the earlier person of that surname and title', () => {
    const f = facts('区政协主席邹建国到柳河镇调研。区政协秘书长何平参加调研。邹主席一行来到柳河镇便民服务中心察看。');
    const ins = pairs(f, 'INSPECTED').map(([p, s]) => `${p}>${s}`);
    expect(ins).to.include('邹建国>柳河镇便民服务中心');
    expect(ins.filter((x) => x.startsWith('何平'))).to.deep.equal([]);
  });
});
