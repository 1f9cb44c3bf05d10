/**
 * Property-based tests (fast-check) over ingest and extract: random mixes of CJK, punctuation,
 * digits, white space, newlines, markdown marks, bylines, 本报讯, surrogate pairs and control
 * characters. Whatever the text: nothing throws, every offset lies inside the text, every mention's
 * text is its slice, the source map points back at the page, and the output is valid against the
 * schema. Seeded, so a failure reproduces.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { decodeBytes, ingestText } from '../../src/ingest';
import { splitLines } from '../../src/ingest/lines';
import { extractArticle } from '../../src/extract';
import { resolveArticle } from '../../src/resolve';
import { validateArticleFacts } from '../../src/schemas';
import type { Article, Diagnostic } from '../../src/types';

const FRAGMENTS = [
  // CJK words and names the rules look for
  '二七区', '区委书记', '陈红民', '区长', '姚志伟', '到', '嵩山路街道', '调研', '检查', '陪同', '出席', '会议', '社区', '项目', '建设',
  '郑州市', '人民政府', '办事处', '有限公司', '副区长', '同志', '一', '的', '和', '等', '區長', '陳紅民', '調研',
  // punctuation
  '，', '。', '！', '？', '；', '：', '、', '“', '”', '（', '）', '(', ')', '《', '》', '…', '——', '·', '.', ',', '"', "'",
  // digits, dates, datelines
  '9月19日', '9月 19日', '2019年9月20日', '近日', '0', '12', '３', '十九', '%',
  // white space and line structure
  ' ', '  ', '\u3000', '\t', '\n', '\n\n', '\n\n\n', '\r\n', '\u00a0', '\u200b',
  // markdown and HTML
  '# ', '## ', '**', '*', '_', '`', '> ', '- ', '1. ', '| ', ' |', '|---|', '---', '[链接](http://x)', '![图](a.png)', '<b>', '</b>', '<script>x</script>', '\\',
  // openings and bylines
  '本报讯', '本报讯（记者 张改华）', '记者 景静', '通讯员 王珂', '记者', '通讯员', '（记者 张改华 通讯员 郭佳星）', '发布时间：2019-09-20', '来源：二七区',
  // surrogate pairs, rare and control characters
  '𠮷', '𠀀', '😀', '\ud842', '\udfb7', '\u0001', '\u001f', '\u007f', '\ufeff', '\ufffd', '\u2028', 'é', 'ａ',
];

const pageArb = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 } as never) }), {
    minLength: 0,
    maxLength: 120,
  })
  .map((xs) => xs.join(''));

/** A decoded page as ingest gets it: line ends normalised. */
const decodedPageArb = pageArb.map((s) => s.replace(/\r\n?/g, '\n'));

const PARAMS = { seed: Number(process.env.ZHKG_PROP_SEED || 20261124), numRuns: 150 };

function checkArticle(a: Article, pageText: string): void {
  const n = a.text.length;
  expect(a.id).to.match(/#\d+$/);
  expect(a.sourceMap.length).to.be.greaterThan(0);
  expect(a.sourceMap[0].offset).to.equal(0);
  // (a lone surrogate is read as U+FFFD, one unit for one)
  const lines = splitLines(pageText.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd'));
  a.sourceMap.forEach((p, i) => {
    const end = i + 1 < a.sourceMap.length ? a.sourceMap[i + 1].offset : n;
    expect(p.offset).to.be.within(0, n);
    expect(end).to.be.at.least(p.offset);
    expect(p.line).to.be.within(1, lines.length);
    // the piece's text was copied from the page at line:column (a joined line break is not)
    const copied = a.text.slice(p.offset, end).replace(/\n$/, '');
    const source = lines[p.line - 1].slice(p.column - 1, p.column - 1 + copied.length);
    expect(source, `piece ${i} of ${a.id}`).to.equal(copied);
  });
}

describe('reliability: properties (fast-check)', function () {
  this.timeout(120000);

  it('decodeBytes never throws, on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeBytes(bytes);
        if (r.ok) expect(r.text).to.be.a('string');
        else expect(r.message).to.be.a('string').and.not.equal('');
      }),
      { ...PARAMS, numRuns: 400 },
    );
  });

  it('decodeBytes of any page encoded as UTF-8, UTF-16 or GB18030 either reads it back unchanged or rejects it', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    fc.assert(
      fc.property(decodedPageArb, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'gb18030'), (page, enc) => {
        const bom = enc.startsWith('utf-16');
        const r = decodeBytes(iconv.encode(page, enc, { addBOM: bom }));
        if (r.ok && !r.damagedLines) {
          // lone surrogates and characters GB18030 cannot hold are the only allowed losses
          if (!/[\ud800-\udfff]/.test(page)) expect(r.text.replace(/^\ufeff+/, '')).to.equal(page.replace(/^\ufeff+/, ''));
        }
      }),
      PARAMS,
    );
  });

  it('ingestText never throws; articles keep valid offsets and a source map back into the page', () => {
    fc.assert(
      fc.property(decodedPageArb, (page) => {
        const diagnostics: Diagnostic[] = [];
        const { articles } = ingestText(page, { path: 'prop.txt', diagnostics });
        for (const a of articles) checkArticle(a, page);
        for (const d of diagnostics) {
          expect(d.file).to.equal('prop.txt');
          if (d.line !== undefined) expect(d.line).to.be.within(1, Math.max(1, splitLines(page).length));
        }
      }),
      PARAMS,
    );
  });

  it('extract + resolve never throw; output always valid against the schema, mentions equal their slices', () => {
    fc.assert(
      fc.property(decodedPageArb, fc.constantFrom<undefined | 'markdown' | 'ocr' | 'plain'>(undefined, 'markdown', 'ocr', 'plain'), (page, format) => {
        const { articles } = ingestText(page, { path: 'prop.md', format });
        for (const a of articles) {
          const facts = resolveArticle(extractArticle(a));
          const v = validateArticleFacts(JSON.parse(JSON.stringify(facts)));
          expect(v.errors, JSON.stringify(page)).to.deep.equal([]);
          for (const e of facts.entities) {
            for (const m of e.mentions) {
              expect(m.start).to.be.within(0, facts.text.length);
              expect(m.end).to.be.within(m.start, facts.text.length);
              expect(facts.text.slice(m.start, m.end)).to.equal(m.text);
            }
          }
          for (const r of facts.relations) {
            expect(r.evidence.start).to.be.within(0, facts.text.length);
            expect(r.evidence.end).to.be.within(r.evidence.start, facts.text.length);
            expect(r.evidence.articleId).to.equal(facts.id);
          }
        }
      }),
      { ...PARAMS, numRuns: 120 },
    );
  });
});
