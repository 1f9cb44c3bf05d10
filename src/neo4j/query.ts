/**
 * Running analysts' Cypher: parameters from `k=v` strings, results as plain rows, and a text table.
 */
import type { Driver } from 'neo4j-driver';
import { toParam, toPlain } from './values';
import { displayWidth, fit } from '../graph/table';

/** `k=v` -> [k, value]; the value is parsed as JSON when it is JSON (10, true, "x", [1,2]), else kept as a string. */
export function parseParam(spec: string): [string, unknown] {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`--param wants NAME=VALUE, got "${spec}"`);
  const name = spec.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`--param name "${name}" is not a Cypher parameter name`);
  const raw = spec.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    /* a plain string */
  }
  return [name, value];
}

export interface QueryResult {
  keys: string[];
  rows: Record<string, unknown>[];
}

/** Run one statement (auto-commit, so CALL { } IN TRANSACTIONS works too); rows as plain JSON values. */
export async function runQuery(driver: Driver, cypher: string, params: Record<string, unknown>, database?: string): Promise<QueryResult> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE', bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    const res = await session.run(cypher, toParam(params) as Record<string, unknown>);
    const keys = res.records[0]?.keys.map(String) ?? [];
    const rows = res.records.map((r) => {
      const o: Record<string, unknown> = {};
      for (const k of r.keys) o[String(k)] = toPlain(r.get(k));
      return o;
    });
    return { keys, rows };
  } finally {
    await session.close();
  }
}

/** A value as one table cell: text, or JSON for anything else; cut at `max` columns (graph/table.ts's fit). */
function cell(v: unknown, max: number): string {
  return fit(v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v), max);
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** A plain-text table (columns padded for CJK width; long cells cut at maxCell columns). */
export function formatTable(result: QueryResult, maxCell = 60): string {
  const { keys, rows } = result;
  if (keys.length === 0) return '(no rows)\n';
  const cells = rows.map((r) => keys.map((k) => cell(r[k], maxCell)));
  const widths = keys.map((k, i) => Math.max(displayWidth(k), ...cells.map((c) => displayWidth(c[i]))));
  const line = (vals: string[]) => `| ${vals.map((v, i) => pad(v, widths[i])).join(' | ')} |`;
  const sep = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const out = [sep, line(keys), sep, ...cells.map(line), sep, `${rows.length} row${rows.length === 1 ? '' : 's'}`];
  return `${out.join('\n')}\n`;
}
