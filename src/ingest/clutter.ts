/**
 * Page clutter (navigation, 发布时间, 来源, 责任编辑, 分享到, 版权声明, ...): lines that belong to the
 * page, not to an article. The vocabulary is data: dictionaries/ingest/clutter.json.
 */
import { loadDictionary } from './paths';
import { findFullDate } from './dates';

interface ClutterDictionary {
  maxLength: number;
  prefixes: string[];
  prefixSeparator: string;
  patterns: string[];
  captions: string[];
  dateFields: string[];
}

interface Compiled {
  maxLength: number;
  /** The prefixes and the patterns as one alternation: one test per line. */
  clutter: RegExp;
  /** The same alternation without the u flag, for lines with no surrogate (see withoutUnicodeFlag), or null. */
  clutterBmp: RegExp | null;
  /** Patterns with back-references (their group numbers would shift in the alternation): tested alone. */
  apart: RegExp[];
  /** The captions as one alternation (null: none), the same without the u flag, and those with back-references. */
  caption: RegExp | null;
  captionBmp: RegExp | null;
  captionsApart: RegExp[];
  dateField: RegExp;
}

let compiled: Compiled | null = null;

/** A back-reference in a pattern's source (\1, \k<name>; an escaped backslash before a digit also counts: harmless). */
export const BACKREFERENCE = /\\[1-9]|\\k</;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern compiled without the u flag, when that means the same on text with no surrogates, else
 * null. (Without u the engine reads the text unit by unit, with no surrogate pair to consider at
 * each ., \S or [^…]: about twice as fast here.) On such text a source valid with the u flag means
 * the same without it, unless it uses what u alone gives a meaning to (\p{…}, \P{…}, \u{…}) or holds
 * astral characters or surrogates (without u, 😀? is \ud83d\ude00?: the first half is required).
 * Flags besides u (case folding) are not handled.
 */
export function withoutUnicodeFlag(re: RegExp): RegExp | null {
  if (re.flags !== 'u' || /\\[pP]|\\u\{|\\u[dD][89a-fA-F]|[\ud800-\udfff]/.test(re.source)) return null;
  try {
    return new RegExp(re.source);
  } catch {
    return null;
  }
}

/** A surrogate code unit (lone or in a pair). */
const SURROGATE = /[\ud800-\udfff]/;

/** re.test(line), through its no-u twin (withoutUnicodeFlag) when there is one and the line has no surrogate. */
function testEither(re: RegExp, bmp: RegExp | null, line: string): boolean {
  return (bmp !== null && !SURROGATE.test(line) ? bmp : re).test(line);
}

function rules(): Compiled {
  if (compiled) return compiled;
  const d = loadDictionary<ClutterDictionary>('ingest/clutter.json');
  const byLength = [...d.prefixes].sort((a, b) => b.length - a.length).map(escape);
  const prefix = `^[【\\[(（]?\\s*(?:${byLength.join('|')})\\s*(?:${d.prefixSeparator}|$)`;
  const captions = d.captions ?? [];
  const joined = captions.filter((p) => !BACKREFERENCE.test(p));
  const caption = joined.length ? new RegExp(joined.map((p) => `(?:${p})`).join('|'), 'u') : null;
  const clutter = new RegExp([prefix, ...d.patterns.filter((p) => !BACKREFERENCE.test(p))].map((p) => `(?:${p})`).join('|'), 'u');
  compiled = {
    maxLength: d.maxLength,
    clutter,
    clutterBmp: withoutUnicodeFlag(clutter),
    apart: d.patterns.filter((p) => BACKREFERENCE.test(p)).map((p) => new RegExp(p, 'u')),
    caption,
    captionBmp: caption && withoutUnicodeFlag(caption),
    captionsApart: captions.filter((p) => BACKREFERENCE.test(p)).map((p) => new RegExp(p, 'u')),
    dateField: new RegExp(`(?:${d.dateFields.map(escape).join('|')})\\s*[:：]?\\s*`, 'u'),
  };
  return compiled;
}

/** Is this trimmed line page clutter? */
export function isClutter(line: string): boolean {
  const r = rules();
  if (!line || line.length > r.maxLength) return false;
  return testEither(r.clutter, r.clutterBmp, line) || r.apart.some((p) => p.test(line));
}

/** Is this trimmed line a photo caption (图为…, ▲…)? */
export function isCaption(line: string): boolean {
  const r = rules();
  if (line.length > r.maxLength) return false;
  return (r.caption !== null && testEither(r.caption, r.captionBmp, line)) || r.captionsApart.some((p) => p.test(line));
}

/**
 * A clutter line's date: 发布时间：2019-09-20 10:00 -> 2019-09-20, or the date of a time stamp or
 * page header (2019年9月20日 星期五 第3版). Labelled dates win over others on the line.
 */
export function clutterDate(line: string): string | null {
  const r = rules();
  const m = r.dateField.exec(line);
  if (m) {
    const d = findFullDate(line.slice(m.index + m[0].length));
    if (d) return d;
  }
  return findFullDate(line);
}
