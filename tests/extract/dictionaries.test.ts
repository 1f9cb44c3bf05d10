import { expect } from 'chai';
import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../ingest/helpers';
import { DictionaryError, ReverseTrie, Trie, dictionaryDir, loadDictionaries, parseDictionaryText } from '../../src/extract/dictionaries';

describe('dictionaries', () => {
  it('load and compile the project dictionaries', () => {
    const d = loadDictionaries();
    expect(d.compoundSurnames.has('欧阳')).to.equal(true);
    expect(d.titleParts.get('常务副区长')).to.equal('role');
    expect(d.suffixes.get('街道')!.admin).to.equal(true);
    expect(d.jurisdiction.home).to.equal('二七区');
  });

  it('a bad entry is a DictionaryError naming the file and line', () => {
    const text = '# roles\n书记 kind=role\n\n局长 kind=boss\n';
    try {
      parseDictionaryText('title-parts.txt', text);
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(DictionaryError);
      expect((e as DictionaryError).line).to.equal(4);
      expect((e as Error).message).to.match(/^title-parts\.txt:4: /);
      expect((e as Error).message).to.contain('局长');
    }
  });

  it('a field that is not key=value, or unknown, is rejected', () => {
    expect(() => parseDictionaryText('entity-suffixes.txt', '街道 type=Place admin\n')).to.throw(DictionaryError, /:1: .*key=value/);
    expect(() => parseDictionaryText('entity-suffixes.txt', '街道 type=Place colour=red\n')).to.throw(DictionaryError, /colour/);
  });

  it('loading a folder with a broken file names its path and line', () => {
    const dir = tempDir('zhkg-dict-');
    cpSync(dictionaryDir(), dir, { recursive: true });
    const file = join(dir, 'surnames.txt');
    writeFileSync(file, readFileSync(file, 'utf8') + '诸葛亮\n');
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    expect(() => loadDictionaries(dir)).to.throw(DictionaryError, new RegExp(`surnames\\.txt:${lines}: `));
  });

  it('a broken jurisdiction.json names the line of the bad key', () => {
    const dir = tempDir('zhkg-dict-');
    cpSync(dictionaryDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'jurisdiction.json'), '{\n  "home": "二七区",\n  "stem": "二七",\n  "level": 3,\n  "parents": []\n}\n');
    expect(() => loadDictionaries(dir)).to.throw(DictionaryError, /jurisdiction\.json:4: /);
  });
  it('tries find the longest entry at a position, forwards and backwards, and see words added after a lookup', () => {
    const t = new Trie<string>();
    for (const w of ['区委', '区委书记', '二七区']) t.add(w, w);
    const s = '二七区委书记到';
    expect(t.longestLenAt(s, 2)).to.equal(4); // 区委书记, not 区委
    expect(t.longestAt(s, 2)).to.deep.equal({ len: 4, value: '区委书记' });
    expect(t.longestLenAt(s, 2, 4)).to.equal(2); // the limit cuts 区委书记 short
    expect(t.longestAt(s, 1)).to.equal(null);
    const lens: number[] = [];
    const values: string[] = [];
    expect(t.allInto(s, 2, s.length, lens, values)).to.equal(2);
    expect(values.slice(0, 2)).to.deep.equal(['区委', '区委书记']);
    // a word added after the lookups above is found by the next one
    t.add('七区', '七区');
    expect(t.longestLenAt(s, 1)).to.equal(2);
    // a word with a character outside the BMP is stored but never matched by code unit (as before)
    t.add('𠀋区', 'astral');
    expect(t.longestLenAt('𠀋区', 0)).to.equal(0);

    const r = new ReverseTrie<string>();
    for (const w of ['社区', '街道', '办事处']) r.add(w, w);
    const v = '建设路街道办事处';
    expect(r.longestEndingAt(v, v.length)).to.deep.equal({ len: 3, value: '办事处' });
    expect(r.longestLenEndingAt(v, 5)).to.equal(2); // 街道
    expect(r.longestLenEndingAt(v, 5, 4)).to.equal(0); // the limit cuts 街道 off
    expect(r.allEndingAt(v, 5).map((m) => m.value)).to.deep.equal(['街道']);
  });
});
