import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { validateArticleFacts } from '../../src/schemas';
import { extractFiles } from '../../src/pipeline';
import type { ArticleFacts } from '../../src/types';
import { CORPUS, ROOT } from './helpers';

describe('ingest: extract output against graph/schema/article.schema.json', () => {
  it('every line of `zhkg extract corpus` is a valid ArticleFacts', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'extract', CORPUS, '--quiet'], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines).to.have.length(11);
    for (const line of lines) {
      const r = validateArticleFacts(JSON.parse(line));
      expect(r.errors, line.slice(0, 80)).to.deep.equal([]);
      expect(r.valid).to.equal(true);
    }
  });

  it('rejects what breaks the contract', () => {
    const first = extractFiles([CORPUS]).next().value as ArticleFacts;
    expect(validateArticleFacts(first).valid).to.equal(true);
    const bad = (patch: Record<string, unknown>) => validateArticleFacts({ ...first, ...patch });
    expect(bad({ date: '9月19日' }).valid).to.equal(false);
    expect(bad({ date: '---09-19' }).valid).to.equal(false);
    expect(bad({ format: 'html' }).valid).to.equal(false);
    expect(bad({ extra: 1 }).errors.join()).to.include('extra');
    expect(bad({ sourceMap: [{ offset: 5, line: 1, column: 1 }] }).valid).to.equal(false);
    expect(
      bad({ entities: [{ id: 'person:x', type: 'Person', name: 'x', canonical: 'x', mentions: [{ start: 0, end: 2, text: 'xx', sentence: 0, ruleId: 'r' }] }] }).errors.join(),
    ).to.include('differs');
    const { text: _t, ...noText } = first;
    expect(validateArticleFacts(noText).valid).to.equal(false);
  });
});
