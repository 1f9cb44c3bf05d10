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
import { firstInvalidUtf8, validUtf8Text } from '../../src/ingest/decode';
import { isCaption, isClutter, withoutUnicodeFlag } from '../../src/ingest/clutter';
import { mayOpenWithRole, openingLength, parseByline, trailingBylineStart } from '../../src/ingest/byline';
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

  it('validUtf8Text reads valid UTF-8 as toString does (every character, random text)', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    for (const cp of [0x10000, 0x1f600, 0x20000, 0x2a6d6, 0x10ffff]) all += String.fromCodePoint(cp);
    const same = (s: string) => {
      const b = Buffer.from(s); // (a lone surrogate becomes U+FFFD: valid UTF-8)
      expect(isUtf8(b)).to.equal(true);
      const text = validUtf8Text(b);
      expect(text === b.toString('utf8'), JSON.stringify(s)).to.equal(true);
    };
    same(all);
    same('');
    same('plain ASCII page\n');
    same('\ufeff本报讯 9月19日');
    fc.assert(fc.property(mixedText, same), { numRuns: 3000 });
    // a view into a larger buffer
    const big = Buffer.from('xx二七区yy');
    expect(validUtf8Text(big.subarray(2, 11))).to.equal('二七区');
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
    // random lines of clutter words, separators, digits, blanks and surrogates (lines with none are
    // tested without the u flag)
    const piece = fc.constantFrom(...d.prefixes, '：', ':', ' ', '　', '|', '｜', '>', '»', '/', '第', '版', '3', '１２', '年', '月', '日', '【', '】', '（', '）', 'ICP备', '号', '二七区', '新闻', '😀', '\ud800', '\udc00', '大', '中', '小', 'Copyright', '-', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (xs) => {
        const l = xs.join('');
        expect(isClutter(l), l).to.equal(plain(l));
      }),
      { numRuns: 20000 },
    );
  });

  it('isCaption (one combined regex) equals testing each caption pattern alone', () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'dictionaries', 'ingest', 'clutter.json'), 'utf8')) as { maxLength: number; captions: string[] };
    const captions = d.captions.map((p) => new RegExp(p, 'u'));
    const plain = (l: string) => l.length <= d.maxLength && captions.some((p) => p.test(l));
    const piece = fc.constantFrom('图为', '圖為', '▲', '△', '上图', '图片', '照片', '图', '资料图', '供图', '由', '来源', '提供', '：', ':', '（', '(', '）', ')', ' ', '　', '二七区', '😀', '\ud800', 'a');
    let captioned = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (xs) => {
        const l = xs.join('');
        expect(isCaption(l), l).to.equal(plain(l));
        if (plain(l)) captioned++;
      }),
      { numRuns: 20000 },
    );
    expect(captioned).to.be.greaterThan(100);
  });

  it('withoutUnicodeFlag: the same matches on text without surrogates, or null', () => {
    expect(withoutUnicodeFlag(/\p{Script=Han}/u)).to.equal(null);
    expect(withoutUnicodeFlag(/\u{4e8c}/u)).to.equal(null);
    expect(withoutUnicodeFlag(/a/iu)).to.equal(null);
    expect(withoutUnicodeFlag(/^😀?二/u)).to.equal(null); // without u: \ud83d\ude00?, the first half required
    expect(withoutUnicodeFlag(/^\ud83d\ude00?二/u)).to.equal(null);
    const sources = ['^\\S{1,8}(?:\\s*(?:>{1,2}|»|/)\\s*\\S{1,12}){2,}$', '^.{0,5}第\\s*[0-9一二]+\\s*版', '(.)\\1', '^(?<a>\\S)\\k<a>'];
    const text = fc
      .array(fc.oneof(fc.constantFrom('第', '版', '二', '一', '1', ' ', '　', '>', '/', 'a', '»'), fc.integer({ min: 0, max: 0xd7ff }).map((c) => String.fromCharCode(c))), { maxLength: 20 })
      .map((xs) => xs.join(''));
    for (const src of sources) {
      const u = new RegExp(src, 'u');
      const bmp = withoutUnicodeFlag(u);
      expect(bmp, src).to.not.equal(null);
      fc.assert(
        fc.property(text, (s) => {
          expect((bmp as RegExp).test(s), `${src} on ${s}`).to.equal(u.test(s));
        }),
        { numRuns: 3000 },
      );
    }
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
    // characters whose NFKC opens with a role word: a Kangxi radical, a compatibility ideograph,
    // a parenthesised ideograph
    expect(parseByline('⽂ 张三')).to.deep.equal({ reporters: [], correspondents: [] });
    expect(parseByline('⾒習記者 張三')).to.deep.equal({ reporters: ['張三'], correspondents: [] });
    expect(parseByline('㈵约记者 张三')).to.equal(null); // (特)约记者: the bracket is not closed
  });

  it('parseByline: a line the raw first-character test rejects never opens with a role word once normalised', () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'dictionaries', 'ingest', 'byline.json'), 'utf8')) as { reporter: string[]; correspondent: string[]; other: string[] };
    const starts = new Set([...d.reporter, ...d.correspondent, ...d.other].map((r) => r.normalize('NFKC').charCodeAt(0)));
    // where parseByline looks for the first role word (its first steps, as written)
    const opensWithRole = (text: string) => {
      let t = text.normalize('NFKC').trim().replace(/^[■□●◆▲△★☆◇○]+\s*/u, '');
      const bracket = /^[(\[【]\s*(.*?)\s*[)\]】]$/u.exec(t);
      if (bracket) t = bracket[1];
      const first = /[^\s、:：]/u.exec(t);
      return !!first && starts.has(t.charCodeAt(first.index));
    };
    const piece = fc.oneof(
      fc.constantFrom('记', '者', '通', '文', '图', '本', '张', '三', ' ', '　', '\t', '■', '▲', '(', '（', '【', '[', '】', ')', '、', ':', '：', '⽂', '⾒', '⾸', '㈵', '㉆', '㊕', '見', '全', '⑴', '\u0301', '\u3099', '😀', '\ud800', '1', 'Ａ'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    let opened = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (xs) => {
        const s = xs.join('');
        if (opensWithRole(s)) {
          opened++;
          expect(mayOpenWithRole(s), s).to.equal(true);
        }
      }),
      { numRuns: 30000 },
    );
    expect(opened).to.be.greaterThan(100);
  });
});
