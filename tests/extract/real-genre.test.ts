import { expect } from 'chai';
import { facts, names, pairs } from './helpers';

/** Fixes found on real local-government news outside the sample (issue 3, held-out articles). */
describe('extract: real-genre constructions', () => {
  it('every name of a 、-list after a title is a person holding the title', () => {
    const f = facts('县委常委张振华、刘海燕、王鹏，副县长赵刚出席活动。');
    expect(names(f, 'Person')).to.include.members(['张振华', '刘海燕', '王鹏', '赵刚']);
    const held = pairs(f, 'HOLDS_TITLE').filter(([, t]) => t.endsWith('县委常委')).map(([p]) => p).sort();
    expect(held).to.deep.equal(['刘海燕', '张振华', '王鹏']);
    expect(pairs(f, 'HOLDS_TITLE').filter(([p]) => p === '赵刚').length).to.equal(1);
  });

  it('a conjunction before a head word is not part of a place (并与社区书记)', () => {
    const f = facts('镇长周平走访了村民，并与社区书记座谈，还并与驻村干部交流。');
    const places = names(f, 'Place');
    expect(places.some((p) => p.startsWith('并'))).to.equal(false);
  });

  it('an object ending in 工作/情况 is a topic: the site is the place before it', () => {
    const f = facts('副市长吴涛调研鼓楼区社区工作情况。');
    expect(names(f, 'Place')).to.not.include('鼓楼区社区工作情况');
    expect(pairs(f, 'INSPECTED').map(([, s]) => s)).to.not.include('鼓楼区社区工作情况');
  });

  it('带领 X 到 Y: the entourage X is not a site, and 督查室 holds no visit verb', () => {
    const f = facts('市政府副秘书长林峰带领市政府督查室、市卫健委相关负责同志到春晖社区调研。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['林峰', '春晖社区']]);
  });

  it('由 A 带队，组织委员考察团到 Y 视察: A inspected Y', () => {
    const f = facts('由县政协副主席郑丽带队，组织县政协委员视察团到城关镇幸福里社区视察养老服务工作。');
    expect(pairs(f, 'INSPECTED').map(([p, s]) => `${p}>${s}`)).to.include('郑丽>幸福里社区');
  });

  it('a title may start with a community name of two words (金色新城社区党委书记)', () => {
    const f = facts('据悉，翠湖花园社区党委书记韩晓梅介绍了情况。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['韩晓梅', '翠湖花园社区党委书记']]);
    const g = facts('阳光社区党工委书记介绍了情况。');
    expect(names(g, 'Person')).to.deep.equal([]);
  });

  it('reads 巢 as a surname', () => {
    const f = facts('社区主任巢丽萍汇报了工作。');
    expect(names(f, 'Person')).to.deep.equal(['巢丽萍']);
  });

  it('a name in parentheses at the end of the text is the reporter', () => {
    const f = facts('区长孙明到辖区企业调研。与会人员提出了意见建议。(钱晓雯)');
    expect(f.reporters).to.deep.equal(['钱晓雯']);
  });

  it('news agency branches: 新华社湖南分社副总编 is a title, 新华社湖南分社 an organisation', () => {
    const f = facts('新华社湖南分社副总编罗文一行来我县调研采访。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['罗文', '新华社湖南分社副总编']]);
    expect(names(f, 'Organization')).to.include('新华社湖南分社');
  });

  it('officials listed before 陪同 accompany the visitor of the sentence before', () => {
    const f = facts('新华社湖南分社副总编罗文一行来我县调研采访。县委书记钟立，县委常委、宣传部长谢军先后陪同调研。');
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([
      ['谢军', '罗文'],
      ['钟立', '罗文'],
    ]);
  });

  it('nested units X街道Y社区 give both units, not a cut in the middle', () => {
    const f = facts('副区长何平到八一路街道八一路社区检查防汛工作。');
    expect(names(f, 'Place')).to.deep.equal(['八一路社区', '八一路街道']);
    expect(pairs(f, 'PART_OF')).to.deep.equal([['八一路社区', '八一路街道']]);
  });

  it('a function character glued to a two-character name ends it (县长刘洋以“四不两直”方式)', () => {
    const f = facts('县长刘洋以“四不两直”方式检查了安全生产工作。');
    expect(names(f, 'Person')).to.deep.equal(['刘洋']);
  });

  it('a clause-initial word ending in 镇/村 is a place, not a name (在龙岗镇，)', () => {
    const f = facts('市长高飞走进龙岗镇敬老院。在龙岗镇，高飞察看了消防设施。');
    expect(names(f, 'Person')).to.deep.equal(['高飞']);
  });

  it('items of a 等地 list keep their own head type and split on 以及', () => {
    const f = facts('副市长孙伟前往宏远建材有限公司、滨江花园二期以及城西污水处理厂等地检查。');
    expect(names(f, 'Organization')).to.include('宏远建材有限公司');
    expect(names(f, 'Place')).to.include('城西污水处理厂');
    expect(names(f, 'Place').concat(names(f, 'Project')).some((n) => n.includes('以及'))).to.equal(false);
  });

  it('a function character glued to the start of a title or a body is left out (由市统计局副局长, 率县考绩办)', () => {
    const f = facts('由市财政局副局长赵亮率队的督查组到我县督查。县长孔明率县考绩办、交通等部门负责人陪同。');
    expect(pairs(f, 'HOLDS_TITLE').map(([, t]) => t)).to.include('市财政局副局长');
    const all = f.entities.map((e) => e.name);
    expect(all.some((n) => n.startsWith('由') || n.startsWith('率'))).to.equal(false);
  });

  it('a title keeps nested units before its role (X街道Y社区党支部书记)', () => {
    const f = facts('东风街街道百花里社区党支部书记冯丽带领党员冲锋在前。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['冯丽', '东风街街道百花里社区党支部书记']]);
  });

  it('an activity before 社区 is not a community name; 街道社区 glued by jieba still ends the 街道', () => {
    const f = facts('副市长罗兵到桂园街道调研疫情防控社区责任体系。随后来到桂园街道社区卫生服务中心。');
    const places = names(f, 'Place');
    expect(places).to.not.include('疫情防控社区');
    expect(places).to.not.include('桂园街道社区');
    expect(places).to.include('桂园街道');
  });

  it('县长 shared with a county name is not a title when a place follows (开江县长田乡)', () => {
    const f = facts('副市长刘强率队来到石门县长坪乡调研。');
    expect(names(f, 'Person')).to.deep.equal(['刘强']);
    expect(names(f, 'Place').some((n) => n.endsWith('长坪乡'))).to.equal(true);
  });

  it('a contact point before a place is not part of its name (扶贫联系点马岗村)', () => {
    const f = facts('县人大副主任孙涛到扶贫联系点青石村调研。');
    expect(names(f, 'Place')).to.include('青石村');
    expect(names(f, 'Place').some((n) => n.includes('联系点'))).to.equal(false);
  });

  it('和 before a title ends the name before it (薛群和村委会主任王爱国)', () => {
    const f = facts('村党总支书记吴海和村委会主任钱进来到田间。');
    expect(names(f, 'Person')).to.deep.equal(['吴海', '钱进']);
  });

  it('a sentence of companions keeps the visit going: 在X…，每到一处 after 市领导A、B陪同。', () => {
    const f = facts('市委书记韩涛深入乡镇调研。市领导孟飞、马丁分别陪同。在南山工业园、北湖园区，每到一处，韩涛都详细询问发展情况。');
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([
      ['孟飞', '韩涛'],
      ['马丁', '韩涛'],
    ]);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['韩涛', '北湖园区'],
      ['韩涛', '南山工业园'],
    ]);
  });

  it('a one-character move verb glued to the site by jieba (带队赴大峃镇、…等地)', () => {
    const f = facts('县长林立带队赴大峃镇、二源镇等地开展督查。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['林立', '二源镇'],
      ['林立', '大峃镇'],
    ]);
  });

  it('督查中，opens a sentence without being a visit; 一同前往 companions accompany the visitor', () => {
    const f = facts('县委书记韦东带领相关单位负责人督查环境整治工作。县政协主席罗成、副县长白宁一同前往。督查中，韦东一行先后来到卫庄镇、南樊镇。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['韦东', '南樊镇'],
      ['韦东', '卫庄镇'],
    ]);
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([
      ['白宁', '韦东'],
      ['罗成', '韦东'],
    ]);
  });

  it('a body named between the level word and its organ head stays in the title (市人民防空办公室主任)', () => {
    const f = facts('市人民防空办公室主任郑强一行到西李村走访。');
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.equal([['郑强', '市人民防空办公室主任']]);
  });

  it('surname + role (陈书记一行) is a form of address: the visit stays with the named person', () => {
    const f = facts('区委书记陈明带队到人和路街道视察防汛工作。陈书记一行首先来到中线防洪工程现场。');
    expect(names(f, 'Person')).to.deep.equal(['陈明']);
    expect(pairs(f, 'INSPECTED').map(([p]) => p)).to.deep.equal(['陈明', '陈明']);
  });

  it('a verb between name words stays inside a company name (华电福新周宁抽水蓄能公司)', () => {
    const f = facts('县长陈文来到华电福新周宁抽水蓄能公司调研。');
    expect(names(f, 'Organization')).to.deep.equal(['华电福新周宁抽水蓄能公司']);
  });

  it('村 starting a common word (村况, 村貌) is not a head (了解民情村况)', () => {
    const f = facts('李新才与村干部深入走访，详细了解民情村况。');
    expect(names(f, 'Place')).to.deep.equal([]);
  });

  it('我区 before a company is not part of its name', () => {
    const f = facts('副市长梁强一行先后深入我区新乡立白实业有限公司调研。');
    expect(names(f, 'Organization')).to.deep.equal(['新乡立白实业有限公司']);
  });

  it('区政府副区长 does not make "区政府副区" the article\'s jurisdiction (区长 stays apart from it)', () => {
    const f = facts('11月12日，区长王宇走访调研辖区企业，区政府副区长李杰陪同。');
    const held = pairs(f, 'HOLDS_TITLE');
    expect(held.length).to.equal(2);
    expect(held.find(([p]) => p === '李杰')![1]).to.not.equal(held.find(([p]) => p === '王宇')![1]);
    expect(f.entities.filter((e) => e.type === 'Title').every((e) => !e.id.includes('区政府副区区长'))).to.equal(true);
  });

  it('a byline in parentheses with roles at the end of the last paragraph: (融媒体记者 X), (图文:X Y)', () => {
    const f = facts('市长马强来到电商产业园，实地察看安全隐患整改情况。（融媒体记者 杨小露）');
    expect(f.reporters).to.deep.equal(['杨小露']);
    const g = facts('区长陈伟先后来到金旗科技有限公司。\n(图文:陈泽明 王雅丽)');
    expect(g.reporters).to.deep.equal(['陈泽明', '王雅丽']);
  });

  it('reads 党组成员, 区长助理, 党委委员 as roles', () => {
    const f = facts('区政府党组成员、区长助理王涛，镇党委委员、副镇长吴兵陪同。');
    expect(pairs(f, 'HOLDS_TITLE').map(([p, t]) => `${p}>${t}`)).to.include.members(['王涛>区政府党组成员', '吴兵>副镇长']);
    expect(pairs(f, 'HOLDS_TITLE').filter(([p]) => p === '王涛').length).to.equal(2);
    expect(pairs(f, 'HOLDS_TITLE').filter(([p]) => p === '吴兵').length).to.equal(2);
  });

  it('在A陪同下，B来到X: A accompanies B; 展示馆 is a site head', () => {
    const f = facts('在区委常委、副区长陈立陪同下，市委书记王平来到滨江新城规划展示馆，察看了城市规划沙盘。');
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([['陈立', '王平']]);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['王平', '滨江新城规划展示馆']]);
  });

  it('a brand cut into single characters by jieba stays in the company name (鑫达化工有限公司)', () => {
    const f = facts('区委书记张强检查了鑫达化工有限公司和华联超市。');
    expect(names(f, 'Organization')).to.deep.equal(['鑫达化工有限公司']);
  });

  it('an item of a 等处 list made of common words only (沿街门店) is no place', () => {
    const f = facts('在卧龙镇，市长高明走进创美箱包、沿街门店等处，仔细检查消防设施。');
    expect(names(f, 'Place')).to.not.include('沿街门店');
    expect(names(f, 'Place')).to.include('创美箱包');
  });

  it('transcribed names with a middle dot after a title (买买提·艾力一行), and 于田县 keeps its first character', () => {
    const f = facts('州委书记买买提·艾力一行深入于田县木尕拉镇，实地察看了棉花收购点。');
    expect(names(f, 'Person')).to.deep.equal(['买买提·艾力']);
    expect(names(f, 'Place')).to.include.members(['于田县', '木尕拉镇']);
  });

  it('companions accompany every member of the visiting pair', () => {
    const f = facts('县委书记王强和县长赵刚一同调研。县领导周勇陪同调研。');
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([
      ['周勇', '王强'],
      ['周勇', '赵刚'],
    ]);
  });
});
