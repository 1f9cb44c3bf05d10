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
function bigrams(s: string): number[] {
  const t = letterCodes(s);
  const out = new Set<number>();
  for (let i = 0; i + 1 < t.length; i++) out.add(gram(t[i], t[i + 1]));
  return [...out];
}

/** Per UTF-16 code unit: does a wanted bigram start / end with it? (all 0 between calls) */
const startsGram = new Uint8Array(0x10000);
const endsGram = new Uint8Array(0x10000);

/**
 * Which of the given bigrams each body holds: per body, a 0/1 flag per bigram index. One pass over
 * each body's letters; a pair of code units that no wanted bigram starts or ends with is skipped
 * without a lookup.
 */
function gramsInBodies(bodies: string[], index: Map<number, number>): Uint8Array[] {
  const mark = (v: number) => {
    for (const g of index.keys()) (startsGram[g >>> 16] = v), (endsGram[g & 0xffff] = v);
  };
  mark(1);
  const out = bodies.map((body) => {
    const has = new Uint8Array(index.size);
    const t = letterCodes(body);
    for (let i = 0; i + 1 < t.length; i++) {
      if (startsGram[t[i]] === 0 || endsGram[t[i + 1]] === 0) continue;
      const k = index.get(gram(t[i], t[i + 1]));
      if (k !== undefined) has[k] = 1;
    }
    return has;
  });
  mark(0);
  return out;
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
  const lines: string[][] = bodies.map(() => []);
  const order: Array<Array<{ block: number; line: number }>> = bodies.map(() => []);
  if (!blocks.length || !n) return { lines, unplaced: blocks.filter(() => n === 0) };

  const used = new Array<number>(n).fill(0);
  const gapOf = new Array<number | null>(n).fill(null);
  const placed = new Array<boolean>(blocks.length).fill(false);
  const unplacedHeadings: number[] = [];
  const give = (bi: number, ai: number) => {
    const blk = blocks[bi];
    blk.lines.forEach((u, k) => order[ai].push({ block: bi, line: k }));
    used[ai] += blk.lines.length;
    gapOf[ai] = blk.gap;
    placed[bi] = true;
  };
  const fits = (bi: number, ai: number) =>
    used[ai] + blocks[bi].lines.length <= Math.max(MAX_LINES, used[ai] === 0 ? blocks[bi].lines.length : 0) &&
    (gapOf[ai] === null || gapOf[ai] === blocks[bi].gap);

  // markdown headings: structural, attached to the article that follows; of more than two in a
  // row the nearest two are its headline and subheadline, the ones above are section titles
  for (let bi = blocks.length - 1; bi >= 0; bi--) {
    const blk = blocks[bi];
    if (!blk.heading) continue;
    if (blk.nextArticle < n && fits(bi, blk.nextArticle)) give(bi, blk.nextArticle);
    else placed[bi] = true; // structural: never moved elsewhere by content
    if (!order[blk.nextArticle]?.some((o) => o.block === bi)) unplacedHeadings.push(bi);
  }

  // only the bigrams of the blocks left to place matter: each gets an index, the bodies are
  // scanned once for them, and a bigram's weight is computed once
  const gramIndex = new Map<number, number>();
  const blockGrams: number[][] = blocks.map((blk, bi) => {
    if (placed[bi]) return [];
    return bigrams(blk.lines.map((u) => u.text).join('')).map((g) => {
      let k = gramIndex.get(g);
      if (k === undefined) gramIndex.set(g, (k = gramIndex.size));
      return k;
    });
  });
  const bodyHas = gramIndex.size ? gramsInBodies(bodies, gramIndex) : [];
  const idf = new Float64Array(gramIndex.size);
  for (let k = 0; k < idf.length; k++) {
    let df = 0;
    for (const has of bodyHas) df += has[k];
    idf[k] = Math.log(1 + (n + 1) / (df + 0.5));
  }

  const pairs: Array<{ bi: number; ai: number; score: number }> = [];
  blocks.forEach((blk, bi) => {
    if (placed[bi]) return;
    const grams = blockGrams[bi];
    let total = 0;
    for (const g of grams) total += idf[g];
    for (let ai = Math.max(0, blk.nextArticle - WINDOW); ai < Math.min(n, blk.nextArticle + WINDOW); ai++) {
      let hit = 0;
      const has = bodyHas[ai];
      for (const g of grams) if (has[g]) hit += idf[g];
      let score = total ? hit / total : 0;
      if (score < MIN_SCORE) continue;
      if (ai === blk.nextArticle) score += NEXT_BONUS;
      else if (ai === blk.nextArticle - 1) score += PREV_BONUS;
      pairs.push({ bi, ai, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.bi - b.bi);
  for (const { bi, ai } of pairs) if (!placed[bi] && fits(bi, ai)) give(bi, ai);

  // content said nothing: the article after the block, else the one before
  blocks.forEach((blk, bi) => {
    if (placed[bi]) return;
    for (const ai of [blk.nextArticle, blk.nextArticle - 1]) {
      if (ai >= 0 && ai < n && fits(bi, ai)) {
        give(bi, ai);
        return;
      }
    }
  });

  for (let ai = 0; ai < n; ai++) {
    order[ai].sort((x, y) => x.block - y.block || x.line - y.line);
    const seen = new Set<string>();
    const own = order[ai];
    // one headline set over two lines: a short first line is the start of a phrase, not a title of
    // its own (市区两级人大代表 / 视察二七区民政工作)
    const wrapped =
      own.length === 2 && own[0].block === own[1].block && !blocks[own[0].block].heading &&
      lettersOnly(blocks[own[0].block].lines[0].text).length <= WRAPPED_FIRST_LINE && !/\s/.test(blocks[own[0].block].lines[0].text);
    if (wrapped) {
      const blk = blocks[own[0].block];
      lines[ai] = [blk.lines[0].text + blk.lines[1].text];
      continue;
    }
    lines[ai] = own
      .map(({ block, line }) => blocks[block].lines[line].text)
      .filter((t) => {
        const key = lettersOnly(t); // a headline printed twice is one headline
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
  return { lines, unplaced: blocks.filter((_, bi) => !placed[bi] || unplacedHeadings.includes(bi)) };
}
