/**
 * Persons and titles.
 *
 * Rules:
 *   title/grammar        [prefix][stem][level][organ]* role, read right-to-left from a role word
 *   person/title-name    a title (or a chain of titles joined by 、) followed by a name
 *   person/name-list     陈红民、苏建设、时博、许广佑等 (after 领导/同志, or ending in 等, or with a known name)
 *   person/name-verb     a name at the start of a clause followed by 一行/表示/指出/带队 …
 *   person/known         a name from dictionaries/officials.txt
 *   person/repeat        another occurrence of a name found in this article
 */
import { type Cand, type Ctx, type TitleParse, Slot, addPersonName, cand, candidates, charTable, firstAtOrAfter, isBoundary, isCJK, isCJKCode, tokenAt, zeroed } from './context';

const DOTTED = /^[\u3400-\u9fff]{1,6}(?:·[\u3400-\u9fff]{1,7}){1,2}/;
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x', 'nz', 'j']);
const PLACE_TAGS = new Set(['ns', 'nr', 'nrt', 'nz', 'x', 'j', 'nt', 'nrfg']);
const CLAUSE_START = new Set([...'，。；：！？、,;:!?“”"（）()《》']);
const CLAUSE_START_CODE = charTable([...CLAUSE_START].join(''));
/** char code -> 1 for the CLAUSE_START characters below U+3400. */
const CLAUSE_START_LOW = new Uint8Array(0x3400);
for (const ch of CLAUSE_START) if (ch.charCodeAt(0) < 0x3400) CLAUSE_START_LOW[ch.charCodeAt(0)] = 1;

// ---------------------------------------------------------------- titles

/** Start of a run of 2-4 CJK characters ending at `end` right after a separator or a boundary word, or -1. */
function charRunStart(ctx: Ctx, end: number, floor: number): number {
  const { V, d } = ctx;
  let k = end - 1;
  let stop = false;
  while (k >= floor && isCJKCode(V.charCodeAt(k)) && end - k <= 5) {
    const tk = tokenAt(ctx, k);
    if (tk && tk.ve === k + 1 && d.boundary.has(tk.word)) {
      stop = true;
      break;
    }
    k--;
  }
  const len = end - k - 1;
  if ((stop || k < floor || CLAUSE_START_CODE[V.charCodeAt(k)] === 1) && len >= 2 && len <= 4) return k + 1;
  return -1;
}

/** Where a place stem before a level word starting at `p2` begins, or -1. */
function stemStart(ctx: Ctx, p2: number, floor: number): number {
  const { V, d } = ctx;
  if (p2 <= floor) return -1;
  const g = d.gazetteerRev.longestLenEndingAt(V, p2, floor);
  if (g) return p2 - g;
  const t = tokenAt(ctx, p2 - 1);
  if (!t) return -1;
  if (t.ve === p2 && t.vs >= floor) {
    const w = t.word;
    if (w.length >= 2 && w.length <= 6 && PLACE_TAGS.has(t.tag) && !d.boundary.has(w) && !d.genericStems.has(w) && isCJK(w[0])) {
      // a stem of two words at the head of a clause (金色/新城 + 社区党委书记)
      const p = tokenAt(ctx, t.vs - 1);
      if (p && p.ve === t.vs && p.vs >= floor && p.word.length === 2 && (p.tag === 'n' || PLACE_TAGS.has(p.tag)) && !d.boundary.has(p.word) && !d.genericStems.has(p.word) && !ctx.claimed[p.vs] && isCJK(p.word[0])) {
        const before = p.vs === floor ? '，' : V[p.vs - 1];
        const bt = tokenAt(ctx, p.vs - 1);
        if (p.vs <= floor || CLAUSE_START.has(before) || (bt && bt.ve === p.vs && (d.boundary.has(bt.word) || d.relationWords.has(bt.word)))) return p.vs;
      }
      return t.vs;
    }
  }
  // the token covers the stem and the level word (岳池县 as one word)
  if (t.vs < p2 - 1 && t.vs >= floor && (t.tag === 'ns' || t.tag === 'x' || t.tag === 'nr') && p2 - t.vs <= 6) return t.vs;
  // jieba cut across the name (莽/张镇/镇长): a short run of characters after a separator
  let k = p2 - 1;
  let stop = false;
  while (k >= floor && isCJKCode(V.charCodeAt(k)) && p2 - k <= 4) {
    const tk = tokenAt(ctx, k);
    if (tk && tk.ve === k + 1 && d.boundary.has(tk.word)) {
      stop = true;
      break;
    }
    k--;
  }
  if ((stop || k < floor || CLAUSE_START_CODE[V.charCodeAt(k)] === 1) && p2 - k - 1 >= 2 && p2 - k - 1 <= 4) return k + 1;
  // nested units: the stem runs back to the level word of the unit above (中同街街道 幸福里 社区)
  for (let q = p2 - 2; q >= Math.max(floor + 1, p2 - 5); q--) {
    const up = d.levelsRev.longestLenEndingAt(V, q, floor);
    if (up && (up >= 2 || '镇乡县'.includes(V[q - 1])) && !ctx.claimed[q]) {
      let plain = true;
      for (let c = q; c < p2; c++) if (!isCJKCode(V.charCodeAt(c)) || ctx.claimed[c]) plain = false;
      if (plain) return q;
    }
  }
  return -1;
}

/** Parse the title ending with the role at [rs, re), extending left no further than `floor`. */
export function parseTitleLeft(ctx: Ctx, rs: number, floor: number): { start: number; parse: TitleParse } {
  const { V, d } = ctx;
  let pos = rs;
  let stem: string | null = null;
  let sharedLevel = false;
  // a role may share its first character with the organ before it: 统战部长 = 统战部 + 部长
  const shared = d.organsRev.longestLenEndingAt(V, rs + 1, floor);
  let organEnd = rs;
  if (shared >= 3 && rs + 1 - shared >= floor) {
    pos = rs + 1 - shared;
    organEnd = rs + 1;
  }
  for (let k = 0; k < 3; k++) {
    const m = d.organsRev.longestLenEndingAt(V, pos, floor);
    if (!m) break;
    pos -= m;
  }
  // a body named between a level word and its organ head (市 人民防空 办公室 主任)
  if (pos < rs && !d.levelsRev.longestLenEndingAt(V, pos, floor) && !d.prefixesRev.longestLenEndingAt(V, pos, floor)) {
    let cur = pos;
    while (cur > floor && pos - cur < 8) {
      const t = tokenAt(ctx, cur - 1);
      if (!t || t.vs < floor || t.ve !== cur || !isCJK(t.word[0]) || !ORG_TAGS.has(t.tag) || d.boundary.has(t.word) || ctx.claimed[cur - 1]) break;
      cur = t.vs;
      if (d.levelsRev.longestLenEndingAt(V, cur, floor)) {
        pos = cur;
        break;
      }
    }
  }
  let genericOrgan = false;
  if (pos === rs) {
    pos = genericOrganStart(ctx, rs, floor);
    genericOrgan = pos < rs;
  }
  const orgStartAfterJur = pos;
  for (let k = 0; k < 4 && pos > floor; k++) {
    const lv = d.levelsRev.longestLenEndingAt(V, pos, floor);
    if (lv) {
      const p2 = pos - lv;
      const s = stemStart(ctx, p2, floor);
      if (s >= 0) {
        if (stem === null) stem = V.slice(s, p2);
        pos = s;
        continue;
      }
      // a one-character level with no stem of its own may be the end of a name (中市 + 街道办事处)
      const run = charRunStart(ctx, pos, floor);
      if (lv === 1 && run >= 0 && run < p2) {
        pos = run;
        break;
      }
      pos = p2;
      continue;
    }
    const pf = d.prefixesRev.longestLenEndingAt(V, pos, floor);
    if (pf) {
      pos -= pf;
      continue;
    }
    // a body with no level before it may carry a short place name (城郊党委, 官路社区党委)
    const roleHasOrgan = pos === rs && [2, 3].some((L) => d.titleParts.get(V.slice(rs, rs + L)) === 'organ'); // 党委副书记
    if (k === 0 && ((pos < organEnd && pos < rs) || roleHasOrgan)) {
      const run = charRunStart(ctx, pos, floor);
      if (run >= 0 && pos - run >= 2 && pos - run <= 4 && !d.genericStems.has(V.slice(run, pos))) {
        pos = run;
        break;
      }
    }
    // a bare stem before a role that starts with a level word (二七 + 区长)
    if (pos === rs && d.levelsRev.longestLenEndingAt(V, rs + 1, rs)) {
      const s = stemStart(ctx, pos, floor);
      if (s >= 0 && d.gazetteerRev.longestLenEndingAt(V, pos, floor)) {
        stem = V.slice(s, pos);
        sharedLevel = true;
        pos = s;
        continue;
      }
    }
    break;
  }
  // a function character glued to the title's start (由市统计局副局长, 赴县…) is not part of it
  while (pos < rs - 1 && ctx.d.ruleWords.cut.has(V[pos]) && !ctx.d.gazetteerTrie.longestLenAt(V, pos)) pos++;
  return { start: pos, parse: { roleStart: rs, stem, sharedLevel, organEnd: orgStartAfterJur < rs ? organEnd : pos, orgStart: pos, genericOrgan } };
}

const ORG_TAGS = new Set(['n', 'nz', 'ns', 'nt', 'x', 'j', 'vn', 'nrt', 'm', 'eng']);
/**
 * A body without a dictionary entry before a role: 驻村工作队队长, 某某有限公司总经理. The body
 * must end with a generic organisation head (entity-suffixes.txt, type Organization, or 队/组);
 * its name is read left over noun-like jieba words, at most 12 characters.
 */
function genericOrganStart(ctx: Ctx, rs: number, floor: number): number {
  const { V, d } = ctx;
  const heads = d.suffixesRev.allEndingAt(V, rs, floor);
  const head = heads.length ? heads[heads.length - 1] : null;
  const generic = d.ruleWords['organ-head'].has(V[rs - 1]);
  const ok = (head && head.value.type === 'Organization') || generic;
  if (!ok) return rs;
  let cur = rs - (head && head.value.type === 'Organization' ? head.len : 1);
  while (cur > floor && rs - cur < 12) {
    const t = tokenAt(ctx, cur - 1);
    if (!t || t.vs < floor || !isCJK(t.word[0])) break;
    if (!ORG_TAGS.has(t.tag) || d.boundary.has(t.word) || ctx.claimed[cur - 1]) break;
    cur = t.vs;
  }
  if (rs - cur < 3 || rs - cur > 14) return rs;
  return cur;
}

interface TitleSpan {
  start: number;
  end: number;
  parse: TitleParse;
}

/** A role word or a not-title word (区领导) of a sentence, as findTitles meets them left to right. */
interface TitleWord {
  at: number;
  len: number;
  role: boolean;
}

/**
 * The role and not-title words of [from, to), left to right, a not-title word winning over a
 * role word no longer than it. They depend on the text only: found once per sentence and read
 * by both title passes.
 */
function titleWords(ctx: Ctx, from: number, to: number): TitleWord[] {
  const { V, d } = ctx;
  const out: TitleWord[] = [];
  // the positions where such a word may start, left to right; after a word, past its end
  const title = candidates(ctx).title;
  let next = from;
  for (let k = firstAtOrAfter(title, from); k < title.length && title[k] < to; k++) {
    const i = title[k];
    if (i < next) continue;
    const nt = d.notTitle.longestLenAt(V, i, to);
    const r = d.roles.longestLenAt(V, i, to);
    if (nt && (!r || nt >= r)) {
      out.push({ at: i, len: nt, role: false });
      next = i + nt;
      continue;
    }
    if (!r) continue;
    out.push({ at: i, len: r, role: true });
    next = i + r;
  }
  return out;
}

/**
 * The titles of [from, to) (from its title words). A not-title word ending in 领导 followed by a
 * name makes that name a person. With `parse` false only that is done (no title is returned).
 */
function findTitles(ctx: Ctx, from: number, words: TitleWord[], parse = true): TitleSpan[] {
  const { V } = ctx;
  const out: TitleSpan[] = [];
  let nextFloor = from;
  for (const w of words) {
    const i = w.at + w.len;
    if (!w.role) {
      if (/领导$/.test(V.slice(w.at, i)) && !ctx.claimed[i]) {
        const len = nameAt(ctx, i, true);
        if (len && V[i + len] !== '、') addPerson(ctx, i, i + len, 'person/leader-name');
      }
      continue;
    }
    if (!parse) continue;
    const floor = Math.max(from, nextFloor <= w.at ? nextFloor : from);
    const { start, parse: tp } = parseTitleLeft(ctx, w.at, floor);
    out.push({ start, end: i, parse: tp });
    // the next title starts after the name that follows this one
    nextFloor = i + nameAt(ctx, i, true);
  }
  return out;
}

// ---------------------------------------------------------------- names

interface FollowInfo {
  len: number;
  strong: boolean;
}

function followAt(ctx: Ctx, i: number): FollowInfo | null {
  const { V, d } = ctx;
  if (i >= V.length) return { len: 0, strong: true };
  const ch = V[i];
  if (!isCJK(ch)) return { len: 1, strong: true };
  const best = Math.max(d.followers.longestLenAt(V, i), d.roles.longestLenAt(V, i));
  if (!best) return null;
  return { len: best, strong: best >= 2 };
}

function isKnownAt(ctx: Ctx, p: number): number {
  const a = ctx.d.officialsTrie.longestLenAt(ctx.V, p);
  let b = 0;
  const names = ctx.personNameList;
  for (let k = 0; k < names.length; k++) if (names[k].length > b && ctx.V.startsWith(names[k], p)) b = names[k].length;
  return Math.max(a, b);
}

/** A one-character surname at p (d.surnames.has(V[p])). */
function singleSurnameAt(ctx: Ctx, p: number): boolean {
  return ctx.d.surnameCode[ctx.V.charCodeAt(p)] === 1;
}
/** A compound surname at p (d.compoundSurnames.has(V.slice(p, p + 2))). */
function compoundSurnameAt(ctx: Ctx, p: number): boolean {
  return ctx.d.compoundFirst[ctx.V.charCodeAt(p)] === 1 && ctx.d.compoundSurnames.has(ctx.V.slice(p, p + 2));
}

const SURNAMES_NONE: readonly number[] = Object.freeze([]);
const SURNAMES_2: readonly number[] = Object.freeze([2]);
const SURNAMES_1: readonly number[] = Object.freeze([1]);
const SURNAMES_21: readonly number[] = Object.freeze([2, 1]);

/** Lengths of the surnames that may start at p (compound first). */
function surnamesAt(ctx: Ctx, p: number): readonly number[] {
  const two = compoundSurnameAt(ctx, p);
  const one = singleSurnameAt(ctx, p);
  return two ? (one ? SURNAMES_21 : SURNAMES_2) : one ? SURNAMES_1 : SURNAMES_NONE;
}

function validName(ctx: Ctx, p: number, e: number): boolean {
  const { V, d } = ctx;
  for (let k = p; k < e; k++) {
    if (!isCJKCode(V.charCodeAt(k))) return false;
    if (ctx.claimed[k]) return false;
  }
  for (let k = p + 1; k < e; k++) if (d.codes.badGiven[V.charCodeAt(k)] === 1) return false;
  if (d.notPerson.longestLenAt(V, p, e)) return false;
  // 区长区领导班子: a word that looks like a title but is none (区领导) starts no name (surname 区)
  if (d.notTitle.longestLenAt(V, p) >= 2) return false;
  const w = V.slice(p, e);
  if (d.groupWords.has(w)) return false;
  if (d.gazetteer.has(w)) return false;
  // 陈书记, 王县长: a surname and a role is a form of address, not a name
  for (let s = 1; s <= 2; s++) {
    const r = d.roles.longestLenAt(V, p + s, e);
    if (r && p + s + r === e) return false;
  }
  // 开江县长田乡: a "name" ending in 乡/镇/村 … is the place after a shared level word
  if (d.adminHeadCode[V.charCodeAt(e - 1)] === 1 && !d.officials.has(w)) return false;
  return true;
}

/**
 * Read a person's name starting at p. `strong`: the context says a name is here (after a title,
 * in a list); otherwise the name must be followed by a clear follower word.
 */
export function nameAt(ctx: Ctx, p: number, strong: boolean): number {
  const { V } = ctx;
  const known = isKnownAt(ctx, p);
  if (known) return known;
  // 艾尔肯·吐尼亚孜, 买买提·艾力: a transcribed name with a middle dot after a title
  if (strong && dotWithin(V, p + 1, p + 7)) {
    const m = DOTTED.exec(V.slice(p, p + 20));
    if (m) {
      // the last part ends before a follower or a function character (…艾力一行, …吐尼亚孜到)
      let end = p + m[0].length;
      for (let k = p + m[0].lastIndexOf('·') + 2; k < end; k++) {
        if (followAt(ctx, k) || ctx.d.ruleWords.cut.has(V[k]) || ctx.d.relationTrie.longestLenAt(V, k)) {
          end = k;
          break;
        }
      }
      let ok = true;
      for (let k = p; k < end; k++) if (ctx.claimed[k]) ok = false;
      if (ok) return end - p;
    }
  }
  // 巴桑罗布, 扎西多吉: two parts of a Tibetan name after a title make one four-character name
  if (strong && ctx.d.nameParts.has(V.slice(p, p + 2)) && ctx.d.nameParts.has(V.slice(p + 2, p + 4))) {
    let ok = true;
    for (let k = p; k < p + 4; k++) if (ctx.claimed[k]) ok = false;
    if (ok) return 4;
  }
  const sns = surnamesAt(ctx, p);
  for (let si = 0; si < sns.length; si++) {
    const s = sns[si];
    const short = p + s + 1;
    const long = p + s + 2;
    const okS = short <= V.length && validName(ctx, p, short);
    const okL = long <= V.length && validName(ctx, p, long);
    if (!okS) continue;
    const fS = followAt(ctx, short);
    const fL = okL ? followAt(ctx, long) : null;
    let pick = 0;
    if (strong && okL && s === 1 && ctx.d.codes.nameEnd[V.charCodeAt(short)] === 1 && !(fL && fL.strong && isCJK(V[long]))) pick = short; // 马军以“…”
    else if (strong && okL && '和与及'.includes(V[short]) && titleSoon(ctx, short + 1)) pick = short; // 薛群和村委会主任王爱国
    else if (fS && fS.strong) pick = short;
    else if (fS && fL) pick = long;
    else if (fS) pick = short;
    else if (fL) pick = long;
    else if (strong && okL) {
      // no follower word: trust jieba's boundary, else a three-character name
      if (isBoundary(ctx, short) && !isBoundary(ctx, long)) pick = short;
      else pick = long;
    }
    if (!pick) continue;
    if (!strong) {
      const f = pick === short ? fS : fL;
      if (!f || !f.strong || pick >= V.length || !isCJKCode(V.charCodeAt(pick))) continue; // (pick may be the text's end: charCodeAt there deopts)
      if (!ctx.d.commonSurnames.has(V.slice(p, p + s))) continue;
      // 在龙岗镇，: a name ending in an administrative head word is a place
      if (ctx.d.adminHeadCode[V.charCodeAt(pick - 1)] === 1) continue;
      // no common word inside the name (都/认真, 高/度重视)
      let bad = false;
      for (let k = p; k < pick; ) {
        const tk = tokenAt(ctx, k);
        if (!tk) break;
        if (tk.ve - tk.vs >= 2 && !NAME_TAGS.has(tk.tag) && tk.vs >= p && tk.ve <= pick) bad = true;
        k = tk.ve;
      }
      if (bad) continue;
      const t = tokenAt(ctx, p);
      if (t && t.vs === p && t.ve > pick && !NAME_TAGS.has(t.tag)) continue; // 高度重视, 全面推进
      if (t && t.vs === p && t.ve === pick && !NAME_TAGS.has(t.tag) && t.word.length >= 2) continue; // 时间, 全区
    }
    return pick - p;
  }
  return 0;
}

/** A middle dot (the one DOTTED reads) in V[a, b): DOTTED can only match where one follows the first part. */
function dotWithin(V: string, a: number, b: number): boolean {
  for (let k = a; k < b && k < V.length; k++) if (V.charCodeAt(k) === 0xb7) return true;
  return false;
}

/** A role word begins within a few characters of `p` (a title follows: 和村委会主任…). */
function titleSoon(ctx: Ctx, p: number): boolean {
  for (let j = p; j < p + 8 && j < ctx.V.length && isCJKCode(ctx.V.charCodeAt(j)); j++) if (ctx.d.roles.longestLenAt(ctx.V, j)) return true;
  return false;
}

// ---------------------------------------------------------------- rule families

function addPerson(ctx: Ctx, vs: number, ve: number, ruleId: string): Cand {
  const key = ctx.V.slice(vs, ve);
  const c = cand('Person', key, vs, ve, ruleId);
  ctx.persons.push(c);
  addPersonName(ctx, key);
  for (let k = vs; k < ve; k++) ctx.claimed[k] = ctx.personMask[k] = 1;
  return c;
}

function addTitle(ctx: Ctx, t: TitleSpan): Cand {
  const c = cand('Title', ctx.V.slice(t.start, t.end), t.start, t.end, 'title/grammar', t.parse);
  ctx.titles.push(c);
  for (let k = t.start; k < t.end; k++) ctx.claimed[k] = 1;
  return c;
}

/** Titles followed by a name: HOLDS_TITLE links. */
function titleNames(ctx: Ctx, words: TitleWord[][]): void {
  const { V } = ctx;
  const sents = ctx.seg.sentences;
  for (let si = 0; si < sents.length; si++) {
    const sent = sents[si];
    const spans = findTitles(ctx, sent.vs, words[si]);
    let k = 0;
    while (k < spans.length) {
      // chain: t1、t2、t3 name
      let j = k;
      while (j + 1 < spans.length && V[spans[j].end] === '、' && spans[j + 1].start === spans[j].end + 1) j++;
      const last = spans[j];
      const chain = spans.slice(k, j + 1);
      k = j + 1;
      const p = last.end;
      if (p >= sent.ve) continue;
      const len = nameAt(ctx, p, true);
      if (!len) continue;
      const holders = [addPerson(ctx, p, p + len, 'person/title-name')];
      // 区委常委李彩霞、陈永斌、孙林，副区长王勇: every name of the 、-list after a title holds it
      let q = p + len;
      const nextTitle = k < spans.length ? spans[k].start : sent.ve;
      while (V[q] === '、' && q + 1 < nextTitle) {
        const l2 = nameAt(ctx, q + 1, true);
        if (!l2 || !nameShape(ctx, q + 1, q + 1 + l2)) break;
        const after = V[q + 1 + l2] ?? '';
        if (isCJK(after) && !followAt(ctx, q + 1 + l2)) break;
        holders.push(addPerson(ctx, q + 1, q + 1 + l2, 'person/title-list'));
        q += 1 + l2;
      }
      for (const t of chain) {
        const title = addTitle(ctx, t);
        for (const person of holders) ctx.links.push({ type: 'HOLDS_TITLE', source: person, target: title, vs: chain[0].start, ve: person.ve, ruleId: 'title/title-name' });
      }
    }
  }
}

/** A title in parentheses after a name: 李华(区长). */
function parenTitles(ctx: Ctx, words: TitleWord[][]): void {
  const { V } = ctx;
  const sents = ctx.seg.sentences;
  const opens = new NextOf(V, '(');
  for (let si = 0; si < sents.length; si++) {
    const sent = sents[si];
    // (no title is in parentheses in a sentence without any: only the 领导 names are read there)
    const open = opens.at(sent.vs);
    for (const t of findTitles(ctx, sent.vs, words[si], open >= 0 && open < sent.ve)) {
      if (V[t.start - 1] !== '(' || V[t.end] !== ')' || ctx.claimed[t.start]) continue;
      const o = t.start - 1;
      for (const L of NAME_LENGTHS) {
        const p = o - L;
        if (p < sent.vs || ctx.claimed[p] || ctx.claimed[o - 1]) continue;
        if (p > sent.vs && isCJKCode(V.charCodeAt(p - 1)) && !CLAUSE_START.has(V[p - 1])) continue;
        if (nameAt(ctx, p, true) !== L) continue;
        const person = addPerson(ctx, p, o, 'person/name-paren-title');
        const title = addTitle(ctx, t);
        ctx.links.push({ type: 'HOLDS_TITLE', source: person, target: title, vs: p, ve: t.end + 1, ruleId: 'title/name-paren-title' });
        break;
      }
    }
  }
}

/**
 * V.indexOf(ch, i), remembered: the one found serves every later i up to it. (Asked once a
 * sentence, a search from each sentence start ran on to the next such character, often the end
 * of the text: a pass over the rest of the text for every sentence.)
 */
class NextOf {
  /** the first `ch` at or after `from` is at `found` (-1: none) */
  private from = 0;
  private found: number;
  constructor(
    private readonly V: string,
    private readonly ch: string,
  ) {
    this.found = V.indexOf(ch);
  }
  at(i: number): number {
    if (i < this.from || (this.found >= 0 && this.found < i)) {
      this.from = i;
      this.found = this.V.indexOf(this.ch, i);
    }
    return this.found;
  }
}

/** 陈红民、苏建设、时博、许广佑等 */
function nameLists(ctx: Ctx): void {
  const { V, d } = ctx;
  const listSeps = new NextOf(V, '、');
  for (const sent of ctx.seg.sentences) {
    let i = sent.vs;
    while (i < sent.ve) {
      if (V[i] !== '、') {
        const next = listSeps.at(i);
        i = next < 0 || next > sent.ve ? sent.ve : next;
        continue;
      }
      // collect a run of 、-separated short items
      // a list of names needs a surname right after the 、
      if (!singleSurnameAt(ctx, i + 1) && !compoundSurnameAt(ctx, i + 1)) {
        i++;
        continue;
      }
      const seps: number[] = [i];
      let q = i + 1;
      for (;;) {
        let e = q;
        while (e < sent.ve && e - q <= 4 && isCJKCode(V.charCodeAt(e))) e++;
        if (V[e] === '、' && e - q >= 2 && e - q <= 4) {
          seps.push(e);
          q = e + 1;
        } else break;
      }
      i = seps[seps.length - 1] + 1;
      const items: Array<[number, number]> = [];
      // first item: ends at seps[0]
      let first: [number, number] | null = null;
      for (const L of NAME_LENGTHS) {
        const a = seps[0] - L;
        if (a < sent.vs) continue;
        // at a clause start (the sentence's counts) or after an introducing word; the tests are
        // pure, so the cheap ones go first and the introducing words are looked for only when needed
        if (!nameShape(ctx, a, seps[0])) continue;
        if (a === sent.vs || CLAUSE_START_CODE[V.charCodeAt(a - 1)] === 1 || listIntroBefore(ctx, a, sent.vs)) {
          first = [a, seps[0]];
          break;
        }
      }
      if (!first) continue;
      items.push(first);
      for (let s = 0; s + 1 < seps.length; s++) items.push([seps[s] + 1, seps[s + 1]]);
      const lastStart = seps[seps.length - 1] + 1;
      const lastLen = nameAt(ctx, lastStart, true);
      if (!lastLen) continue;
      items.push([lastStart, lastStart + lastLen]);
      // (items are read by index, not destructured: array destructuring compiles to the whole iterator protocol)
      if (!items.every((it) => nameShape(ctx, it[0], it[1]))) continue;
      const after = V.slice(lastStart + lastLen, lastStart + lastLen + 2);
      const known = items.some((it) => ctx.personNames.has(V.slice(it[0], it[1])) || d.officials.has(V.slice(it[0], it[1])));
      const introduced = wordEndsAt(d.ruleWords['list-intro'], V, first[0]) || (first[0] > 0 && ctx.claimed[first[0] - 1] === 1);
      const rest = V.slice(lastStart + lastLen + 1, lastStart + lastLen + 10);
      const ended =
        (after.startsWith('等') && (etcPeople(d.ruleWords['etc-people'], rest) || !startsWithAny(d.ruleWords['etc-things'], rest))) ||
        (followAt(ctx, lastStart + lastLen)?.strong ?? false);
      if (!(known || introduced || ended)) continue;
      for (const it of items) if (!ctx.claimed[it[0]]) addPerson(ctx, it[0], it[1], 'person/name-list');
    }
  }
}

/** A word that introduces a list of names ends right before `a`: 领导, a title, 区领导, 群众 … */
function listIntroBefore(ctx: Ctx, a: number, floor: number): boolean {
  const { V, d } = ctx;
  return (
    wordEndsAt(d.ruleWords['list-intro'], V, a) ||
    (a > 0 && ctx.claimed[a - 1] === 1) ||
    !!d.notTitle.longestLenAt(V, Math.max(floor, a - 4), a) ||
    groupBefore(ctx, a, floor)
  );
}

/** The name lengths tried for a list's first item or a name before a parenthesis, in order. */
const NAME_LENGTHS: readonly number[] = [3, 2, 4];

/** Some word of the set ends at `end` of V (V.startsWith(w, end - w.length); no closure per call). */
function wordEndsAt(words: Set<string>, V: string, end: number): boolean {
  for (const w of words) if (V.startsWith(w, end - w.length)) return true;
  return false;
}

/** s starts with some word of the set. */
function startsWithAny(words: Set<string>, s: string): boolean {
  for (const w of words) if (s.startsWith(w)) return true;
  return false;
}

/** A group word (群众, 老党员, 代表) ends right before `a`: 困难群众张爱梅、董作森 … */
function groupBefore(ctx: Ctx, a: number, floor: number): boolean {
  for (let k = Math.max(floor, a - 5); k < a; k++) {
    const m = ctx.d.groupTrie.longestLenAt(ctx.V, k, a);
    if (m && k + m === a) return true;
  }
  return false;
}

function nameShape(ctx: Ctx, a: number, b: number): boolean {
  const { V } = ctx;
  const len = b - a;
  if (len < 2 || len > 4) return false;
  const s = surnamesAt(ctx, a);
  if (!s.length) return false;
  let fits = false;
  for (let k = 0; k < s.length; k++) if (len - s[k] >= 1 && len - s[k] <= 2) fits = true;
  if (!fits) return false;
  if (!validName(ctx, a, b)) return false;
  const t = tokenAt(ctx, a);
  if (t && t.vs === a && t.ve === b && (t.tag === 'ns' || t.tag === 'nt')) return false;
  return V.slice(a, b).length === len;
}

/** A clause-initial name followed by 一行/表示/指出/带队 … */
function nameVerb(ctx: Ctx): void {
  const { V, d } = ctx;
  const titleEnd = zeroed(Slot.TitleEnd, V.length + 1);
  for (const t of ctx.titles) titleEnd[t.ve] = 1;
  const claimed = ctx.claimed;
  for (const sent of ctx.seg.sentences) {
    for (let p = sent.vs; p < sent.ve; p++) {
      // a clause start: the sentence's, after a title, or after a CLAUSE_START character
      // (tested below U+3400 first: reading the table past its end is slow)
      if (p !== sent.vs && titleEnd[p] !== 1) {
        const c = V.charCodeAt(p - 1);
        if (c >= 0x3400 || CLAUSE_START_LOW[c] !== 1) continue;
      }
      if (claimed[p]) continue;
      // (nameAt finds nothing without a surname here, unless an official's or a found name starts here)
      if (!singleSurnameAt(ctx, p) && !compoundSurnameAt(ctx, p) && !d.officialsTrie.first[V.charCodeAt(p)] && !foundNameStartsWith(ctx, V.charCodeAt(p))) continue;
      const len = nameAt(ctx, p, false);
      if (len) addPerson(ctx, p, p + len, 'person/name-verb');
    }
  }
}

/** Some name found in this article (ctx.personNameList) starts with the character `code`. */
function foundNameStartsWith(ctx: Ctx, code: number): boolean {
  const names = ctx.personNameList;
  for (let k = 0; k < names.length; k++) if (names[k].charCodeAt(0) === code) return true;
  return false;
}

/** Every further occurrence of a known or found name. */
function repeats(ctx: Ctx): void {
  const { V, d } = ctx;
  // names by first character, longest first (a Trie here cost a 64 KB table per article)
  const byFirst = new Map<number, string[]>();
  for (const n of ctx.personNames) {
    if (!n || /[\ud800-\udfff]/.test(n)) continue; // as in Trie: never matched by code unit
    const c = n.charCodeAt(0);
    let l = byFirst.get(c);
    if (!l) byFirst.set(c, (l = []));
    l.push(n);
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.length - a.length);
  const offFirst = d.officialsTrie.first;
  for (const c of byFirst.keys()) nameFirst[c] = 1;
  try {
    repeatsScan(ctx, byFirst, offFirst);
  } finally {
    for (const c of byFirst.keys()) nameFirst[c] = 0;
  }
}

/** char code -> some name of the current article starts with it (set and cleared by repeats). */
const nameFirst = new Uint8Array(65536);

function repeatsScan(ctx: Ctx, byFirst: Map<number, string[]>, offFirst: Uint8Array): void {
  const { V, d } = ctx;
  for (let p = 0; p < V.length; p++) {
    if (ctx.claimed[p]) continue;
    const code = V.charCodeAt(p);
    if (!nameFirst[code] && !offFirst[code]) continue; // no name and no official starts here
    let best = 0;
    const cands = nameFirst[code] ? byFirst.get(code) : undefined;
    if (cands) {
      for (const n of cands) {
        if (V.startsWith(n, p)) {
          best = n.length;
          break;
        }
      }
    }
    const off = d.officialsTrie.longestLenAt(V, p);
    let rule = 'person/repeat';
    if (off > best) {
      best = off;
      rule = 'person/known';
    }
    if (!best) continue;
    if (p > 0 && isCJKCode(V.charCodeAt(p - 1)) && !ctx.claimed[p - 1] && surnamesAt(ctx, p - 1).length && !isBoundary(ctx, p) && rule === 'person/repeat') continue;
    addPerson(ctx, p, p + best, rule);
    p += best - 1;
  }
}

/** 看望了老党员董庆军, 困难群众张爱梅家中: a name right after a word for a kind of people. */
function groupNames(ctx: Ctx): void {
  const { V, d } = ctx;
  let from = 0; // (after a group word, past it)
  for (const i of candidates(ctx).group) {
    if (i < from) continue;
    const m = d.groupTrie.longestLenAt(V, i);
    if (!m) continue;
    const p = i + m;
    from = p;
    if (ctx.claimed[p] || d.codes.commonSurname[V.charCodeAt(p)] !== 1) continue;
    const len = nameAt(ctx, p, true);
    if (!len) continue;
    let word = false; // 慰问组都认真听取: 认真 is a word, not a given name
    for (let k = p; k < p + len; ) {
      const tk = tokenAt(ctx, k);
      if (!tk) break;
      if (tk.ve - tk.vs >= 2 && !NAME_TAGS.has(tk.tag) && tk.vs >= p) word = true;
      k = tk.ve;
    }
    if (word) continue;
    const next = V[p + len] ?? '';
    const f = followAt(ctx, p + len);
    if (!(f || next === '家' || next === '、')) continue;
    if (next === '、') continue; // a list: nameLists reads it
    addPerson(ctx, p, p + len, 'person/group-name');
  }
}

export function extractPersons(ctx: Ctx): void {
  // (a loop, not .map: arrays made by builtins differ in elements kind between tiers, a wrong-map deopt where they are read)
  const words: TitleWord[][] = [];
  for (const s of ctx.seg.sentences) words.push(titleWords(ctx, s.vs, s.ve));
  titleNames(ctx, words);
  parenTitles(ctx, words);
  nameLists(ctx);
  groupNames(ctx);
  nameVerb(ctx);
  repeats(ctx);
}

/** After 等, do the next words show a list of people (等相关领导, 等人)? A one-character entry must follow 等 directly. */
function etcPeople(words: Set<string>, rest: string): boolean {
  for (const w of words) if (w.length === 1 ? rest.startsWith(w) : rest.includes(w)) return true;
  return false;
}
