import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

describe('zhkg explain', function () {
  this.timeout(60000);
  it('prints each fact with its rule and evidence sentence (--json)', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'explain', join(root, 'corpus/000_03b7dbb017044dde.txt'), '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    const doc = JSON.parse(r.stdout) as { articles: Array<{ facts: Array<{ type: string; source: string; target: string; ruleId: string; sentence: string; line: number }> }> };
    const facts = doc.articles.flatMap((a) => a.facts);
    const insp = facts.filter((f) => f.type === 'INSPECTED');
    expect(insp.map((f) => `${f.source}>${f.target}`)).to.include('姚志伟>世贸商城');
    for (const f of insp) {
      expect(f.ruleId).to.match(/^inspected\//);
      expect(f.line).to.be.a('number');
    }
    const t = facts.find((f) => f.type === 'HOLDS_TITLE' && f.source === '王琳')!;
    expect(t.sentence).to.contain('区民政局局长王琳');
  });

  it('prints a human-readable explanation', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'explain', join(root, 'corpus/000_03b7dbb017044dde.txt')], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/HOLDS_TITLE {2}陈红民 -> 二七区委书记 {3}rule title\/title-name at line \d+:\d+/);
    expect(r.stdout).to.contain('「二七区委书记陈红民表示');
  });
});
