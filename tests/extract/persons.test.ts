import { expect } from 'chai';
import { facts, names, pairs } from './helpers';

describe('extract: persons and titles', () => {
  it('reads a title and the name after it, without the next word (陈红民到 -> 陈红民)', () => {
    const f = facts('本报讯 5月6日，区委书记陈红民到嵩山路街道调研安全生产工作。');
    expect(names(f, 'Person')).to.deep.equal(['陈红民']);
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['陈红民', '区委书记']]);
    const p = f.entities.find((e) => e.name === '陈红民')!;
    expect(p.mentions[0].ruleId).to.equal('person/title-name');
    expect(p.roles).to.include('Official');
  });

  it('shares the level word between place and role: 二七区长苏建设', () => {
    const f = facts('二七区长苏建设在开幕式上致辞。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['苏建设', '二七区长']]);
    expect(f.entities.find((e) => e.type === 'Title')!.id).to.equal('title:二七区区长');
  });

  it('splits chained titles on 、 and gives the person each one', () => {
    const f = facts('县委副书记、常务副县长王振华带队检查防汛工作。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([
      ['王振华', '县委副书记'],
      ['王振华', '常务副县长'],
    ]);
  });

  it('reads three chained national titles', () => {
    const f = facts('会上，中共中央总书记、国家主席、中央军委主席习近平发表重要讲话。');
    expect(pairs(f, 'HOLDS_TITLE').map((p) => p[1]).sort()).to.deep.equal(['中共中央总书记', '中央军委主席', '国家主席'].sort());
  });

  it('keeps the organisation part of a title: 区民政局局长, 县经济开发区管委会主任, 统战部长', () => {
    const f = facts('会上，区民政局局长王琳汇报了工作。县委常委、统战部长姜立新，县经济开发区管委会主任张正国一同参加。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.include.members([
      ['王琳', '区民政局局长'],
      ['姜立新', '县委常委'],
      ['姜立新', '统战部长'],
      ['张正国', '县经济开发区管委会主任'],
    ]);
  });

  it('reads township titles and two-character names before a comma', () => {
    const f = facts('2月7日，镇党委书记沈改，镇党委副书记、镇长李正文带队到新化村指导工作。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([
      ['李正文', '镇党委副书记'],
      ['李正文', '镇长'],
      ['沈改', '镇党委书记'],
    ]);
  });

  it('区领导, 班子领导, 相关负责人 are not titles, but the names after 区领导 are persons', () => {
    const f = facts('区领导刘文斌一同参加。万科集团相关负责人介绍了项目情况。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([]);
    expect(names(f, 'Person')).to.deep.equal(['刘文斌']);
  });

  it('reads name lists split on 、 ending in 等', () => {
    const f = facts('赵建国、钱立、孙晓梅、李卫东等县四个班子领导出席仪式。');
    expect(names(f, 'Person')).to.deep.equal(['孙晓梅', '李卫东', '赵建国', '钱立'].sort());
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([]);
  });

  it('reads compound surnames (欧阳, 司马)', () => {
    const f = facts('副市长欧阳明辉一行来到高新区调研。镇长司马光华指出，要抓好秋粮收购。');
    expect(names(f, 'Person')).to.deep.equal(['司马光华', '欧阳明辉']);
  });

  it('stops a name before a following word: 苏建设一行, 姚志伟带领, 刘德和表示', () => {
    const f = facts('苏建设一行先后来到三个社区。姚志伟带领相关部门负责人到现场督导。镇党委书记刘德和表示，要压实责任。');
    expect(names(f, 'Person')).to.deep.equal(['刘德和', '姚志伟', '苏建设'].sort());
  });

  it('does not take common words that start with a surname for names', () => {
    const f = facts('工作人员在路口张贴标语。黄金时间要高度重视。万科集团负责人介绍了情况。时间紧、任务重。');
    expect(names(f, 'Person')).to.deep.equal([]);
  });

  it('a group (代表们, 与会人员) is not a person', () => {
    const f = facts('代表们表示，要积极建言献策。与会人员认真聆听了讲话。');
    expect(names(f, 'Person')).to.deep.equal([]);
  });

  it('reads a name right after a word for a kind of people (老党员董庆军), not a word (慰问组都认真)', () => {
    const f = facts('杜庆节还看望了老党员董庆军，并送上慰问品。在困难群众张爱梅家中，他询问了生活情况。慰问组都认真听取汇报。');
    expect(names(f, 'Person')).to.include.members(['董庆军', '张爱梅']);
    expect(names(f, 'Person')).to.not.include('都认真');
  });

  it('two people with the same surname stay two people', () => {
    const f = facts('县长王立新、副县长王立国出席会议。');
    expect(names(f, 'Person')).to.deep.equal(['王立国', '王立新']);
    expect(new Set(f.entities.filter((e) => e.type === 'Person').map((e) => e.id)).size).to.equal(2);
  });

  it('reads traditional characters and keeps the names as written', () => {
    const f = facts('2月15日，縣委書記楊良鋒、縣長杭鶯深入縣經濟開發區調研企業復工情況。');
    expect(names(f, 'Person')).to.deep.equal(['杭鶯', '楊良鋒']);
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.include.members([
      ['楊良鋒', '縣委書記'],
      ['杭鶯', '縣長'],
    ]);
  });

  it('takes byline names from the article as reporters', () => {
    const f = facts('本报讯 近日，县长王刚来到城南工业园区调研。', { reporters: ['张华'], correspondents: ['李明'] });
    expect(names(f, 'Person')).to.deep.equal(['张华', '李明', '王刚'].sort());
    expect(f.entities.find((e) => e.name === '张华')!.roles).to.include('Reporter');
    expect(pairs(f, 'REPORTED').map((p) => p[0]).sort()).to.deep.equal(['张华', '李明']);
  });

  it('reads a byline written at the end of the text when ingest gave none', () => {
    const f = facts('本报讯 近日，县长王刚来到城南工业园区调研。\n记者 张华 通讯员 李明 赵丽');
    expect(f.reporters).to.deep.equal(['张华']);
    expect(f.correspondents).to.deep.equal(['李明', '赵丽']);
  });
});
