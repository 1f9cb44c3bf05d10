import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, ingestFile } from '../../src/ingest';
import { FIXTURES, MD_PAGE, OCR_PAGE, readText, tempDir } from './helpers';

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

  it('one paragraph per line with short subheadings is plain, not OCR', () => {
    const page = ['标题', '　　10月8日，二七区召开秋冬季安全生产工作会议，部署重点工作。', '一、压实责任', '　　各单位要落实主体责任，开展隐患排查。', '二、强化督导', '　　区应急管理局要加强督导检查。'].join('\n');
    expect(detectFormat(page).format).to.equal('plain');
  });
});
