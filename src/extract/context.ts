/**
 * Shared state of one article's extraction: the segmented view, the dictionaries, and the
 * candidate mentions and links the rule families add. All spans here are view spans
 * ([vs, ve) into Segmented.view); index.ts maps them back to article text offsets.
 */
import type { Article, Entity, EntityType } from '../types';
import type { Segmented, Token } from '../segment';
import { type Dictionaries, FirstBit, type RelationWordKind } from './dictionaries';

export interface Cand {
  type: EntityType;
  /** Name in normalised view characters (white space removed). */
  key: string;
  vs: number;
  ve: number;
  ruleId: string;
  /** Title parse details (Title mentions only). */
  title?: TitleParse;
  /** A nested administrative unit inside a longer name. */
  nested?: boolean;
  /** The entity made of this candidate (set by index.ts, once per candidate). */
  entity?: Entity;
}

/**
 * A candidate with every field present, in one order: candidates of every rule then share one
 * hidden class, so the sites that read them (entityOf, the relation rules) stay monomorphic.
 */
export function cand(type: EntityType, key: string, vs: number, ve: number, ruleId: string, title?: TitleParse, nested?: boolean): Cand {
  return { type, key, vs, ve, ruleId, title, nested, entity: undefined };
}

export interface TitleParse {
  /** Where the jurisdiction/organ part ends and the role begins. */
  roleStart: number;
  /** Place stem before a level word (二七 in 二七区委书记), if any. */
  stem: string | null;
  /** The role shares the level word with the stem (二七区长). */
  sharedLevel: boolean;
  /** Organ part present (委, 民政局 …). */
  organEnd: number;
  orgStart: number;
  /** The organ was not in the dictionary (read by the generic fallback). */
  genericOrgan?: boolean;
}

export interface Link {
  type: 'HOLDS_TITLE' | 'INSPECTED' | 'ACCOMPANIED' | 'ATTENDED' | 'PART_OF';
  source: Cand;
  target: Cand;
  /** Evidence span (view). */
  vs: number;
  ve: number;
  ruleId: string;
}

export interface Ctx {
  article: Article;
  seg: Segmented;
  d: Dictionaries;
  V: string;
  /** view index -> sentence index */
  sentOf: Int32Array;
  /** view chars inside a person name or title */
  claimed: Uint8Array;
  /** view chars inside a person name */
  personMask: Uint8Array;
  persons: Cand[];
  titles: Cand[];
  entities: Cand[];
  links: Link[];
  /** Names of persons found in this article (view form). */
  personNames: Set<string>;
  /** The same names as a list (scanned at every name start: cheaper than iterating the Set). */
  personNameList: string[];
  /** Relation words by position (see relationIndex), built on first use. */
  rel?: RelationIndex;
  /** Candidate positions of the scans (see candidates), built on first use. */
  cands?: Candidates;
}

/**
 * The view indices, ascending, where a scan may find something (by Dictionaries.firstBits): one
 * pass over the text for all of them, instead of one pass per scan.
 */
export interface Candidates {
  /** a relation word may start here */
  relation: Int32Array;
  /** a gazetteer place may start here */
  gazetteer: Int32Array;
  /** a role or not-title word may start here */
  title: Int32Array;
  /** a group word may start here */
  group: Int32Array;
  /** a head word (entity-suffixes.txt) may end here (at this index + 1) */
  headLast: Int32Array;
}

export function candidates(ctx: Ctx): Candidates {
  if (ctx.cands) return ctx.cands;
  const { V } = ctx;
  const bits = ctx.d.firstBits;
  // (in reused arrays, valid until the next article: growing five fresh arrays by push cost ~4 KB an article)
  const relation = positions(PosSlot.Relation, V.length);
  const gazetteer = positions(PosSlot.Gazetteer, V.length);
  const title = positions(PosSlot.Title, V.length);
  const group = positions(PosSlot.Group, V.length);
  const headLast = positions(PosSlot.HeadLast, V.length);
  let nr = 0, ng = 0, nt = 0, nq = 0, nh = 0;
  for (let i = 0; i < V.length; i++) {
    const b = bits[V.charCodeAt(i)];
    if (!b) continue;
    if (b & FirstBit.Relation) relation[nr++] = i;
    if (b & FirstBit.Gazetteer) gazetteer[ng++] = i;
    if (b & FirstBit.Title) title[nt++] = i;
    if (b & FirstBit.Group) group[nq++] = i;
    if (b & FirstBit.HeadLast) headLast[nh++] = i;
  }
  return (ctx.cands = {
    relation: relation.subarray(0, nr),
    gazetteer: gazetteer.subarray(0, ng),
    title: title.subarray(0, nt),
    group: group.subarray(0, nq),
    headLast: headLast.subarray(0, nh),
  });
}

/** Reused position arrays (see candidates, relationIndex). */
const enum PosSlot {
  Relation,
  Gazetteer,
  Title,
  Group,
  HeadLast,
  RelationAt,
}
const posScratch: Int32Array[] = [];
/** An Int32Array of at least n entries in slot `slot` (contents undefined; valid until the slot is asked for again). */
function positions(slot: PosSlot, n: number): Int32Array {
  let b = posScratch[slot];
  if (!b || b.length < n) b = posScratch[slot] = new Int32Array(Math.max(n, 4096, b ? b.length * 2 : 0));
  return b;
}

/**
 * The longest relation word (relation-words.txt) starting at each view index, within its
 * sentence: what `d.relationTrie.longestAt(V, i, sentenceEnd)` gives, looked up once per article
 * for the rules that scan every position. len[i] is 0 where none starts.
 */
export interface RelationIndex {
  len: Uint8Array;
  /** index into RELATION_KINDS */
  kind: Uint8Array;
  /** The view indices where a relation word starts, ascending. */
  at: Int32Array;
}

/** The first k with at[k] >= i (at ascending). */
export function firstAtOrAfter(at: Int32Array, i: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
export const RELATION_KINDS: readonly RelationWordKind[] = [
  'visit', 'move', 'lead', 'accompany', 'attend', 'event', 'split', 'list-org', 'list-place', 'list-project', 'list-stop',
];
const KIND_INDEX = new Map(RELATION_KINDS.map((k, i) => [k, i]));

export function relationIndex(ctx: Ctx): RelationIndex {
  if (ctx.rel) return ctx.rel;
  const { V, d } = ctx;
  const len = zeroed(Slot.RelLen, V.length);
  const kind = zeroed(Slot.RelKind, V.length);
  const at = positions(PosSlot.RelationAt, V.length);
  let n = 0;
  const sentences = ctx.seg.sentences;
  for (const i of candidates(ctx).relation) {
    const m = d.relationTrie.longestAt(V, i, sentences[ctx.sentOf[i]].ve);
    if (!m) continue;
    len[i] = m.len;
    kind[i] = KIND_INDEX.get(m.value)!;
    at[n++] = i;
  }
  return (ctx.rel = { len, kind, at: at.subarray(0, n) });
}

/** d.relationTrie.longestAt(V, i, end of i's sentence), from the relation index. */
export function relationAt(ctx: Ctx, i: number): { len: number; value: RelationWordKind } | null {
  const rel = relationIndex(ctx);
  const len = rel.len[i];
  return len ? { len, value: RELATION_KINDS[rel.kind[i]] } : null;
}

export const isCJK = (ch: string | undefined): boolean => {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
};
export const isDigitOrLatin = (ch: string | undefined): boolean => {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
};
/** isCJK / isNameChar by char code (NaN, past the end of the text: false). */
export const isCJKCode = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;
export const isNameCode = (c: number): boolean =>
  (c >= 0x3400 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xb7;
/** char code -> 1 for each character of `chars`. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
/** Characters that can be part of a name (CJK, digits, Latin letters, a middle dot). */
export const isNameChar = (ch: string | undefined): boolean => isCJK(ch) || isDigitOrLatin(ch) || ch === '·';

export function tokenAt(ctx: Ctx, i: number): Token | undefined {
  const at = ctx.seg.tokenAt;
  // (checked here: a typed-array read past either end deoptimises every caller it is inlined in)
  if (i < 0 || i >= at.length) return undefined;
  const k = at[i];
  return k >= 0 ? ctx.seg.tokens[k] : undefined;
}

/** Record a person name found in this article (ctx.personNames and ctx.personNameList). */
export function addPersonName(ctx: Ctx, name: string): void {
  if (ctx.personNames.has(name)) return;
  ctx.personNames.add(name);
  ctx.personNameList.push(name);
}

/** A token boundary lies at view index i. */
export function isBoundary(ctx: Ctx, i: number): boolean {
  if (i <= 0 || i >= ctx.V.length) return true;
  return ctx.seg.tokenAt[i - 1] !== ctx.seg.tokenAt[i];
}

export function sentenceRange(ctx: Ctx, i: number): [number, number] {
  const s = ctx.seg.sentences[ctx.sentOf[Math.min(i, ctx.V.length - 1)]];
  return s ? [s.vs, s.ve] : [0, ctx.V.length];
}

/**
 * Per-article scratch arrays. Allocating a typed array costs about a microsecond (its own
 * ArrayBuffer), and an article needs a dozen: each rule takes a numbered slot, reused from one
 * article to the next (extraction is synchronous, so no two articles share a slot at once).
 */
const scratch: Uint8Array[] = [];
export const enum Slot {
  Claimed,
  PersonMask,
  AdminStops,
  InnerStops,
  SpanEnds,
  RoleEnd,
  TitleEnd,
  RelLen,
  RelKind,
}

/** A zero-filled Uint8Array of length n in slot `slot` (valid until the slot is asked for again). */
export function zeroed(slot: Slot, n: number): Uint8Array {
  let b = scratch[slot];
  if (!b || b.length < n) {
    b = scratch[slot] = new Uint8Array(Math.max(n, 4096, b ? b.length * 2 : 0));
    return b.subarray(0, n);
  }
  b.fill(0, 0, n);
  return b.subarray(0, n);
}

let sentScratch = new Int32Array(4096);
/** view index -> sentence index, in a reused array (valid until the next article). */
export function sentenceIndex(seg: Segmented): Int32Array {
  const n = seg.view.length;
  if (sentScratch.length < n) sentScratch = new Int32Array(Math.max(n, sentScratch.length * 2));
  const out = sentScratch.subarray(0, n);
  out.fill(0);
  const sents = seg.sentences;
  for (let k = 0; k < sents.length; k++) out.fill(k, sents[k].vs, sents[k].ve);
  return out;
}
