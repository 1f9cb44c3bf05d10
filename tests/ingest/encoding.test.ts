import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingestFile, listInputs, decodeBytes } from '../../src/ingest';
import { MD_PAGE, OCR_PAGE, essence, readText, tempDir } from './helpers';

describe('ingest: encodings', () => {
  for (const page of [OCR_PAGE, MD_PAGE]) {
    const name = page.split('/').pop() as string;
    describe(name, () => {
      const text = readText(page);
      const reference = ingestFile(page);

      it('reads the UTF-8 original', () => {
        expect(reference.page?.encoding).to.equal('utf-8');
        expect(reference.articles.length).to.be.greaterThan(3);
      });

      const variants: Array<[string, Buffer, string]> = [
        ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
        ['utf-16le', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
        ['utf-16be', iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be'],
        ['gb18030', iconv.encode(text, 'gb18030'), 'gb18030'],
        ['gbk', iconv.encode(text, 'gbk'), 'gb18030'],
        ['utf-8 with CRLF line ends', Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), 'utf-8'],
      ];
      for (const [label, bytes, expected] of variants) {
        it(`${label}: detected, and the same articles as UTF-8`, () => {
          const dir = tempDir();
          const path = join(dir, name);
          writeFileSync(path, bytes);
          const result = ingestFile(path);
          expect(result.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
          expect(result.page?.encoding).to.equal(expected);
          expect(result.page?.text.charCodeAt(0)).to.not.equal(0xfeff);
          expect(result.articles.map(essence)).to.deep.equal(reference.articles.map(essence));
          for (const a of result.articles) expect(a.encoding).to.equal(expected);
        });
      }
    });
  }

  it('GB18030 bytes are not valid UTF-8 (the test would prove nothing otherwise)', () => {
    const bytes = iconv.encode(readText(OCR_PAGE), 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).to.throw();
  });

  it('UTF-16 LE without a BOM is recognised from its NUL pattern', () => {
    const r = decodeBytes(iconv.encode('本报讯 9月19日，记者从二七区获悉。\n', 'utf-16le'));
    expect(r.ok && r.encoding).to.equal('utf-16le');
    expect(r.ok && r.text).to.equal('本报讯 9月19日，记者从二七区获悉。\n');
  });
});

describe('ingest: bad inputs are diagnostics naming the file, never exceptions', () => {
  const dir = tempDir();
  const good = join(dir, 'b-good.txt');
  const binary = join(dir, 'a-image.png.txt');
  const garbage = join(dir, 'c-garbage.txt');
  const empty = join(dir, 'd-empty.txt');
  const blank = join(dir, 'e-blank.txt');
  writeFileSync(good, readText(OCR_PAGE));
  // a PNG header and some pixels: NUL bytes after two 0x0A bytes: line 3
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]));
  // text, then on line 3 bytes that are neither UTF-8 nor GB18030 (0x80 and 0xFF are never lead bytes)
  writeFileSync(garbage, Buffer.concat([Buffer.from('first line\nsecond line\n'), Buffer.from([0x80, 0xff, 0x80, 0xff, 0xfe, 0x80, 0x81])]));
  writeFileSync(empty, '');
  writeFileSync(blank, ' \n\u3000\n\n');

  it('a binary file is rejected with its name and the line of the first NUL', () => {
    const r = ingestFile(binary);
    expect(r.page).to.equal(null);
    expect(r.articles).to.deep.equal([]);
    expect(r.diagnostics).to.have.length(1);
    expect(r.diagnostics[0]).to.include({ severity: 'error', code: 'ingest/binary-file', file: binary, line: 3 });
  });

  it('bytes invalid in every candidate encoding are rejected with the line', () => {
    const r = ingestFile(garbage);
    expect(r.page).to.equal(null);
    expect(r.diagnostics[0]).to.include({ severity: 'error', code: 'ingest/undecodable', file: garbage, line: 3 });
  });

  it('a UTF-8 page with one damaged byte is read, with a warning naming the line', () => {
    const bytes = Buffer.from(readText(OCR_PAGE), 'utf8');
    const line3 = bytes.indexOf(Buffer.from('到，该区'));
    bytes[line3 + 1] = 0xff; // inside 到 on line 3
    const path = join(tempDir(), 'damaged.txt');
    writeFileSync(path, bytes);
    const r = ingestFile(path);
    expect(r.page?.encoding).to.equal('utf-8');
    expect(r.articles).to.have.length(6);
    expect(r.diagnostics.filter((d) => d.code === 'ingest/invalid-bytes')).to.deep.equal([
      { severity: 'warning', code: 'ingest/invalid-bytes', message: 'invalid UTF-8 bytes replaced with U+FFFD', file: path, line: 3 },
    ]);
  });

  it('an empty file and a file of blanks are rejected', () => {
    for (const f of [empty, blank]) {
      const r = ingestFile(f);
      expect(r.page).to.equal(null);
      expect(r.diagnostics[0]).to.include({ code: 'ingest/empty-file', file: f });
    }
  });

  it('a folder passed as a file, and a missing file, are diagnostics', () => {
    expect(ingestFile(dir).diagnostics[0]).to.include({ code: 'ingest/is-directory', file: dir });
    expect(ingestFile(join(dir, 'nope.txt')).diagnostics[0]).to.include({ code: 'ingest/not-found' });
  });

  it('an unreadable path is a diagnostic naming it', () => {
    // a path through a regular file cannot be opened (ENOTDIR), whoever runs the test
    const through = join(good, 'x.txt');
    const r = ingestFile(through);
    expect(r.page).to.equal(null);
    expect(r.diagnostics[0]).to.include({ severity: 'error', code: 'ingest/unreadable', file: through });
    const listed = listInputs([through]);
    expect(listed.rejected).to.equal(1);
    expect(listed.diagnostics[0]).to.include({ code: 'ingest/unreadable', file: through });
  });

  it('listInputs expands folders sorted, skips hidden and sidecar files, counts what it cannot open', () => {
    const d = tempDir();
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'b.txt'), 'x');
    writeFileSync(join(d, 'a.txt'), 'x');
    writeFileSync(join(d, 'a.txt.json'), '{"date":"2019-09-19"}');
    writeFileSync(join(d, 'a.meta.json'), '{"date":"2019-09-19"}');
    writeFileSync(join(d, '.hidden.txt'), 'x');
    writeFileSync(join(d, 'sub', 'c.txt'), 'x');
    const listed = listInputs([d, join(d, 'missing.txt')]);
    expect(listed.files).to.deep.equal([join(d, 'a.txt'), join(d, 'b.txt'), join(d, 'sub', 'c.txt')]);
    expect(listed.rejected).to.equal(1);
    expect(listed.diagnostics[0]).to.include({ code: 'ingest/not-found', file: join(d, 'missing.txt') });
  });

  it('the good file next to the bad ones is read in full', () => {
    const listed = listInputs([dir]);
    const results = listed.files.map((f) => ingestFile(f));
    expect(results.filter((r) => r.page).length).to.equal(1);
    expect(results.find((r) => r.page)?.articles).to.have.length(6);
  });
});
