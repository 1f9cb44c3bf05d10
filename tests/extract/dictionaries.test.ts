import { expect } from 'chai';
import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../ingest/helpers';
import { DictionaryError, dictionaryDir, loadDictionaries, parseDictionaryText } from '../../src/extract/dictionaries';

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
});
