import { expect } from 'chai';
import { normChar } from '../../src/segment';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };

describe('segment: the character normalisation table', () => {
  it('(filled whole, possibly from the cache folder) gives NFKC + traditional -> simplified for every BMP code unit', () => {
    const t2s = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const wrong: string[] = [];
    for (let code = 1; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      let want = ch;
      if (code >= 0x80 && (code < 0xd800 || code > 0xdfff)) {
        const n = ch.normalize('NFKC');
        if (n.length === 1) want = n;
        if (want.charCodeAt(0) >= 0x3400) {
          const s = t2s(want);
          if (s.length === 1) want = s;
        }
      }
      if (normChar(ch) !== want) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong.slice(0, 10)).to.deep.equal([]);
  });
});
