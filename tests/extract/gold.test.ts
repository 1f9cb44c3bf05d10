import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../ingest/helpers';

const root = resolve(__dirname, '../../..');
// the evaluation kit: ZHKG_EVAL_DIR, else ../shared/eval beside the checkout (its home), else the copy
// in tests/fixtures/eval (so that a clone alone scores it; see the README there)
const evalDirs = [process.env.ZHKG_EVAL_DIR, join(root, '../shared/eval'), join(root, 'tests/fixtures/eval')].filter((d): d is string => !!d);
const evalDir = evalDirs.find((d) => existsSync(join(d, 'score.mjs')) && existsSync(join(d, 'seeds.gold.json')));

describe('extract: sample gold (score.mjs)', function () {
  this.timeout(120000);
  let scores: { macroF1: number; dims: Record<string, { f1: number }>; articles: { found: number; gold: number } };

  before(() => {
    if (!evalDir) throw new Error(`no evaluation kit (score.mjs, seeds.gold.json) in ${evalDirs.join(', ')}`);
    console.log(`      (gold and scorer from ${evalDir})`);
    const ex = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'extract', join(root, 'corpus'), '--quiet'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(ex.status, ex.stderr).to.equal(0);
    const out = join(tempDir('zhkg-gold-'), 'e.jsonl');
    writeFileSync(out, ex.stdout);
    const sc = spawnSync(process.execPath, [join(evalDir, 'score.mjs'), join(evalDir, 'seeds.gold.json'), out, '--json'], { encoding: 'utf8' });
    expect(sc.status, sc.stderr).to.equal(0);
    scores = JSON.parse(sc.stdout);
  });

  it('finds every gold article', () => {
    expect(scores.articles.found).to.equal(scores.articles.gold);
  });
  it('macro-F1 >= 0.92', () => expect(scores.macroF1).to.be.at.least(0.92));
  it('persons >= 0.97', () => expect(scores.dims.persons.f1).to.be.at.least(0.97));
  it('titles >= 0.95', () => expect(scores.dims.titles.f1).to.be.at.least(0.95));
  it('inspections >= 0.90', () => expect(scores.dims.inspections.f1).to.be.at.least(0.9));
  it('places, organisations, projects >= 0.85 each', () => {
    expect(scores.dims.places.f1).to.be.at.least(0.85);
    expect(scores.dims.organizations.f1).to.be.at.least(0.85);
    expect(scores.dims.projects.f1).to.be.at.least(0.85);
  });
});
