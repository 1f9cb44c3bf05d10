/**
 * Places, organisations and projects.
 *
 * Rules:
 *   place/suffix, organization/suffix, project/suffix
 *        a head word (entity-suffixes.txt) with a stem found by extending left over name-like
 *        jieba words; stops at boundary words (到, 在, 察看了 …), punctuation, persons,
 *        measure words after numbers, and at point-like sites (路口) and administrative units
 *   place/admin-nested   an administrative unit inside a longer name (二七区 in 二七区救助站)
 *   */
import type { EntityType } from '../types';
import type { SuffixInfo } from './dictionaries';
import type { Token } from '../segment';
import { type Ctx, RELATION_KINDS, Slot, cand, candidates, charTable, isBoundary, isCJK, isCJKCode, isNameChar, isNameCode, relationAt, relationIndex, tokenAt, zeroed } from './context';

const MAX_STEM = 24;
const PARTY = /(区|县|市|省|镇|乡|党|工)?委$/;
const LIST_SEP = '、';
const ETC = '等'.charCodeAt(0);
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const CLAUSE_OR_STOP = charTable(',，;；:：。');
/** Characters after a list item that end it, besides the conjunctions (rule-words.txt, kind conj): 、等,，。 */
const SEP_AFTER_CODE = charTable('、等,，。');
const LIST_SEP_CODE = LIST_SEP.charCodeAt(0);
const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nz', 'x', 'j', 'nt', 'nrfg']);
/** jieba tags of function words (pronoun, adverb, preposition, conjunction, measure, particles …). */
const FUNCTION_TAGS = new Set(['r', 'd', 'p', 'c', 'q', 'f', 'y', 'e', 'o', 'zg', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud']);
let spanEnds: Uint8Array = new Uint8Array(0);
/** Rule id of a head-word span, by type (one string each, not one built per span). */
const SUFFIX_RULE: Record<EntityType, string> = {
  Person: 'person/suffix',
  Title: 'title/suffix',
  Organization: 'organization/suffix',
  Place: 'place/suffix',
  Project: 'project/suffix',
  Event: 'event/suffix',
};

interface Span {
  type: EntityType;
  vs: number;
  ve: number;
  admin: boolean;
  ruleId: string;
  /** (always present, so that every span has one hidden class) */
  nested: boolean;
}

/**
 * A jieba token (`word`: the token's word or a piece of it) is a boundary word that ends a name
 * on its left. (The token is passed, not its tag: the tag is looked up only when the word
 * lists do not decide, its first reading being a lookup in a large table.)
 */
function isBoundaryToken(ctx: Ctx, word: string, tok: Token): boolean {
  const { d } = ctx;
  if (d.boundary.has(word)) return true;
  const k = d.relationWords.get(word);
  if (k !== undefined) {
    if (k === 'visit' || k === 'move' || k === 'lead' || k === 'accompany' || k === 'attend') return true;
  }
  const tag = tok.tag;
  if ((tag === 'p' || tag === 'c' || tag[0] === 'u' || tag === 'r' || tag === 'd' || tag === 'y' || tag === 'e' || tag === 'o') && !d.gazetteer.has(word)) return true;
  return false;
}

/**
 * Extend left from `ss` (the head's start). Returns the name's start and whether it is an item
 * of a list (in one reused object: read it at once). `adminStops` and `innerStops` mark where administrative units and point
 * sites end.
 */
function extendLeft(ctx: Ctx, ss: number, floor: number, head: SuffixInfo, adminStops: Uint8Array, innerStops: Uint8Array): { start: number; listItem: boolean } {
  // an item of an enumeration (城郊乡、河集乡、孙聚寨乡): the separator bounds the name
  if (head.type === 'Place') {
    let k = ss - 1;
    while (k >= floor && k > ss - 6 && isCJKCode(ctx.V.charCodeAt(k)) && !ctx.claimed[k]) k--;
    if (k >= floor && ctx.V.charCodeAt(k) === LIST_SEP_CODE && ss - k - 1 >= Math.max(2, head.minstem) && (sepAfterAt(ctx, ss + head.word.length) || (head.admin && ss - k - 1 <= 3 && plainStem(ctx, k + 1, ss + head.word.length)))) {
      return extendedTo(k + 1, true);
    }
  }
  const walked = walkLeft(ctx, ss, floor, head, adminStops, innerStops);
  // an item of a list of projects or bodies: from the separator (、后坪滑雪场项目), if the walk
  // stopped short of it at a function word
  if (head.type !== 'Place') {
    let k = walked - 1;
    while (k >= floor && walked - k <= 4 && isCJKCode(ctx.V.charCodeAt(k)) && !ctx.personMask[k]) k--;
    if (k >= floor && k < walked - 1 && ctx.V.charCodeAt(k) === LIST_SEP_CODE) {
      let plain = true;
      for (let q = k + 1; q < walked; q++) {
        const t = tokenAt(ctx, q);
        const kind = t ? ctx.d.relationWords.get(t.word) : undefined;
        if (kind === 'visit' || kind === 'move' || kind === 'lead' || (t && (/^(p|c|r|d|u.*)$/.test(t.tag) || (t.word.length >= 2 && ctx.d.boundary.has(t.word))))) plain = false;
      }
      if (plain) return extendedTo(k + 1, false);
    }
  }
  return extendedTo(walked, false);
}

/** extendLeft's result: one object, refilled by each call and read at once by its one caller (no allocation per head word). */
const extended = { start: 0, listItem: false };
function extendedTo(start: number, listItem: boolean): { start: number; listItem: boolean } {
  extended.start = start;
  extended.listItem = listItem;
  return extended;
}

/** A character that ends a list item (SEP_AFTER_CODE, or a conjunction) is at i (none past the end). */
function sepAfterAt(ctx: Ctx, i: number): boolean {
  if (i >= ctx.V.length) return false;
  const c = ctx.V.charCodeAt(i);
  return SEP_AFTER_CODE[c] === 1 || ctx.d.codes.conj[c] === 1;
}


/** No verb, adverb or adjective word in [a, b), and no generic word: 望山村 yes, 推广社区 / 推动城市 no. */
function plainStem(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; ) {
    const t = tokenAt(ctx, k);
    if (!t) return false;
    if (/^(v|vn|a|ad|d|p|c|r)$/.test(t.tag) || ctx.d.genericStems.has(t.word)) return false;
    k = t.ve;
  }
  return true;
}

function walkLeft(ctx: Ctx, ss: number, floor: number, head: SuffixInfo, adminStops: Uint8Array, innerStops: Uint8Array): number {
  const { V } = ctx;
  let cur = ss;
  let adminCrossed = 0;
  while (cur > floor) {
    if (innerStops[cur]) break;
    if (adminStops[cur]) {
      if (head.admin || adminCrossed >= 1) break;
      adminCrossed++;
    }
    const ch = V.charCodeAt(cur - 1);
    if (!isNameCode(ch) && ch !== CLOSE_PAREN && ch !== OPEN_PAREN) break;
    if (ch === CLOSE_PAREN) {
      // 北方(定州)再生资源产业基地, 中国(上海)自由贸易试验区: a place in parentheses inside the name
      const open = V.lastIndexOf('(', cur - 2);
      const inner = open >= 0 ? V.slice(open + 1, cur - 1) : '';
      if (open > floor && inner.length >= 2 && inner.length <= 5 && /^[\u3400-\u9fff]+$/.test(inner) && isNameChar(V[open - 1]) && !ctx.personMask[open - 1]) {
        cur = open;
        continue;
      }
    }
    if (ch === CLOSE_PAREN || ch === OPEN_PAREN) break;
    if (ctx.personMask[cur - 1]) break;
    const t = tokenAt(ctx, cur - 1);
    if (!t) break;
    let tokStart = Math.max(t.vs, floor);
    // a person name inside the token (陈红民到 as one jieba word): stop after it
    // (k runs one past the index it tests, so the rare exit needs no arithmetic of its own: no deopt when first taken)
    let personEnd = -1;
    for (let k = cur; k > tokStart; k--) if (ctx.personMask[k - 1]) { personEnd = k; break; }
    if (personEnd >= 0) {
      cur = personEnd;
      break;
    }
    const piece = tokStart === t.vs && t.ve === cur ? t.word : V.slice(tokStart, cur);
    // 人/和/街道: a one-character conjunction right before a too-short stem is part of the name
    if (t.ve === cur && (piece === '和' || piece === '与') && ss - cur < head.minstem && tokStart > floor) {
      const prev = tokenAt(ctx, tokStart - 1);
      // (but not 并与社区: a conjunction or adverb before it is not a name character)
      if (prev && prev.ve - prev.vs === 1 && isNameChar(V[tokStart - 1]) && !isBoundaryToken(ctx, prev.word, prev)) {
        cur = prev.vs;
        continue;
      }
    }
    if (t.ve === cur) {
      // 建设 ends a name (为建设全国…中心) except right before a project head (智慧社区建设项目)
      if (isBoundaryToken(ctx, piece, t) && !(head.type === 'Project' && ctx.d.projectVerbs.has(piece))) break;
      // (a verb between name words inside a company's name is part of it: 华电福新周宁/抽水/蓄能公司)
      const prevTok = tokenAt(ctx, tokStart - 1);
      // (also a brand that jieba cut into two single characters: 鑫/nr 达/v 化工有限公司)
      const sizesOk = !!prevTok && ((piece.length === 2 && prevTok.word.length >= 2) || (piece.length === 1 && prevTok.word.length === 1 && /^(nr|x|nz)$/.test(prevTok.tag)));
      const verbInName = head.type === 'Organization' && tokStart > floor && sizesOk && !!prevTok && prevTok.ve === tokStart && NAME_TAGS.has(prevTok.tag) && !isBoundaryToken(ctx, prevTok.word, prevTok) && !ctx.personMask[tokStart - 1] && !ctx.d.relationWords.has(piece);
      // (区社会治理综合服务中心: a verb after a noun that follows a level word is inside the name)
      const levelTok = prevTok ? tokenAt(ctx, prevTok.vs - 1) : undefined;
      const verbInPlace = head.type === 'Place' && piece.length === 2 && !!prevTok && prevTok.ve === tokStart && prevTok.tag === 'n' && prevTok.word.length >= 2 && !!levelTok && levelTok.ve === prevTok.vs && ctx.d.levels.includes(levelTok.word) && levelTok.vs >= floor;
      if (t.tag === 'v' && !verbInName && !verbInPlace && !ctx.d.gazetteer.has(piece) && !(head.type === 'Project' && ctx.d.projectVerbs.has(piece))) break;
      if (ctx.d.ruleWords.measure.has(piece) || (piece.length >= 2 && ctx.d.codes.measure[piece.charCodeAt(piece.length - 1)] === 1 && /[0-9一二三四五六七八九十百千两几多]/.test(piece[piece.length - 2]))) break;
      if (DATE_UNIT.has(piece.charCodeAt(piece.length - 1)) && isAsciiDigit(V.charCodeAt(cur - 2))) break; // 5月
      if (allAsciiDigits(piece) && ctx.d.codes.measure[V.charCodeAt(cur)] === 1) break;
    } else if (t.tag === 'x' && piece.length >= 2) {
      // an unknown jieba word that swallowed a function word: 到嵩山 …
      if (ctx.d.codes.boundary[piece.charCodeAt(piece.length - 1)] === 1) break;
    }
    // an HMM word that glued a conjunction after a unit (刘官营村和养/马庄/东羊八庄村): cut after it
    if (t.tag === 'x' && piece.length >= 3) {
      let cutAt = -1;
      for (let j = piece.length - 2; j >= 1; j--) {
        if (!ctx.d.codes.conj[piece.charCodeAt(j)]) continue;
        if (ctx.d.adminHeadCode[piece.charCodeAt(j - 1)] === 1) {
          cutAt = tokStart + j + 1;
          break;
        }
      }
      if (cutAt > 0) {
        cur = cutAt;
        break;
      }
    }
    // x-tagged HMM words may start with a function word (到世贸, 及马寨): cut there
    if (piece.length >= 2 && ((t.tag === 'x' && ctx.d.codes.cut[piece.charCodeAt(0)] === 1) || (ctx.d.codes.conj[piece.charCodeAt(0)] === 1 && spanEnds[tokStart]))) {
      cur = tokStart + 1;
      break;
    }
    if (ss - tokStart > MAX_STEM) break;
    cur = tokStart;
  }
  // a function word left at the start (及县政府办公室 after a name jieba cut wrongly)
  // (not when jieba reads a place word starting there: 于田县)
  while (cur < ss && ctx.d.codes.cut[V.charCodeAt(cur)] === 1 && !ctx.d.gazetteerTrie.longestLenAt(V, cur) && !placeWordAt(ctx, cur)) cur++;
  // nothing of the name before the parentheses (他说(张三)公司): the stem starts after them
  if (V[cur] === '(') {
    const close = V.indexOf(')', cur);
    if (close > 0 && close < ss) cur = close + 1;
  }
  return cur;
}

/** Some character of V[a, b) is CJK or a Latin letter (/[\u3400-\u9fffA-Za-z]/). */
function hasLetter(V: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = V.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

function stemOk(ctx: Ctx, start: number, ss: number, head: SuffixInfo, listItem = false): boolean {
  const { V, d } = ctx;
  const stem = V.slice(start, ss);
  if (stem.length < head.minstem) return false;
  if (!stem.length) return head.minstem === 0;
  if (d.genericStems.has(stem)) return false;
  if (d.determiners.longestLenAt(V, start, ss)) return false;
  if (d.codes.blockBefore[V.charCodeAt(ss - 1)] === 1) return false;
  if (!hasLetter(V, start, ss)) return false;
  // the word just before the head is a modifier (老旧小区, 特色小区)
  const t = tokenAt(ctx, ss - 1);
  if (t && t.ve === ss && d.modifiers.has(t.word)) return false;
  if (d.modifiersRev.longestLenEndingAt(V, ss, start)) return false; // the stem ends with a modifier
  // 调研疫情防控社区责任体系: a stem of several words ending in a verb is an activity, not a name
  if (head.admin && head.type === 'Place' && t && t.ve === ss && t.vs > start && (t.tag === 'v' || t.tag === 'vn') && !listItem) return false;
  // a stem that begins with a bare administrative head word (街道荆花社区) is a broken name
  if (d.adminHeadFirst[V.charCodeAt(start)] === 1) {
    for (let k = 2; k <= 3 && k < stem.length; k++) {
      const h = d.suffixes.get(stem.slice(0, k));
      if (h && h.admin) return false;
    }
  }
  if (listItem) return true;
  // a project named only by a place (保康项目) or a bare verb (入园项目) is generic
  if (head.type === 'Project') {
    const tk = tokenAt(ctx, start);
    if (tk && tk.vs === start && tk.ve === ss && (/^(ns|v|vn|a|ad|an|d)$/.test(tk.tag) || d.gazetteer.has(tk.word))) return false;
  }
  // a one-character head inside a common jieba word (道路, 干部, 城市) is not a head
  if (head.word.length === 1) {
    const tk = tokenAt(ctx, ss);
    if (tk && tk.vs < ss) {
      if (d.genericStems.has(tk.word) || (ss - tk.vs < 2 && tk.tag !== 'x')) return false;
    }
  }
  // the stem is made of generic words only (城区街道办事处, 基层政府)
  {
    let k = start;
    let allGeneric = true;
    while (k < ss) {
      const tk = tokenAt(ctx, k);
      if (!tk) break;
      const w = tk.vs >= start && tk.ve <= ss ? tk.word : V.slice(Math.max(tk.vs, start), Math.min(tk.ve, ss));
      if (!d.genericStems.has(w)) {
        allGeneric = false;
        break;
      }
      k = Math.min(tk.ve, ss);
    }
    if (allGeneric && head.type !== 'Project') return false;
  }
  // heads of government bodies need a jurisdiction as stem (二七区人民政府, 区政府, 县委)
  if (head.placeStem) {
    const last = d.levelsRev.longestLenEndingAt(V, ss, start);
    const g = d.gazetteerRev.longestLenEndingAt(V, ss, start);
    if (!last && !g) return false;
  }
  // single-character administrative heads need a proper-name stem (not 全区, 城区, 市区)
  if (head.admin && head.word.length === 1) {
    const g = d.gazetteerRev.longestLenEndingAt(V, ss, start);
    // (慈/nr 口/q 村: a two-character name that jieba cut into single characters)
    const one = tokenAt(ctx, ss - 1);
    const before = tokenAt(ctx, ss - 2);
    const cutName = start === ss - 2 && !!one && !!before && one.vs === ss - 1 && before.vs === start && before.ve === ss - 1 && /^(nr|nz|ns)$/.test(before.tag) && /^(q|n|ng|nr|nz|ns|x)$/.test(one.tag) && !d.ruleWords.numeral.has(before.word);
    if (!g && !cutName) {
      const tk = tokenAt(ctx, ss - 1);
      if (!tk) return false;
      if (tk.ve > ss) {
        // the head is inside a jieba word (城区, 全区, 小区)
        // (a whole jieba word X区/X县 of three or more characters, tagged n, is a name too: 鼓楼区)
        const wholeWord = tk.tag === 'n' && tk.vs === start && tk.ve === ss + head.word.length && tk.word.length >= 3 && !d.genericStems.has(tk.word);
        if (!(tk.tag === 'ns' || tk.tag === 'nr' || tk.tag === 'nz' || tk.tag === 'x' || tk.tag === 'j' || wholeWord)) return false;
      } else if (FUNCTION_TAGS.has(tk.tag) || (tk.ve - tk.vs < 2 && tk.tag !== 'ns')) return false;
      if (tk.vs > start && tk.word.length < 2 && tk.tag !== 'ns' && tk.tag !== 'x') return false;
    }
  }
  return true;
}

function rightOk(ctx: Ctx, e: number, sentEnd: number): boolean {
  const { V, d } = ctx;
  if (e >= sentEnd) return true;
  if (d.blockAfterLong.longestLenAt(V, e)) return false;
  if (isBoundary(ctx, e)) {
    const next = tokenAt(ctx, e);
    return !(next && next.ve - next.vs === 1 && d.codes.blockAfter[V.charCodeAt(e)] === 1);
  }
  if (d.codes.blockAfter[V.charCodeAt(e)] === 1) return false;
  const t = tokenAt(ctx, e);
  if (t && t.tag === 'x') return true;
  // jieba glued a function word to a two-character head (区委以): still a head
  const hs = d.suffixesRev.longestEndingAt(V, e);
  if (!hs || hs.len < 2) return false;
  const r = d.relationTrie.longestAt(V, e);
  // jieba glued two administrative heads (方桥/街道社区/卫生服务中心): the first still ends a name
  const nextHead = d.suffixes.get(V.slice(e, e + 2));
  if (hs.value.admin && nextHead && nextHead.admin) return true;
  return d.codes.boundary[V.charCodeAt(e)] === 1 || (!!r && r.value !== 'event' && !r.value.startsWith('list'));
}

/** Include a short parenthesis right after a name: 实验室(北邮), 中学(政通校区). */
function withParen(ctx: Ctx, e: number, sentEnd: number): number {
  const { V } = ctx;
  if (V[e] !== '(') return e;
  const close = V.indexOf(')', e + 1);
  if (close < 0 || close >= sentEnd || close - e - 1 > 8 || close - e - 1 < 2) return e;
  const inner = V.slice(e + 1, close);
  if (/简称|以下|下称|即|含/.test(inner) || !/^[\u3400-\u9fff0-9A-Za-z]+$/.test(inner)) return e;
  return close + 1;
}

function suffixSpans(ctx: Ctx): Span[] {
  const { V, d } = ctx;
  const spans: Span[] = [];
  const adminStops = zeroed(Slot.AdminStops, V.length + 1);
  const innerStops = zeroed(Slot.InnerStops, V.length + 1);
  spanEnds = zeroed(Slot.SpanEnds, V.length + 1);
  const titleParty = new Set<number>();
  for (const t of ctx.titles) if (t.title && t.title.organEnd === t.title.roleStart && PARTY.test(V.slice(t.title.orgStart, t.title.organEnd))) titleParty.add(t.title.organEnd);
  const roleEnd = zeroed(Slot.RoleEnd, V.length + 1);
  for (const t of ctx.titles) if (t.title) for (let k = t.title.roleStart + 1; k <= t.ve; k++) roleEnd[k] = 1;
  // each position where a head word may end, left to right (sentence by sentence)
  for (const last of candidates(ctx).headLast) {
    const e = last + 1;
    const sent = ctx.seg.sentences[ctx.sentOf[last]];
    // only the longest head counts
    const found = d.suffixesRev.longestEndingAt(V, e, sent.vs);
    if (!found) continue;
    if (ctx.personMask[e - 1]) continue;
    if (!rightOk(ctx, e, sent.ve)) continue;
    const head = found.value;
    const ss = e - found.len;
    if (roleEnd[e]) continue; // 市委常委: the head is the end of a role, not of a body
    if (head.type === 'Organization' && titleParty.has(e)) continue;
    // the head must start on a jieba boundary, or inside a word that is a name (二七区)
    const { start, listItem } = extendLeft(ctx, ss, sent.vs, head, adminStops, innerStops);
    if (!stemOk(ctx, start, ss, head, listItem)) continue;
    const end = withParen(ctx, e, sent.ve);
    spans.push({ type: head.type, vs: start, ve: end, admin: head.admin, ruleId: SUFFIX_RULE[head.type], nested: false });
    spanEnds[end] = 1;
    if (head.admin) adminStops[e] = 1;
    if (!head.inner) innerStops[e] = 1;
  }
  return spans;
}

/** Lists typed by what closes them: A、B、C等单位 / 等项目 / 等处. */
function listSpans(ctx: Ctx, spans: Span[]): Span[] {
  const { V, d } = ctx;
  const out: Span[] = [];
  // a list word (等单位, 等项目 …) is a relation word: only the relation index's positions can hold one
  const sentences = ctx.seg.sentences;
  const relAt = relationIndex(ctx).at;
  for (let r = 0; r < relAt.length; r++) {
    const i = relAt[r];
    if (V.charCodeAt(i) !== ETC) continue;
    const sent = sentences[ctx.sentOf[i]];
    if (i < sent.vs || i >= sent.ve) continue; // (outside every sentence: never scanned)
    const m = relationAt(ctx, i);
    if (!m || !m.value.startsWith('list-') || m.value === 'list-stop') continue;
    const type: EntityType = m.value === 'list-org' ? 'Organization' : m.value === 'list-project' ? 'Project' : 'Place';
    // items: back over 、 separators
    const items: Array<[number, number]> = [];
    let end = i;
    let a = i - 1;
    for (;;) {
      while (a >= sent.vs && V[a] !== LIST_SEP && V[a] !== '，' && V[a] !== ',' && V[a] !== '：' && V[a] !== '“' && V[a] !== '”' && V[a] !== '"') a--;
      const start = a + 1;
      let hasBoundary = false;
      for (let q = start; q < end; q++) {
        const t = tokenAt(ctx, q);
        const k = t && t.vs >= start && t.ve <= end ? ctx.d.relationWords.get(t.word) : undefined;
        if (k === 'visit' || k === 'move' || k === 'lead' || k === 'accompany' || k === 'attend') hasBoundary = true;
        if (ctx.personMask[q]) hasBoundary = true;
      }
      if (V[a] === LIST_SEP && !hasBoundary) {
        items.unshift([start, end]);
        end = a;
        a--;
        continue;
      }
      // first item: cut at a boundary word (加快, 由 …) but not at 与/和 inside it
      items.unshift([start, end]);
      break;
    }
    if (items.length < 2) continue;
    // trim the first item on its left at boundary tokens
    // (items are read by index, not destructured: array destructuring compiles to the whole iterator protocol)
    const fs = items[0][0];
    const fe = items[0][1];
    let s0 = fs;
    for (let k = fe - 1; k >= fs; k--) {
      const t = tokenAt(ctx, k);
      if (!t || t.vs < fs) break;
      if (t.ve <= fe && t.vs >= fs && isBoundaryToken(ctx, t.word, t) && !ctx.d.ruleWords.conj.has(t.word)) {
        s0 = t.ve;
        break;
      }
      if (t.tag === 'x' && t.word.length >= 2 && ctx.d.ruleWords.cut.has(t.word[0]) && t.vs >= fs) {
        s0 = t.vs + 1;
        break;
      }
      k = t.vs;
    }
    while (s0 < fe && ctx.d.ruleWords.cut.has(V[s0])) s0++;
    items[0] = [s0, fe];
    // 金瑞名城二期以及凤凰山庄二期建筑工地等处: an item joined by 以及/及/和/与 is two items
    for (let n = 0; n < items.length && type === 'Place'; n++) {
      const s = items[n][0];
      const e = items[n][1];
      for (let q = s + 2; q < e - 2; q++) {
        const t = tokenAt(ctx, q);
        if (t && t.vs === q && t.ve <= e - 2 && (t.word === '以及' || t.word === '及' || t.word === '和') && t.tag === 'c') {
          items.splice(n, 1, [s, q], [t.ve, e]);
          break;
        }
      }
    }
    for (const item of items) {
      const s = item[0];
      const e = item[1];
      if (e - s < 2 || e - s > 26) continue;
      if (ctx.persons.some((p) => p.vs < e && p.ve > s)) continue;
      if (d.genericStems.has(V.slice(s, e)) || d.departments.has(V.slice(s, e))) continue;
      // an item with a head word of its own keeps that head's type (…有限公司 in a list of 等地)
      const own = d.suffixesRev.longestEndingAt(V, e, s);
      // 沿街门店, 商场超市 in a list of 等处: common words only (each a whole jieba word), no name
      if (type === 'Place' && !own && commonWordsOnly(ctx, s, e)) continue;
      const ty: EntityType = own && e - s > own.len && type === 'Place' ? own.value.type : type;
      out.push({ type: ty, vs: s, ve: e, admin: false, ruleId: `${ty.toLowerCase()}/list-${m.value.slice(5)}`, nested: false });
    }
  }
  // list items replace suffix spans inside them; administrative units inside stay (nested),
  // except inside organisation names (河南省 in 河南省教育科研网)
  const kept = spans.filter(
    (sp) => !out.some((x) => x.vs <= sp.vs && x.ve >= sp.ve && (x.ve - x.vs === sp.ve - sp.vs || !sp.admin || x.type === 'Organization')),
  );
  return out.concat(kept);
}

/** Some word of `words` starts at i. */
function orgAfterAt(words: Set<string>, V: string, i: number): boolean {
  for (const w of words) if (V.startsWith(w, i)) return true;
  return false;
}

/** A jieba place word of three or more characters starts at i (于田县). */
function placeWordAt(ctx: Ctx, i: number): boolean {
  const t = tokenAt(ctx, i);
  if (!t || t.vs !== i || t.ve - t.vs < 3) return false;
  return ctx.d.adminHeadCode[t.word.charCodeAt(t.word.length - 1)] === 1;
}

/** [a, b) is made of common jieba words of two or more characters (门店, 商场), none of them a name. */
function commonWordsOnly(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; ) {
    const t = tokenAt(ctx, k);
    if (!t || t.vs < a || t.ve > b || t.ve - t.vs < 2 || !/^(n|v|vn|f|a|d|ad|an|i|l)$/.test(t.tag) || ctx.d.gazetteer.has(t.word)) return false;
    k = t.ve;
  }
  return true;
}

/** Known places without a head word (郑州, 河南), not inside a longer name. */
function gazetteerSpans(ctx: Ctx, spans: Span[]): Span[] {
  const { V, d } = ctx;
  const out: Span[] = [];
  let next = 0; // (after a place, the next one starts past it)
  for (const i of candidates(ctx).gazetteer) {
    if (i < next) continue;
    const m = d.gazetteerTrie.longestAt(V, i);
    if (!m) continue;
    const e = i + m.len;
    if (!isBoundary(ctx, i) || !isBoundary(ctx, e)) continue;
    if (ctx.claimed[i]) continue;
    if (coversSpan(spans, i, e)) continue;
    if (d.codes.blockAfter[V.charCodeAt(e)] === 1) continue;
    out.push({ type: m.value.type, vs: i, ve: e, admin: m.value.admin, ruleId: 'place/gazetteer', nested: false });
    next = e;
  }
  return out;
}

/**
 * Items of a visit list that run on past a recognised place (嵩山路关照先生 in
 * 察看了…二七广场游园和嵩山路关照先生): the whole item is the site.
 */
function visitListItems(ctx: Ctx, spans: Span[]): Span[] {
  const { V, d } = ctx;
  const out: Span[] = [];
  const rel = relationIndex(ctx);
  const VISIT = RELATION_KINDS.indexOf('visit');
  // visit words left to right; the items after one are read up to the clause end, and the
  // next visit word is looked for after them (in the same sentence)
  let lastSent = -1;
  let next = 0;
  for (const i of rel.at) {
    if (rel.kind[i] !== VISIT) continue;
    const si = ctx.sentOf[i];
    if (si === lastSent && i < next) continue;
    if (!isBoundary(ctx, i)) continue;
    const sent = ctx.seg.sentences[si];
    let a = i + rel.len[i];
    if (V[a] === '了') a++;
    // items up to the clause end
    let end = a;
    while (end < sent.ve && !CLAUSE_OR_STOP[V.charCodeAt(end)]) end++;
    let p = a;
    while (p < end) {
      const sp = spans.filter((x) => x.vs === p && x.ve <= end).sort((x, y) => y.ve - y.vs - (x.ve - x.vs))[0];
      if (!sp) break;
      let q = sp.ve;
      // the item ends at the next separator
      let r = q;
      while (r < end && V[r] !== '、' && !(ctx.d.codes.conj[V.charCodeAt(r)] && isBoundary(ctx, r) && isBoundary(ctx, r + 1))) r++;
      const tail = V.slice(q, r);
      // 调研鼓楼区社区工作情况: an item that ends in a topic word is a matter, not a site
      const topic = [2, 3, 4].some((L) => tail.length >= L && d.ruleWords.topic.has(tail.slice(-L)));
      if (!topic && tail.length >= 2 && tail.length <= 4 && !tail.startsWith('等') && /^[\u3400-\u9fff]+$/.test(tail) && !spans.some((x) => x.vs >= q && x.vs < r)) {
        const last = tokenAt(ctx, r - 1);
        if (last && last.ve === r && /^(n|nr|nz|x|ns|nt)$/.test(last.tag) && !d.genericStems.has(last.word)) {
          out.push({ type: 'Place', vs: p, ve: r, admin: false, ruleId: 'place/visit-list-item', nested: false });
          q = r;
        }
      }
      p = Math.max(q, r) + (r < end ? 1 : 0);
    }
    lastSent = si;
    next = end + 1;
  }
  return out;
}

/**
 * A place or project span that is a slogan: it begins numeral+word, numeral+word (百县千镇,
 * 一村一品), or it fills a pair of quotes and begins with a numeral (“四好农村路”).
 */
function isSlogan(ctx: Ctx, s: Span): boolean {
  const { V } = ctx;
  const num = ctx.d.ruleWords.numeral;
  if (!num.has(V[s.vs])) return false;
  if (s.ve - s.vs >= 4 && !num.has(V[s.vs + 1]) && num.has(V[s.vs + 2]) && !num.has(V[s.vs + 3])) return true;
  // (bounds checked: reading past the text's ends deoptimises)
  return /[“"‘]/.test(s.vs > 0 ? V[s.vs - 1] : '') && /[”"’]/.test(s.ve < V.length ? V[s.ve] : '');
}

const DATE_UNIT = new Set([...'年月日'].map((c) => c.charCodeAt(0)));
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
function allAsciiDigits(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) if (!isAsciiDigit(s.charCodeAt(i))) return false;
  return true;
}

// (the span tests below are loops, not some/find with a closure made per span: they run for every pair of spans)

/** Some span covers [a, b). */
function coversSpan(spans: Span[], a: number, b: number): boolean {
  for (let k = 0; k < spans.length; k++) if (spans[k].vs <= a && spans[k].ve >= b) return true;
  return false;
}

/** An administrative place starts inside s and ends after it (s is cut wrongly across its start). */
function unitAcrossEnd(spans: Span[], s: Span): boolean {
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k];
    if (a.admin && a.type === 'Place' && a.vs > s.vs && a.vs < s.ve && a.ve > s.ve) return true;
  }
  return false;
}

/** The first other span that contains s and is longer. */
function longerAround(spans: Span[], s: Span): Span | undefined {
  for (let k = 0; k < spans.length; k++) {
    const o = spans[k];
    if (o !== s && o.vs <= s.vs && o.ve >= s.ve && o.ve - o.vs > s.ve - s.vs) return o;
  }
  return undefined;
}

/** A span of `list` has the same bounds as s. */
function sameSpanIn(list: Span[], s: Span): boolean {
  for (let k = 0; k < list.length; k++) if (list[k].vs === s.vs && list[k].ve === s.ve) return true;
  return false;
}

export function extractEntities(ctx: Ctx): void {
  const { V } = ctx;
  let spans = suffixSpans(ctx);
  spans = listSpans(ctx, spans);
  spans = spans.concat(visitListItems(ctx, spans));
  spans = spans.concat(gazetteerSpans(ctx, spans));
  // slogans and campaigns: 百县千镇万村…工程, 一村一品, “四好农村路”
  spans = spans.filter((s) => s.type === 'Organization' || !isSlogan(ctx, s));
  // 五一路街道五一路社区: a name that runs into an administrative unit (五一路社区) across its
  // start is cut wrongly; the unit wins
  spans = spans.filter((s) => s.admin || !unitAcrossEnd(spans, s));
  // drop spans nested in a longer one, except administrative units (kept, marked nested)
  const keep: Span[] = [];
  for (const s of spans) {
    const outer = longerAround(spans, s);
    if (outer) {
      if (s.admin && s.type === 'Place') keep.push({ type: s.type, vs: s.vs, ve: s.ve, admin: s.admin, ruleId: 'place/admin-nested', nested: true });
      continue;
    }
    if (sameSpanIn(keep, s)) continue;
    keep.push(s);
  }
  for (const s of keep) {
    let type = s.type;
    // a centre followed by 负责人 / a role is an organisation
    if (type === 'Place' && /中心$/.test(V.slice(s.vs, s.ve))) {
      if (orgAfterAt(ctx.d.ruleWords['org-after'], V, s.ve) || ctx.d.roles.longestLenAt(V, s.ve)) type = 'Organization';
    }
    // organisations inside a title are still organisations; a bare title organ (区委) too
    ctx.entities.push(cand(type, V.slice(s.vs, s.ve), s.vs, s.ve, s.ruleId, undefined, s.nested));
  }
  // organisations named inside titles: 区民政局 (局长), 二七区委 (书记)
  for (const t of ctx.titles) {
    const p = t.title;
    if (!p || p.organEnd <= p.orgStart || p.genericOrgan) continue;
    if (ctx.entities.some((e) => e.vs === p.orgStart && e.ve === p.organEnd)) continue;
    const key = V.slice(p.orgStart, p.organEnd);
    if (key.length < 2 || PARTY.test(key) || /^(中共|中央|国家)/.test(key)) continue;
    // a bare organ (管委会主任) names no particular body
    if (ctx.d.titleParts.get(key) === 'organ') continue;
    ctx.entities.push(cand('Organization', key, p.orgStart, p.organEnd, 'organization/title-organ'));
  }
  void isCJK;
}
