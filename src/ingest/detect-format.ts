/**
 * Format detection from the content (never the file extension):
 *  - markdown: ATX headings (# …), setext underlines, hard breaks (two trailing spaces), lists/quotes;
 *  - plain web text: one paragraph per line, so lines are long or end a sentence;
 *  - ocr: lines cut at a column width, so many lines continue a sentence the line before left open.
 */
import type { SourceFormat } from '../types';
import { splitLines } from './lines';
import { LineTests } from './line-tests';
import { displayWidth, endsSentence, isBlank } from './text-utils';

export interface FormatEvidence {
  format: SourceFormat;
  headings: number;
  hardBreaks: number;
  lines: number;
  /** Share of the characters that sit in lines longer than 60 characters. */
  longShare: number;
  /** Share of lines that end a sentence. */
  terminatedShare: number;
  /** Share of lines that continue a sentence left unfinished by the line before (column wrapping). */
  wrappedShare: number;
}

export function detectFormat(text: string): FormatEvidence {
  return detectFormatOfLines(splitLines(text));
}

/**
 * detectFormat of the page's lines (splitLines). The byline and clutter tests of the lines are kept
 * in `tests`, for the splitter.
 */
export function detectFormatOfLines(lines: string[], tests = new LineTests(lines.length)): FormatEvidence {
  const m = markupCounts(lines, false);
  const t = textCounts(lines, tests, null);
  const longShare = t.chars ? t.longChars / t.chars : 0;
  const terminatedShare = t.n ? t.terminated / t.n : 0;
  const wrappedShare = t.n ? t.wrapped / t.n : 0;
  const format = isMarkdown(m) ? 'markdown' : textFormat(t);
  return { format, headings: m.headings, hardBreaks: m.hardBreaks, lines: t.n, longShare, terminatedShare, wrappedShare };
}

/**
 * detectFormatOfLines(lines, tests).format, with no more work than the answer needs: markup makes
 * a page markdown whatever its text, so a markdown page's lines are not tested for bylines and
 * clutter (nor kept in `tests`).
 */
export function formatOfLines(lines: string[], tests: LineTests): SourceFormat {
  const m = markupCounts(lines, true);
  if (isMarkdown(m)) return 'markdown';
  const counts = textCounts(lines, tests, restOf(lines));
  return counts.settled ?? textFormat(counts);
}

interface MarkupCounts {
  headings: number;
  hardBreaks: number;
  markup: number;
}

function isMarkdown(m: MarkupCounts): boolean {
  return m.headings > 0 || m.hardBreaks >= 2 || m.markup >= 3;
}

const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const SETEXT = /^ {0,3}(={3,}|-{3,})[ \t]*$/;
const HARD_BREAK = /\S {2,}$/;
const MARKUP = /^ {0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S|^ {0,3}>|\*\*[^*]+\*\*|\]\([^)]*\)/;

/**
 * Markdown headings, hard breaks and other markup (list items, quotes, bold, links) of the page's
 * lines; with `untilMarkdown`, counted only until they make the page markdown. Each regex is tried
 * only where the characters it needs are: its first character after up to three spaces (# for a
 * heading, = or - for a setext underline, -*+>0-9 for a list item or quote), two trailing spaces,
 * ** or ](.
 */
function markupCounts(lines: string[], untilMarkdown: boolean): MarkupCounts {
  const m: MarkupCounts = { headings: 0, hardBreaks: 0, markup: 0 };
  let prevRaw = '';
  for (let i = 0; i < lines.length && !(untilMarkdown && isMarkdown(m)); i++) {
    const raw = lines[i];
    if (isBlank(raw)) {
      prevRaw = '';
      continue;
    }
    const lead = leadAfterSpaces(raw);
    if (lead === 0x23 /* # */ && HEADING.test(raw)) m.headings++;
    else if ((lead === 0x3d /* = */ || lead === 0x2d) /* - */ && SETEXT.test(raw) && prevRaw.trim() && prevRaw.trim().length <= 60) m.headings++;
    prevRaw = raw;
    if (raw.endsWith('  ') && HARD_BREAK.test(raw)) m.hardBreaks++;
    if ((mayStartListOrQuote(lead) || raw.includes('**') || raw.includes('](')) && MARKUP.test(raw)) m.markup++;
  }
  return m;
}

/** The code of raw's first character after at most three spaces (NaN past the end). */
function leadAfterSpaces(raw: string): number {
  let i = 0;
  while (i < 3 && raw.charCodeAt(i) === 0x20) i++;
  return raw.charCodeAt(i);
}

/** Can a list item (- * + or 1.) or a quote (>) start with this character? */
function mayStartListOrQuote(c: number): boolean {
  return c === 0x2d || c === 0x2a || c === 0x2b || c === 0x3e || (c >= 0x30 && c <= 0x39);
}

interface TextCounts {
  /** Lines of text (not blank, byline or clutter), their characters, those of lines over 60 characters. */
  n: number;
  chars: number;
  longChars: number;
  terminated: number;
  wrapped: number;
}

/** Plain web text or OCR columns, from the text lines' lengths, ends and wrapping. */
function textFormat(t: TextCounts): SourceFormat {
  const longShare = t.chars ? t.longChars / t.chars : 0;
  const wrappedShare = t.n ? t.wrapped / t.n : 0;
  if (longShare >= 0.5) return 'plain';
  if (t.wrapped >= 2 && wrappedShare >= 0.25) return 'ocr';
  return 'plain';
}

/** Indentation that starts a paragraph: two blanks, or an ideographic space. */
const INDENT = /^[ \t\u3000]{2,}|^\u3000/;

/**
 * The text lines' counts. With `rest` (the page's text lines and their characters, see restOf), the
 * lines are read only until the ones left can no longer change textFormat's answer: `settled` is
 * then that answer (counts stop there), and the lines left are not tested for bylines and clutter.
 */
function textCounts(lines: string[], tests: LineTests, rest: Rest | null): TextCounts & { settled: SourceFormat | null } {
  const c: TextCounts = { n: 0, chars: 0, longChars: 0, terminated: 0, wrapped: 0 };
  // the previous content line, when it did not end a sentence and was followed directly by this one
  let prevOpen = false;
  let prevWidth = 0;
  for (let i = 0; i < lines.length; i++) {
    if (rest && (i & (SETTLE_EVERY - 1)) === 0 && i > 0) {
      const settled = settledFormat(c, rest);
      if (settled) return { ...c, settled };
    }
    const raw = lines[i];
    const t = raw.trim();
    if (t && rest) leaves(rest, t.length);
    if (!t || tests.bylineOrClutter(i, t)) {
      prevOpen = false;
      continue;
    }
    c.n++;
    c.chars += t.length;
    if (t.length > LONG_LINE) c.longChars += t.length;
    const ends = endsSentence(t);
    if (ends) c.terminated++;
    // a wrap continues the line above at the same column: no indentation, and the line above is
    // about as wide (a short subheading over a long paragraph is not a wrap)
    const width = displayWidth(t);
    if (prevOpen && !INDENT.test(raw) && prevWidth >= width - 2) c.wrapped++;
    prevOpen = !ends;
    prevWidth = width;
  }
  return { ...c, settled: null };
}

/** A line longer than this is long (longShare). */
const LONG_LINE = 60;
/** How often (in lines) formatOfLines asks whether the lines left can still change the format. */
const SETTLE_EVERY = 16;

/** Non-blank lines not read yet: how many, and their (trimmed) characters in long and in other lines. */
interface Rest {
  lines: number;
  longChars: number;
  shortChars: number;
}

function restOf(lines: string[]): Rest {
  const rest: Rest = { lines: 0, longChars: 0, shortChars: 0 };
  for (const raw of lines) {
    const length = raw.trim().length; // (trim() makes no string for a line with no blanks around it)
    if (length === 0) continue;
    rest.lines++;
    if (length > LONG_LINE) rest.longChars += length;
    else rest.shortChars += length;
  }
  return rest;
}

/** A non-blank line of `length` trimmed characters is read. */
function leaves(rest: Rest, length: number): void {
  rest.lines--;
  if (length > LONG_LINE) rest.longChars -= length;
  else rest.shortChars -= length;
}

/**
 * textFormat's answer when it is the same whichever of the lines left turn out to be text (each may
 * be a byline or clutter), else null. The shares the answer compares are bounded: longShare is
 * largest with all long lines left and no other, smallest with all short ones and no long one;
 * wrappedShare is smallest with every line left text and none wrapped, largest with every one
 * wrapped (a line adds at most one wrap, and a wrap counted stays). Division rounds monotonically, so
 * a bound on the quotients bounds the computed shares too.
 */
function settledFormat(c: TextCounts, rest: Rest): SourceFormat | null {
  const longMax = c.chars + rest.longChars ? (c.longChars + rest.longChars) / (c.chars + rest.longChars) : 0;
  const longMin = c.chars + rest.shortChars ? c.longChars / (c.chars + rest.shortChars) : 0;
  if (longMin >= 0.5) return 'plain';
  if (longMax >= 0.5) return null;
  // longShare < 0.5 whatever the lines left: 'ocr' or 'plain' by the wraps
  const most = c.n + rest.lines;
  if (c.wrapped >= 2 && c.wrapped / most >= 0.25) return 'ocr';
  const wrappedMax = c.wrapped + rest.lines;
  if (wrappedMax < 2 || wrappedMax / most < 0.25) return 'plain';
  return null;
}
