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
import { lettersOnly } from './text-utils';

export interface Attached {
  /** Per article: the headline lines (texts) in page order. */
  lines: string[][];
  /** Blocks no article could take. */
  unplaced: HeadlineBlock[];
}

function bigrams(s: string): Set<string> {
  const t = lettersOnly(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
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

  const bodyGrams = bodies.map(bigrams);
  const df = new Map<string, number>();
  for (const g of bodyGrams) for (const b of g) df.set(b, (df.get(b) ?? 0) + 1);
  const idf = (b: string) => Math.log(1 + (n + 1) / ((df.get(b) ?? 0) + 0.5));

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

  const pairs: Array<{ bi: number; ai: number; score: number }> = [];
  blocks.forEach((blk, bi) => {
    if (placed[bi]) return;
    const grams = bigrams(blk.lines.map((u) => u.text).join(''));
    let total = 0;
    for (const g of grams) total += idf(g);
    for (let ai = Math.max(0, blk.nextArticle - WINDOW); ai < Math.min(n, blk.nextArticle + WINDOW); ai++) {
      let hit = 0;
      for (const g of grams) if (bodyGrams[ai].has(g)) hit += idf(g);
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
