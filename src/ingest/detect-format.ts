/**
 * Format detection from the content (never the file extension):
 *  - markdown: ATX headings (# …), setext underlines, hard breaks (two trailing spaces), lists/quotes;
 *  - plain web text: one paragraph per line, so lines are long or end a sentence;
 *  - ocr: lines cut at a column width, so many lines continue a sentence the line before left open.
 */
import type { SourceFormat } from '../types';
import { splitLines } from './lines';
import { isClutter } from './clutter';
import { parseByline } from './byline';
import { displayWidth, endsSentence } from './text-utils';

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

/** detectFormat of the page's lines (splitLines). */
export function detectFormatOfLines(lines: string[]): FormatEvidence {
  let headings = 0;
  let hardBreaks = 0;
  let markup = 0;
  let n = 0;
  let chars = 0;
  let longChars = 0;
  let terminated = 0;
  let wrapped = 0;
  // the previous content line, when it did not end a sentence and was followed directly by this one
  let prevOpen = false;
  let prevWidth = 0;
  let prevRaw = '';
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) {
      prevOpen = false;
      prevRaw = '';
      continue;
    }
    if (/^ {0,3}#{1,6}[ \t]+\S/.test(raw)) headings++;
    else if (/^ {0,3}(={3,}|-{3,})[ \t]*$/.test(raw) && prevRaw.trim() && prevRaw.trim().length <= 60) headings++;
    prevRaw = raw;
    if (raw.endsWith('  ') && /\S {2,}$/.test(raw)) hardBreaks++;
    if (/^ {0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S|^ {0,3}>|\*\*[^*]+\*\*|\]\([^)]*\)/.test(raw)) markup++;
    if (parseByline(t) || isClutter(t)) {
      prevOpen = false;
      continue;
    }
    n++;
    chars += t.length;
    if (t.length > 60) longChars += t.length;
    const ends = endsSentence(t);
    if (ends) terminated++;
    // a wrap continues the line above at the same column: no indentation, and the line above is
    // about as wide (a short subheading over a long paragraph is not a wrap)
    const width = displayWidth(t);
    if (prevOpen && !/^[ \t\u3000]{2,}|^\u3000/.test(raw) && prevWidth >= width - 2) wrapped++;
    prevOpen = !ends;
    prevWidth = width;
  }
  const longShare = chars ? longChars / chars : 0;
  const terminatedShare = n ? terminated / n : 0;
  const wrappedShare = n ? wrapped / n : 0;
  let format: SourceFormat;
  if (headings > 0 || hardBreaks >= 2 || markup >= 3) format = 'markdown';
  else if (longShare >= 0.5) format = 'plain';
  else if (wrapped >= 2 && wrappedShare >= 0.25) format = 'ocr';
  else format = 'plain';
  return { format, headings, hardBreaks, lines: n, longShare, terminatedShare, wrappedShare };
}
