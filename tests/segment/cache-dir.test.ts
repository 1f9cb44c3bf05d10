import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateDir } from '../../src/segment/cache-dir';
import { segment } from '../../src/segment';

// The derived files are read back as they are: a folder someone else could write must not be used.
// (Ownership checks need uids: skipped, with the reason, on platforms without them.)
const uid = typeof process.getuid === 'function' ? process.getuid() : null;

describe('segment: the cache folder of derived files', function () {
  let base = '';
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'zhkg-cachedir-test-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  before(function () {
    if (uid === null) {
      console.log('      (no uids on this platform: ownership checks not applicable)');
      this.skip();
    }
  });

  it('is zhkg-<uid>, created private (0700), and the same folder next time', () => {
    const dir = privateDir(base);
    expect(dir).to.equal(join(base, `zhkg-${uid}`));
    expect(statSync(dir).mode & 0o777).to.equal(0o700);
    expect(privateDir(base)).to.equal(dir);
  });

  it('a folder others can write into is not used: a fresh private one is', () => {
    const open = join(base, `zhkg-${uid}`);
    mkdirSync(open);
    chmodSync(open, 0o777);
    writeFileSync(join(open, 'planted.bin'), 'x');
    const dir = privateDir(base);
    expect(dir).to.not.equal(open);
    expect(dir.startsWith(join(base, 'zhkg-'))).to.equal(true);
    expect(statSync(dir).mode & 0o777).to.equal(0o700);
  });

  it('a symbolic link in its place is not followed', () => {
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, join(base, `zhkg-${uid}`));
    const dir = privateDir(base);
    expect(dir).to.not.equal(join(base, `zhkg-${uid}`));
    expect(dir).to.not.equal(elsewhere);
  });

  it('a folder of ours that others could only read is made private and used', () => {
    const dir = join(base, `zhkg-${uid}`);
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    expect(privateDir(base)).to.equal(dir);
    expect(statSync(dir).mode & 0o777).to.equal(0o700);
  });

  it('segmentation works whichever folder was chosen (real text)', () => {
    const s = segment('二七区委书记陈红民到嵩山路街道调研');
    expect(s.tokens.map((t) => t.word)).to.include('陈红民');
  });
});
