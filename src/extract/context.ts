/**
 * Shared state of one article's extraction: the segmented view, the dictionaries, and the
 * candidate mentions and links the rule families add. All spans here are view spans
 * ([vs, ve) into Segmented.view); index.ts maps them back to article text offsets.
 */
import type { Article, EntityType } from '../types';
import type { Segmented, Token } from '../segment';
import type { Dictionaries } from './dictionaries';

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
/** Characters that can be part of a name (CJK, digits, Latin letters, a middle dot). */
export const isNameChar = (ch: string | undefined): boolean => isCJK(ch) || isDigitOrLatin(ch) || ch === '·';

export function tokenAt(ctx: Ctx, i: number): Token | undefined {
  const k = ctx.seg.tokenAt[i];
  return k >= 0 ? ctx.seg.tokens[k] : undefined;
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
