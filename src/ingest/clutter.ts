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
  /** Patterns with back-references (their group numbers would shift in the alternation): tested alone. */
  apart: RegExp[];
  captions: RegExp[];
  dateField: RegExp;
}

let compiled: Compiled | null = null;

/** A back-reference in a pattern's source (\1, \k<name>; an escaped backslash before a digit also counts: harmless). */
export const BACKREFERENCE = /\\[1-9]|\\k</;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rules(): Compiled {
  if (compiled) return compiled;
  const d = loadDictionary<ClutterDictionary>('ingest/clutter.json');
  const byLength = [...d.prefixes].sort((a, b) => b.length - a.length).map(escape);
  const prefix = `^[【\\[(（]?\\s*(?:${byLength.join('|')})\\s*(?:${d.prefixSeparator}|$)`;
  compiled = {
    maxLength: d.maxLength,
    clutter: new RegExp([prefix, ...d.patterns.filter((p) => !BACKREFERENCE.test(p))].map((p) => `(?:${p})`).join('|'), 'u'),
    apart: d.patterns.filter((p) => BACKREFERENCE.test(p)).map((p) => new RegExp(p, 'u')),
    captions: (d.captions ?? []).map((p) => new RegExp(p, 'u')),
    dateField: new RegExp(`(?:${d.dateFields.map(escape).join('|')})\\s*[:：]?\\s*`, 'u'),
  };
  return compiled;
}

/** Is this trimmed line page clutter? */
export function isClutter(line: string): boolean {
  const r = rules();
  if (!line || line.length > r.maxLength) return false;
  return r.clutter.test(line) || r.apart.some((p) => p.test(line));
}

/** Is this trimmed line a photo caption (图为…, ▲…)? */
export function isCaption(line: string): boolean {
  const r = rules();
  return line.length <= r.maxLength && r.captions.some((p) => p.test(line));
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
