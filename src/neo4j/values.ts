/**
 * Values across the driver boundary: JS -> Cypher parameters (integers as neo4j.int, since a JS
 * number is sent as a Float), and driver results -> plain JSON (Integer -> number, Node ->
 * {labels, ...props}, Relationship -> {type, ...props}, Path -> list of nodes and relationships,
 * temporal/spatial -> their string form).
 */
import neo4j, { isInt, isNode, isPath, isRelationship, isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from 'neo4j-driver';

/** Parameters: integral numbers become neo4j Integers (recursively through arrays and objects). */
export function toParam(v: unknown): unknown {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(toParam);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toParam(x);
    return out;
  }
  return v;
}

/** A driver value as plain JSON-able data. Integers beyond 2^53 become strings (no silent rounding). */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isInt(v)) {
    const i = v as ReturnType<typeof neo4j.int>;
    return neo4j.integer.inSafeRange(i) ? i.toNumber() : i.toString();
  }
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (isNode(v as object)) {
    const n = v as { labels: string[]; properties: Record<string, unknown> };
    return { labels: [...n.labels].sort(), ...plainProps(n.properties) };
  }
  if (isRelationship(v as object)) {
    const r = v as { type: string; properties: Record<string, unknown> };
    return { type: r.type, ...plainProps(r.properties) };
  }
  if (isPath(v as object)) {
    const p = v as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    const out: unknown[] = [toPlain(p.start)];
    for (const s of p.segments) out.push(toPlain(s.relationship), toPlain(s.end));
    return out;
  }
  const o = v as object;
  if (isDate(o) || isDateTime(o) || isLocalDateTime(o) || isLocalTime(o) || isTime(o) || isDuration(o) || isPoint(o)) return String(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') return plainProps(v as Record<string, unknown>);
  return v;
}

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) out[k] = toPlain(props[k]);
  return out;
}
