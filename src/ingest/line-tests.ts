/**
 * The byline, clutter and opening tests of a page's lines, made once. Format detection tests the
 * trimmed lines (parseByline, then isClutter) until the format is settled; the splitter asks the
 * same of each unit's text, which is most often the same string: it reuses the answers then, and
 * tests only the lines not tested yet and the texts that differ (markdown with its markup removed,
 * OCR lines whose blanks were dropped, bylines cut off a line's end). It also asks a unit's opening
 * (openingLength) up to three times: kept by line.
 */
import { openingLength, parseByline, type Byline } from './byline';
import { isClutter } from './clutter';

/** Per line: what is known of its trimmed text. */
const NOT_BYLINE = 1;
const CLUTTER_KNOWN = 2;
const CLUTTER = 4;
const BYLINE = 8;

export class LineTests {
  /** Per line (0-based): the trimmed text tested, or undefined. */
  private readonly trimmed: Array<string | undefined>;
  private readonly known: Uint8Array;
  /** The bylines found, by line (0-based). */
  private readonly bylines = new Map<number, Byline>();
  /** Per line (0-based): the last text whose opening was measured, and its openingLength. */
  private readonly openingText: Array<string | undefined>;
  private readonly openingLengths: Int32Array;

  constructor(lineCount: number) {
    this.trimmed = new Array<string | undefined>(lineCount);
    this.known = new Uint8Array(lineCount);
    this.openingText = new Array<string | undefined>(lineCount);
    this.openingLengths = new Int32Array(lineCount);
  }

  /** openingLength(text) for a unit of source line `line`. */
  opening(text: string, line: number): number {
    const i = line - 1;
    if (this.openingText[i] === text) return this.openingLengths[i];
    const n = openingLength(text);
    if (i >= 0 && i < this.openingLengths.length) {
      this.openingText[i] = text;
      this.openingLengths[i] = n;
    }
    return n;
  }

  /** Is trimmed line `index` (0-based) a byline or clutter? (the format detection's question, answered and kept) */
  bylineOrClutter(index: number, trimmed: string): boolean {
    this.trimmed[index] = trimmed;
    const byline = parseByline(trimmed);
    if (byline) {
      this.known[index] = BYLINE;
      this.bylines.set(index, byline);
      return true;
    }
    const clutter = isClutter(trimmed);
    this.known[index] = NOT_BYLINE | CLUTTER_KNOWN | (clutter ? CLUTTER : 0);
    return clutter;
  }

  /** What this text of source line `line` (1-based) had been found, when it is the trimmed line tested (else 0). */
  private knownOf(text: string, line: number): number {
    const k = this.known[line - 1];
    return k !== 0 && this.trimmed[line - 1] === text ? k : 0;
  }

  /** parseByline(text) for a unit of source line `line`: a new object, which the caller may change. */
  byline(text: string, line: number): Byline | null {
    const k = this.knownOf(text, line);
    if (k & NOT_BYLINE) return null;
    const b = k & BYLINE ? this.bylines.get(line - 1) : undefined;
    return b ? { reporters: b.reporters.slice(), correspondents: b.correspondents.slice() } : parseByline(text);
  }

  /** isClutter(text) for a unit of source line `line`. */
  clutter(text: string, line: number): boolean {
    const k = this.knownOf(text, line);
    return k & CLUTTER_KNOWN ? (k & CLUTTER) !== 0 : isClutter(text);
  }
}
