/**
 * Markdown: # headings (headlines), paragraphs of soft-wrapped lines, hard breaks (two trailing
 * spaces or a backslash), emphasis and links. Markup is removed piece by piece so the remaining
 * text still maps to its source columns.
 */
import type { Piece, Unit } from './model';
import { blankUnit, makePiece, makeUnit, unitText } from './model';
import { trimLine } from './lines';
import { displayWidth } from './text-utils';

const HEADING = /^ {0,3}(#{1,6})[ \t]+/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** A table's delimiter row (|---|:--:|): no text; dropped. */
const TABLE_DELIM = /^ {0,3}\|?[ \t]*:?-{1,}:?[ \t]*(\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/;
/** A table row (| a | b |): its own paragraph, outer pipes removed, cells kept apart by the inner ones. */
const TABLE_ROW = /^ {0,3}\|.*\|[ \t]*$/;

/** Ranges [start, end) of markup inside raw[start, end) to delete. */
function markupRanges(raw: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const s = raw.slice(start, end);
  const add = (a: number, b: number) => out.push([start + a, start + b]);
  let m: RegExpExecArray | null;
  // leading block markers: quote, bullet, ordered-list number
  const lead = /^(?:>[ \t]?)+|^[-*+][ \t]+|^\d{1,3}[.)][ \t]+/.exec(s);
  if (lead) add(0, lead[0].length);
  // a table row's outer pipes
  if (TABLE_ROW.test(raw)) {
    const open = /^[ \t]*\|/.exec(s);
    if (open) add(0, open[0].length);
    const close = /\|[ \t]*$/.exec(s);
    if (close && close.index >= (open ? open[0].length : 0)) add(close.index, s.length);
  }
  // every inline mark below needs one of these characters: most lines have none
  if (!/[<[*_`\\#]/.test(s)) return out.sort((a, b) => a[0] - b[0]);
  // script and style elements are dropped with their content; other tags are removed, text kept
  const element = /<(script|style)\b[^>]*>.*?<\/\1\s*>/gis;
  while ((m = element.exec(s))) add(m.index, m.index + m[0].length);
  // images are dropped whole; links keep their text
  const image = /!\[[^\]]*\]\([^)]*\)/g;
  while ((m = image.exec(s))) add(m.index, m.index + m[0].length);
  const link = /(?<!!)\[([^\]]*)\]\([^)]*\)/g;
  while ((m = link.exec(s))) {
    add(m.index, m.index + 1);
    add(m.index + 1 + m[1].length, m.index + m[0].length);
  }
  const emph = /\*\*|__|(?<![\p{L}\p{N}])_(?=\S)|(?<=\S)_(?![\p{L}\p{N}])|`+|<\/?[a-zA-Z][^>]*>|\\(?=[\\`*_{}[\]()#+\-.!])/gu;
  while ((m = emph.exec(s))) add(m.index, m.index + m[0].length);
  // single-star emphasis comes in pairs: *专题*
  const star = /(?<!\*)\*(?=[^\s*])[^*]*?[^\s*]\*(?!\*)|(?<!\*)\*[^\s*]\*(?!\*)/gu;
  while ((m = star.exec(s))) {
    add(m.index, m.index + 1);
    add(m.index + m[0].length - 1, m.index + m[0].length);
  }
  // closing #s of an ATX heading
  const closing = /[ \t]+#+[ \t]*$/.exec(s);
  if (closing) add(closing.index, s.length);
  return out.sort((a, b) => a[0] - b[0]);
}

function cut(raw: string, line: number, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  for (const [a, b] of markupRanges(raw, start, end)) {
    if (a < at) {
      at = Math.max(at, b);
      continue;
    }
    if (a > at) pieces.push(makePiece(raw.slice(at, a), line, at + 1));
    at = b;
  }
  if (at < end) pieces.push(makePiece(raw.slice(at, end), line, at + 1));
  // trim blanks left at the edges by removed markup
  while (pieces.length && !pieces[0].text.trim()) pieces.shift();
  while (pieces.length && !pieces[pieces.length - 1].text.trim()) pieces.pop();
  if (pieces.length) {
    const first = pieces[0];
    const lead = first.text.length - first.text.trimStart().length;
    pieces[0] = makePiece(first.text.slice(lead), first.line, first.column + lead);
    const last = pieces[pieces.length - 1];
    pieces[pieces.length - 1] = makePiece(last.text.trimEnd(), last.line, last.column);
  }
  return pieces;
}

/** The units of the page's lines (splitLines). */
export function readMarkdownLines(lines: string[]): Unit[] {
  const units: Unit[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    if (/^ {0,3}(```|~~~)/.test(raw)) {
      inFence = !inFence;
      units.push(blankUnit(line, 'break'));
      continue;
    }
    const t = trimLine(raw);
    if (t.start >= t.end) {
      units.push(blankUnit(line));
      continue;
    }
    // setext underline: the text line right above is a heading
    const prev = units[units.length - 1];
    if (!inFence && SETEXT.test(raw) && prev && prev.kind === 'text' && prev.line === line - 1) {
      prev.kind = 'heading';
      prev.level = raw.trim().startsWith('=') ? 1 : 2;
      units.push(blankUnit(line));
      continue;
    }
    if (!inFence && RULE.test(raw)) {
      units.push(blankUnit(line, 'break'));
      continue;
    }
    // a table's delimiter row carries no text, and must not split the table from its header
    if (!inFence && TABLE_DELIM.test(raw) && raw.includes('|')) continue;
    const tableRow = !inFence && TABLE_ROW.test(raw);
    const heading = inFence ? null : HEADING.exec(raw);
    if (heading) {
      const pieces = cut(raw, line, heading[0].length, t.end);
      if (!pieces.length) {
        units.push(blankUnit(line));
        continue;
      }
      const h = makeUnit('heading', pieces, unitText(pieces), line, displayWidth(raw));
      h.level = heading[1].length;
      units.push(h);
      continue;
    }
    const hardBreak = t.trailing >= 2 || raw.slice(0, t.end).endsWith('\\') || tableRow;
    const end = raw.slice(0, t.end).endsWith('\\') ? t.end - 1 : t.end;
    const pieces = inFence ? [makePiece(raw.slice(t.start, end), line, t.start + 1)] : cut(raw, line, t.start, end);
    if (!pieces.length) {
      units.push(blankUnit(line));
      continue;
    }
    // a list item or quote line starts a paragraph of its own
    const item = /^ {0,3}(?:[-*+]|\d{1,3}[.)]|>)[ \t]/.test(raw) || tableRow;
    const u = makeUnit('text', pieces, unitText(pieces), line, displayWidth(raw, t.start, t.end));
    u.hardBreak = hardBreak;
    u.indent = item;
    u.table = tableRow;
    units.push(u);
  }
  return units;
}
