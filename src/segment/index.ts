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
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDictionaries } from '../extract/dictionaries';

export interface Token {
  /** The word as jieba gave it (normalised view characters). */
  word: string;
  /** jieba POS tag (nr, ns, v, x …). */
  tag: string;
  /** [start, end) in the view. */
  vs: number;
  ve: number;
  /** [start, end) in the article text. Equal to the view span minus the white space dropped. */
  start: number;
  end: number;
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
/** word -> POS tag, from jieba's dictionary and ours (jieba's tag() is cut() plus this lookup). */
const posMap = new Map<string, string>();

function loadPosMap(userLines: string[]): void {
  const txt = readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8');
  let i = 0;
  while (i < txt.length) {
    let e = txt.indexOf('\n', i);
    if (e < 0) e = txt.length;
    const a = txt.indexOf(' ', i);
    const b = txt.lastIndexOf(' ', e);
    if (a > i && a < e && b > a) posMap.set(txt.slice(i, a), txt.slice(b + 1, e).trim());
    i = e + 1;
  }
  for (const l of userLines) {
    const parts = l.split(' ');
    posMap.set(parts[0], parts[parts.length - 1]);
  }
}

/** The POS tag jieba's tagger would give a word. */
export function posOf(word: string): string {
  const t = posMap.get(word);
  if (t) return t;
  const tag = /^[0-9０-９.]+$/.test(word) ? 'm' : /[A-Za-z]/.test(word) && /^[\x00-\x7f]+$/.test(word) ? 'eng' : 'x';
  if (posMap.size < 2_000_000) posMap.set(word, tag);
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

/** Load nodejieba once with the project's user dictionary (generated from dictionaries/). */
export function ensureLoaded(): void {
  if (loaded) return;
  const lines = userDictLines();
  const body = lines.join('\n') + '\n';
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'zhkg');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `userdict-${hash}.utf8`);
  writeFileSync(path, body);
  nodejieba.load({ userDict: path });
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

const normTable = new Uint16Array(65536);

/** Normalise one UTF-16 unit of the text (keeps length 1). */
export function normChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const hit = normTable[code];
  if (hit) return String.fromCharCode(hit);
  const out = normCharSlow(ch, code);
  normTable[code] = out.charCodeAt(0);
  return out;
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
  let out = '';
  for (let i = 0; i < s.length; i++) out += normChar(s[i]);
  return out;
}

const WS = /\s/;
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", '）', ')', '》']);
const OPEN_Q = new Set(['“', '「', '『']);
const CLOSE_Q = new Set(['”', '」', '』']);

/** Build the compact view of a text. */
export function buildView(text: string): { view: string; toText: Int32Array; breakBefore: Uint8Array } {
  const chars: string[] = [];
  const map: number[] = [];
  const brk: number[] = [];
  let pendingBreak = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      pendingBreak = true;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || code === 0x3000 || code === 0xa0 || code === 0xfeff || ((code === 0x2028 || code === 0x2029 || code === 11 || code === 12) && WS.test(text[i]))) continue;
    const hit = normTable[code];
    chars.push(hit ? String.fromCharCode(hit) : normChar(text[i]));
    map.push(i);
    brk.push(pendingBreak ? 1 : 0);
    pendingBreak = false;
  }
  map.push(text.length);
  return { view: chars.join(''), toText: Int32Array.from(map), breakBefore: Uint8Array.from(brk) };
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

/** Segment an article text: view, sentences, jieba tokens with offsets. */
export function segment(text: string): Segmented {
  ensureLoaded();
  const { view, toText, breakBefore } = buildView(text);
  const sents = splitSentences(view, breakBefore);
  const tokens: Token[] = [];
  const tokenAt = new Int32Array(view.length).fill(-1);
  const sentences: ViewSentence[] = [];
  for (const [vs, ve] of sents) sentences.push({ vs, ve, start: toText[vs], end: toText[ve - 1] + 1 });
  // one jieba call for the whole view (punctuation always ends a word, so words do not cross
  // sentences; a word that does, at a line-break boundary, is cut in two)
  const words = view.length ? nodejieba.cut(view, true) : [];
  let cur = 0;
  let si = 0;
  const push = (a: number, b: number, word: string) => {
    for (let k = a; k < b; k++) tokenAt[k] = tokens.length;
    tokens.push({ word, tag: posOf(word), vs: a, ve: b, start: toText[a], end: toText[b - 1] + 1 });
  };
  for (const word of words) {
    const at = view.startsWith(word, cur) ? cur : view.indexOf(word, cur);
    if (at < 0) throw new Error(`segment: jieba word "${word}" not found in the text at ${cur}`);
    let a = at;
    const b = at + word.length;
    while (si < sentences.length && sentences[si].ve <= a) si++;
    while (si < sentences.length && sentences[si].ve < b) {
      const cut = sentences[si].ve;
      push(a, cut, view.slice(a, cut));
      a = cut;
      si++;
    }
    push(a, b, a === at ? word : view.slice(a, b));
    cur = b;
  }
  return { text, view, toText, breakBefore, sentences, tokens, tokenAt };
}

/** Plain jieba cut (for benchmarks and comparisons). */
export function cut(s: string): string[] {
  ensureLoaded();
  return nodejieba.cut(s);
}
