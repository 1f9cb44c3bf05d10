/**
 * Vocabularies of the extraction rules, loaded once from dictionaries/ (see dictionaries/README.md),
 * validated with ajv (errors name the file and line) and compiled into Sets and tries.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import type { EntityType } from '../types';

export class DictionaryError extends Error {
  override name = 'DictionaryError';
  constructor(public file: string, public line: number, message: string) {
    super(`${file}:${line}: ${message}`);
  }
}

/**
 * A trie over strings; `match*` return the longest entry found. Nodes are keyed by UTF-16 code
 * unit (a word's astral characters are keyed by code point, > 0xffff, which no lookup by code
 * unit meets — as before, such words are never found).
 *
 * Words are added to a tree of Maps; lookups walk a flat copy of it (Edges, made at the first
 * lookup after an add): typed-array reads instead of a Map lookup per node, whose chain of
 * separate objects costs cache misses at every character (the tries are read at most
 * positions of every article).
 */
export class Trie<V> {
  readonly root: Node<V> = { next: new Map(), value: undefined };
  /** char code -> some entry starts with it (a cheap first test before walking the trie). */
  readonly first = new Uint8Array(65536);
  size = 0;
  private flat: Edges<V> | null = null;
  add(word: string, value: V): void {
    this.first[word.charCodeAt(0)] = 1;
    let n = this.root;
    for (const ch of word) {
      const key = ch.codePointAt(0)!;
      let m = n.next.get(key);
      if (!m) n.next.set(key, (m = { next: new Map(), value: undefined }));
      n = m;
    }
    if (n.value === undefined) this.size++;
    n.value = value;
    this.flat = null;
  }
  /** The flat form of the trie, for lookups (made again after an add). */
  edges(): Edges<V> {
    return this.flat ?? (this.flat = new Edges(this.root));
  }
  /** Length of the longest entry starting at `pos` (reading forward), or 0. */
  longestLenAt(s: string, pos: number, limit = s.length): number {
    if (pos >= limit || !this.first[s.charCodeAt(pos)]) return 0;
    const g = this.edges();
    let n = 0;
    let best = 0;
    for (let i = pos; i < limit; i++) {
      n = g.child(n, s.charCodeAt(i));
      if (n === 0) break;
      if (g.term[n] === 1) best = i - pos + 1;
    }
    return best;
  }
  /** Longest entry starting at `pos` (reading forward), or null. */
  longestAt(s: string, pos: number, limit = s.length): { len: number; value: V } | null {
    if (pos >= limit || !this.first[s.charCodeAt(pos)]) return null;
    const g = this.edges();
    let n = 0;
    let best = 0;
    let bestNode = 0;
    for (let i = pos; i < limit; i++) {
      n = g.child(n, s.charCodeAt(i));
      if (n === 0) break;
      if (g.term[n] === 1) {
        best = i - pos + 1;
        bestNode = n;
      }
    }
    return best ? { len: best, value: g.values[bestNode] as V } : null;
  }
  /**
   * All entries starting at `pos`, shortest first, without allocating: their lengths and values
   * are written to `lens` and `values` (caller's scratch arrays); returns how many.
   */
  allInto(s: string, pos: number, limit: number, lens: number[], values: V[]): number {
    if (pos >= limit || !this.first[s.charCodeAt(pos)]) return 0;
    const g = this.edges();
    let n = 0;
    let count = 0;
    for (let i = pos; i < limit; i++) {
      n = g.child(n, s.charCodeAt(i));
      if (n === 0) break;
      if (g.term[n] === 1) {
        lens[count] = i - pos + 1;
        values[count] = g.values[n] as V;
        count++;
      }
    }
    return count;
  }
}
interface Node<V> {
  next: Map<number, Node<V>>;
  value: V | undefined;
}

/**
 * A trie's nodes in flat arrays. Node 0 is the root. Nodes are numbered breadth first, so the
 * children of a node have consecutive numbers: node n's children are the nodes
 * from[n] .. from[n + 1] - 1, under the char codes codes[...] (few: read in turn); the root's
 * many children are found by char code in a table. Edges keyed by a code point above 0xffff are
 * left out: no lookup by code unit could follow them.
 */
export class Edges<V> {
  /** node -> 1 where an entry ends */
  readonly term: Uint8Array;
  /** node -> the entry's value (undefined where none ends) */
  readonly values: Array<V | undefined>;
  /** char code -> the root's child under it, or 0 */
  private readonly rootKids: Int32Array;
  /** node -> its first child (from[n + 1]: past its last) */
  private readonly from: Int32Array;
  /** node -> the char code its parent reaches it by */
  private readonly codes: Uint16Array;
  constructor(root: Node<V>) {
    const nodes: Array<Node<V>> = [root];
    for (let k = 0; k < nodes.length; k++) for (const [key, m] of nodes[k].next) if (key <= 0xffff) nodes.push(m);
    const n = nodes.length;
    this.term = new Uint8Array(n);
    this.values = [];
    this.rootKids = new Int32Array(65536);
    this.from = new Int32Array(n + 1);
    this.codes = new Uint16Array(n);
    let next = 1; // the number of the next child (in the order the nodes were numbered)
    for (let k = 0; k < n; k++) {
      const node = nodes[k];
      this.values.push(node.value);
      if (node.value !== undefined) this.term[k] = 1;
      this.from[k] = next;
      for (const key of node.next.keys()) {
        if (key > 0xffff) continue;
        if (k === 0) this.rootKids[key] = next;
        this.codes[next++] = key;
      }
    }
    this.from[n] = next;
  }
  /** The child of `node` under char code `code`, or 0 (none). */
  child(node: number, code: number): number {
    if (node === 0) return this.rootKids[code] | 0; // (| 0: NaN past the end of the text reads undefined)
    const end = this.from[node + 1];
    for (let k = this.from[node]; k < end; k++) if (this.codes[k] === code) return k;
    return 0;
  }
}

const NO_MATCHES: never[] = [];

/** A trie over reversed strings: finds entries that END at a position. */
export class ReverseTrie<V> {
  private t = new Trie<V>();
  /** char code -> some entry ends with it. */
  readonly last = this.t.first;
  add(word: string, value: V): void {
    this.t.add([...word].reverse().join(''), value);
  }
  /** Entries ending at `end` (exclusive), reading backwards no further than `limit`; shortest first. */
  allEndingAt(s: string, end: number, limit = 0): Array<{ len: number; value: V }> {
    if (end <= limit || !this.t.first[s.charCodeAt(end - 1)]) return NO_MATCHES;
    let out: Array<{ len: number; value: V }> | null = null;
    const g = this.t.edges();
    let n = 0;
    for (let i = end - 1; i >= limit; i--) {
      n = g.child(n, s.charCodeAt(i));
      if (n === 0) break;
      if (g.term[n] === 1) (out ??= []).push({ len: end - i, value: g.values[n] as V });
    }
    return out ?? NO_MATCHES;
  }
  /** Length of the longest entry ending at `end` (reading backwards no further than `limit`), or 0. */
  longestLenEndingAt(s: string, end: number, limit = 0): number {
    if (end <= limit || !this.t.first[s.charCodeAt(end - 1)]) return 0;
    const g = this.t.edges();
    let n = 0;
    let best = 0;
    for (let i = end - 1; i >= limit; i--) {
      n = g.child(n, s.charCodeAt(i));
      if (n === 0) break;
      if (g.term[n] === 1) best = end - i;
    }
    return best;
  }
  longestEndingAt(s: string, end: number, limit = 0): { len: number; value: V } | null {
    if (end <= limit || !this.t.first[s.charCodeAt(end - 1)]) return null;
    const g = this.t.edges();
    let n = 0;
    let best = 0;
    let bestNode = 0;
    for (let i = end - 1; i >= limit; i--) {
      n = g.child(n, s.charCodeAt(i));
      if (n === 0) break;
      if (g.term[n] === 1) {
        best = end - i;
        bestNode = n;
      }
    }
    return best ? { len: best, value: g.values[bestNode] as V } : null;
  }
}

/** Bits of Dictionaries.firstBits. */
export const enum FirstBit {
  Relation = 1,
  Gazetteer = 2,
  Title = 4,
  Group = 8,
  HeadLast = 16,
}

export type TitlePartKind = 'prefix' | 'level' | 'organ' | 'role' | 'not-title';
export type RelationWordKind =
  | 'visit' | 'move' | 'lead' | 'accompany' | 'attend' | 'event' | 'split'
  | 'list-org' | 'list-place' | 'list-project' | 'list-stop';

export interface SuffixInfo {
  word: string;
  type: EntityType;
  admin: boolean;
  inner: boolean;
  minstem: number;
  /** The stem must be a jurisdiction (ends with a level word or is a known place). */
  placeStem: boolean;
}

export interface Jurisdiction {
  home: string;
  stem: string;
  level: string;
  parents: string[];
}

export interface Dictionaries {
  dir: string;
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  /** char code -> 1 for a one-character surname (surnames.has(ch)). */
  surnameCode: Uint8Array;
  /** char code -> 1 for the first character of a compound surname. */
  compoundFirst: Uint8Array;
  /** Two-character parts of Tibetan names (巴桑, 罗布): two of them make a four-character name. */
  nameParts: Set<string>;
  /** Frequent surnames (may start a name without other support). */
  commonSurnames: Set<string>;
  notPerson: Trie<true>;
  followers: Trie<true>;
  groupWords: Set<string>;
  groupTrie: Trie<true>;
  titleParts: Map<string, TitlePartKind>;
  roles: Trie<true>;
  organsRev: ReverseTrie<true>;
  levelsRev: ReverseTrie<true>;
  prefixesRev: ReverseTrie<true>;
  notTitle: Trie<true>;
  suffixesRev: ReverseTrie<SuffixInfo>;
  suffixes: Map<string, SuffixInfo>;
  boundary: Set<string>;
  /** Small word classes (rule-words.txt), by kind. */
  ruleWords: Record<
    'measure' | 'org-after' | 'cut' | 'bad-given' | 'list-intro' | 'organ-head' | 'byline-role' | 'topic' | 'name-end' | 'etc-people' | 'etc-things' | 'numeral' | 'conj',
    Set<string>
  >;
  /**
   * char code -> 1 for the one-character entries of some word sets (set.has(V[i]) without making
   * a one-character string and hashing it: these run at every character).
   */
  codes: Record<'cut' | 'measure' | 'boundary' | 'blockAfter' | 'blockBefore' | 'badGiven' | 'nameEnd' | 'commonSurname' | 'conj', Uint8Array>;
  /**
   * char code -> which scans may find a word at a position with this character (FirstBit): the
   * first characters of relation words, gazetteer places, role and not-title words, group words,
   * and the last characters of head words.
   */
  firstBits: Uint8Array;
  /** char code -> 1 for the first character of an administrative head word of two or three characters. */
  adminHeadFirst: Uint8Array;
  /**
   * char code -> 1 for a one-character administrative head word (suffixes.get(ch)?.admin): a table
   * read, where loading .admin from a head that is usually absent would deopt when first present.
   */
  adminHeadCode: Uint8Array;
  /** Level words (title-parts.txt kind=level), longest first. */
  levels: string[];
  /** Verbs allowed inside project names. */
  projectVerbs: Set<string>;
  genericStems: Set<string>;
  determiners: Trie<true>;
  modifiers: Set<string>;
  /** The modifiers, to find one ending at a position. */
  modifiersRev: ReverseTrie<true>;
  /** short department names (公安, 住建): items of 等部门 lists, not organisations */
  departments: Set<string>;
  blockAfter: Set<string>;
  /** The blockAfter words of two or more characters, to find one starting at a position. */
  blockAfterLong: Trie<true>;
  blockBefore: Set<string>;
  relationWords: Map<string, RelationWordKind>;
  relationTrie: Trie<RelationWordKind>;
  gazetteer: Map<string, { type: EntityType; admin: boolean }>;
  gazetteerTrie: Trie<{ type: EntityType; admin: boolean }>;
  gazetteerRev: ReverseTrie<true>;
  officials: Set<string>;
  officialsTrie: Trie<true>;
  jurisdiction: Jurisdiction;
  /** Words for jieba's user dictionary: word, frequency, POS tag. */
  jiebaWords: Array<{ word: string; freq: number; tag: string }>;
}

interface Entry {
  word: string;
  [k: string]: string | number;
}

const ajv = new Ajv({ allErrors: false });
const WORD = { type: 'string', minLength: 1, maxLength: 24, pattern: '^[^\\s=#]+$' };
const schemas: Record<string, object> = {
  'surnames.txt': {
    type: 'object',
    properties: { word: { ...WORD, maxLength: 2 }, common: { enum: [0, 1] }, part: { enum: [1] } },
    required: ['word'],
    additionalProperties: false,
  },
  'title-parts.txt': {
    type: 'object',
    properties: { word: WORD, kind: { enum: ['prefix', 'level', 'organ', 'role', 'not-title'] } },
    required: ['word', 'kind'],
    additionalProperties: false,
  },
  'entity-suffixes.txt': {
    type: 'object',
    properties: {
      word: WORD,
      type: { enum: ['Place', 'Organization', 'Project'] },
      admin: { enum: [0, 1] },
      inner: { enum: [0, 1] },
      minstem: { type: 'integer', minimum: 0, maximum: 8 },
      stem: { enum: ['place'] },
    },
    required: ['word', 'type'],
    additionalProperties: false,
  },
  'relation-words.txt': {
    type: 'object',
    properties: {
      word: WORD,
      kind: { enum: ['visit', 'move', 'lead', 'accompany', 'attend', 'event', 'split', 'list-org', 'list-place', 'list-project', 'list-stop'] },
    },
    required: ['word', 'kind'],
    additionalProperties: false,
  },
  'gazetteer.txt': {
    type: 'object',
    properties: { word: WORD, type: { enum: ['Place', 'Organization', 'Project'] }, admin: { enum: [0, 1] } },
    required: ['word', 'type'],
    additionalProperties: false,
  },
  'generic-stems.txt': {
    type: 'object',
    properties: { word: WORD, kind: { enum: ['determiner', 'modifier', 'department'] } },
    required: ['word'],
    additionalProperties: false,
  },
};
schemas['name-blockers.txt'] = {
  type: 'object',
  properties: { word: { ...WORD, maxLength: 4 }, kind: { enum: ['after', 'before'] } },
  required: ['word', 'kind'],
  additionalProperties: false,
};
schemas['rule-words.txt'] = {
  type: 'object',
  properties: { word: WORD, kind: { enum: ['measure', 'org-after', 'cut', 'bad-given', 'list-intro', 'organ-head', 'byline-role', 'topic', 'name-end', 'etc-people', 'etc-things', 'numeral', 'conj'] } },
  required: ['word', 'kind'],
  additionalProperties: false,
};
const plain = { type: 'object', properties: { word: WORD }, required: ['word'], additionalProperties: false };
for (const f of ['not-person.txt', 'person-followers.txt', 'group-words.txt', 'boundary-words.txt', 'officials.txt', 'project-verbs.txt']) schemas[f] = plain;

const jurisdictionSchema = {
  type: 'object',
  properties: {
    home: { type: 'string', minLength: 2 },
    stem: { type: 'string', minLength: 1 },
    level: { type: 'string', minLength: 1 },
    parents: { type: 'array', items: { type: 'string', minLength: 2 } },
  },
  required: ['home', 'stem', 'level', 'parents'],
  additionalProperties: false,
};

const validators = new Map<string, ValidateFunction>();
function validator(file: string): ValidateFunction {
  let v = validators.get(file);
  if (!v) {
    const schema = schemas[file];
    if (!schema) throw new DictionaryError(file, 0, 'no schema for this dictionary file');
    v = ajv.compile(schema);
    validators.set(file, v);
  }
  return v;
}

/**
 * Parse one dictionary file: one entry a line, `word` then `key=value` fields separated by white
 * space; `#` starts a comment; blank lines are skipped. Each entry is validated against the
 * file's schema; the first problem throws a DictionaryError naming the file and line.
 */
export function parseDictionaryText(file: string, text: string): Entry[] {
  const v = validator(file);
  const out: Entry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*$/, '').trim();
    if (!line) continue;
    const [word, ...fields] = line.split(/\s+/);
    const e: Entry = { word };
    for (const f of fields) {
      const eq = f.indexOf('=');
      if (eq <= 0) throw new DictionaryError(file, i + 1, `field "${f}" is not key=value`);
      const key = f.slice(0, eq);
      const raw = f.slice(eq + 1);
      e[key] = /^\d+$/.test(raw) ? Number(raw) : raw;
    }
    if (!v(e)) {
      const err = v.errors?.[0];
      const where = err?.instancePath ? `${err.instancePath.slice(1)} ` : '';
      const extra = err?.params && 'additionalProperty' in err.params ? ` (${String(err.params.additionalProperty)})` : '';
      const allowed = err?.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
      throw new DictionaryError(file, i + 1, `"${lines[i].trim()}": ${where}${err?.message ?? 'invalid'}${extra}${allowed}`);
    }
    out.push(e);
  }
  return out;
}

/** Find the dictionaries/ folder: $ZHKG_DICT_DIR, else the package root's dictionaries/. */
export function dictionaryDir(): string {
  if (process.env.ZHKG_DICT_DIR) return resolve(process.env.ZHKG_DICT_DIR);
  let dir = __dirname;
  for (let k = 0; k < 6; k++) {
    const cand = join(dir, 'dictionaries');
    if (existsSync(join(cand, 'title-parts.txt'))) return cand;
    dir = resolve(dir, '..');
  }
  throw new DictionaryError('dictionaries', 0, `dictionaries/ folder not found above ${__dirname}`);
}

function read(dir: string, file: string): Entry[] {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DictionaryError(path, 0, `cannot read: ${(e as Error).message}`);
  }
  try {
    return parseDictionaryText(file, text);
  } catch (e) {
    if (e instanceof DictionaryError) throw new DictionaryError(path, e.line, e.message.replace(/^[^:]*:\d+: /, ''));
    throw e;
  }
}

function readJurisdiction(dir: string): Jurisdiction {
  const path = join(dir, 'jurisdiction.json');
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : 1;
    throw new DictionaryError(path, line, `invalid JSON: ${(e as Error).message}`);
  }
  const v = ajv.compile(jurisdictionSchema);
  if (!v(data)) {
    const err = v.errors?.[0];
    const key = err?.instancePath.split('/')[1] ?? '';
    const idx = key ? text.indexOf(`"${key}"`) : -1;
    const line = idx >= 0 ? text.slice(0, idx).split('\n').length : 1;
    throw new DictionaryError(path, line, `${err?.instancePath || '(root)'} ${err?.message ?? 'invalid'}`);
  }
  return data as unknown as Jurisdiction;
}

/** char code -> 1 for each one-unit string given. */
function codeTable(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(65536);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

/** Load and compile every dictionary in `dir`. */
export function loadDictionaries(dir = dictionaryDir()): Dictionaries {
  const jiebaWords: Dictionaries['jiebaWords'] = [];
  const surnames = new Set<string>();
  const compoundSurnames = new Set<string>();
  const commonSurnames = new Set<string>();
  const nameParts = new Set<string>();
  for (const e of read(dir, 'surnames.txt')) {
    if (e.part === 1) {
      nameParts.add(e.word);
      continue;
    }
    (e.word.length === 2 ? compoundSurnames : surnames).add(e.word);
    if (e.common === 1) commonSurnames.add(e.word);
  }

  const setOf = (file: string) => new Set(read(dir, file).map((e) => e.word));
  const trieOf = (words: Iterable<string>) => {
    const t = new Trie<true>();
    for (const w of words) t.add(w, true);
    return t;
  };

  const titleParts = new Map<string, TitlePartKind>();
  const roles = new Trie<true>();
  const organsRev = new ReverseTrie<true>();
  const levelsRev = new ReverseTrie<true>();
  const prefixesRev = new ReverseTrie<true>();
  const notTitle = new Trie<true>();
  for (const e of read(dir, 'title-parts.txt')) {
    const kind = e.kind as TitlePartKind;
    titleParts.set(e.word, kind);
    if (kind === 'role') roles.add(e.word, true);
    else if (kind === 'organ') organsRev.add(e.word, true);
    else if (kind === 'level') levelsRev.add(e.word, true);
    else if (kind === 'prefix') prefixesRev.add(e.word, true);
    else notTitle.add(e.word, true);
    if (kind === 'role' && e.word.length >= 2) jiebaWords.push({ word: e.word, freq: 20000, tag: 'n' });
    if (kind === 'organ' && e.word.length >= 3) jiebaWords.push({ word: e.word, freq: 5000, tag: 'nt' });
  }

  const suffixesRev = new ReverseTrie<SuffixInfo>();
  const suffixes = new Map<string, SuffixInfo>();
  for (const e of read(dir, 'entity-suffixes.txt')) {
    const info: SuffixInfo = {
      word: e.word,
      type: e.type as EntityType,
      admin: e.admin === 1,
      inner: e.inner !== 0,
      minstem: typeof e.minstem === 'number' ? e.minstem : 1,
      placeStem: e.stem === 'place',
    };
    suffixesRev.add(e.word, info);
    suffixes.set(e.word, info);
  }

  // dictionary organs of 3+ characters are organisation heads too (组织部, 民政局, 卫健委)
  for (const [word, kind] of titleParts) {
    if (kind !== 'organ' || word.length < 3 || suffixes.has(word)) continue;
    const info: SuffixInfo = { word, type: 'Organization', admin: false, inner: true, minstem: 1, placeStem: false };
    suffixesRev.add(word, info);
    suffixes.set(word, info);
  }

  const relationWords = new Map<string, RelationWordKind>();
  const relationTrie = new Trie<RelationWordKind>();
  for (const e of read(dir, 'relation-words.txt')) {
    relationWords.set(e.word, e.kind as RelationWordKind);
    relationTrie.add(e.word, e.kind as RelationWordKind);
  }

  const gazetteer = new Map<string, { type: EntityType; admin: boolean }>();
  const gazetteerTrie = new Trie<{ type: EntityType; admin: boolean }>();
  const gazetteerRev = new ReverseTrie<true>();
  for (const e of read(dir, 'gazetteer.txt')) {
    const v = { type: e.type as EntityType, admin: e.admin === 1 };
    gazetteer.set(e.word, v);
    gazetteerTrie.add(e.word, v);
    gazetteerRev.add(e.word, true);
    jiebaWords.push({ word: e.word, freq: 50000, tag: 'ns' });
  }

  const genericStems = new Set<string>();
  const determiners = new Trie<true>();
  const modifiers = new Set<string>();
  const departments = new Set<string>();
  for (const e of read(dir, 'generic-stems.txt')) {
    if (e.kind === 'determiner') determiners.add(e.word, true);
    else if (e.kind === 'modifier') modifiers.add(e.word);
    else if (e.kind === 'department') departments.add(e.word);
    else genericStems.add(e.word);
  }
  const modifiersRev = new ReverseTrie<true>();
  for (const w of modifiers) modifiersRev.add(w, true);
  const blockAfter = new Set<string>();
  const blockBefore = new Set<string>();
  for (const e of read(dir, 'name-blockers.txt')) (e.kind === 'after' ? blockAfter : blockBefore).add(e.word);

  const officials = setOf('officials.txt');
  for (const w of officials) jiebaWords.push({ word: w, freq: 100000, tag: 'nr' });
  const jurisdiction = readJurisdiction(dir);
  jiebaWords.push({ word: jurisdiction.home, freq: 100000, tag: 'ns' });
  jiebaWords.push({ word: jurisdiction.stem, freq: 50000, tag: 'ns' });
  gazetteerRev.add(jurisdiction.stem, true);
  for (const p of jurisdiction.parents) gazetteerRev.add(p, true);

  const groupWords = setOf('group-words.txt');
  const ruleWords: Dictionaries['ruleWords'] = {
    measure: new Set(),
    'org-after': new Set(),
    cut: new Set(),
    'bad-given': new Set(),
    'list-intro': new Set(),
    'organ-head': new Set(),
    'byline-role': new Set(),
    topic: new Set(),
    'name-end': new Set(),
    'etc-people': new Set(),
    'etc-things': new Set(),
    numeral: new Set(),
    conj: new Set(),
  };
  for (const e of read(dir, 'rule-words.txt')) ruleWords[e.kind as keyof Dictionaries['ruleWords']].add(e.word);
  const boundary = setOf('boundary-words.txt');
  const groupTrie = trieOf(groupWords);
  const firstBits = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    firstBits[c] =
      (relationTrie.first[c] ? FirstBit.Relation : 0) |
      (gazetteerTrie.first[c] ? FirstBit.Gazetteer : 0) |
      (notTitle.first[c] || roles.first[c] ? FirstBit.Title : 0) |
      (groupTrie.first[c] ? FirstBit.Group : 0) |
      (suffixesRev.last[c] ? FirstBit.HeadLast : 0);
  }
  const ones = (set: Set<string>) => codeTable([...set].filter((w) => w.length === 1));
  const adminHeadCode = codeTable([...suffixes].filter(([w, info]) => w.length === 1 && info.admin).map(([w]) => w));
  return {
    dir,
    surnames,
    compoundSurnames,
    surnameCode: codeTable([...surnames].filter((w) => w.length === 1)),
    compoundFirst: codeTable([...compoundSurnames].map((w) => w[0])),
    nameParts,
    commonSurnames,
    notPerson: trieOf(setOf('not-person.txt')),
    followers: trieOf(setOf('person-followers.txt')),
    groupWords,
    groupTrie,
    titleParts,
    roles,
    organsRev,
    levelsRev,
    prefixesRev,
    notTitle,
    suffixesRev,
    suffixes,
    boundary,
    ruleWords,
    codes: {
      cut: ones(ruleWords.cut),
      measure: ones(ruleWords.measure),
      boundary: ones(boundary),
      blockAfter: ones(blockAfter),
      blockBefore: ones(blockBefore),
      badGiven: ones(ruleWords['bad-given']),
      nameEnd: ones(ruleWords['name-end']),
      commonSurname: ones(commonSurnames),
      conj: ones(ruleWords.conj),
    },
    adminHeadCode,
    firstBits,
    adminHeadFirst: codeTable([...suffixes].filter(([w, info]) => info.admin && w.length >= 2 && w.length <= 3).map(([w]) => w[0])),
    levels: [...titleParts].filter(([, k]) => k === 'level').map(([w]) => w).sort((a, b) => b.length - a.length),
    projectVerbs: setOf('project-verbs.txt'),
    genericStems,
    determiners,
    modifiers,
    modifiersRev,
    departments,
    blockAfter,
    blockAfterLong: trieOf([...blockAfter].filter((w) => w.length > 1)),
    blockBefore,
    relationWords,
    relationTrie,
    gazetteer,
    gazetteerTrie,
    gazetteerRev,
    officials,
    officialsTrie: trieOf(officials),
    jurisdiction,
    jiebaWords,
  };
}

let cached: Dictionaries | null = null;
/** The project's dictionaries, loaded once per process. */
export function getDictionaries(): Dictionaries {
  if (!cached) cached = loadDictionaries();
  return cached;
}
