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
import { letterCodes, lettersOnly } from './text-utils';

export interface Attached {
  /** Per article: the headline lines (texts) in page order. */
  lines: string[][];
  /** Blocks no article could take. */
  unplaced: HeadlineBlock[];
}

/** A character bigram (two UTF-16 code units of the letters) as one 32-bit integer. */
const gram = (a: number, b: number) => (a << 16) | b;

/** The distinct bigrams of a text's letters, in order of first occurrence. */
function bigrams(s: string): Set<number> {
  const t = letterCodes(s);
  const out = new Set<number>();
  for (let i = 0; i + 1 < t.length; i++) out.add(gram(t[i], t[i + 1]));
  return out;
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
 * Which of the given bigrams (gram index k -> grams[k], `index` the reverse) each body holds: one
 * flat array, body ai's flag for bigram k at [ai * grams.length + k]. One pass over each body's
 * letters; a pair of code units that no wanted bigram starts or ends with is skipped without a lookup.
 */
function gramsInBodies(bodies: string[], grams: number[], index: Map<number, number>): Uint8Array {
  const size = grams.length;
  const has = new Uint8Array(bodies.length * size);
  markGrams(grams, 1);
  for (let ai = 0; ai < bodies.length; ai++) {
    const t = letterCodes(bodies[ai]);
    const base = ai * size;
    for (let i = 0; i + 1 < t.length; i++) {
      if (startsGram[t[i]] === 0 || endsGram[t[i + 1]] === 0) continue;
      const k = index.get(gram(t[i], t[i + 1]));
      if (k !== undefined) has[base + k] = 1;
    }
  }
  markGrams(grams, 0);
  return has;
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
  const gramIndex = new Map<number, number>();
  const gramList: number[] = [];
  const blockGrams: number[][] = [];
  for (let bi = 0; bi < nb; bi++) {
    const ks: number[] = [];
    blockGrams.push(ks);
    if (placed[bi]) continue;
    for (const g of bigrams(blockText(blocks[bi]))) {
      let k = gramIndex.get(g);
      if (k === undefined) {
        k = gramList.length;
        gramIndex.set(g, k);
        gramList.push(g);
      }
      ks.push(k);
    }
  }
  const size = gramList.length;
  const bodyHas = size ? gramsInBodies(bodies, gramList, gramIndex) : new Uint8Array(0);
  const idf = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    let df = 0;
    for (let ai = 0; ai < n; ai++) df += bodyHas[ai * size + k];
    idf[k] = Math.log(1 + (n + 1) / (df + 0.5));
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
