/** Flat property records of nodes and edges, as every export writes them. */
import type { KgEdgeAttributes, KgNodeAttributes } from './build';
import type { PropValue } from '../types/graph';

/** A node's properties as Neo4j stores them: name first, then the mapping's props. */
export function nodeProperties(a: KgNodeAttributes): Record<string, PropValue> {
  return { name: a.name, ...a.props };
}

export function edgeProperties(a: KgEdgeAttributes): Record<string, PropValue> {
  return { ...a.props };
}

/** Property names in first-seen order of a sorted id walk, then sorted (stable column order). */
export function propertyNames(records: Iterable<Record<string, PropValue>>, first: string[] = []): string[] {
  const names = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) names.add(k);
  const rest = [...names].filter((n) => !first.includes(n)).sort();
  return [...first.filter((n) => names.has(n)), ...rest];
}

/** A scalar or list kind of a property over all records, for typed headers (Neo4j/GraphML types). */
export type PropKind = 'string' | 'int' | 'float' | 'boolean' | 'string[]' | 'int[]' | 'float[]' | 'boolean[]';

function scalarKind(v: unknown): 'string' | 'int' | 'float' | 'boolean' | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'string';
}

function joinKinds(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null || a === b) return a;
  if ((a === 'int' && b === 'float') || (a === 'float' && b === 'int')) return 'float';
  return 'string';
}

/** The kind of each property: mixed kinds fall back to string (as APOC does). */
export function propertyKinds(records: Iterable<Record<string, PropValue>>): Record<string, PropKind> {
  const scalar: Record<string, string | null> = {};
  const list: Record<string, boolean> = {};
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      if (Array.isArray(v)) {
        list[k] = true;
        for (const x of v) scalar[k] = joinKinds(scalar[k] ?? null, scalarKind(x));
        if (!(k in scalar)) scalar[k] = null;
      } else {
        if (v !== null && v !== undefined && list[k] === undefined) list[k] = false;
        scalar[k] = joinKinds(scalar[k] ?? null, scalarKind(v));
      }
    }
  }
  const out: Record<string, PropKind> = {};
  for (const k of Object.keys(scalar)) {
    const base = (scalar[k] ?? 'string') as 'string' | 'int' | 'float' | 'boolean';
    out[k] = (list[k] ? `${base}[]` : base) as PropKind;
  }
  return out;
}
