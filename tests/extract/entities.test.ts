import { expect } from 'chai';
import { facts, names } from './helpers';

describe('extract: places, organisations, projects', () => {
  it('finds sites by their head word and stops at the visit verb on the left', () => {
    const f = facts('县长孙立平先后来到红旗街道幸福里社区、县人民医院和金鼎科技有限公司调研。');
    expect(names(f, 'Place')).to.include.members(['红旗街道', '幸福里社区', '县人民医院']);
    expect(names(f, 'Organization')).to.deep.equal(['金鼎科技有限公司']);
  });

  it('splits lists on 、 和 及 与', () => {
    const f = facts('副区长刘洋察看了人民公园、滨河广场和东风路农贸市场及城北小学。');
    expect(names(f, 'Place')).to.deep.equal(['东风路农贸市场', '人民公园', '城北小学', '滨河广场'].sort());
  });

  it('a crossroads does not become the left part of the site after it', () => {
    const f = facts('王刚一行来到建设路桐柏路口丹尼斯百货商场，查看了消防通道。');
    expect(names(f, 'Place')).to.include.members(['建设路桐柏路口', '丹尼斯百货商场']);
    expect(names(f, 'Place')).to.not.include('建设路桐柏路口丹尼斯百货商场');
  });

  it('keeps administrative units nested in a longer name as places of their own', () => {
    const f = facts('近日，东城区人和街道荆花社区8号楼前很热闹。');
    expect(names(f, 'Place')).to.include.members(['东城区', '人和街道', '荆花社区']);
  });

  it('generic words are not names: 老旧小区, 辖区, 城区道路, 各社区', () => {
    const f = facts('要对辖区内老旧小区和城区道路进行整治，各社区要积极配合。');
    expect(names(f, 'Place')).to.deep.equal([]);
  });

  it('types the items of a list by what closes it: 等单位, 等项目', () => {
    const f = facts('论坛由市教育局、华科软件、郑州联通等单位联合承办。会议要求加快智慧停车平台、污水处理厂提标改造工程等项目建设。');
    expect(names(f, 'Organization')).to.include.members(['市教育局', '华科软件', '郑州联通']);
    expect(names(f, 'Project')).to.deep.equal(['智慧停车平台', '污水处理厂提标改造工程'].sort());
  });

  it('keeps a short parenthesis after a name', () => {
    const f = facts('领导们前往第二实验小学（东校区）慰问教师。');
    expect(names(f, 'Place')).to.deep.equal(['第二实验小学（东校区）']);
  });

  it('enumerated townships are places even when jieba splits them', () => {
    const f = facts('吴海燕一行先后到城郊乡、河集乡、孙聚寨乡、潮庄镇和白庙乡等乡镇，查看值班记录。');
    expect(names(f, 'Place')).to.deep.equal(['城郊乡', '孙聚寨乡', '河集乡', '潮庄镇', '白庙乡'].sort());
  });

  it('government bodies need a jurisdiction: 县人民政府 yes, 基层政府 no', () => {
    const f = facts('县人民政府与企业签约。平台面向基层政府提供服务。');
    expect(names(f, 'Organization')).to.deep.equal(['县人民政府']);
  });

  it('a named project with a project head; generic work is not a project', () => {
    const f = facts('苏建设一行实地察看了锦华苑安置房项目，要求抓好安全生产工作，这是一项民生工程。');
    expect(names(f, 'Project')).to.deep.equal(['锦华苑安置房项目']);
  });
});
