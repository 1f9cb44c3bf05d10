/**
 * Headline attachment by content (headlines.ts): the bigram scan reads most bodies through a
 * per-character table and falls back to whole-string NFKC for the others; both must give the
 * letters lettersOnly gives.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { attachHeadlines } from '../../src/ingest/headlines';
import type { HeadlineBlock } from '../../src/ingest/split-articles';
import { makePiece, makeUnit } from '../../src/ingest/model';
import { LETTER_DROP, LETTER_SLOW, letterCodes, letterOf } from '../../src/ingest/text-utils';

function block(texts: string[], nextArticle: number): HeadlineBlock {
  const lines = texts.map((t, i) => makeUnit('text', [makePiece(t, i + 1, 1)], t, i + 1, t.length * 2));
  return { lines, nextArticle, heading: false, gap: nextArticle };
}

const letters = (s: string) => String.fromCharCode(...letterCodes(s));
const reference = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

describe('ingest: headline attachment', () => {
  it('a headline goes to the body that shares its words, wherever the block stands', () => {
    const bodies = ['区委召开常委会议，研究部署安全生产工作。', '二七区举办职工运动会，千余名职工参加比赛。'];
    const attached = attachHeadlines([block(['二七区职工运动会开幕'], 0)], bodies);
    expect(attached.lines).to.deep.equal([[], ['二七区职工运动会开幕']]);
    expect(attached.unplaced).to.deep.equal([]);
  });

  it('a body that needs whole-string NFKC is matched on its NFKC letters only', () => {
    // body 0 reads 乙e by table up to the combining accent, but its letters are 乙é: no shared
    // bigram with the headline (甲乙, 乙e), which belongs to body 1 (甲乙) though it stands before body 0
    const bodies = ['丙丁乙e\u0301戊己', '甲乙庚辛'];
    expect(letters(bodies[0])).to.equal('丙丁乙\u00e9戊己');
    const attached = attachHeadlines([block(['甲乙e'], 0)], bodies);
    expect(attached.lines).to.deep.equal([[], ['甲乙e']]);
  });

  it('the per-character letter table agrees with NFKC on random text of its characters and others', () => {
    const fast: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (letterOf(c) !== LETTER_SLOW) fast.push(String.fromCharCode(c));
    expect(fast.length).to.be.greaterThan(25000);
    expect(letterOf('，'.charCodeAt(0))).to.equal(LETTER_DROP);
    expect(letterOf('１'.charCodeAt(0))).to.equal('1'.charCodeAt(0));
    const text = fc
      .array(fc.oneof(fc.constantFrom(...fast), fc.constantFrom('\u0301', '\u3099', 'ｶ', 'ﾞ', 'ᄀ', 'ᅡ', '㈠', '😀', 'é', '\u302a')), { maxLength: 30 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(letters(s)).to.equal(reference(s));
      }),
      { numRuns: 20000 },
    );
    // every pair of the non-ideographs among them
    const others = fast.filter((ch) => !/\p{Script=Han}/u.test(ch));
    for (const a of others) for (const b of others) if (letters(a + b) !== reference(a + b)) expect.fail(`U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)}`);
  });
});
