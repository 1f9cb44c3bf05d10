/**
 * Plain-text tables (graph/table.ts; `zhkg query`'s formatTable uses the same width and cut): wide
 * characters take two columns, controls and combining marks none; cut cells end in "…" and never
 * pass the limit.
 */
import { expect } from 'chai';
import { displayWidth, fit, formatTable } from '../../src/graph/table';
import { formatTable as formatQueryTable } from '../../src/neo4j/query';

describe('graph: plain-text tables', () => {
  it('counts terminal columns: CJK, full-width and emoji 2, combining marks and controls 0', () => {
    expect(displayWidth('陈红民')).to.equal(6);
    expect(displayWidth('ＧＤＰ增长6.5%')).to.equal(6 + 4 + 4);
    expect(displayWidth('二七区😀')).to.equal(8);
    expect(displayWidth('e\u0301')).to.equal(1);
    expect(displayWidth('𠀀')).to.equal(2);
  });

  it('fit cuts at the column limit with "…", a wide character never split past it', () => {
    expect(fit('二七区委书记陈红民', 20)).to.equal('二七区委书记陈红民');
    const cut = fit('二七区委书记陈红民到嵩山路街道调研', 10);
    expect(cut).to.equal('二七区委…');
    expect(displayWidth(cut)).to.be.at.most(10);
    // odd limit: the next wide character would pass it
    expect(displayWidth(fit('二七区委书记陈红民', 8))).to.be.at.most(8);
    expect(fit('a\nb\tc', 10)).to.equal('a b c');
  });

  it('both table formatters line CJK columns up', () => {
    const text = formatTable(['名', 'n'], [['陈红民', 1], ['姚志伟', 12]], { right: [1] });
    const widths = text.trimEnd().split('\n').map(displayWidth);
    expect(new Set(widths.slice(2)).size, text).to.equal(1);
    const q = formatQueryTable({ keys: ['who', 'site'], rows: [{ who: '陈红民', site: '嵩山路街道' }, { who: 'Li', site: { a: 1 } }] }, 8);
    const lines = q.trimEnd().split('\n');
    expect(lines).to.include('| 陈红民 | 嵩山路… |');
    expect(lines).to.include('| Li     | {"a":1} |');
    expect(new Set(lines.slice(0, -1).map(displayWidth)).size, q).to.equal(1);
  });
});
