/**
 * Relations between the entities found: INSPECTED, ACCOMPANIED, ATTENDED, PART_OF.
 *
 * Rules:
 *   inspected/visit-verb    person … 察看/调研/走访 … site(s) after the verb, in the clause and in
 *                           following clauses of the sentence that continue the visit
 *   inspected/move-verb     person … 到/来到/前往/深入 site … (调研)
 *   inspected/carry-over    a sentence with no subject of its own continues the last visitor's visit
 *   accompanied/escort      在A陪同下 / A陪同: A accompanies the visit's subject
 *   attended/event          person … 出席/参加 … event (会议, 签约仪式)
 *   part-of/adjacent        二七区人和路街道 -> 人和路街道 PART_OF 二七区
 *   part-of/home            a 街道/镇/乡 of an article about the home district is part of it
 */
import { type Cand, type Ctx, RELATION_KINDS, cand, charTable, firstAtOrAfter, isBoundary, relationAt, relationIndex, tokenAt } from './context';
import type { RelationWordKind } from './dictionaries';

interface Word {
  kind: RelationWordKind;
  vs: number;
  ve: number;
}

/** Scratch for relationWords: the relation words starting at one position (d.relationTrie.allInto). */
const allLens: number[] = [];
const allKinds: RelationWordKind[] = [];

function relationWords(ctx: Ctx, vs: number, ve: number): Word[] {
  const { V, d } = ctx;
  const out: Word[] = [];
  const rel = relationIndex(ctx);
  // the positions where a relation word starts, left to right; after a word, past its end
  let next = vs;
  for (let w = firstAtOrAfter(rel.at, vs); w < rel.at.length && rel.at[w] < ve; w++) {
    const i = rel.at[w];
    if (i < next || ctx.claimed[i]) continue;
    const count = d.relationTrie.allInto(V, i, ve, allLens, allKinds);
    // longest match that starts on a jieba boundary and ends on one
    for (let k = count - 1; k >= 0; k--) {
      const len = allLens[k];
      const kind = allKinds[k];
      // a visit word may end a longer jieba word (仔细检查, 实地察看)
      if (!isBoundary(ctx, i) && kind !== 'move' && !(kind === 'visit' && len >= 2 && isBoundary(ctx, i + len))) continue;
      // 督查中，/ 调研期间，: a visit word framing the sentence is not a visit of its own
      if (kind === 'visit' && (/^(中|期间|过程中)[，,]/.test(V.slice(i + len, i + len + 4)))) break;
      const gluedToSite = kind === 'move' && siteStartsAt(ctx.entities, i + len);
      if (!isBoundary(ctx, i + len) && kind !== 'visit' && !gluedToSite) continue;
      // 督查 in 市政府督查室: a word inside the name of a body or a site is not a verb
      if (!isBoundary(ctx, i + len) && siteAround(ctx.entities, i, i + len)) continue;
      // (赴大/峃镇: a one-character move verb glued to the site that follows it still counts)
      if (kind === 'move' && len === 1 && !isBoundary(ctx, i + 1) && !ctx.persons.some((p) => p.ve === i) && !gluedToSite) continue;
      out.push({ kind, vs: i, ve: i + len });
      next = i + len;
      break;
    }
  }
  return out;
}

const CLAUSE_CODE = charTable('，,；;：:');

export function extractRelations(ctx: Ctx, reporters: Set<string>): void {
  const { V, d } = ctx;
  const sites = ctx.entities.filter((e) => e.type === 'Place' || e.type === 'Organization' || e.type === 'Project');
  const persons = ctx.persons.filter((p) => !reporters.has(p.key)).sort((a, b) => a.vs - b.vs);
  let carry: Cand[] = [];
  const seenPair = new Set<string>();
  const push = (type: Ctx['links'][number]['type'], s: Cand, t: Cand, vs: number, ve: number, ruleId: string) => {
    const k = `${type}|${s.key}|${t.key}`;
    if (seenPair.has(k)) return;
    seenPair.add(k);
    ctx.links.push({ type, source: s, target: t, vs: Math.min(vs, t.vs, s.vs), ve: Math.max(ve, t.ve, s.ve), ruleId });
  };

  for (const sent of ctx.seg.sentences) {
    const words = relationWords(ctx, sent.vs, sent.ve);
    // (most sentences have no visit word: their lists are made only when needed)
    if (!hasVisitWord(words)) {
      // 市领导A、B、C分别陪同。: a sentence of companions keeps the visit going, and they accompany its subject
      const acc = firstAccompany(words);
      if (acc && carry.length) {
        for (const p of personsIn(persons, sent.vs, sent.ve)) if (p.ve <= acc.vs && !carry.includes(p) && !carry.some((c) => c.key === p.key)) for (const m of carry) push('ACCOMPANIED', p, m, p.vs, acc.ve, 'accompanied/escort');
      } else if (hasPersonIn(persons, sent.vs, sent.ve)) carry = [];
      continue;
    }
    const inSent = personsIn(persons, sent.vs, sent.ve);
    const visitWords = words.filter((w) => w.kind === 'visit' || w.kind === 'move');
    const first = visitWords[0];
    // subject: the persons closest before the first visit/move word
    const before = inSent.filter((p) => p.ve <= first.vs);
    let subject: Cand[] = [];
    let rule = 'inspected/visit-verb';
    if (before.length) {
      // the last run of persons (a list 陈红民、苏建设 … counts as one run)
      const lastP = before[before.length - 1];
      const run = [lastP];
      for (let k = before.length - 2; k >= 0; k--) {
        // persons joined by 、和与及 (and commas), with only titles between them, act together
        let gap = '';
        for (let q = before[k].ve; q < run[0].vs; q++) if (!ctx.claimed[q]) gap += V[q];
        // (the 、 inside a chain of titles, 县委常委、宣传部长, is part of the gap)
        if (/^[、,，]*[和与及]?[、,，]*$/.test(gap) && gap.length <= 3) run.unshift(before[k]);
        else break;
      }
      subject = run;
      // 在A陪同下，B来到…: the persons of the 在…陪同下 clause before B accompany B
      const accBefore = words.find((w) => w.kind === 'accompany' && w.ve <= run[0].vs && w.vs > sent.vs && /在/.test(V.slice(sent.vs, w.vs)));
      if (accBefore) for (const a of before) if (a.ve <= accBefore.vs && !run.includes(a)) for (const m of run) push('ACCOMPANIED', a, m, a.vs, accBefore.ve, 'accompanied/escort');
      const between = V.slice(lastP.ve, first.vs);
      // 在A陪同下 / A陪同: A is not the visitor
      const acc = words.find((w) => w.kind === 'accompany' && w.vs >= lastP.ve && w.vs < first.vs);
      if (acc) {
        const main = before.filter((p) => p.ve <= run[0].vs && !V.slice(p.ve, run[0].vs).includes('陪同'));
        for (const a of run) for (const m of main) push('ACCOMPANIED', a, m, a.vs, acc.ve, 'accompanied/escort');
        // A、B陪同此次调研: the visitor is not named here; the companions are not visitors
        subject = main.length ? [main[main.length - 1]] : /在[^，,。]*$/.test(V.slice(sent.vs, run[0].vs)) ? carry : [];
        if (!main.length && carry.length) for (const a of run) if (!carry.includes(a)) for (const m of carry) if (m.key !== a.key) push('ACCOMPANIED', a, m, a.vs, acc.ve, 'accompanied/escort');
      }
      // 分别: several persons, several sites, pairing unknown (a single person visits each one)
      if (subject.length > 1 && words.some((w) => w.kind === 'split' && w.vs >= lastP.ve && w.vs < first.vs + 4)) subject = [];
      // a group word between the persons and the verb (…负责人到) does not change the subject,
      // but a group as the clause's own subject (代表们察看) does
      const clauseStart = clauseStartBefore(V, sent.vs, first.vs);
      // (由A带队，组织委员考察团到…: the group is A's party; A is still the subject)
      const led = words.some((w) => w.kind === 'lead' && w.vs >= lastP.ve && w.vs <= lastP.ve + 1 && w.ve <= first.vs);
      if (clauseStart > lastP.ve && !led && groupSubject(ctx, clauseStart, first.vs)) subject = [];
      void between;
    } else {
      const clauseStart = sent.vs;
      const addressed = addressee(ctx, persons, clauseStart, first.vs);
      if (addressed !== undefined) {
        // 宗主席一行到…: a surname and a role name the one earlier person of that surname and title
        subject = addressed ? [addressed] : [];
        rule = 'inspected/address';
      } else if (groupSubject(ctx, clauseStart, first.vs) || otherSubject(ctx, clauseStart, first.vs)) subject = [];
      else {
        subject = carry;
        rule = 'inspected/carry-over';
      }
    }
    // …，A、B等陪同 after the visit: the persons of that clause accompany the subject
    for (const acc of words) {
      if (acc.kind !== 'accompany' || acc.vs < first.ve || !subject.length) continue;
      if (V.slice(Math.max(sent.vs, acc.vs - 20), acc.vs).includes('在')) continue;
      let c = acc.vs;
      while (c > first.ve && !CLAUSE_CODE[V.charCodeAt(c - 1)]) c--;
      let cs = c;
      // the companions may be listed over several comma-separated clauses
      while (cs > first.ve && inSent.some((p) => p.ve <= cs && p.vs >= cs - 12 && p.vs > first.ve)) {
        cs--;
        while (cs > first.ve && !CLAUSE_CODE[V.charCodeAt(cs - 1)]) cs--;
      }
      for (const p of inSent) if (p.vs >= cs && p.ve <= acc.vs && !subject.includes(p)) for (const m of subject) push('ACCOMPANIED', p, m, p.vs, acc.ve, 'accompanied/escort');
    }
    if (subject.length) carry = subject;
    else if (before.length || groupSubject(ctx, sent.vs, first.vs)) carry = [];
    if (!subject.length) continue;

    // objects: sites after each visit/move word in its clause, and clauses that go on with a visit
    let clauseEnd = sent.vs;
    const objects: Array<{ site: Cand; rule: string }> = [];
    for (let i = first.vs; i < sent.ve; i++) {
      if (i >= clauseEnd) {
        // find this clause's end and whether it has a visit/move word
        let e = i;
        while (e < sent.ve && !CLAUSE_CODE[V.charCodeAt(e)]) e++;
        const w = firstWordIn(visitWords, i, e);
        clauseEnd = e + 1;
        if (w) {
          for (const s of sites) {
            // 看望了开发区的干部职工: a site followed by 的 only qualifies the real object
            // 赴深圳参加光博会: a move to a place to attend an event is no inspection of that place
            if (w.kind === 'move' && !hasKindIn(visitWords, 'visit', s.ve, e) && hasKindIn(words, 'attend', s.ve, e)) continue;
            if (s.vs >= w.vs && s.ve <= e && !s.nested && !followedByDe(ctx, s.ve, e)) objects.push({ site: s, rule: w.kind === 'move' ? 'inspected/move-verb' : rule });
          }
        }
      }
    }
    // 在X，周军仔细检查了…: the site named at the head of the sentence
    // (also before 每到一处 / 来到: a move word after the 在-clause)
    if (V[sent.vs] === '在' && (first.kind === 'visit' || first.kind === 'move')) {
      let c = sent.vs;
      while (c < first.vs && !CLAUSE_CODE[V.charCodeAt(c)]) c++;
      if (c < first.vs) for (const site of sites) if (site.vs > sent.vs && site.ve <= c && !site.nested) objects.push({ site, rule: 'inspected/at-clause' });
    }
    // 在X调研 / 在X检查: the site between 在 and the first visit word (after the subject)
    if (first.kind === 'visit') {
      const from = before.length ? before[before.length - 1].ve : sent.vs;
      let at = -1;
      for (let k = from; k < first.vs; k++) {
        const t = tokenAt(ctx, k);
        if (t && t.word === '在' && t.vs === k) at = k;
        if (CLAUSE_CODE[V.charCodeAt(k)]) at = -1;
      }
      if (at >= 0) {
        for (const site of sites) if (site.vs > at && site.ve <= first.vs && !site.nested) objects.push({ site, rule: 'inspected/at-verb' });
      }
    }
    for (const o of objects) for (const p of subject) push('INSPECTED', p, o.site, p.vs, o.site.ve, o.rule);
  }

  attended(ctx, persons);
  partOf(ctx);
  void d;
}

// (the helpers below are loops, not some/find with a closure: they run for every word, clause and site)

/** The first word starting in [a, b). */
function firstWordIn(words: Word[], a: number, b: number): Word | undefined {
  for (let k = 0; k < words.length; k++) if (words[k].vs >= a && words[k].vs < b) return words[k];
  return undefined;
}

/** Some word of this kind starts in [a, b). */
function hasKindIn(words: Word[], kind: RelationWordKind, a: number, b: number): boolean {
  for (let k = 0; k < words.length; k++) if (words[k].kind === kind && words[k].vs >= a && words[k].vs < b) return true;
  return false;
}

/** A (non-event) entity starts at i. */
function siteStartsAt(entities: Cand[], i: number): boolean {
  for (let k = 0; k < entities.length; k++) if (entities[k].vs === i && entities[k].type !== 'Event') return true;
  return false;
}

/** A (non-event) entity covers [a, b). */
function siteAround(entities: Cand[], a: number, b: number): boolean {
  for (let k = 0; k < entities.length; k++) if (entities[k].vs <= a && entities[k].ve >= b && entities[k].type !== 'Event') return true;
  return false;
}

/** Some word is a visit or move word (words.some(...) without a closure). */
function hasVisitWord(words: Word[]): boolean {
  for (let k = 0; k < words.length; k++) if (words[k].kind === 'visit' || words[k].kind === 'move') return true;
  return false;
}

/** The first accompany word, if any. */
function firstAccompany(words: Word[]): Word | undefined {
  for (let k = 0; k < words.length; k++) if (words[k].kind === 'accompany') return words[k];
  return undefined;
}

/** The persons within [vs, ve), in order (persons.filter(...) without a closure). */
function personsIn(persons: Cand[], vs: number, ve: number): Cand[] {
  const out: Cand[] = [];
  for (let k = 0; k < persons.length; k++) if (persons[k].vs >= vs && persons[k].ve <= ve) out.push(persons[k]);
  return out;
}

function hasPersonIn(persons: Cand[], vs: number, ve: number): boolean {
  for (let k = 0; k < persons.length; k++) if (persons[k].vs >= vs && persons[k].ve <= ve) return true;
  return false;
}

/**
 * Where the clause holding b begins: after the last of ，,；;：: in [a, b), else a. (As written
 * before, this counts characters by code point from a: [...V.slice(a, b)].)
 */
function clauseStartBefore(V: string, a: number, b: number): number {
  let start = a;
  let k = 0; // code points before i
  for (let i = a; i < b; i++, k++) {
    const c = V.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < b) {
      const lo = V.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        i++; // one code point, no clause mark
        continue;
      }
    }
    if (CLAUSE_CODE[c]) start = a + k + 1;
  }
  return start;
}

/** The site at `end` is followed by 的 (directly, or after the rest of its list and 等单位). */
function followedByDe(ctx: Ctx, end: number, clauseEnd: number): boolean {
  const { V } = ctx;
  let k = end;
  while (k < clauseEnd && V[k] !== '的' && k - end < 30) {
    if (V[k] === '等') {
      const m = ctx.d.relationTrie.longestAt(V, k, clauseEnd);
      if (m && m.value.startsWith('list')) k += m.len;
      else k++;
      continue;
    }
    if (V[k] === '、' || V[k] === '和' || V[k] === '及') {
      // skip the next list item
      k++;
      while (k < clauseEnd && !'、和及等的,，'.includes(V[k])) k++;
      continue;
    }
    return false;
  }
  return V[k] === '的';
}

/**
 * A form of address (宗主席, 周书记: surname + role) between a and b: the earlier person of that
 * surname holding a title that ends with the role (null when none or several fit);
 * undefined when there is no form of address.
 */
function addressee(ctx: Ctx, persons: Cand[], a: number, b: number): Cand | null | undefined {
  const { V, d } = ctx;
  for (let i = a; i < b - 1; i++) {
    if (!d.surnameCode[V.charCodeAt(i)] || ctx.claimed[i]) continue;
    const r = d.roles.longestLenAt(V, i + 1, b);
    if (!r) continue;
    const role = V.slice(i + 1, i + 1 + r);
    const keys = new Map<string, Cand>();
    for (const l of ctx.links) {
      if (l.type !== 'HOLDS_TITLE' || l.source.vs >= i || l.source.key[0] !== V[i] || !l.target.key.endsWith(role)) continue;
      if (persons.includes(l.source)) keys.set(l.source.key, l.source);
    }
    return keys.size === 1 ? [...keys.values()][0] : null;
  }
  return undefined;
}

/** The clause [a, b) names a group (代表们, 慰问组) as its subject. */
function groupSubject(ctx: Ctx, a: number, b: number): boolean {
  const { V, d } = ctx;
  for (let i = a; i <= b && i < V.length; i++) {
    // (the group word may run past b, or start at it: 调研组一行 where b is the 调研 inside it)
    const m = d.groupTrie.longestLenAt(V, i);
    if (m) {
      // 负责人 after 等相关部门 is part of a party led by the subject, not a subject
      if (V.slice(Math.max(a, i - 6), i).includes('等')) continue;
      if (V.slice(Math.max(a, i - 4), i).includes('及')) continue;
      return true;
    }
  }
  return false;
}

/** The clause has a non-person subject of its own (二七区人大常委会组织…). */
function otherSubject(ctx: Ctx, a: number, b: number): boolean {
  return ctx.entities.some((e) => e.vs >= a && e.ve <= b && e.type === 'Organization' && /组织|对/.test(ctx.V.slice(e.ve, b)));
}

function attended(ctx: Ctx, persons: Cand[]): void {
  const { V } = ctx;
  const rel = relationIndex(ctx);
  const ATTEND = RELATION_KINDS.indexOf('attend');
  // attend words left to right; after an event, the next one is looked for past it (in the same sentence)
  let lastSent = -1;
  let next = 0;
  for (const i of rel.at) {
    if (rel.kind[i] !== ATTEND) continue;
    const si = ctx.sentOf[i];
    if (si === lastSent && i < next) continue;
    if (!isBoundary(ctx, i)) continue;
    const sent = ctx.seg.sentences[si];
    const len = rel.len[i];
    // the event: words after the verb up to an event head, within the clause
    let evEnd = -1;
    for (let j = i + len; j < Math.min(sent.ve, i + len + 24); j++) {
      if (CLAUSE_CODE[V.charCodeAt(j)] || V[j] === '。') break;
      const h = relationAt(ctx, j);
      // the head ends a word and is no mere end of a common two-character word (参与社会化: no event 社会)
      if (h && h.value === 'event' && isBoundary(ctx, j + h.len)) {
        evEnd = j + h.len;
      }
    }
    if (evEnd < 0) continue;
    const evStart = i + len;
    const ev = cand('Event', V.slice(evStart, evEnd), evStart, evEnd, 'event/attend-object');
    ctx.entities.push(ev);
    const who = persons.filter((p) => p.vs >= sent.vs && p.ve <= i);
    for (const p of who) ctx.links.push({ type: 'ATTENDED', source: p, target: ev, vs: p.vs, ve: evEnd, ruleId: 'attended/event' });
    lastSent = si;
    next = evEnd;
  }
}

function partOf(ctx: Ctx): void {
  const { V, d } = ctx;
  const places = ctx.entities.filter((e) => e.type === 'Place');
  const seen = new Set<string>();
  const add = (a: Cand, b: Cand, rule: string) => {
    const k = `${a.key}|${b.key}`;
    if (a.key === b.key || seen.has(k)) return;
    seen.add(k);
    ctx.links.push({ type: 'PART_OF', source: a, target: b, vs: Math.min(a.vs, b.vs), ve: Math.max(a.ve, b.ve), ruleId: rule });
  };
  for (const a of places) {
    for (const b of places) {
      if ((b.ve === a.vs || (b.vs === a.vs && b.ve < a.ve)) && isAdminName(ctx, b.key)) add(a, b, 'part-of/adjacent');
    }
  }
  const home = d.jurisdiction.home;
  const homePlace = places.find((p) => p.key === home);
  if (homePlace) {
    for (const a of places) {
      if (/(街道|镇|乡)$/.test(a.key) && !ctx.links.some((l) => l.type === 'PART_OF' && l.source === a)) add(a, homePlace, 'part-of/home');
    }
  }
  void V;
}

function isAdminName(ctx: Ctx, key: string): boolean {
  const { d } = ctx;
  if (d.gazetteer.get(key)?.admin) return true;
  for (let k = 1; k <= 3; k++) {
    const info = d.suffixes.get(key.slice(-k));
    if (info?.admin) return true;
  }
  return false;
}
