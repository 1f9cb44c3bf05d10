/**
 * Bylines (记者 景静 通讯员 左学彬 周祎) and article openings (本报讯). Roles are data:
 * dictionaries/ingest/byline.json.
 */
import { BACKREFERENCE } from './clutter';
import { loadDictionary } from './paths';

interface BylineDictionary {
  reporter: string[];
  correspondent: string[];
  other: string[];
  nameMinLength: number;
  nameMaxLength: number;
  nameStopChars: string;
  ignoredTokens: string[];
  openings: string[];
  openingPatterns: string[];
  trailingRoles: string[];
  trailingRolePrefixes: string[];
}

export interface Byline {
  reporters: string[];
  correspondents: string[];
}

type Role = 'reporter' | 'correspondent' | 'other';

interface Compiled {
  /** Role words in NFKC (bylines are compared normalised), longest first, by their first code unit. */
  rolesByStart: Map<number, Array<[string, Role]>>;
  name: RegExp;
  stop: Set<string>;
  ignored: Set<string>;
  opening: RegExp;
  openingPatterns: RegExp[];
  /** Does any opening form match (opening or a pattern)? One test rejects most lines. Null when a
   *  pattern has a back-reference (its group numbers would shift in the alternation). */
  anyOpening: RegExp | null;
  /**
   * Does a line hold any of the role words a byline glued to the end of a line starts with (a search
   * for the literals: no u flag needed)? Null: there are none. And the place where such a byline starts.
   */
  anyTrailingRole: RegExp | null;
  trailing: RegExp;
}

let compiled: Compiled | null = null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function dict(): Compiled {
  if (compiled) return compiled;
  const d = loadDictionary<BylineDictionary>('ingest/byline.json');
  const roles: Array<[string, Role]> = [
    ...d.reporter.map((r) => [r, 'reporter'] as [string, Role]),
    ...d.correspondent.map((r) => [r, 'correspondent'] as [string, Role]),
    ...d.other.map((r) => [r, 'other'] as [string, Role]),
  ]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([r, role]) => [r.normalize('NFKC'), role] as [string, Role]);
  const openings = [...d.openings].sort((a, b) => b.length - a.length).map(escape);
  // 本报讯 at the start of a line (possibly after an opening bracket), not followed by more CJK that makes it a word.
  const opening = `^[【\\[(（]?\\s*(?:${openings.join('|')})(?=[\\s（(【\\]】)）:：,，\\d０-９一二三四五六七八九十近日前]|$)`;
  const rolesByStart = new Map<number, Array<[string, Role]>>();
  for (const role of roles) {
    const c = role[0].charCodeAt(0);
    rolesByStart.set(c, [...(rolesByStart.get(c) ?? []), role]);
  }
  compiled = {
    rolesByStart,
    stop: new Set([...(d.nameStopChars ?? '')]),
    ignored: new Set(d.ignoredTokens ?? []),
    name: new RegExp(`^[\\p{Script=Han}][\\p{Script=Han}·•]{${d.nameMinLength - 1},${d.nameMaxLength + 2}}$`, 'u'),
    opening: new RegExp(opening, 'u'),
    openingPatterns: d.openingPatterns.map((p) => new RegExp(p, 'u')),
    anyOpening: d.openingPatterns.some((p) => BACKREFERENCE.test(p))
      ? null
      : new RegExp([opening, ...d.openingPatterns].map((p) => `(?:${p})`).join('|'), 'u'),
    anyTrailingRole: d.trailingRoles.length ? new RegExp(d.trailingRoles.map(escape).join('|')) : null,
    trailing: new RegExp(
      `[。！？!?…”」』）)]\\s*(?=[(（【]?\\s*(?:${d.trailingRolePrefixes.map(escape).join('|')})?(?:${d.trailingRoles.map(escape).join('|')}))`,
      'gu',
    ),
  };
  return compiled;
}

function isName(token: string, max: number): boolean {
  const plain = token.replace(/[·•]/g, '');
  return dict().name.test(token) && plain.length <= max && !dict().stop.has(plain[0]);
}

/** leadClass values: not yet met, skipped before the first token, can start it with a role word, cannot. */
const LEAD_SKIP = 1;
const LEAD_ROLE = 2;
const LEAD_OTHER = 3;
/** Per code unit, filled as met: what its NFKC is at the start of a byline (see mayOpenWithRole). */
const leadClass = new Uint8Array(0x10000);
/** What parseByline passes over before the first token (white space, bullets, an opening bracket, 、:：), after NFKC. */
const LEAD_SKIPPED = /^[\s■□●◆▲△★☆◇○(\[【、:：]$/u;

function leadClassOf(c: number, rolesByStart: Map<number, unknown>): number {
  let k = leadClass[c];
  if (k !== 0) return k;
  if (c >= 0xd800 && c <= 0xdfff) k = LEAD_ROLE; // a surrogate: its character's NFKC is not looked at
  else {
    const n = String.fromCharCode(c).normalize('NFKC');
    let i = 0;
    while (i < n.length && LEAD_SKIPPED.test(n[i])) i++;
    k = i === n.length ? LEAD_SKIP : rolesByStart.has(n.charCodeAt(i)) ? LEAD_ROLE : LEAD_OTHER;
  }
  return (leadClass[c] = k);
}

/**
 * Can the text, once normalised, open with a role word after what parseByline passes over? Read on
 * the raw text: the first character whose NFKC is not all passed over must start with a role word's
 * first character. (NFKC makes every character's decomposition and composes: the role words' first
 * characters are CJK ideographs, which composing neither makes nor takes, and nothing composes with
 * the characters passed over; so the ideograph parseByline finds comes from one character's NFKC,
 * after characters that are all passed over.) Rejects most lines at their first character.
 */
function mayOpenWithRoleIn(text: string, rolesByStart: Map<number, unknown>): boolean {
  for (let i = 0; i < text.length; i++) {
    const k = leadClassOf(text.charCodeAt(i), rolesByStart);
    if (k !== LEAD_SKIP) return k === LEAD_ROLE;
  }
  return false;
}

/** mayOpenWithRoleIn with the dictionary's role words (for the tests). */
export function mayOpenWithRole(text: string): boolean {
  return mayOpenWithRoleIn(text, dict().rolesByStart);
}

/** Sentence punctuation: never in a byline (记者了解到，…). */
const SENTENCE_PUNCT = /[。！？!?；;，,“”"]/u;

/**
 * Parse a whole string as a byline, or return null. Accepts bracketed forms ((记者 张三)),
 * colons (记者：张三), names glued to the role (记者张三) and several names per role.
 */
export function parseByline(text: string): Byline | null {
  if (text.length > 80) return null;
  // Most lines are rejected before any normalising: a line that cannot open with a role word, or
  // holding sentence punctuation (NFKC keeps each of these or turns it into another of them: ，-> ,).
  if (!mayOpenWithRoleIn(text, dict().rolesByStart)) return null;
  if (SENTENCE_PUNCT.test(text)) return null;
  let t = text.normalize('NFKC').trim().replace(/^[■□●◆▲△★☆◇○]+\s*/u, '');
  const bracket = /^[(\[【]\s*(.*?)\s*[)\]】]$/u.exec(t);
  if (bracket) t = bracket[1];
  if (!t || t.length > 60) return null;
  // the first token must start with a role word: most lines are rejected here
  const first = /[^\s、:：]/u.exec(t);
  if (!first || !dict().rolesByStart.has(t.charCodeAt(first.index))) return null;
  // sentence punctuation never sits in a byline (记者了解到，…)
  if (SENTENCE_PUNCT.test(t)) return null;
  const tokens = t.split(/[\s、:：]+/u).filter(Boolean);
  const { rolesByStart } = dict();
  const out: Byline = { reporters: [], correspondents: [] };
  let role: Role | null = null;
  let sawName = false;
  let pendingRole = false;
  // (one place records a name: the rarer forms first met after optimisation deoptimised this function)
  for (const token of tokens) {
    if (sawName && !pendingRole && dict().ignored.has(token)) continue;
    const hit = roleAt(rolesByStart, token);
    let name: string;
    // a one-character role (文, 图) is also a surname: right after a role, or when what follows it
    // is no name, the whole token is the name (记者 文全, 记者 张三 文文华)
    if (hit && hit[0].length === 1 && role && token.length > 1 && isName(token, 4) && (pendingRole || !isName(token.slice(1), 3))) {
      name = token;
    } else if (hit) {
      // a role without names, except a credit that names its role next (文/图 本报记者 张三)
      if (pendingRole && role !== 'other') return null;
      role = hit[1];
      name = token.slice(hit[0].length);
      if (!name) {
        pendingRole = true;
        continue;
      }
      if (!isName(name, 3)) return null; // glued to its role: 记者张改华
    } else {
      if (!role || !isName(token, 4)) return null;
      name = token;
    }
    push(out, role, name);
    sawName = true;
    pendingRole = false;
  }
  if (!sawName || pendingRole) return null;
  return out;
}

/** The (longest) role word the token starts with. */
function roleAt(rolesByStart: Map<number, Array<[string, Role]>>, token: string): [string, Role] | undefined {
  const roles = rolesByStart.get(token.charCodeAt(0));
  if (roles) for (const r of roles) if (token.startsWith(r[0])) return r;
  return undefined;
}

function push(out: Byline, role: Role, name: string): void {
  if (role === 'reporter') out.reporters.push(name);
  else if (role === 'correspondent') out.correspondents.push(name);
}

/** Does the byline name anyone (reporter or correspondent)? */
export function bylineEmpty(b: Byline): boolean {
  return b.reporters.length === 0 && b.correspondents.length === 0;
}

/**
 * A byline at the end of a text line, after the sentence it follows (…盟”。记者 景静).
 * Returns the index where the byline starts, or -1.
 */
export function trailingBylineStart(line: string): number {
  const { anyTrailingRole, trailing: re } = dict();
  if (anyTrailingRole === null || !anyTrailingRole.test(line)) return -1; // most lines: no role word at all
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(line); m; m = re.exec(line)) last = m.index + m[0].length;
  if (last < 0) return -1;
  return parseByline(line.slice(last)) ? last : -1;
}

/** Length of the opening marker (本报讯, 新华社郑州9月19日电...) at the start of a line, or 0. */
export function openingLength(line: string): number {
  const d = dict();
  if (d.anyOpening && !d.anyOpening.test(line)) return 0;
  const m = d.opening.exec(line);
  if (m) return m[0].length;
  for (const p of d.openingPatterns) {
    const pm = p.exec(line);
    if (pm) return pm[0].length;
  }
  return 0;
}

/**
 * A bracketed byline right after the opening marker: 本报讯（记者 张三 通讯员 李四）9月19日... Returns
 * the byline and the length consumed, or null.
 */
export function openingByline(afterMarker: string): { byline: Byline; length: number } | null {
  const m = /^\s*([（(【\[])([^）)】\]]{2,60})([）)】\]])/u.exec(afterMarker);
  if (!m) return null;
  const byline = parseByline(m[2]);
  return byline ? { byline, length: m[0].length } : null;
}
