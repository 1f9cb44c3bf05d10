import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDatelineInSentence, findFullDate, formatDate, smallNumber } from '../../src/ingest/dates';
import { dateFromFileName } from '../../src/ingest/page-date';
import { ingestFile, ingestText } from '../../src/ingest';
import { tempDir } from './helpers';

const dl = (s: string, page: string | null = null) => {
  const d = findDatelineInSentence(s);
  return d ? formatDate(d, page) : null;
};

describe('ingest: dates', () => {
  it('reads the dateline of an opening', () => {
    expect(dl('9月19日上午，记者从')).to.equal('--09-19');
    expect(dl('9月 19日，二七区')).to.equal('--09-19');
    expect(dl('9月19日上午，记者从', '2019-09-20')).to.equal('2019-09-19');
    expect(dl('2019年9月19日，记者从')).to.equal('2019-09-19');
    expect(dl('二〇一九年九月十九日，记者从')).to.equal('2019-09-19');
    expect(dl('九月二十五日上午')).to.equal('--09-25');
    expect(dl('１０月１日，')).to.equal('--10-01');
  });

  it('takes the first day of a range', () => {
    expect(dl('9月8日至10日，二七区举办')).to.equal('--09-08');
    expect(dl('9月28日至10月2日，')).to.equal('--09-28');
  });

  it('gives null for 近日 and for no date, and ignores a date after 近日', () => {
    expect(dl('近日，二七区')).to.equal(null);
    expect(dl('日前，经过三个月的改造')).to.equal(null);
    expect(dl('近日，二七区召开9月20日会议的筹备会。')).to.equal(null);
    expect(dl('像管理服务高档小区一样运营城区')).to.equal(null);
    expect(dl('13月40日')).to.equal(null);
  });

  it('puts a December event on a January page in the year before', () => {
    expect(dl('12月31日，', '2020-01-02')).to.equal('2019-12-31');
  });

  it('reads the page date\'s year and month as its first two fields, whatever the string', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const page of ['2019-09-20', '2020-01-05', '2019', '2019-', '-09', '2019-12', '2019-1-2-3', 'x-y', '--', '2019-13-01'])
      for (const month of [1, 2, 9, 11, 12]) {
        const [y, m] = page.split('-').map(Number); // the definition as first written
        const expected = `${month > m + 1 ? y - 1 : y}-${pad(month)}-${pad(5)}`;
        expect(formatDate({ month, day: 5, year: null }, page), `${page} ${month}`).to.equal(expected);
      }
  });

  it('reads Chinese numerals lightly', () => {
    expect([smallNumber('十'), smallNumber('十九'), smallNumber('二十'), smallNumber('三十一'), smallNumber('19')]).to.deep.equal([10, 19, 20, 31, 19]);
    expect(Number.isNaN(smallNumber('百'))).to.equal(true);
  });

  it('finds full dates in metadata', () => {
    expect(findFullDate('2019-09-20 09:32:18')).to.equal('2019-09-20');
    expect(findFullDate('2019/9/20')).to.equal('2019-09-20');
    expect(findFullDate('2019年9月20日 星期五')).to.equal('2019-09-20');
    expect(findFullDate('浏览次数：1352')).to.equal(null);
  });

  it('reads an ISO date in a file name, never in a hash', () => {
    expect(dateFromFileName('2019-09-20_page3.txt')).to.equal('2019-09-20');
    expect(dateFromFileName('zzrb_20190920_03.txt')).to.equal('2019-09-20');
    expect(dateFromFileName('000_03b7dbb017044dde.txt')).to.equal(null);
    expect(dateFromFileName('a_20191332.txt')).to.equal(null);
    expect(dateFromFileName('ab20190920.txt')).to.equal(null);
  });

  it('page date: sidecar, then file name, then --date', () => {
    const dir = tempDir();
    const page = '本报讯 9月19日，二七区召开会议。\n记者 景静\n';
    const a = join(dir, 'a.txt');
    writeFileSync(a, page);
    expect(ingestFile(a).articles[0].date).to.equal('--09-19');
    expect(ingestFile(a, { date: '2018-09-20' }).articles[0].date).to.equal('2018-09-19');
    writeFileSync(join(dir, 'a.txt.json'), JSON.stringify({ date: '2019-09-20' }));
    expect(ingestFile(a, { date: '2018-09-20' }).articles[0]).to.include({ date: '2019-09-19', pageDate: '2019-09-20' });
    const b = join(dir, '2017-09-20.txt');
    writeFileSync(b, page);
    expect(ingestFile(b, { date: '2018-09-20' }).articles[0].date).to.equal('2017-09-19');
    writeFileSync(join(dir, '2017-09-20.meta.json'), JSON.stringify({ date: '2016-09-20' }));
    expect(ingestFile(b).articles[0].date).to.equal('2016-09-19');
    writeFileSync(join(dir, 'c.txt'), page);
    writeFileSync(join(dir, 'c.json'), '{not json');
    const c = ingestFile(join(dir, 'c.txt'));
    expect(c.page).to.not.equal(null);
    expect(c.diagnostics.map((d) => d.code)).to.include('ingest/sidecar-unreadable');
  });

  it('a weak article (no 本报讯) takes the first date of its first sentence', () => {
    const { articles } = ingestText('二七区召开会议\n\n9月19日上午，二七区召开全区安全生产工作会议。\n记者 景静\n', { path: 'x.txt' });
    expect(articles[0].date).to.equal('--09-19');
  });
});
