import { expect } from 'chai';
import fc from 'fast-check';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, ingestFile } from '../../src/ingest';
import { detectFormatOfLines, formatOfLines, type FormatEvidence } from '../../src/ingest/detect-format';
import { LineTests } from '../../src/ingest/line-tests';
import { splitLines } from '../../src/ingest/lines';
import { parseByline } from '../../src/ingest/byline';
import { isClutter } from '../../src/ingest/clutter';
import { displayWidth, endsSentence } from '../../src/ingest/text-utils';
import { CORPUS, FIXTURES, MD_PAGE, OCR_PAGE, readText, tempDir } from './helpers';

/** detectFormatOfLines as first written: one pass, every regex on every line. */
function referenceEvidence(lines: string[]): FormatEvidence {
  let headings = 0;
  let hardBreaks = 0;
  let markup = 0;
  let n = 0;
  let chars = 0;
  let longChars = 0;
  let terminated = 0;
  let wrapped = 0;
  let prevOpen = false;
  let prevWidth = 0;
  let prevRaw = '';
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) {
      prevOpen = false;
      prevRaw = '';
      continue;
    }
    if (/^ {0,3}#{1,6}[ \t]+\S/.test(raw)) headings++;
    else if (/^ {0,3}(={3,}|-{3,})[ \t]*$/.test(raw) && prevRaw.trim() && prevRaw.trim().length <= 60) headings++;
    prevRaw = raw;
    if (raw.endsWith('  ') && /\S {2,}$/.test(raw)) hardBreaks++;
    if (/^ {0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S|^ {0,3}>|\*\*[^*]+\*\*|\]\([^)]*\)/.test(raw)) markup++;
    if (parseByline(t) || isClutter(t)) {
      prevOpen = false;
      continue;
    }
    n++;
    chars += t.length;
    if (t.length > 60) longChars += t.length;
    const ends = endsSentence(t);
    if (ends) terminated++;
    const width = displayWidth(t);
    if (prevOpen && !/^[ \t\u3000]{2,}|^\u3000/.test(raw) && prevWidth >= width - 2) wrapped++;
    prevOpen = !ends;
    prevWidth = width;
  }
  const longShare = chars ? longChars / chars : 0;
  const terminatedShare = n ? terminated / n : 0;
  const wrappedShare = n ? wrapped / n : 0;
  let format: FormatEvidence['format'];
  if (headings > 0 || hardBreaks >= 2 || markup >= 3) format = 'markdown';
  else if (longShare >= 0.5) format = 'plain';
  else if (wrapped >= 2 && wrappedShare >= 0.25) format = 'ocr';
  else format = 'plain';
  return { format, headings, hardBreaks, lines: n, longShare, terminatedShare, wrappedShare };
}

describe('ingest: format detection from content', () => {
  it('recognises the three sample kinds', () => {
    expect(detectFormat(readText(OCR_PAGE)).format).to.equal('ocr');
    expect(detectFormat(readText(MD_PAGE)).format).to.equal('markdown');
    expect(detectFormat(readText(join(FIXTURES, 'plain-web-2019.txt'))).format).to.equal('plain');
    expect(detectFormat(readText(join(FIXTURES, 'plain-gov-site.txt'))).format).to.equal('plain');
    expect(detectFormat(readText(join(FIXTURES, 'ocr-no-opening.txt'))).format).to.equal('ocr');
  });

  it('ignores the extension', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.md'), readText(OCR_PAGE));
    writeFileSync(join(dir, 'page.html'), readText(MD_PAGE));
    expect(ingestFile(join(dir, 'page.md')).page?.format).to.equal('ocr');
    expect(ingestFile(join(dir, 'page.html')).page?.format).to.equal('markdown');
  });

  it('the evidence, and the format alone, equal the one-pass definition (sample pages, random pages)', () => {
    const pages = [...readdirSync(CORPUS).map((f) => join(CORPUS, f)), ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f))].map((p) => splitLines(readText(p)));
    const line = fc
      .array(
        fc.constantFrom('# ', '#', '   #', '    # ', '===', '---', ' - ', '-', '* ', '+ ', '1. ', '12.', '> ', '  >', '**', '粗体', '[链接](x)', '](', '  ', '\t', '　', '　　', '记者 张三', '责任编辑：李四', '二七区', '召开会议', '。', '，', '”', 'a', '1', ' '),
        { maxLength: 8 },
      )
      .map((xs) => xs.join(''));
    // long pages of column lines, paragraphs, bylines, clutter and blanks: formatOfLines stops
    // reading once the lines left cannot change the format
    const pageLine = fc.oneof(
      fc.constantFrom('二七区召开安全生产工作会议部署', '记者 张三', '责任编辑：李四', '', '　　', '会议要求各单位落实责任。', '首页 > 新闻 > 区县', '第3版', '通讯员 王五'),
      fc.tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom('', '。', '，', '”')).map(([n, end]) => '区'.repeat(n) + end),
      fc.tuple(fc.constantFrom('', '　　', '  ', '\t'), fc.integer({ min: 5, max: 20 })).map(([lead, n]) => lead + '街道办事处'.slice(0, 5).repeat(n).slice(0, n)),
    );
    const long = fc.sample(fc.array(pageLine, { minLength: 10, maxLength: 200 }), { numRuns: 2000, seed: 7 });
    const formats = new Set(long.map((lines) => referenceEvidence(lines).format));
    expect(formats.has('ocr') && formats.has('plain'), [...formats].join()).to.equal(true);
    const random = [...fc.sample(fc.array(line, { maxLength: 14 }), { numRuns: 3000, seed: 42 }), ...long];
    for (const lines of [...pages, ...random]) {
      const expected = referenceEvidence(lines);
      expect(detectFormatOfLines(lines), lines.join('\n')).to.deep.equal(expected);
      expect(formatOfLines(lines, new LineTests(lines.length)), lines.join('\n')).to.equal(expected.format);
    }
  });

  it('one paragraph per line with short subheadings is plain, not OCR', () => {
    const page = ['标题', '　　10月8日，二七区召开秋冬季安全生产工作会议，部署重点工作。', '一、压实责任', '　　各单位要落实主体责任，开展隐患排查。', '二、强化督导', '　　区应急管理局要加强督导检查。'].join('\n');
    expect(detectFormat(page).format).to.equal('plain');
  });
});
