import { expect } from 'chai';
import { facts, pairs } from './helpers';

describe('extract: relations', () => {
  it('INSPECTED: one relation per person and listed site (一行 + 实地察看了)', () => {
    const f = facts('副县长李伟一行实地察看了城东污水处理厂、滨河公园和金鼎科技有限公司。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['李伟', '城东污水处理厂'],
      ['李伟', '滨河公园'],
      ['李伟', '金鼎科技有限公司'],
    ]);
    const r = f.relations.find((x) => x.type === 'INSPECTED')!;
    expect(r.evidence.ruleId).to.equal('inspected/visit-verb');
    expect(r.evidence.sentence).to.contain('李伟');
  });

  it('INSPECTED: 到 … 调研 (move verb) and the subject after 带队', () => {
    const f = facts('9月3日，区委副书记、区长孙建民率队到福兴街街道督导检查创文工作。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['孙建民', '福兴街街道']]);
  });

  it('INSPECTED: the visit goes on in a later sentence without a subject of its own', () => {
    const f = facts('县长王刚来到城南工业园区调研。随后，又来到宏达机械有限公司，察看生产线运行情况。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['王刚', '城南工业园区'],
      ['王刚', '宏达机械有限公司'],
    ]);
  });

  it('INSPECTED: 督查中，X带队到 A、B和C', () => {
    const f = facts('近日，区委副书记李明带队督导安全生产工作。督查中，李明带队到万达广场、金海商城和新华商场，详细查看了消防设施。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['李明', '万达广场'],
      ['李明', '新华商场'],
      ['李明', '金海商城'],
    ]);
  });

  it('INSPECTED: 在X调研 (the site between 在 and the visit verb)', () => {
    const f = facts('县长李刚在城南工业园区检查安全生产工作。随后在县政府召开座谈会。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['李刚', '城南工业园区']]);
  });

  it('分别 with several persons: the pairing is unknown, no INSPECTED', () => {
    const f = facts('张建国、李卫东等领导分别率队前往第一中学和第二小学走访慰问。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([]);
  });

  it('分别 with one person: each site', () => {
    const f = facts('区委常委、常务副区长邓展鹏到新造镇开展接访。随后，邓展鹏分别前往南约村和北约村，与村干部座谈。');
    expect(pairs(f, 'INSPECTED')).to.deep.include.members([
      ['邓展鹏', '南约村'],
      ['邓展鹏', '北约村'],
    ]);
  });

  it('a group visit (代表们察看) is not a person\'s', () => {
    const f = facts('区人大常委会主任许广文出席。代表们先后实地察看了滨河公园、市民服务中心等处。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([]);
  });

  it('ACCOMPANIED: 在A陪同下', () => {
    const f = facts('市长王刚在副市长刘洋陪同下，深入东城区调研。');
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([['刘洋', '王刚']]);
    expect(pairs(f, 'INSPECTED')).to.deep.equal([['王刚', '东城区']]);
  });

  it('ACCOMPANIED: the persons of a trailing …等陪同 clause', () => {
    const f = facts('副区长刘洁兰督导批发市场防控工作，城郊党委副书记、管委会主任王仁贵，卫健工作部部长胡可等相关负责人陪同。');
    expect(pairs(f, 'ACCOMPANIED')).to.deep.equal([
      ['王仁贵', '刘洁兰'],
      ['胡可', '刘洁兰'],
    ]);
    expect(pairs(f, 'HOLDS_TITLE')).to.deep.include(['王仁贵', '城郊党委副书记']);
  });

  it('INSPECTED: 在X，person 仔细检查了… (the site heads the sentence)', () => {
    const f = facts('市长周军深入殷祖镇检查防控工作。在东岳农贸市场，周军仔细检查了市场经营秩序。');
    expect(pairs(f, 'INSPECTED')).to.deep.equal([
      ['周军', '东岳农贸市场'],
      ['周军', '殷祖镇'],
    ]);
  });

  it('ATTENDED: 出席 + an event', () => {
    const f = facts('县委书记赵海峰出席签约仪式并致辞。');
    expect(pairs(f, 'ATTENDED')).to.deep.equal([['赵海峰', '签约仪式']]);
    expect(f.entities.find((e) => e.type === 'Event')!.name).to.equal('签约仪式');
  });

  it('PART_OF between adjacent administrative units', () => {
    const f = facts('近日，东城区人和街道荆花社区8号楼前很热闹。');
    expect(pairs(f, 'PART_OF')).to.deep.include.members([
      ['人和街道', '东城区'],
      ['荆花社区', '人和街道'],
    ]);
  });

  it('every mention and relation carries its provenance', () => {
    const text = '本报讯 9月 17日，县委书记陈文到城关镇\n调研。陈文一行来到东湖公园，察看了游园改造。';
    const f = facts(text);
    for (const e of f.entities) {
      for (const m of e.mentions) {
        expect(text.slice(m.start, m.end)).to.equal(m.text);
        expect(m.ruleId).to.match(/^[a-z-]+\/[a-z-]+$/);
        expect(m.sentence).to.be.within(0, f.sentences.length - 1);
      }
    }
    expect(f.relations.length).to.be.greaterThan(0);
    for (const r of f.relations) {
      const ev = r.evidence;
      expect(ev.articleId).to.equal('test#1');
      expect(ev.sentence).to.equal(text.slice(f.sentences[ev.sentenceIndex].start, f.sentences[ev.sentenceIndex].end));
      expect(ev.start).to.be.lessThan(ev.end);
      expect(ev.sourceStart).to.have.property('line');
      expect(ev.ruleId).to.be.a('string').and.not.empty;
    }
    const insp = pairs(f, 'INSPECTED');
    expect(insp).to.deep.include.members([
      ['陈文', '城关镇'],
      ['陈文', '东湖公园'],
    ]);
  });
});
