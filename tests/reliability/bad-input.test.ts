/**
 * Bad input (issue 7, part 1): every kind of broken or unusual file is processed or rejected with a
 * message naming it (and its line where one applies); the files next to it are processed in full;
 * the closing summary adds up. Ends with the bar: `zhkg extract` over a folder of good,
 * re-encoded and broken pages, with one worker and with two.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingestFile, ingestText, LIMITS } from '../../src/ingest';
import { extractFiles, type ExtractSummary } from '../../src/pipeline';
import { validateArticleFacts } from '../../src/schemas';
import type { Article, ArticleFacts, Diagnostic } from '../../src/types';
import { MD_PAGE, OCR_PAGE, STACK_FRAME, pageText, removeTempDirs, runCli, tempDir } from './helpers';

/** Extract in-process, collecting articles, diagnostics and the summary. */
function extractAll(inputs: string[]): { articles: ArticleFacts[]; summary: ExtractSummary; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const run = extractFiles(inputs, { onDiagnostic: (d) => diagnostics.push(d) });
  const articles: ArticleFacts[] = [];
  let step = run.next();
  while (!step.done) {
    articles.push(step.value);
    step = run.next();
  }
  return { articles, summary: step.value, diagnostics };
}

/** What must not depend on how a page was encoded or where it lies. */
function essence(a: Article) {
  return { id: a.id.replace(/^[^#]*/, ''), headline: a.headline, date: a.date, text: a.text, reporters: a.reporters, correspondents: a.correspondents, sourceStart: a.sourceStart };
}

function codes(ds: Diagnostic[], file: string): string[] {
  return ds.filter((d) => d.file === file).map((d) => d.code);
}

/** The bytes of `text` as UTF-8, cut in the middle of the last multi-byte character. */
function truncatedUtf8(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  let i = bytes.length - 1;
  while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--; // back to the lead byte of the last character
  while (i > 0 && bytes[i] < 0x80) {
    // the page ends in ASCII (a newline): go back to the last multi-byte character
    i--;
    while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  }
  expect(bytes[i]).to.be.at.least(0xc2);
  return bytes.subarray(0, i + 1); // the lead byte only
}

describe('reliability: bad input', function () {
  this.timeout(120000);
  const ocrText = pageText(OCR_PAGE);
  const mdText = pageText(MD_PAGE);
  let dir: string;
  let original: Article[];

  before(() => {
    dir = tempDir();
    original = ingestFile(OCR_PAGE).articles;
    expect(original).to.have.length(6);
  });
  after(removeTempDirs);

  describe('each kind of bad file, alone', () => {
    it('an empty file, and one of white space only, are rejected by name', () => {
      const empty = join(dir, 'empty.txt');
      const blank = join(dir, 'blank.txt');
      writeFileSync(empty, '');
      writeFileSync(blank, ' \n\u3000\n\t\n');
      for (const f of [empty, blank]) {
        const r = ingestFile(f);
        expect(r.page).to.equal(null);
        expect(r.diagnostics.map((d) => [d.file, d.code, d.severity])).to.deep.equal([[f, 'ingest/empty-file', 'error']]);
      }
    });

    it('a binary file (a zip header, random bytes) is rejected with the line of the first bad byte', () => {
      const zip = join(dir, 'archive.txt');
      writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256))]));
      const r = ingestFile(zip);
      expect(r.page).to.equal(null);
      expect(r.diagnostics).to.have.length(1);
      const bytes = readFileSync(zip);
      const firstNul = bytes.indexOf(0);
      const line = 1 + [...bytes.subarray(0, firstNul)].filter((b) => b === 0x0a).length;
      expect(r.diagnostics[0]).to.include({ file: zip, code: 'ingest/binary-file', severity: 'error', line });
    });

    it('NUL bytes inside a text page reject it as binary, naming the line', () => {
      const f = join(dir, 'nul.txt');
      const lines = ocrText.split('\n');
      lines[4] = `${lines[4]}\u0000\u0000`;
      writeFileSync(f, lines.join('\n'));
      const r = ingestFile(f);
      expect(r.page).to.equal(null);
      expect(r.diagnostics[0]).to.include({ file: f, code: 'ingest/binary-file', line: 5 });
    });

    it('truncated UTF-8 (cut inside the last character) is read, the damaged line named, every article kept', () => {
      const f = join(dir, 'truncated.txt');
      const bytes = truncatedUtf8(ocrText.trimEnd());
      writeFileSync(f, bytes);
      const r = ingestFile(f);
      expect(r.page).to.not.equal(null);
      const lastLine = ocrText.trimEnd().split('\n').length;
      expect(r.diagnostics.filter((d) => d.code === 'ingest/invalid-bytes').map((d) => [d.file, d.line, d.severity])).to.deep.equal([[f, lastLine, 'warning']]);
      expect(r.articles).to.have.length(original.length);
      // all but the article holding the cut are untouched
      const changed = r.articles.filter((a, i) => a.text !== original[i].text);
      expect(changed.length).to.be.at.most(1);
      for (const a of changed) expect(a.text).to.contain('\ufffd');
    });

    it('GB18030 and UTF-16 (LE and BE, with and without BOM) copies give the same articles as the UTF-8 page', () => {
      const copies: Array<[string, Buffer, string]> = [
        ['gb18030.txt', iconv.encode(ocrText, 'gb18030'), 'gb18030'],
        ['utf16le-bom.txt', iconv.encode(ocrText, 'utf-16le', { addBOM: true }), 'utf-16le'],
        ['utf16be-bom.txt', iconv.encode(ocrText, 'utf-16be', { addBOM: true }), 'utf-16be'],
        ['utf16le.txt', iconv.encode(ocrText, 'utf-16le'), 'utf-16le'],
        ['utf8-bom-crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ocrText.replace(/\n/g, '\r\n'))]), 'utf-8-bom'],
      ];
      for (const [name, bytes, encoding] of copies) {
        const f = join(dir, name);
        writeFileSync(f, bytes);
        const r = ingestFile(f);
        expect(r.diagnostics.filter((d) => d.severity === 'error'), name).to.deep.equal([]);
        expect(r.page?.encoding, name).to.equal(encoding);
        expect(r.articles.map(essence), name).to.deep.equal(original.map(essence));
      }
    });

    it('a 20 MB single line is rejected with its line number, quickly and without holding it twice', () => {
      const f = join(dir, 'one-line.txt');
      const unit = '二七区区长到嵩山路街道调研老旧小区改造工作，';
      writeFileSync(f, unit.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(unit))));
      const r = ingestFile(f);
      expect(r.page).to.equal(null);
      expect(r.articles).to.deep.equal([]);
      const long = r.diagnostics.find((d) => d.code === 'ingest/line-too-long' && d.line === 1);
      expect(long, JSON.stringify(r.diagnostics)).to.include({ file: f, severity: 'error' });
      expect(long?.message).to.match(/line is \d+ characters long/);
    });

    it('an over-long line inside a good page is dropped; every article of the page is kept', () => {
      const f = join(dir, 'page-with-long-line.txt');
      const junk = 'x'.repeat(LIMITS.MAX_LINE_CHARS + 1);
      writeFileSync(f, `${ocrText.trimEnd()}\n\n${junk}\n`);
      const r = ingestFile(f);
      const lines = ocrText.trimEnd().split('\n').length;
      expect(r.diagnostics.filter((d) => d.code === 'ingest/line-too-long').map((d) => [d.file, d.line])).to.deep.equal([[f, lines + 2]]);
      expect(r.articles.map(essence)).to.deep.equal(original.map(essence));
    });

    it('an over-long article is dropped by name and line; the page\'s other articles are kept with their ids', () => {
      const f = join(dir, 'page-with-long-article.txt');
      const sentence = '二七区开展安全生产大检查，排查隐患十二处。';
      const body = Array.from({ length: Math.ceil((LIMITS.MAX_ARTICLE_CHARS + 10) / sentence.length / 20) }, () => sentence.repeat(20)).join('\n');
      writeFileSync(f, `本报讯 9月20日，二七区召开全区安全生产工作会议。\n记者 景静\n\n本报讯 9月21日，${body}\n记者 王珂\n\n本报讯 9月22日，二七区举办秋季招聘会。\n记者 张改华\n`);
      const r = ingestFile(f);
      expect(r.articles.map((a) => a.id)).to.deep.equal(['page-with-long-article#1', 'page-with-long-article#3']);
      const d = r.diagnostics.find((x) => x.code === 'ingest/article-too-long');
      expect(d).to.include({ file: f, line: 4, severity: 'error' });
    });

    it('unreadable inputs: a dangling link, a FIFO (never opened: it would block), a folder given as a file', () => {
      const dangling = join(dir, 'dangling.txt');
      symlinkSync(join(dir, 'no-such-target.txt'), dangling);
      const fifo = join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const folder = join(dir, 'a-folder');
      mkdirSync(folder);
      expect(ingestFile(dangling).diagnostics[0]).to.include({ file: dangling, code: 'ingest/unreadable' });
      expect(ingestFile(dangling).diagnostics[0].message).to.contain('dangling');
      expect(ingestFile(fifo).diagnostics[0]).to.include({ file: fifo, code: 'ingest/not-a-file' });
      expect(ingestFile(folder).diagnostics[0]).to.include({ file: folder, code: 'ingest/is-directory' });
      // /proc/self/mem is a "regular" file that cannot be read: the error is reported, not thrown
      const mem = ingestFile('/proc/self/mem');
      expect(mem.page).to.equal(null);
      expect(mem.diagnostics[0]).to.include({ file: '/proc/self/mem', severity: 'error' });
      // and on the command line: counted as rejected, the run goes on
      const { summary, diagnostics } = extractAll([dangling, fifo, OCR_PAGE]);
      expect(summary).to.include({ filesRead: 3, filesProcessed: 1, filesRejected: 2, articles: 6 });
      expect(codes(diagnostics, dangling)).to.deep.equal(['ingest/unreadable']);
      expect(codes(diagnostics, fifo)).to.deep.equal(['ingest/not-a-file']);
    });

    it('a folder named like a file (x.txt/) is named on stderr, and the pages inside it are read', () => {
      const parent = join(dir, 'nested');
      const odd = join(parent, 'x.txt');
      mkdirSync(odd, { recursive: true });
      writeFileSync(join(odd, 'inner.md'), mdText);
      const { articles, summary, diagnostics } = extractAll([parent]);
      expect(codes(diagnostics, odd)).to.deep.equal(['ingest/folder-named-like-file']);
      expect(summary).to.include({ filesRead: 1, filesProcessed: 1, filesRejected: 0, articles: 5 });
      expect(articles.every((a) => a.source === 'inner.md')).to.equal(true);
    });

    it('markdown with HTML and a table: tags removed (script content too), the table kept as rows, articles not broken', () => {
      const md = [
        '# 二七区召开重点项目推进会',
        '',
        '<div class="meta">发布时间：2019-09-20</div>',
        '',
        '本报讯（记者 张改华）9月19日，二七区召开重点项目推进会，<b>区长</b>姚志伟出席会议。<br>会议通报了项目进展情况：',
        '',
        '| 项目 | 进度 | 投资（亿元） |',
        '|------|:----:|-------------:|',
        '| 二七区科创园 | 80% | 12.5 |',
        '| 棉纺东路改造 | 60% | 3.2 |',
        '',
        '<p>会议要求，各单位要<span style="color:red">加快</span>推进项目建设。</p>',
        '',
        '## 嵩山路街道开展<script>alert(1)</script>安全检查',
        '',
        '本报讯 9月18日，嵩山路街道开展安全生产大检查，排查隐患12处。',
        '',
        '记者 景静 通讯员 王珂',
        '',
      ].join('\n');
      const diagnostics: Diagnostic[] = [];
      const { page, articles } = ingestText(md, { path: 'html-table.md', diagnostics });
      expect(page.format).to.equal('markdown');
      expect(articles.map((a) => a.headline)).to.deep.equal(['二七区召开重点项目推进会', '嵩山路街道开展安全检查']);
      const [a, b] = articles;
      expect(a.text).to.not.match(/<|>/);
      expect(a.text.split('\n')).to.deep.equal([
        '本报讯（记者 张改华）9月19日，二七区召开重点项目推进会，区长姚志伟出席会议。会议通报了项目进展情况：',
        '项目 | 进度 | 投资（亿元）',
        '二七区科创园 | 80% | 12.5',
        '棉纺东路改造 | 60% | 3.2',
        '会议要求，各单位要加快推进项目建设。',
      ]);
      expect(a).to.include({ date: '2019-09-19' });
      expect(a.reporters).to.deep.equal(['张改华']);
      expect(b.text).to.equal('本报讯 9月18日，嵩山路街道开展安全生产大检查，排查隐患12处。');
      expect(b.reporters).to.deep.equal(['景静']);
      expect(b.correspondents).to.deep.equal(['王珂']);
      expect(diagnostics.filter((d) => d.code === 'ingest/fragment')).to.deep.equal([]);
      // the source map still points at the right columns: the first table cell
      const at = a.text.indexOf('二七区科创园');
      const piece = [...a.sourceMap].reverse().find((p) => p.offset <= at)!;
      expect(piece.line).to.equal(9);
      expect(page.text.split('\n')[8].slice(piece.column - 1 + (at - piece.offset)).startsWith('二七区科创园')).to.equal(true);
    });

    it('Traditional Chinese is read and split like Simplified; offsets and the schema hold through extract', () => {
      const page = [
        '二七區召開安全生產工作會議',
        '',
        '本報訊 9月19日，二七區召開全區安全生產工作會議。區委書記陳紅民出席會議並講話。會議要求，各單位要壓實責任，確保轄區安全穩定。',
        '記者 景靜 通訊員 王珂',
        '',
        '嵩山路街道開展消防演練',
        '',
        '本報訊 9月20日，嵩山路街道在棉紡東路社區開展消防演練，200餘名居民參加。',
        '記者 張改華',
        '',
      ].join('\n');
      const f = join(dir, 'traditional.txt');
      writeFileSync(f, page);
      const { articles, summary } = extractAll([f]);
      expect(summary).to.include({ filesProcessed: 1, articles: 2 });
      expect(articles.map((a) => a.date)).to.deep.equal(['--09-19', '--09-20']);
      expect(articles[0].text.startsWith('本報訊 9月19日，二七區召開')).to.equal(true);
      for (const a of articles) {
        const v = validateArticleFacts(JSON.parse(JSON.stringify(a)));
        expect(v.errors, a.id).to.deep.equal([]);
        for (const e of a.entities) for (const m of e.mentions) expect(a.text.slice(m.start, m.end)).to.equal(m.text);
        // the text is the original's: never converted in place
        expect(page).to.contain(a.text.split('\n')[0]);
      }
    });

    it('an article with no byline, and a page with no 本报讯, are processed', () => {
      const noByline = '本报讯 9月19日，二七区召开全区安全生产工作会议，区委书记陈红民出席会议并讲话。\n\n本报讯 9月20日，二七区举办秋季招聘会，86家企业提供岗位3000余个。\n';
      const r1 = ingestText(noByline, { path: 'no-byline.txt' });
      expect(r1.articles).to.have.length(2);
      expect(r1.articles.map((a) => [a.reporters, a.correspondents])).to.deep.equal([[[], []], [[], []]]);
      expect(r1.articles.map((a) => a.date)).to.deep.equal(['--09-19', '--09-20']);

      const noOpening =
        '二七区举办秋季招聘会\n\n9月21日，二七区在二七广场举办秋季招聘会，86家企业提供就业岗位3000余个，吸引2000余名求职者到场。区长姚志伟到现场察看。\n\n' +
        '嵩山路街道开展消防演练\n\n9月20日，嵩山路街道在棉纺东路社区开展消防演练，200余名居民参加，提高了居民的消防安全意识。\n';
      const f = join(dir, 'no-opening.txt');
      writeFileSync(f, noOpening);
      const { articles, diagnostics } = extractAll([f]);
      expect(articles.map((a) => a.headline)).to.deep.equal(['二七区举办秋季招聘会', '嵩山路街道开展消防演练']);
      expect(articles.map((a) => a.date)).to.deep.equal(['--09-21', '--09-20']);
      expect(diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    });
  });

  describe('output that cannot be written', () => {
    it('--out naming a folder, or a full disk (/dev/full): a message naming it, exit 4, no stack trace, no hang', async () => {
      const cases: Array<[string, string[], RegExp]> = [
        ['folder', ['--out', dir, '--workers', '1'], new RegExp(`cannot write ${dir}: EISDIR`)],
        ['full disk, 1 worker', ['--out', '/dev/full', '--workers', '1'], /cannot write \/dev\/full: ENOSPC/],
        ['full disk, 2 workers', ['--out', '/dev/full', '--workers', '2'], /cannot write \/dev\/full: ENOSPC/],
      ];
      for (const [what, args, message] of cases) {
        const run = await runCli(['extract', OCR_PAGE, MD_PAGE, ...args], { timeoutMs: 60000 });
        expect(run.signal, `${what}: hung`).to.equal(null);
        expect(run.code, `${what}: ${run.stderr}`).to.equal(4);
        expect(run.stderr, what).to.match(message);
        expect(run.stderr, what).to.not.match(STACK_FRAME);
      }
    });
  });

  describe('the issue bar: `zhkg extract` over a folder of good, re-encoded and broken pages', () => {
    let folder: string;
    const broken = ['b-empty.txt', 'c-binary.dat', 'd-nul.txt', 'f-long-line.txt', 'g-folder.txt', 'h-dangling.txt', 'i-fifo.txt'];
    const good: Record<string, number> = { '000_03b7dbb017044dde.txt': 6, '003_dfb369bca4b87668.txt': 5, 'a-gb18030.txt': 6, 'a-utf16.md': 5, 'e-truncated.txt': 6 };

    before(() => {
      folder = tempDir('zhkg-rel-bar-');
      writeFileSync(join(folder, '000_03b7dbb017044dde.txt'), ocrText);
      writeFileSync(join(folder, '003_dfb369bca4b87668.txt'), mdText);
      writeFileSync(join(folder, 'a-gb18030.txt'), iconv.encode(ocrText, 'gb18030'));
      writeFileSync(join(folder, 'a-utf16.md'), iconv.encode(mdText, 'utf-16le', { addBOM: true }));
      writeFileSync(join(folder, 'b-empty.txt'), '');
      writeFileSync(join(folder, 'c-binary.dat'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
      writeFileSync(join(folder, 'd-nul.txt'), `本报讯 9月19日，二七区召开会议。\n\u0000\u0000\n记者 景静\n`);
      writeFileSync(join(folder, 'e-truncated.txt'), truncatedUtf8(ocrText.trimEnd()));
      const unit = '二七区区长到嵩山路街道调研。';
      writeFileSync(join(folder, 'f-long-line.txt'), unit.repeat(Math.ceil((18 * 1024 * 1024) / Buffer.byteLength(unit))));
      mkdirSync(join(folder, 'g-folder.txt'));
      symlinkSync(join(folder, 'nowhere.txt'), join(folder, 'h-dangling.txt'));
      execFileSync('mkfifo', [join(folder, 'i-fifo.txt')]);
    });

    for (const workers of [1, 2]) {
      it(`--workers ${workers}: no stack trace, every good article out, every broken file named, the summary adds up`, async () => {
        const run = await runCli(['extract', folder, '--workers', String(workers)]);
        expect(run.signal).to.equal(null);
        expect(run.stderr).to.not.match(STACK_FRAME);
        expect(run.stderr).to.not.match(/TypeError|RangeError|ReferenceError|Unhandled/);
        expect(run.code, run.stderr).to.equal(1); // finished, some input rejected

        const articles = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as ArticleFacts);
        const perSource: Record<string, number> = {};
        for (const a of articles) perSource[a.source] = (perSource[a.source] ?? 0) + 1;
        expect(perSource).to.deep.equal(good);
        for (const a of articles) expect(validateArticleFacts(a).errors, a.id).to.deep.equal([]);
        // the re-encoded copies hold the same articles as their originals
        // (event ids carry the article id: compare them without it)
        const bySource = (s: string) =>
          articles.filter((a) => a.source === s).map((a) => ({ ...essence(a), entities: a.entities.map((e) => e.id.replace(/@[^#@]*#\d+$/, '@')).sort() }));
        expect(bySource('a-gb18030.txt')).to.deep.equal(bySource('000_03b7dbb017044dde.txt'));
        expect(bySource('a-utf16.md')).to.deep.equal(bySource('003_dfb369bca4b87668.txt'));

        const lines = run.stderr.trim().split('\n');
        for (const name of broken) expect(lines.some((l) => l.includes(join(folder, name))), name).to.equal(true);
        expect(run.stderr).to.contain(`${join(folder, 'e-truncated.txt')}:`); // the damaged line is named
        expect(run.stderr).to.contain(`${join(folder, 'f-long-line.txt')}:1:`);
        expect(run.stderr).to.contain(`${join(folder, 'd-nul.txt')}:2:`);
        // no good file is named as an error
        for (const name of Object.keys(good).filter((n) => n !== 'e-truncated.txt'))
          expect(lines.filter((l) => l.startsWith('error:') && l.includes(join(folder, name))), name).to.deep.equal([]);

        const summary = /files read (\d+) = processed (\d+) \+ rejected (\d+); articles written (\d+)/.exec(lines[lines.length - 1]);
        expect(summary, lines[lines.length - 1]).to.not.equal(null);
        const [read, processed, rejected, written] = summary!.slice(1).map(Number);
        expect(read).to.equal(processed + rejected);
        expect(processed).to.equal(Object.keys(good).length);
        expect(rejected).to.equal(broken.length - 1); // the folder is walked (and named), not a file
        expect(written).to.equal(articles.length);
      });
    }
  });
});
