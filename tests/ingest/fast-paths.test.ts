/**
 * The fast paths of the ingest stage (table lookups, prefilters, one combined regex) must agree
 * with the plain definitions they replace, on every BMP character, on random text and on the
 * sample pages' lines.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayWidth, endsSentence, isCjk, isCjkPunct, lettersOnly } from '../../src/ingest/text-utils';
import { firstInvalidUtf8 } from '../../src/ingest/decode';
import { isClutter } from '../../src/ingest/clutter';
import { openingLength, parseByline, trailingBylineStart } from '../../src/ingest/byline';
import { CORPUS, FIXTURES, ROOT } from './helpers';

/** The definitions as first written (before the fast paths). */
const reference = {
  lettersOnly: (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, ''),
  displayWidth: (s: string) => {
    let w = 0;
    for (const ch of s) {
      const code = ch.codePointAt(0) ?? 0;
      w += code >= 0x1100 && (isCjk(ch) || isCjkPunct(ch) || code >= 0x20000 || (code >= 0xac00 && code <= 0xd7a3)) ? 2 : 1;
    }
    return w;
  },
  endsSentence: (text: string) => {
    const TERMINALS = '。！？!?…；;';
    const CLOSERS = '”’」』）)】》"\'';
    let i = text.length - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    while (i >= 0 && CLOSERS.includes(text[i])) i--;
    if (i < 0 || !TERMINALS.includes(text[i])) return false;
    for (let k = i + 1; k < text.length; k++) if (!CLOSERS.includes(text[k]) && !/\s/.test(text[k])) return false;
    return true;
  },
};

/** Text mixing CJK, Latin, digits, punctuation, full-width forms, emoji, combining marks and lone surrogates. */
const mixedText = fc
  .array(
    fc.oneof(
      fc.constantFrom('二', '七', '区', '記', '者', '，', '。', '、', '“', '”', '…', '·', '　', ' ', '\t', 'A', 'e', '\u0301', '１', 'Ａ', '㈠', '①', '😀', '𠀀', '\ud800', '\udc00', '\u2028', '\ufeff', '%', '*'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    ),
    { maxLength: 40 },
  )
  .map((xs) => xs.join(''));

function sampleLines(): string[] {
  const pages = [
    ...readdirSync(CORPUS).map((f) => join(CORPUS, f)),
    ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
  ];
  return pages.flatMap((p) => readFileSync(p, 'utf8').split('\n')).map((l) => l.trim()).filter(Boolean);
}

describe('ingest: fast paths agree with the plain definitions', () => {
  it('lettersOnly and displayWidth, on every BMP character', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (lettersOnly(ch) !== reference.lettersOnly(ch)) expect.fail(`lettersOnly U+${c.toString(16)}`);
      if (displayWidth(ch) !== reference.displayWidth(ch)) expect.fail(`displayWidth U+${c.toString(16)}`);
    }
  });

  it('lettersOnly, displayWidth and endsSentence, on random mixed text', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(lettersOnly(s)).to.equal(reference.lettersOnly(s));
        expect(displayWidth(s)).to.equal(reference.displayWidth(s));
        expect(endsSentence(s)).to.equal(reference.endsSentence(s));
        expect(endsSentence(s + '。 ')).to.equal(reference.endsSentence(s + '。 '));
      }),
      { numRuns: 3000 },
    );
  });

  it('toWellFormed (used on ingestText input) replaces exactly the lone surrogates, one for one', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    fc.assert(
      fc.property(mixedText, (s) => {
        expect((s as string & { toWellFormed(): string }).toWellFormed()).to.equal(s.replace(lone, '\ufffd'));
      }),
      { numRuns: 3000 },
    );
  });

  it('the native UTF-8 check accepts exactly what firstInvalidUtf8 accepts', () => {
    // overlong, surrogate, beyond U+10FFFF, truncated, and valid edge sequences
    const edges = [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xe4, 0xb8], [0x80], [0xef, 0xbb, 0xbf]];
    for (const e of edges) expect(isUtf8(Buffer.from(e)), e.join(' ')).to.equal(firstInvalidUtf8(Buffer.from(e)) < 0);
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
        const b = Buffer.from(bytes);
        expect(isUtf8(b)).to.equal(firstInvalidUtf8(b) < 0);
      }),
      { numRuns: 20000 },
    );
  });

  it('isClutter (one combined regex) equals testing the prefixes and each pattern alone', () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'dictionaries', 'ingest', 'clutter.json'), 'utf8')) as {
      maxLength: number;
      prefixes: string[];
      prefixSeparator: string;
      patterns: string[];
    };
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const prefix = new RegExp(`^[【\\[(（]?\\s*(?:${[...d.prefixes].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s*(?:${d.prefixSeparator}|$)`, 'u');
    const patterns = d.patterns.map((p) => new RegExp(p, 'u'));
    const plain = (l: string) => !!l && l.length <= d.maxLength && (prefix.test(l) || patterns.some((p) => p.test(l)));
    const lines = [...sampleLines(), '首页 > 新闻中心 > 区县动态', '2019年9月20日 星期五 第3版', '豫ICP备12345678号', '责任编辑：张三', '【打印】', '上一篇'];
    let clutter = 0;
    for (const l of lines) {
      expect(isClutter(l), l).to.equal(plain(l));
      if (plain(l)) clutter++;
    }
    expect(clutter).to.be.greaterThan(5);
  });

  it('openingLength (one combined test first) equals trying the opening and each pattern in turn', () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'dictionaries', 'ingest', 'byline.json'), 'utf8')) as { openings: string[]; openingPatterns: string[] };
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const openings = [...d.openings].sort((a, b) => b.length - a.length).map(escape);
    const forms = [
      new RegExp(`^[【\\[(（]?\\s*(?:${openings.join('|')})(?=[\\s（(【\\]】)）:：,，\\d０-９一二三四五六七八九十近日前]|$)`, 'u'),
      ...d.openingPatterns.map((p) => new RegExp(p, 'u')),
    ];
    const plain = (l: string) => {
      for (const f of forms) {
        const m = f.exec(l);
        if (m) return m[0].length;
      }
      return 0;
    };
    const lines = [...sampleLines(), '新华社郑州9月19日电 记者', '郑州日报讯 近日', '（本报讯）', '本报讯记者'];
    let opened = 0;
    for (const l of lines) {
      expect(openingLength(l), l).to.equal(plain(l));
      if (plain(l)) opened++;
    }
    expect(opened).to.be.greaterThan(3);
  });

  it('parseByline: the prefilters reject only lines that are no byline', () => {
    // lines the raw-text checks reject, next to the bylines they must let through
    expect(parseByline('记者了解到，这里')).to.equal(null);
    expect(parseByline('二七区召开会议')).to.equal(null);
    expect(parseByline('记者 张三，李四')).to.equal(null);
    expect(parseByline('记者 张三 通讯员 李四')).to.deep.equal({ reporters: ['张三'], correspondents: ['李四'] });
    expect(parseByline('、记者 张三')).to.deep.equal({ reporters: ['张三'], correspondents: [] });
    expect(parseByline('　記者　張三')).to.deep.equal({ reporters: ['張三'], correspondents: [] });
    expect(parseByline('（记者 张三）')).to.deep.equal({ reporters: ['张三'], correspondents: [] });
    expect(trailingBylineStart('会议强调了安全生产。记者 景静')).to.equal(10);
    expect(trailingBylineStart('会议强调了安全生产。')).to.equal(-1);
  });
});
