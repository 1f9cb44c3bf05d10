import { expect } from 'chai';
import { segment, normalize, buildView, splitSentences, stripSpaces } from '../../src/segment';

describe('segment', () => {
  it('tokens map back to the article text (white space dropped, characters normalised)', () => {
    const text = '本报讯 9月 19日，二七\n区委书记陈红民到嵩山路街道调研。\n\n記者 景靜';
    const s = segment(text);
    for (const t of s.tokens) {
      expect(normalize(text.slice(t.start, t.end).replace(/\s+/g, ''))).to.equal(t.word);
      expect(s.view.slice(t.vs, t.ve)).to.equal(t.word);
    }
    expect(s.tokens.map((t) => t.word).join('')).to.equal(s.view);
  });

  it('keeps known officials whole and apart from the next word (陈红民到 -> 陈红民 / 到)', () => {
    const words = segment('二七区委书记陈红民到嵩山路街道调研。').tokens.map((t) => t.word);
    expect(words).to.include('陈红民');
    expect(words).to.include('到');
    expect(words).to.not.include('陈红民到');
    expect(words).to.not.include('陈');
  });

  it('normalises traditional characters and full-width forms one for one', () => {
    expect(normalize('縣委書記楊良鋒（北郵）')).to.equal('县委书记杨良锋(北邮)');
    const { view, toText } = buildView('縣 長\n杭鶯');
    expect(view).to.equal('县长杭莺');
    expect(Array.from(toText)).to.deep.equal([0, 2, 4, 5, 6]);
  });

  it('splits sentences on 。！？； and keeps quotations whole', () => {
    const { view, breakBefore } = buildView('他说：“今天很好。明天更好。”随后离开。真的吗？是的；好。');
    const parts = splitSentences(view, breakBefore).map(([a, b]) => view.slice(a, b));
    expect(parts).to.deep.equal(['他说:“今天很好。明天更好。”随后离开。', '真的吗?', '是的;', '好。']);
  });

  it('a paragraph broken mid-sentence stays one sentence; a break after 。 splits', () => {
    const { view, breakBefore } = buildView('在这场较量中，中国人民和\n\n中华民族铸就了伟大精神。\n记者 张华');
    const parts = splitSentences(view, breakBefore).map(([a, b]) => view.slice(a, b));
    expect(parts).to.deep.equal(['在这场较量中,中国人民和中华民族铸就了伟大精神。', '记者张华']);
  });

  it('segment(text, true) reuses its buffers and gives what segment(text) gives, one text after another', () => {
    const texts = ['本报讯 9月 19日，二七\n区委书记陈红民到嵩山路街道调研。\n\n記者 景靜', '短文。', '在这场较量中，中国人民和\n\n中华民族铸就了伟大精神。\n记者 张华'];
    const plain = (s: ReturnType<typeof segment>) => ({
      view: s.view,
      toText: Array.from(s.toText),
      breakBefore: Array.from(s.breakBefore),
      tokenAt: Array.from(s.tokenAt),
      tokens: s.tokens.map((t) => [t.word, t.tag, t.vs, t.ve, t.start, t.end]),
      sentences: s.sentences,
    });
    for (const t of [...texts, ...texts.reverse()]) expect(plain(segment(t, true))).to.deep.equal(plain(segment(t)));
  });

  it('stripSpaces removes what /\\s+/g removes, and returns a string without white space as it is', () => {
    for (const s of ['二七 区\u3000委', 'a\u2002b\u00a0c\ufeff', '\t 陈红民 \n', '二七区', '']) expect(stripSpaces(s)).to.equal(s.replace(/\s+/g, ''));
    const s = '二七区委书记';
    expect(stripSpaces(s)).to.equal(s);
  });
});
