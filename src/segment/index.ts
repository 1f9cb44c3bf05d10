/**
 * Segment stage: the only module that talks to nodejieba.
 *
 * An article's text is turned into a *view*: the same characters with white space removed
 * (OCR spaces, wrapped lines, paragraphs broken mid-sentence) and each character normalised
 * (NFKC when that keeps it one character, traditional -> simplified one character at a time).
 * Every view index maps back to an offset in the article text (`toText`), so rules work on the
 * view and report spans in the article text. Sentences and jieba tokens are computed on the view.
 */
import nodejieba from 'nodejieba';
import { writeFileSync, readFileSync, renameSync, statSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { getDictionaries } from '../extract/dictionaries';
import { cacheDir } from './cache-dir';

export interface Token {
  /** The word as jieba gave it (normalised view characters). */
  readonly word: string;
  /** jieba POS tag (nr, ns, v, x …), looked up on first use. */
  readonly tag: string;
  /** [start, end) in the view. */
  readonly vs: number;
  readonly ve: number;
  /** [start, end) in the article text. Equal to the view span minus the white space dropped. */
  readonly start: number;
  readonly end: number;
}

/** A token; its POS tag is looked up only when a rule reads it (most tokens are never asked). */
class Tok implements Token {
  // (fields set in the constructor only: class field definitions cost a call per token)
  declare readonly word: string;
  declare readonly vs: number;
  declare readonly ve: number;
  declare readonly start: number;
  declare readonly end: number;
  declare private t: string | undefined;
  constructor(word: string, vs: number, ve: number, start: number, end: number) {
    this.word = word;
    this.vs = vs;
    this.ve = ve;
    this.start = start;
    this.end = end;
    this.t = undefined;
  }
  get tag(): string {
    let t = this.t;
    if (t === undefined) t = this.t = posOf(this.word);
    return t;
  }
}

export interface ViewSentence {
  /** [start, end) in the view. */
  vs: number;
  ve: number;
  /** [start, end) in the article text. */
  start: number;
  end: number;
}

export interface Segmented {
  /** The article text. */
  text: string;
  /** Compacted, normalised view of the text. */
  view: string;
  /** view index -> article text offset (length view.length + 1; the last entry is text.length). */
  toText: Int32Array;
  /** view index -> there was a line break in the text just before this character. */
  breakBefore: Uint8Array;
  sentences: ViewSentence[];
  tokens: Token[];
  /** view index -> index of the token covering it. */
  tokenAt: Int32Array;
}

let loaded = false;
/**
 * word -> POS tag, as jieba's tagger gives it (tag() is cut() plus this lookup): jieba's
 * dictionary, then ours on top. The dictionary text is kept whole and indexed by an open-addressing
 * hash table of line offsets (no string per entry, so loading costs a few ms, not ~0.3 s); the
 * words actually looked up are cached in `posCache`.
 */
let dictText = '';
let dictTable: Int32Array<ArrayBufferLike> = new Int32Array(0);
let dictMask = 0;
const userPos = new Map<string, string>();
const posCache = new Map<string, string>();

function hashRange(s: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The word at `off` in dictText (up to its first space) equals s[a, b). */
function dictWordIs(off: number, s: string, a: number, b: number): boolean {
  const len = b - a;
  if (dictText.charCodeAt(off + len) !== 32) return false;
  for (let k = 0; k < len; k++) if (dictText.charCodeAt(off + k) !== s.charCodeAt(a + k)) return false;
  return true;
}

function loadPosMap(userLines: string[]): void {
  const dictPath = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
  const txt = readFileSync(dictPath, 'utf8');
  dictText = txt;
  // the index depends only on jieba's dictionary file: cached (cache-dir.ts) once built
  const st = statSync(dictPath);
  const cacheFile = join(cacheDir(), `posindex-v1-${st.size}-${Math.floor(st.mtimeMs)}-${txt.length}.bin`);
  const table = cachedTable(
    cacheFile,
    (bytes) => bytes >= 4096 && (bytes & (bytes - 1)) === 0,
    (b) => new Int32Array(b),
    () => buildPosIndex(txt),
  );
  dictTable = table;
  dictMask = table.length - 1;
  for (const l of userLines) {
    const parts = l.split(' ');
    userPos.set(parts[0], parts[parts.length - 1]);
  }
}

/** Hash table of line offsets + 1, by the line's word (later lines win, as Map.set would). */
function buildPosIndex(txt: string): Int32Array {
  let lines = 0;
  for (let i = txt.indexOf('\n'); i >= 0; i = txt.indexOf('\n', i + 1)) lines++;
  let size = 1024;
  while (size < lines * 2 + 2) size <<= 1;
  const table = new Int32Array(size);
  const mask = size - 1;
  let i = 0;
  while (i < txt.length) {
    let e = txt.indexOf('\n', i);
    if (e < 0) e = txt.length;
    const a = txt.indexOf(' ', i);
    const b = txt.lastIndexOf(' ', e);
    if (a > i && a < e && b > a) {
      let h = hashRange(txt, i, a) & mask;
      for (;;) {
        const v = table[h];
        if (v === 0 || dictWordIs(v - 1, txt, i, a)) {
          table[h] = i + 1;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    i = e + 1;
  }
  return table;
}

/** jieba's dictionary tag of a word ('' if not there). */
function dictTag(word: string): string {
  const user = userPos.get(word);
  if (user !== undefined) return user;
  if (!dictMask) return '';
  let h = hashRange(word, 0, word.length) & dictMask;
  for (;;) {
    const v = dictTable[h];
    if (v === 0) return '';
    if (dictWordIs(v - 1, word, 0, word.length)) {
      let e = dictText.indexOf('\n', v - 1);
      if (e < 0) e = dictText.length;
      const b = dictText.lastIndexOf(' ', e);
      return dictText.slice(b + 1, e).trim();
    }
    h = (h + 1) & dictMask;
  }
}

/** The POS tag jieba's tagger would give a word. */
export function posOf(word: string): string {
  const hit = posCache.get(word);
  if (hit !== undefined) return hit;
  let tag = dictTag(word);
  if (!tag) tag = /^[0-9０-９.]+$/.test(word) ? 'm' : /[A-Za-z]/.test(word) && /^[\x00-\x7f]+$/.test(word) ? 'eng' : 'x';
  if (posCache.size < 2_000_000) posCache.set(word, tag);
  return tag;
}
let t2s: ((s: string) => string) | null = null;
const charCache = new Map<number, string>();

/** Words jieba must keep whole: officials, places, title parts (from dictionaries/). */
function userDictLines(): string[] {
  const d = getDictionaries();
  const lines: string[] = [];
  for (const w of d.jiebaWords) lines.push(`${w.word} ${w.freq} ${w.tag}`);
  return lines;
}

/** Write a file unless it already holds `body`; atomically (workers may load at the same time). */
function writeOnce(path: string, body: string | Buffer): void {
  try {
    if (typeof body === 'string' && readFileSync(path, 'utf8') === body) return;
  } catch {
    // not there yet
  }
  const tmp = `${path}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, path);
}

/**
 * A table kept in `file` (cache-dir.ts): read back when its size passes `validBytes`, else built and
 * written for next time (a read-only cache folder, or no file, only costs the rebuild next time).
 */
function cachedTable<T extends Int32Array | Uint16Array>(
  file: string | null,
  validBytes: (bytes: number) => boolean,
  wrap: (copy: ArrayBuffer) => T,
  build: () => T,
): T {
  if (file === null) return build();
  try {
    const buf = readFileSync(file);
    if (validBytes(buf.length)) return wrap(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  } catch {
    // not built yet
  }
  const table = build();
  try {
    writeOnce(file, Buffer.from(table.buffer, table.byteOffset, table.byteLength));
  } catch {
    // a read-only cache folder
  }
  return table;
}

/** Load nodejieba once with the project's user dictionary (generated from dictionaries/). */
export function ensureLoaded(): void {
  if (loaded) return;
  const lines = userDictLines();
  const body = lines.join('\n') + '\n';
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dir = cacheDir();
  const path = join(dir, `userdict-${hash}.utf8`);
  writeOnce(path, body);
  // cut() reads only the dictionary, the HMM model and the user dictionary; nodejieba.load also
  // builds a keyword extractor from jieba's 6 MB idf file, which costs ~0.1 s and is never used:
  // give it a one-line idf file and stop-word list instead.
  const idfDict = join(dir, 'unused-idf.utf8');
  const stopWordDict = join(dir, 'unused-stopwords.utf8');
  writeOnce(idfDict, '的 1.0\n');
  writeOnce(stopWordDict, '的\n');
  nodejieba.load({ userDict: path, idfDict, stopWordDict });
  loadPosMap(lines);
  loaded = true;
}

function simplifiedChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x3400) return ch;
  const hit = charCache.get(code);
  if (hit !== undefined) return hit;
  if (!t2s) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };
    t2s = OpenCC.Converter({ from: 'hk', to: 'cn' });
  }
  const out = t2s(ch);
  const res = out.length === 1 ? out : ch;
  charCache.set(code, res);
  return res;
}

/** code unit -> its normalised code unit (0: not known yet); filled whole on the first miss. */
const normTable = new Uint16Array(65536);
let normTableFilled = false;

/** Normalise one UTF-16 unit of the text (keeps length 1). */
export function normChar(ch: string): string {
  const code = ch.charCodeAt(0);
  let hit = normTable[code];
  if (hit) return String.fromCharCode(hit);
  if (!normTableFilled) {
    fillNormTable();
    hit = normTable[code];
    if (hit) return String.fromCharCode(hit);
  }
  const out = normCharSlow(ch, code);
  normTable[code] = out.charCodeAt(0);
  return out;
}

/**
 * Fill normTable for every code unit at once, from a file cached (cache-dir.ts) once built (the table
 * depends only on ICU's NFKC and on opencc-js). This spares each thread loading opencc (~20 ms) and
 * keeps opencc's code out of the view builder: inlined there, it deoptimised buildViewInto and
 * segment() again and again (its objects change shape as its dictionaries are walked).
 */
function fillNormTable(): void {
  normTableFilled = true;
  let file: string | null = null;
  try {
    const opencc = statSync(require.resolve('opencc-js'));
    const v = process.versions;
    file = join(cacheDir(), `normtable-v1-${v.icu}-${v.unicode}-${opencc.size}-${Math.floor(opencc.mtimeMs)}.bin`);
  } catch {
    // no file to key the cache on: build without it
  }
  cachedTable(
    file,
    (bytes) => bytes === 2 * 65536,
    (b) => (normTable.set(new Uint16Array(b)), normTable),
    () => {
      for (let code = 1; code < 65536; code++) if (!normTable[code]) normTable[code] = normCharSlow(String.fromCharCode(code), code).charCodeAt(0);
      return normTable;
    },
  );
}

function normCharSlow(ch: string, code: number): string {
  if (code < 0x80) return ch;
  if (code >= 0xd800 && code <= 0xdfff) return ch;
  const n = ch.normalize('NFKC');
  const c = n.length === 1 ? n : ch;
  return simplifiedChar(c);
}

/** Normalise a string character by character (same length). */
export function normalize(s: string): string {
  // most strings are already normal: return them as they are
  let i = 0;
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const hit = normTable[code];
    if ((hit || normChar(s[i]).charCodeAt(0)) !== code) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) out += normChar(s[i]);
  return out;
}

/** normalize(), the plain way (kept for reference and tests). */
export function normalizeSlow(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += normChar(s[i]);
  return out;
}

const WS = /\s/;

/** char code -> 1 for the characters /\s/ matches (all below U+3001, and U+FEFF). */
const WS_CODE = new Uint8Array(65536);
for (let c = 0; c <= 0x3000; c++) if (WS.test(String.fromCharCode(c))) WS_CODE[c] = 1;
WS_CODE[0xfeff] = 1;

/** s.replace(/\s+/g, ''), without the regex when there is no white space (the usual case). */
export function stripSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) if (WS_CODE[s.charCodeAt(i)] === 1) return s.replace(/\s+/g, '');
  return s;
}
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", '）', ')', '》']);
const OPEN_Q = new Set(['“', '「', '『']);
const CLOSE_Q = new Set(['”', '」', '』']);

/** Build the compact view of a text. */
export function buildView(text: string): { view: string; toText: Int32Array; breakBefore: Uint8Array } {
  const n = text.length;
  const map = new Int32Array(n + 1);
  const brk = new Uint8Array(n);
  const { view, len } = buildViewInto(text, map, brk);
  return { view, toText: map.subarray(0, len + 1), breakBefore: brk.subarray(0, len) };
}

/** Scratch for the view's character codes (grown as needed; typed-array allocation costs ~1 µs each). */
let codeScratch = new Uint16Array(4096);

/**
 * buildView into caller-given arrays: `map` (length >= text.length + 1) gets view index -> text
 * offset, `brk` (length >= text.length, all zero) the line-break marks. Returns the view and its length.
 */
function buildViewInto(text: string, map: Int32Array, brk: Uint8Array): { view: string; len: number } {
  const n = text.length;
  if (codeScratch.length < n) codeScratch = new Uint16Array(Math.max(n, codeScratch.length * 2));
  const codes = codeScratch;
  let len = 0;
  let changed = false;
  let pendingBreak = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      pendingBreak = true;
      changed = true;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || code === 0x3000 || code === 0xa0 || code === 0xfeff || ((code === 0x2028 || code === 0x2029 || code === 11 || code === 12) && WS.test(text[i]))) {
      changed = true;
      continue;
    }
    let out = normTable[code];
    if (!out) out = normChar(text[i]).charCodeAt(0);
    if (out !== code) changed = true;
    codes[len] = out;
    map[len] = i;
    if (pendingBreak) brk[len] = 1;
    len++;
    pendingBreak = false;
  }
  map[len] = n;
  return { view: changed ? codesToString(codes, len) : text, len };
}

/** Typed arrays are little-endian here, as Buffer's 'ucs2' is. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codesToString(codes: Uint16Array, len: number): string {
  // (Buffer's ucs2 decoding copies the code units as they are, lone surrogates included)
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, len * 2).toString('ucs2');
  let out = '';
  for (let i = 0; i < len; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + 8192)) as unknown as number[]);
  return out;
}

/**
 * Sentences of the view: split after 。！？；(and their half-width forms), keeping closing quotes
 * with the sentence they end, and at line breaks that follow such punctuation (a paragraph
 * broken mid-sentence is one sentence). Inside a quotation, 。 does not split unless the
 * quotation runs on for more than 160 characters.
 */
export function splitSentences(view: string, breakBefore: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let depth = 0;
  let quoteStart = -1;
  const n = view.length;
  for (let i = 0; i < n; i++) {
    const c = view.charCodeAt(i);
    if (breakBefore[i] && i > start && depth === 0) {
      const prev = view.charCodeAt(i - 1);
      if (CLASS[prev] & (T_TERMINAL | T_CLOSER) || isBylineStart(view, i)) {
        out.push([start, i]);
        start = i;
      }
    }
    const cls = CLASS[c];
    if (!cls) continue;
    if (cls & T_OPEN) {
      if (depth === 0) quoteStart = i;
      depth++;
    } else if (cls & T_CLOSEQ) {
      depth = Math.max(0, depth - 1);
    }
    if (cls & T_TERMINAL) {
      if (depth > 0 && i - quoteStart < 160) continue;
      let j = i + 1;
      while (j < n && CLASS[view.charCodeAt(j)] & (T_TERMINAL | T_CLOSER)) {
        if (CLASS[view.charCodeAt(j)] & T_CLOSEQ) depth = Math.max(0, depth - 1);
        j++;
      }
      if (depth > 0) depth = 0;
      out.push([start, j]);
      start = j;
      i = j - 1;
    }
  }
  if (start < n) out.push([start, n]);
  return out.filter(([s, e]) => e > s);
}

const T_TERMINAL = 1;
const T_CLOSER = 2;
const T_OPEN = 4;
const T_CLOSEQ = 8;
/** char code -> punctuation classes (terminal, closer, opening quote, closing quote). */
const CLASS = new Uint8Array(65536);
for (const ch of TERMINAL) CLASS[ch.charCodeAt(0)] |= T_TERMINAL;
for (const ch of CLOSERS) CLASS[ch.charCodeAt(0)] |= T_CLOSER;
for (const ch of OPEN_Q) CLASS[ch.charCodeAt(0)] |= T_OPEN;
for (const ch of CLOSE_Q) CLASS[ch.charCodeAt(0)] |= T_CLOSEQ;

function isBylineStart(view: string, i: number): boolean {
  const c = view.charCodeAt(i);
  if (c !== 0x8bb0 && c !== 0x901a && c !== 0x672c) return false; // 记 通 本
  return view.startsWith('记者', i) || view.startsWith('通讯员', i) || view.startsWith('本报讯', i);
}

/** Buffer reused by segment(text, true). */
let segScratch = new ArrayBuffer(0);

/**
 * Segment an article text: view, sentences, jieba tokens with offsets. With `reuse`, the
 * per-character arrays (toText, breakBefore, tokenAt) live in a buffer that the next such call
 * overwrites (for callers that are done with the result by then, as extraction is).
 */
export function segment(text: string, reuse = false): Segmented {
  ensureLoaded();
  // one buffer for the three per-character arrays: toText | tokenAt | breakBefore
  const n = text.length;
  const size = 8 * n + 4 + n;
  let buf: ArrayBuffer;
  if (reuse) {
    if (segScratch.byteLength < size) segScratch = new ArrayBuffer(Math.max(size, 2 * segScratch.byteLength, 65536));
    buf = segScratch;
  } else buf = new ArrayBuffer(size);
  const map = new Int32Array(buf, 0, n + 1);
  const brk = new Uint8Array(buf, 8 * n + 4, n);
  if (reuse) brk.fill(0);
  const { view, len } = buildViewInto(text, map, brk);
  const toText = map.subarray(0, len + 1);
  const breakBefore = brk.subarray(0, len);
  const sents = splitSentences(view, breakBefore);
  const tokens: Token[] = [];
  const tokenAt = new Int32Array(buf, 4 * n + 4, len);
  const sentences: ViewSentence[] = new Array(sents.length);
  for (let k = 0; k < sents.length; k++) {
    const [vs, ve] = sents[k];
    sentences[k] = { vs, ve, start: toText[vs], end: toText[ve - 1] + 1 };
  }
  // one jieba call for the whole view (punctuation always ends a word, so words do not cross
  // sentences; a word that does, at a line-break boundary, is cut in two), unless cutAhead made it
  const spans = takeAhead(text) ?? (view.length ? wordSpans(view) : NO_WORDS);
  const { starts, ends } = spans;
  let cur = 0;
  let si = 0;
  let nextCut = sentences.length ? sentences[0].ve : view.length + 1;
  for (let w = 0; w < ends.length; w++) {
    const at = starts === null ? cur : starts[w];
    if (at > cur) tokenAt.fill(-1, cur, at);
    let a = at;
    const b = ends[w];
    if (nextCut < b) {
      while (si < sentences.length && sentences[si].ve <= a) si++;
      while (si < sentences.length && sentences[si].ve < b) {
        const cut = sentences[si].ve;
        tokenAt.fill(tokens.length, a, cut);
        tokens.push(new Tok(view.slice(a, cut), a, cut, toText[a], toText[cut - 1] + 1));
        a = cut;
        si++;
      }
      nextCut = si < sentences.length ? sentences[si].ve : view.length + 1;
    }
    const k = tokens.length;
    if (b - a === 1) tokenAt[a] = k;
    else for (let q = a; q < b; q++) tokenAt[q] = k;
    tokens.push(new Tok(view.slice(a, b), a, b, toText[a], toText[b - 1] + 1));
    cur = b;
  }
  if (cur < view.length) tokenAt.fill(-1, cur);
  return { text, view, toText, breakBefore, sentences, tokens, tokenAt };
}

/** Where jieba's words lie in a text: word w is [starts[w], ends[w]); starts null: each word starts where the one before ended. */
export interface WordSpans {
  readonly starts: Int32Array | null;
  readonly ends: Uint32Array | Int32Array;
}

const NO_WORDS: WordSpans = { starts: null, ends: new Uint32Array(0) };

/**
 * nodejieba's binding as patched by scripts/patch-nodejieba: zhkgCutEnds(text, hmm) gives the
 * UTF-16 end offset of each word of cut(text, hmm), without making a JS string per word (about 40%
 * of a cut's time). Null with a binding built without the patch: cut() is used instead.
 */
const binding: { zhkgCutEnds?: (text: string, hmm: boolean) => Uint32Array } | null = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const b = require(join(dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node'));
    return typeof b.zhkgCutEnds === 'function' ? b : null;
  } catch {
    return null;
  }
})();

/** Whether segment() gets word offsets straight from the binding (scripts/patch-nodejieba part 3). */
export const hasWordEnds = binding !== null;

/**
 * jieba's words of `view` (cut with HMM), as spans. `useEnds` false takes the stock cut() path,
 * which finds each returned word back in the text (for binding without the patch, and for tests
 * comparing the two).
 */
export function wordSpans(view: string, useEnds = hasWordEnds): WordSpans {
  ensureLoaded();
  if (useEnds && binding) {
    const ends = binding.zhkgCutEnds!(view, true);
    // the words tile the text; anything else (a decoding failure inside cppjieba) falls back
    if (ends.length ? ends[ends.length - 1] === view.length : view.length === 0) return { starts: null, ends };
  }
  const words = nodejieba.cut(view, true);
  const starts = new Int32Array(words.length);
  const ends = new Int32Array(words.length);
  let cur = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const at = view.startsWith(word, cur) ? cur : view.indexOf(word, cur);
    if (at < 0) throw new Error(`segment: jieba word "${word}" not found in the text at ${cur}`);
    starts[w] = at;
    ends[w] = cur = at + word.length;
  }
  return { starts, ends };
}

/** Scratch arrays for viewOf (grown as needed). */
let aheadMap = new Int32Array(0);
let aheadBrk = new Uint8Array(0);

/** The compact view of a text, as segment() builds it (the offset arrays and line-break marks, unused, in scratch). */
function viewOf(text: string): string {
  const n = text.length;
  if (aheadMap.length < n + 1) {
    aheadMap = new Int32Array(Math.max(n + 1, 2 * aheadMap.length));
    aheadBrk = new Uint8Array(aheadMap.length);
  }
  return buildViewInto(text, aheadMap, aheadBrk).view;
}

/** Texts given to cutAhead, their words (undefined once taken), and how many are left. */
let aheadTexts: readonly string[] = [];
let aheadSpans: Array<WordSpans | undefined> = [];
let aheadNext = 0;
let aheadLeft = 0;

/**
 * Cut these texts now, one after the other, for the next segment() calls on them (the rest of a
 * file's articles, say). The same words as segment() would get; only cheaper: jieba walks a large
 * pointer-linked trie, and between articles the extraction rules' allocations evict it from the CPU
 * caches. Cut back to back, the articles find it warm (bench corpus, one thread: the cut calls
 * take 1.9 s interleaved with extraction, 0.85 s back to back). Replaces the previous batch.
 */
export function cutAhead(texts: readonly string[]): void {
  ensureLoaded();
  aheadTexts = texts;
  aheadSpans = new Array(texts.length);
  aheadNext = 0;
  aheadLeft = 0;
  for (let i = 0; i < texts.length; i++) {
    try {
      const view = viewOf(texts[i]);
      aheadSpans[i] = view.length ? wordSpans(view) : NO_WORDS;
      aheadLeft++;
    } catch {
      // left to segment(), which fails the same way, for this text's file alone
    }
  }
}

/** How many of the texts given to cutAhead segment() has not taken yet. */
export function cutAheadPending(): number {
  return aheadLeft;
}

/** The words cutAhead found for `text` (once; null if it has none). */
function takeAhead(text: string): WordSpans | null {
  if (aheadLeft === 0) return null;
  const n = aheadTexts.length;
  // usually the next one in order; a text given twice is found twice
  for (let k = 0; k < n; k++) {
    const i = (aheadNext + k) % n;
    const spans = aheadSpans[i];
    if (spans !== undefined && aheadTexts[i] === text) {
      aheadSpans[i] = undefined;
      aheadNext = i + 1;
      if (--aheadLeft === 0) {
        aheadTexts = [];
        aheadSpans = [];
        aheadNext = 0;
      }
      return spans;
    }
  }
  return null;
}

/** Plain jieba cut (for benchmarks and comparisons). */
export function cut(s: string): string[] {
  ensureLoaded();
  return nodejieba.cut(s);
}
