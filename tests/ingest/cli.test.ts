import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { OCR_PAGE, MD_PAGE, ROOT, readText, tempDir } from './helpers';

describe('ingest through `zhkg extract`: bad files are reported and the run goes on', () => {
  it('reads the good pages in a folder, names the bad ones on stderr, exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-page.txt'), iconv.encode(readText(OCR_PAGE), 'gb18030'));
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    writeFileSync(join(dir, 'c-empty.txt'), '');
    writeFileSync(join(dir, 'd-page.md'), iconv.encode(readText(MD_PAGE), 'utf-16be', { addBOM: true }));
    writeFileSync(join(dir, 'd-page.md.json'), JSON.stringify({ date: '2020-09-10' }));
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'extract', dir], { encoding: 'utf8' });
    expect(run.status).to.equal(1);
    const articles = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(articles).to.have.length(11);
    expect(articles.filter((a) => a.source === 'a-page.txt').map((a) => a.encoding)).to.deep.equal(Array(6).fill('gb18030'));
    expect(articles.filter((a) => a.source === 'd-page.md').map((a) => a.date)).to.deep.equal(['2020-09-08', '2020-09-08', null, null, '2020-09-03']);
    expect(run.stderr).to.include(join(dir, 'b-binary.txt'));
    expect(run.stderr).to.include('ingest/binary-file');
    expect(run.stderr).to.include(join(dir, 'c-empty.txt'));
    expect(run.stderr).to.include('ingest/empty-file');
    expect(run.stderr).to.match(/files read 4 = processed 2 \+ rejected 2/);
  });
});
