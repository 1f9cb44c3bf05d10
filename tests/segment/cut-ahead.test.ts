/**
 * cutAhead: extractFiles has jieba cut a batch of articles back to back before extracting them
 * (src/pipeline.ts, READ_AHEAD_CHARS); segment() then takes each article's words from the batch.
 * The tokens must be exactly those segment() finds on its own, whatever order the texts come in.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../src/ingest';
import { cutAhead, cutAheadPending, segment } from '../../src/segment';
import type { Segmented } from '../../src/segment';

const corpus = join(__dirname, '..', '..', '..', 'corpus');
const texts = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => ingestFile(join(corpus, f)).articles.map((a) => a.text));

const tokensOf = (s: Segmented) => s.tokens.map((t) => [t.word, t.vs, t.ve, t.start, t.end].join('|'));

describe('segment: words cut ahead (cutAhead)', function () {
  this.timeout(60000);

  it('segment() takes every text\'s words from the batch, in any order, and gets the tokens it finds alone', () => {
    expect(texts.length).to.be.greaterThan(5);
    cutAhead([]); // (whatever an earlier test left)
    expect(cutAheadPending()).to.equal(0);
    const alone = texts.map((t) => tokensOf(segment(t)));
    cutAhead(texts);
    expect(cutAheadPending()).to.equal(texts.length);
    // backwards, so that each lookup is not simply the next in the batch
    for (let i = texts.length - 1; i >= 0; i--) {
      expect(tokensOf(segment(texts[i])), `article ${i}`).to.deep.equal(alone[i]);
      expect(cutAheadPending()).to.equal(i);
    }
  });

  it('a text not in the batch is cut by segment() itself, leaving the batch waiting', () => {
    cutAhead(texts.slice(0, 2));
    const other = '二七区委书记陈红民到嵩山路街道调研，区领导王琳参加。';
    const expected = tokensOf(segment(other));
    expect(cutAheadPending()).to.equal(2);
    expect(expected.some((t) => t.startsWith('陈红民|'))).to.equal(true);
    cutAhead([]);
    expect(cutAheadPending()).to.equal(0);
    expect(tokensOf(segment(other))).to.deep.equal(expected);
  });

  it('a text given twice is found twice; a new batch replaces what is left of the old one', () => {
    cutAhead([texts[0], texts[0], texts[1]]);
    const first = tokensOf(segment(texts[0]));
    const second = tokensOf(segment(texts[0]));
    expect(second).to.deep.equal(first);
    expect(cutAheadPending()).to.equal(1);
    cutAhead([texts[2]]);
    expect(cutAheadPending()).to.equal(1);
    segment(texts[2]);
    expect(cutAheadPending()).to.equal(0);
  });
});
