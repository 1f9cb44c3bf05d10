/**
 * Word ends from the binding (scripts/patch-nodejieba, part 3): zhkgCutEnds gives the UTF-16 end
 * offset of each word of jieba's cut, and segment() uses it instead of cut()'s array of strings.
 * Both paths of wordSpans() must give the very words cut(text, true) gives, on real pages and on
 * text with characters outside the BMP, full-width forms, Latin, digits and white space.
 *
 * With patched sources the binding must have the function (a build that missed the patch is a
 * failure, not a skip); with sources the patch did not recognise, only the cut() path is checked.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nodejieba from 'nodejieba';
import { buildView, ensureLoaded, hasWordEnds, wordSpans } from '../../src/segment';
import type { WordSpans } from '../../src/segment';

const root = join(__dirname, '..', '..', '..');
const jiebaDir = dirname(require.resolve('nodejieba'));
const sourcePatched = readFileSync(join(jiebaDir, 'lib', 'nodejieba.cpp'), 'utf8').includes('/* zhkg: word ends */');

const pages = readdirSync(join(root, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));

/** Real sentences, with what a page can also hold: CJK extension B (𠀀, 𪚥), an emoji, full-width and Latin. */
const MIXED = [
  '二七区委书记陈红民到嵩山路街道调研',
  '𠀀𪚥二七区𠀀委书记陈红民😀到嵩山路街道调研𪚥',
  'ＡＢＣ１２３二七区GDP增长6.5%，PM2.5下降',
  '  记者 张改华\t通讯员 王珂\n\n本报讯 4月11日 ',
  '𠀀',
  'a',
];

function words(view: string, s: WordSpans): string[] {
  const out: string[] = [];
  for (let w = 0; w < s.ends.length; w++) out.push(view.slice(s.starts ? s.starts[w] : w ? s.ends[w - 1] : 0, s.ends[w]));
  return out;
}

describe('segment: word ends from the binding', function () {
  this.timeout(60000);
  before(() => {
    expect(pages.length).to.be.greaterThan(0);
    ensureLoaded();
  });

  it('the binding has zhkgCutEnds when nodejieba\'s sources are patched', () => {
    if (sourcePatched) expect(hasWordEnds, 'sources patched but the binding has no zhkgCutEnds: not rebuilt (run scripts/setup)').to.equal(true);
    else expect(hasWordEnds).to.equal(false);
  });

  it('gives the words of cut(text, true), tiling the text, on real pages and mixed text', () => {
    const views = [...pages.map((p) => buildView(p).view), ...pages, ...MIXED];
    let total = 0;
    for (const v of views) {
      const expected = nodejieba.cut(v, true);
      for (const useEnds of hasWordEnds ? [true, false] : [false]) {
        const s = wordSpans(v, useEnds);
        expect(s.starts === null, 'the ends path has no starts').to.equal(useEnds);
        const got = words(v, s);
        expect(got).to.deep.equal(expected);
        expect(got.join('')).to.equal(v);
      }
      total += expected.length;
    }
    expect(total).to.be.greaterThan(1000);
  });

  it('an empty text has no words; a lone surrogate stays one unit of the text', () => {
    expect(wordSpans('').ends.length).to.equal(0);
    const v = '陈红民\ud800到嵩山路';
    const s = wordSpans(v);
    expect(words(v, s).join('')).to.equal(v);
    expect(s.ends[s.ends.length - 1]).to.equal(v.length);
  });
});
