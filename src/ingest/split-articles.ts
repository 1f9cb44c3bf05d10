/**
 * Page -> articles. The page's units are grouped into blocks (runs of lines between blank lines,
 * headings, bylines, clutter), and one pass over the blocks builds the articles:
 *
 *  - an opening (本报讯 …) starts an article ("strong": its extent is certain up to its byline);
 *  - a byline (记者 … 通讯员 …, possibly over two lines) ends the open article;
 *  - a heading (markdown) or page clutter ends the open article;
 *  - a text block that continues an unfinished sentence (the previous paragraph does not end with
 *    。！？…) is joined to it, even across a blank line: `二\n\n七区` is 二七区;
 *  - outside an article, a short block of unfinished lines is a headline block; it is set aside
 *    and attached later by content (headlines.ts), since pages put headlines before or after the
 *    article they belong to;
 *  - outside an article, other text starts an article without an opening ("weak"); in OCR text a
 *    headline-like block then also ends it;
 *  - a byline with no article open is held; if the next article has no byline of its own it takes
 *    it, else (and at the page end) it is page noise: a stray repeated byline.
 */
import type { Diagnostic, SourceFormat } from '../types';
import { copyUnit, type Unit } from './model';
import type { Byline } from './byline';
import { trailingBylineStart } from './byline';
import { isCaption } from './clutter';
import { LineTests } from './line-tests';
import { piecesOfUnitSlice } from './unit-slice';
import { appendUnit, joinParas, newPara, paraLength, paraText, type Para } from './paragraphs';
import { endsSentence, endsWithStop } from './text-utils';
import { parseDatelineAt } from './dates';

export interface DraftArticle {
  paras: Para[];
  /** Opened by 本报讯 or a similar marker. */
  strong: boolean;
  byline: Byline | null;
  bylineUnits: Unit[];
  /** Order of the article on the page (0-based, before any merging of gap blocks). */
  index: number;
}

/** A block of headline lines found outside an article, waiting to be attached. */
export interface HeadlineBlock {
  lines: Unit[];
  /** Index of the article that follows the block on the page (may equal the article count). */
  nextArticle: number;
  /** A markdown heading (structural: its position is reliable). */
  heading: boolean;
  /** Gap number: blocks between the same two articles share it. */
  gap: number;
}

export interface SplitResult {
  articles: DraftArticle[];
  headlines: HeadlineBlock[];
  diagnostics: Diagnostic[];
}

/** A block of units; `byline` is set for byline blocks only (null otherwise: one shape for all blocks). */
interface Block {
  kind: 'text' | 'heading' | 'byline' | 'break';
  units: Unit[];
  byline: Byline | null;
}

function makeBlock(kind: Block['kind'], units: Unit[], byline: Byline | null = null): Block {
  return { kind, units, byline };
}

const MAX_HEADLINE_LINE = 40;

/** Units, with bylines glued to the end of a text line split off into units of their own. */
function splitTrailingBylines(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (u.kind !== 'text') {
      out.push(u);
      continue;
    }
    const at = trailingBylineStart(u.text);
    if (at <= 0) {
      out.push(u);
      continue;
    }
    const before = piecesOfUnitSlice(u, 0, at);
    const after = piecesOfUnitSlice(u, at, u.text.length);
    const head = copyUnit(u, before.pieces, before.text, before.width);
    head.hardBreak = false;
    const tail = copyUnit(u, after.pieces, after.text, after.width);
    tail.indent = false;
    out.push(head, tail);
  }
  return out;
}

function blocksOf(units: Unit[], format: SourceFormat, clutterLines: Set<number>, tests: LineTests): Block[] {
  const blocks: Block[] = [];
  // (the format tests once, up front: a test first made after optimisation deoptimised this function)
  const ocr = format === 'ocr';
  const plain = format === 'plain';
  let text: Unit[] | null = null;
  let byline: { units: Unit[]; byline: Byline } | null = null;
  const flush = () => {
    if (text) blocks.push(makeBlock('text', text));
    if (byline) blocks.push(makeBlock('byline', byline.units, byline.byline));
    text = null;
    byline = null;
  };
  let prevBlank = true;
  let inCaption = false;
  for (const u of units) {
    if (u.kind !== 'text') inCaption = false;
    if (u.kind === 'blank') {
      flush();
      prevBlank = true;
      continue;
    }
    if (u.kind === 'break') {
      flush();
      blocks.push(makeBlock('break', [u]));
      prevBlank = true;
      continue;
    }
    if (u.kind === 'heading' && tests.clutter(u.text, u.line)) {
      clutterLines.add(u.line);
      flush();
      blocks.push(makeBlock('break', [u]));
      prevBlank = true;
      continue;
    }
    if (u.kind === 'heading') {
      flush();
      blocks.push(makeBlock('heading', [u]));
      prevBlank = true;
      continue;
    }
    // a markdown table row is body text, whatever it looks like (| 项目 | 进度 | reads like a nav bar)
    const b = u.table ? null : tests.byline(u.text, u.line);
    if (b) {
      if (text) {
        blocks.push(makeBlock('text', text));
        text = null;
      }
      if (byline) {
        byline.units.push(u);
        byline.byline.reporters.push(...b.reporters);
        byline.byline.correspondents.push(...b.correspondents);
      } else byline = { units: [u], byline: b };
      prevBlank = false;
      continue;
    }
    // captions: dropped like a blank line (the article around them goes on); in OCR text a caption
    // wraps like the body, up to its full stop or the next blank line
    if (inCaption) {
      if (endsSentence(u.text)) inCaption = false;
      continue;
    }
    if (!u.table && (!ocr || prevBlank) && isCaption(u.text)) {
      flush();
      prevBlank = true;
      inCaption = ocr && !endsSentence(u.text);
      continue;
    }
    // clutter: in OCR text only where a line cannot be a wrapped continuation (after a blank line)
    if (!u.table && (!ocr || prevBlank) && tests.clutter(u.text, u.line)) {
      clutterLines.add(u.line);
      flush();
      blocks.push(makeBlock('break', [u]));
      prevBlank = true;
      continue;
    }
    // text after a byline ends it (no text is open then); an opening, or any line of plain text,
    // ends the open text (one flush for both: a call first made after optimisation deoptimised this)
    const opens = tests.opening(u.text, u.line) > 0;
    if (byline || (text && (opens || plain))) flush();
    if (!text) text = [];
    text.push(u);
    prevBlank = false;
  }
  flush();
  return blocks;
}

/** Paragraphs of a text block. */
function parasOf(units: Unit[], format: SourceFormat): Para[] {
  const paras: Para[] = [];
  // the column width: widest line of the block (headline blocks are short and never reach here long)
  let width = -Infinity;
  for (const u of units) if (u.width > width) width = u.width;
  let cur: Para | null = null;
  let prev: Unit | null = null;
  for (const u of units) {
    let start = !cur;
    if (cur && prev) {
      if (format === 'plain') start = true;
      else if (format === 'markdown') start = !!prev.hardBreak || !!u.indent;
      else start = !!u.indent || (endsSentence(prev.text) && prev.width < width - 2);
    }
    if (start) {
      cur = newPara(u);
      paras.push(cur);
    } else appendUnit(cur as Para, u);
    prev = u;
  }
  return paras;
}

/**
 * Could this text block be a headline block (short lines, no sentence ended inside or at the end)?
 * The tests of each line are in order of cost, the opening test (a regex over the line) last.
 */
export function headlineLike(units: Unit[], format: SourceFormat, tests = new LineTests(0)): boolean {
  if (units.length === 0 || units.length > 3) return false;
  if (format === 'plain' && units.length > 1) return false;
  let total = 0;
  for (const u of units) {
    const t = u.text;
    total += t.length;
    if (t.length > MAX_HEADLINE_LINE || t.length < 2) return false;
    if (isClauseEnd(t.charCodeAt(t.length - 1))) return false;
    if (hasStopBeforeEnd(t)) return false;
    if (endsWithStop(t)) return false;
    if (t.length > 24 && /[！？!?]["”’」』）)]*$/.test(t)) return false;
    if (/^[（(【\[].*[）)】\]]$/u.test(t)) return false; // (完), （舒畅）: a note, not a headline
    if (tests.opening(t, u.line) > 0) return false;
  }
  return total <= 60;
}

/** ，,、：: (a line ending with one continues). */
function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0x3001 || c === 0xff1a || c === 0x3a;
}

/** Is there a 。；; before the last character? */
function hasStopBeforeEnd(t: string): boolean {
  for (let i = 0; i < t.length - 1; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return true;
  }
  return false;
}

/** The article's column width: the median display width of its last body lines (at most 200). */
function columnWidth(a: DraftArticle): number {
  const widths: number[] = [];
  for (let i = a.paras.length - 1; i >= 0 && widths.length < 200; i--) for (const u of a.paras[i].units) widths.push(u.width);
  widths.sort((x, y) => x - y);
  return widths.length ? widths[widths.length >> 1] : 0;
}

/**
 * Does the block run at the article's column width? Then it is a paragraph whose last word was cut
 * across a blank line (据悉，作为二七区街道专业化管理的 / 试点之一…), not a headline: headlines are set
 * narrower or wider than the body column.
 */
function atColumnWidth(units: Unit[], a: DraftArticle): boolean {
  const col = columnWidth(a);
  return units.length > 0 && col > 0 && units.every((u) => Math.abs(u.width - col) <= 2);
}

/** Does the text block after blocks[i] open with a dateline (9月20日，…)? */
function datelineNext(blocks: Block[], i: number): boolean {
  const next = blocks[i + 1];
  return !!next && next.kind === 'text' && next.units.length > 0 && parseDatelineAt(next.units[0].text) !== null;
}

/** `tests`: the page's line tests made by the format detection (detectFormatOfLines), if it ran. */
export function splitArticles(units: Unit[], format: SourceFormat, file: string, tests = new LineTests(0)): SplitResult & { clutterLines: Set<number> } {
  const diagnostics: Diagnostic[] = [];
  // (the format tests once, up front: a test first made after optimisation deoptimised this function)
  const ocr = format === 'ocr';
  const plain = format === 'plain';
  const clutterLines = new Set<number>();
  const blocks = blocksOf(splitTrailingBylines(units), format, clutterLines, tests);
  const articles: DraftArticle[] = [];
  const headlines: HeadlineBlock[] = [];
  let gap = 0;
  let cur: DraftArticle | null = null;
  let pending: { byline: Byline; units: Unit[] } | null = null;
  let pendingFor: DraftArticle | null = null;
  let lastClosed: DraftArticle | null = null;
  let sinceClose = 0; // blocks since the last article closed

  const stray = (b: { units: Unit[] }, why: string) =>
    diagnostics.push({
      severity: 'info',
      code: 'ingest/stray-byline',
      message: `byline "${b.units.map((u) => u.text).join(' ')}" ${why}; treated as page noise`,
      file,
      line: b.units[0].line,
    });

  const pushHeadline = (lines: Unit[], heading: boolean) => headlines.push({ lines, nextArticle: articles.length, heading, gap });

  const open = (strong: boolean): DraftArticle => {
    const a: DraftArticle = { paras: [], strong, byline: null, bylineUnits: [], index: articles.length };
    articles.push(a);
    gap++;
    if (pending) pendingFor = a;
    return a;
  };

  const close = (trailingCheck: boolean) => {
    if (!cur) return;
    const a: DraftArticle = cur;
    cur = null;
    if (trailingCheck && !a.byline) {
      // headline lines the page put after the body, before the next article's opening
      const moved: Para[] = [];
      while (a.paras.length > 1 && moved.length < 2) {
        const last = a.paras[a.paras.length - 1];
        const before = a.paras[a.paras.length - 2];
        if (!headlineLike(last.units, format, tests) || !endsSentence(paraText(before))) break;
        moved.unshift(a.paras.pop() as Para);
      }
      for (const p of moved) headlines.push({ lines: p.units, nextArticle: articles.length, heading: false, gap });
    }
    if (pendingFor === a && pending) {
      if (!a.byline) {
        a.byline = pending.byline;
        a.bylineUnits = pending.units;
      } else stray(pending, 'precedes an article that has its own byline');
      pending = null;
      pendingFor = null;
    }
    if (a.paras.length === 0) {
      articles.pop();
      lastClosed = null;
    } else lastClosed = a;
    sinceClose = 0;
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi];
    if (block.kind === 'break') {
      if (cur && cur.paras.length) close(false);
      continue;
    }
    sinceClose++; // clutter and rules in between do not count
    if (block.kind === 'heading') {
      close(false);
      pushHeadline(block.units, true);
      continue;
    }
    if (block.kind === 'byline') {
      const byline = block.byline as Byline; // set on every byline block
      if (cur && cur.paras.length) {
        cur.byline = byline;
        cur.bylineUnits = block.units;
        close(false);
        continue;
      }
      // the second half of a byline split by a blank line: 记者 … / 通讯员 …
      const lc = lastClosed as DraftArticle | null;
      if (!cur && lc?.byline && sinceClose === 1 && lc.byline.correspondents.length === 0 && byline.reporters.length === 0) {
        lc.byline.correspondents.push(...byline.correspondents);
        lc.bylineUnits.push(...block.units);
        continue;
      }
      // the byline of an article that a rule or clutter line closed just before it
      if (!cur && lc && !lc.byline && sinceClose === 1) {
        lc.byline = byline;
        lc.bylineUnits = block.units;
        continue;
      }
      if (pending) stray(pending, 'is followed by another byline');
      pending = { byline, units: block.units };
      pendingFor = null;
      continue;
    }
    const paras = parasOf(block.units, format);
    const first = paras[0];
    if (tests.opening(first.units[0].text, first.units[0].line) > 0) {
      close(true);
      cur = open(true);
      cur.paras.push(...paras);
      continue;
    }
    if (cur && cur.paras.length) {
      const last = cur.paras[cur.paras.length - 1];
      // (a table row is a paragraph of its own: no word is cut across a table's edge)
      const tableEdge = !!last.units[last.units.length - 1]?.table || !!first.units[0]?.table;
      if (!plain && !tableEdge && !endsSentence(paraText(last))) {
        joinParas(last, first);
        cur.paras.push(...paras.slice(1));
        continue;
      }
      // plain web text without 本报讯: a headline-like line, then a paragraph opening with a dateline
      // (9月20日，…), starts the next article rather than continuing this one
      if (!cur.strong && plain && endsSentence(paraText(last)) && headlineLike(block.units, format, tests) && datelineNext(blocks, bi)) {
        close(false);
        pushHeadline(block.units, false);
        continue;
      }
      if (!cur.strong && ocr && headlineLike(block.units, format, tests) && !atColumnWidth(block.units, cur)) {
        close(false);
        pushHeadline(block.units, false);
        continue;
      }
      cur.paras.push(...paras);
      continue;
    }
    if (headlineLike(block.units, format, tests)) {
      pushHeadline(block.units, false);
      continue;
    }
    cur = open(false);
    cur.paras.push(...paras);
  }
  close(true);
  if (pending) stray(pending, 'follows the last article');

  // weak fragments: a few characters with no opening and no byline are page noise, not articles
  const kept: DraftArticle[] = [];
  const renumber = new Map<number, number>();
  for (const a of articles) {
    const chars = a.paras.reduce((n, p) => n + paraLength(p), 0);
    if (!a.strong && !a.byline && chars < 20) {
      diagnostics.push({
        severity: 'info',
        code: 'ingest/fragment',
        message: `short text "${a.paras.map(paraText).join(' ')}" outside any article ignored`,
        file,
        line: a.paras[0].units[0].line,
      });
      continue;
    }
    renumber.set(a.index, kept.length);
    kept.push(a);
  }
  if (kept.length !== articles.length) {
    for (const h of headlines) {
      let next = h.nextArticle;
      while (next < articles.length && !renumber.has(next)) next++;
      h.nextArticle = next < articles.length ? (renumber.get(next) as number) : kept.length;
    }
    kept.forEach((a, i) => (a.index = i));
  }
  return { articles: kept, headlines, diagnostics, clutterLines };
}
