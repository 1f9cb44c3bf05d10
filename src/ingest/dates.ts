/**
 * Dates: the dateline of an article (本报讯 9月19日上午 -> 09-19; 近日 -> null; 9月8日至10日 -> the
 * first day) and full dates in metadata (2019-09-20, 2019年9月20日, 二〇一九年九月二十日).
 */

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 19, １９, 十九, 二十五, 三十一 -> number; NaN when it is not a small number. */
export function smallNumber(s: string): number {
  const t = s.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return NaN;
  if (!m[2]) return m[3] ? NaN : CN_DIGITS[m[1]];
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/** 2019, ２０１９, 二〇一九, 二零一九 -> number. */
function yearNumber(s: string): number {
  const t = s.normalize('NFKC');
  if (/^\d{4}$/.test(t)) return Number(t);
  if (/^[〇零一二三四五六七八九]{4}$/.test(t)) return Number([...t].map((c) => CN_DIGITS[c]).join(''));
  return NaN;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function iso(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2100) || !validMonthDay(month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const NUM = '(?:[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})';
const YEAR = '(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})';
const S = '[ \\t\\u3000]*';

const FULL_DATE = new RegExp(
  `(${YEAR})${S}(?:年${S}(${NUM})${S}月${S}(${NUM})${S}日|[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d))`,
  'u',
);

/** The first full date (year, month, day) in a string, as YYYY-MM-DD. */
export function findFullDate(s: string): string | null {
  const m = FULL_DATE.exec(s);
  if (!m) return null;
  const year = yearNumber(m[1]);
  const month = smallNumber(m[2] ?? m[4]);
  const day = smallNumber(m[3] ?? m[5]);
  return iso(year, month, day);
}

/** Vague time words that mean "no date given" when they open an article. */
const VAGUE = /^(?:近日|日前|近期|最近|前不久|不久前|连日来|近段时间|日内|这几天|近来)/u;

const MONTH_DAY = new RegExp(
  `^(?:(${YEAR})${S}年${S})?(${NUM})${S}月${S}(${NUM})${S}[日号]`,
  'u',
);

/** Dateline of an article opening (the text right after 本报讯 and any bracketed byline). */
export interface Dateline {
  month: number;
  day: number;
  year: number | null;
}

/**
 * Parse a dateline at the start of `text` (leading blanks and punctuation skipped). Returns null for
 * 近日-style openings or when the text does not start with a date.
 */
export function parseDatelineAt(text: string): Dateline | null {
  const t = text.replace(/^[\s,，:：、]+/u, '');
  if (VAGUE.test(t)) return null;
  const m = MONTH_DAY.exec(t);
  if (!m) return null;
  const month = smallNumber(m[2]);
  const day = smallNumber(m[3]);
  if (!validMonthDay(month, day)) return null;
  const year = m[1] ? yearNumber(m[1]) : null;
  return { month, day, year: year !== null && year >= 1900 && year <= 2100 ? year : null };
}

/** A full or month-day date, or a vague time word (for findDatelineInSentence). */
const DATE_OR_VAGUE = new RegExp(`(?:(${YEAR})${S}年${S})?(${NUM})${S}月${S}(${NUM})${S}[日号]|近日|日前|近期|连日来`, 'gu');

/**
 * The first date in the article's first sentence, unless a vague time word (近日) comes first. For
 * articles that do not open with 本报讯 and a dateline.
 */
export function findDatelineInSentence(sentence: string): Dateline | null {
  const re = DATE_OR_VAGUE;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (!m[2]) return null; // a vague word first
    const month = smallNumber(m[2]);
    const day = smallNumber(m[3]);
    if (!validMonthDay(month, day)) continue;
    const year = m[1] ? yearNumber(m[1]) : null;
    return { month, day, year: year !== null && !Number.isNaN(year) ? year : null };
  }
  return null;
}

/**
 * Render a dateline: YYYY-MM-DD when the year is written or the page date gives it, else --MM-DD.
 * A page dated January reporting a December event belongs to the year before.
 */
export function formatDate(d: Dateline, pageDate: string | null): string {
  if (d.year) return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (pageDate) {
    // the page date's year and month: its first two '-'-separated fields (no split(), map(): one
    // call per article)
    const dash = pageDate.indexOf('-');
    const y = Number(dash < 0 ? pageDate : pageDate.slice(0, dash));
    const dash2 = dash < 0 ? -1 : pageDate.indexOf('-', dash + 1);
    const m = dash < 0 ? NaN : Number(dash2 < 0 ? pageDate.slice(dash + 1) : pageDate.slice(dash + 1, dash2));
    const year = d.month > m + 1 ? y - 1 : y;
    return `${year}-${pad(d.month)}-${pad(d.day)}`;
  }
  return `--${pad(d.month)}-${pad(d.day)}`;
}
