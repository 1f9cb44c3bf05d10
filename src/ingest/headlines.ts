/**
 * Attaching headline blocks to articles by content. Pages put a headline before its article, after
 * it, or several articles away (in 000_… the first article's headline comes after the third), so
 * position is only a weak prior. A headline shares words with its body: the score of a block for an
 * article is the share of the block's character bigrams found in the body, each bigram weighted by
 * how rare it is among the page's articles (二七, 七区 in every article say little). Blocks are
 * then given out greedily, best score first, each article taking at most two headline lines
 * (headline + subheadline). Markdown headings keep their position (the article after them).
 */
import type { HeadlineBlock } from './split-articles';
import { LETTER_DROP, LETTER_SLOW, letterCodes, letterOf, lettersOnly } from './text-utils';

export interface Attached {
  /** Per article: the headline lines (texts) in page order. */
  lines: string[][];
  /** Blocks no article could take. */
  unplaced: HeadlineBlock[];
}

/** A character bigram (two UTF-16 code units of the letters) as one 32-bit integer. */
const gram = (a: number, b: number) => (a << 16) | b;

/**
 * Bigram -> its index (0, 1, 2... in order of first addition), open addressing in typed arrays.
 * (A Map keyed by the bigrams boxed every key above 2^30, i.e. every CJK bigram, on each lookup.)
 */
class GramIndex {
  private keys: Int32Array;
  /** -1: empty slot. */
  private vals: Int32Array;
  /** The bigrams in order of index. */
  readonly grams: number[] = [];

  /** Room for `expected` bigrams without growing. */
  constructor(expected: number) {
    let size = 64;
    while (size < 2 * expected) size *= 2;
    this.keys = new Int32Array(size);
    this.vals = new Int32Array(size).fill(-1);
  }

  private slot(g: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(g, 0x9e3779b1) >>> 16) & mask;
    while (this.vals[i] !== -1 && this.keys[i] !== g) i = (i + 1) & mask;
    return i;
  }

  /** The index of bigram g, or -1. */
  get(g: number): number {
    return this.vals[this.slot(g)];
  }

  /** The index of bigram g, added if new. */
  add(g: number): number {
    let i = this.slot(g);
    if (this.vals[i] !== -1) return this.vals[i];
    if (2 * (this.grams.length + 1) > this.keys.length) {
      this.grow();
      i = this.slot(g);
    }
    const k = this.grams.length;
    this.keys[i] = g;
    this.vals[i] = k;
    this.grams.push(g);
    return k;
  }

  private grow(): void {
    const size = this.keys.length * 2;
    this.keys = new Int32Array(size);
    this.vals = new Int32Array(size).fill(-1);
    for (let k = 0; k < this.grams.length; k++) {
      const i = this.slot(this.grams[k]);
      this.keys[i] = this.grams[k];
      this.vals[i] = k;
    }
  }
}

/** Per UTF-16 code unit: does a wanted bigram start / end with it? (all 0 between calls) */
const startsGram = new Uint8Array(0x10000);
const endsGram = new Uint8Array(0x10000);

function markGrams(grams: number[], v: number): void {
  for (const g of grams) {
    startsGram[g >>> 16] = v;
    endsGram[g & 0xffff] = v;
  }
}

/**
 * Which of the indexed bigrams (index k -> index.grams[k]) each body holds: one flat array, body
 * ai's flag for bigram k at [ai * size + k]. One pass over each body's letters, read in place where
 * the body is context-free for NFKC (see letterOf); a pair of letters that no wanted
 * bigram starts or ends with is skipped without a lookup.
 */
function gramsInBodies(bodies: string[], index: GramIndex): Uint8Array {
  const grams = index.grams;
  const size = grams.length;
  const has = new Uint8Array(bodies.length * size);
  markGrams(grams, 1);
  for (let ai = 0; ai < bodies.length; ai++) {
    const base = ai * size;
    if (contextFreeGrams(bodies[ai], index, has, base)) continue;
    has.fill(0, base, base + size); // (flags set before the character that needs NFKC)
    letterGrams(letterCodes(bodies[ai]), index, has, base);
  }
  markGrams(grams, 0);
  return has;
}

/** Flag the indexed bigrams of a context-free text's letters; false (flags half set) when the text is not context-free. */
function contextFreeGrams(s: string, index: GramIndex, has: Uint8Array, base: number): boolean {
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = letterOf(s.charCodeAt(i));
    if (c === LETTER_DROP) continue;
    if (c === LETTER_SLOW) return false;
    if (prev >= 0 && startsGram[prev] !== 0 && endsGram[c] !== 0) {
      const k = index.get(gram(prev, c));
      if (k >= 0) has[base + k] = 1;
    }
    prev = c;
  }
  return true;
}

/** Flag the indexed bigrams of the letters t. */
function letterGrams(t: Uint16Array, index: GramIndex, has: Uint8Array, base: number): void {
  for (let i = 0; i + 1 < t.length; i++) {
    if (startsGram[t[i]] === 0 || endsGram[t[i + 1]] === 0) continue;
    const k = index.get(gram(t[i], t[i + 1]));
    if (k >= 0) has[base + k] = 1;
  }
}

/** The texts of a block's lines, concatenated. */
function blockText(blk: HeadlineBlock): string {
  let s = '';
  for (const u of blk.lines) s += u.text;
  return s;
}

interface Pair {
  bi: number;
  ai: number;
  score: number;
}

const MAX_LINES = 2;
/** A two-line headline block whose first line is this short is one headline wrapped, not headline + subheadline. */
const WRAPPED_FIRST_LINE = 8;
/** Below this score content says nothing; the block goes by position. */
const MIN_SCORE = 0.25;
/** Position prior: the article right after a block, and right before it. */
const NEXT_BONUS = 0.06;
const PREV_BONUS = 0.03;
/** A headline is looked for this many articles before and after its block (keeps big pages linear). */
const WINDOW = 8;

export function attachHeadlines(blocks: HeadlineBlock[], bodies: string[]): Attached {
  const n = bodies.length;
  const nb = blocks.length;
  const lines: string[][] = [];
  for (let ai = 0; ai < n; ai++) lines.push([]);
  if (!nb || !n) return { lines, unplaced: n === 0 ? blocks.slice() : [] };

  // per article: headline lines taken and the gap they came from (-1: none yet; gaps count from 0)
  const used = new Int32Array(n);
  const gapOf = new Int32Array(n).fill(-1);
  // per block: placed (given to an article, or a heading kept at its place), and the article it went to
  const placed = new Uint8Array(nb);
  const placedAt = new Int32Array(nb).fill(-1);
  const unplacedHeading = new Uint8Array(nb);
  const give = (bi: number, ai: number) => {
    const blk = blocks[bi];
    used[ai] += blk.lines.length;
    gapOf[ai] = blk.gap;
    placed[bi] = 1;
    placedAt[bi] = ai;
  };
  const fits = (bi: number, ai: number) =>
    used[ai] + blocks[bi].lines.length <= Math.max(MAX_LINES, used[ai] === 0 ? blocks[bi].lines.length : 0) &&
    (gapOf[ai] === -1 || gapOf[ai] === blocks[bi].gap);

  // markdown headings: structural, attached to the article that follows; of more than two in a
  // row the nearest two are its headline and subheadline, the ones above are section titles
  for (let bi = nb - 1; bi >= 0; bi--) {
    const blk = blocks[bi];
    if (!blk.heading) continue;
    if (blk.nextArticle < n && fits(bi, blk.nextArticle)) give(bi, blk.nextArticle);
    else {
      placed[bi] = 1; // structural: never moved elsewhere by content
      unplacedHeading[bi] = 1;
    }
  }

  // only the bigrams of the blocks left to place matter: each gets an index, the bodies are
  // scanned once for them, and a bigram's weight is computed once
  const texts: string[] = [];
  let letters = 0;
  for (let bi = 0; bi < nb; bi++) {
    texts.push(placed[bi] ? '' : blockText(blocks[bi]));
    letters += texts[bi].length;
  }
  const gramIndex = new GramIndex(letters);
  // per block: its distinct bigrams' indexes, in order of first occurrence
  const blockGrams: number[][] = [];
  const lastBlockOf: number[] = []; // per bigram index: the last block that listed it
  for (let bi = 0; bi < nb; bi++) {
    const ks: number[] = [];
    blockGrams.push(ks);
    const t = letterCodes(texts[bi]);
    for (let i = 0; i + 1 < t.length; i++) {
      const k = gramIndex.add(gram(t[i], t[i + 1]));
      if (k === lastBlockOf.length) lastBlockOf.push(bi);
      else if (lastBlockOf[k] === bi) continue;
      else lastBlockOf[k] = bi;
      ks.push(k);
    }
  }
  const size = gramIndex.grams.length;
  const bodyHas = size ? gramsInBodies(bodies, gramIndex) : new Uint8Array(0);
  // a bigram's weight: by the number of bodies holding it (one logarithm per count, not per bigram)
  const weightOf = new Float64Array(n + 1);
  for (let df = 0; df <= n; df++) weightOf[df] = Math.log(1 + (n + 1) / (df + 0.5));
  const idf = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    let df = 0;
    for (let ai = 0; ai < n; ai++) df += bodyHas[ai * size + k];
    idf[k] = weightOf[df];
  }

  const pairs: Pair[] = [];
  for (let bi = 0; bi < nb; bi++) {
    if (placed[bi]) continue;
    const blk = blocks[bi];
    const grams = blockGrams[bi];
    let total = 0;
    for (const g of grams) total += idf[g];
    for (let ai = Math.max(0, blk.nextArticle - WINDOW); ai < Math.min(n, blk.nextArticle + WINDOW); ai++) {
      let hit = 0;
      const base = ai * size;
      for (const g of grams) if (bodyHas[base + g]) hit += idf[g];
      let score = total ? hit / total : 0;
      if (score < MIN_SCORE) continue;
      if (ai === blk.nextArticle) score += NEXT_BONUS;
      else if (ai === blk.nextArticle - 1) score += PREV_BONUS;
      pairs.push({ bi, ai, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.bi - b.bi);
  // then, where content said nothing: the article after the block, else the one before (one loop
  // for both: a separate rarely run one deoptimised this function)
  for (let bi = 0; bi < nb; bi++) {
    if (placed[bi]) continue;
    pairs.push({ bi, ai: blocks[bi].nextArticle, score: 0 });
    pairs.push({ bi, ai: blocks[bi].nextArticle - 1, score: 0 });
  }
  for (const { bi, ai } of pairs) if (ai >= 0 && ai < n && !placed[bi] && fits(bi, ai)) give(bi, ai);

  // each article's lines in page order (blocks in order, lines in order). One headline set over
  // two lines: a short first line is the start of a phrase, not a title of its own
  // (市区两级人大代表 / 视察二七区民政工作). A headline printed twice is one headline.
  for (let bi = 0; bi < nb; bi++) {
    const ai = placedAt[bi];
    if (ai < 0) continue;
    const blk = blocks[bi];
    const own = lines[ai];
    if (own.length === 0 && used[ai] === 2 && blk.lines.length === 2 && !blk.heading && wrappedFirstLine(blk.lines[0].text)) {
      own.push(blk.lines[0].text + blk.lines[1].text);
      continue;
    }
    for (const u of blk.lines) own.push(u.text);
  }
  for (let ai = 0; ai < n; ai++) if (lines[ai].length > 1) lines[ai] = withoutRepeats(lines[ai]);

  // (filter, not a loop of pushes: a push that is rarely run deoptimised this function)
  return { lines, unplaced: blocks.filter((_, bi) => !placed[bi] || unplacedHeading[bi] === 1) };
}

function wrappedFirstLine(text: string): boolean {
  return lettersOnly(text).length <= WRAPPED_FIRST_LINE && !/\s/.test(text);
}

/** The lines without the ones whose letters repeat an earlier line's. */
function withoutRepeats(own: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of own) {
    const key = lettersOnly(t);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
