/**
 * JSON Schema validation (ajv, draft 2020-12). The Article / ArticleFacts schema lives in one place,
 * graph/schema/article.schema.json; this module loads it and adds the checks a schema cannot express
 * (offsets inside the text, mention text equal to its slice, sorted source map).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { ArticleFacts } from '../types';
import { repoRoot } from '../ingest/paths';

export const ARTICLE_SCHEMA_PATH = 'graph/schema/article.schema.json';

let validator: ValidateFunction | null = null;

/** The parsed article schema. */
export function articleSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repoRoot(), ARTICLE_SCHEMA_PATH), 'utf8')) as Record<string, unknown>;
}

function compiled(): ValidateFunction {
  if (!validator) validator = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(articleSchema());
  return validator;
}

export interface ValidationResult {
  valid: boolean;
  /** Human-readable problems: "<json path> <message>". */
  errors: string[];
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** Offsets and cross-references the schema cannot check. */
function invariants(a: ArticleFacts): string[] {
  const out: string[] = [];
  const n = a.text.length;
  let prev = -1;
  a.sourceMap.forEach((p, i) => {
    if (p.offset <= prev || p.offset > n) out.push(`/sourceMap/${i}/offset ${p.offset} not ascending within the text (length ${n})`);
    prev = p.offset;
  });
  if (a.sourceMap.length && a.sourceMap[0].offset !== 0) out.push('/sourceMap/0/offset must be 0');
  a.sentences.forEach((s, i) => {
    if (!(s.start <= s.end && s.end <= n)) out.push(`/sentences/${i} [${s.start}, ${s.end}) outside the text`);
  });
  a.entities.forEach((e, i) =>
    e.mentions.forEach((m, k) => {
      if (!(m.start <= m.end && m.end <= n)) out.push(`/entities/${i}/mentions/${k} [${m.start}, ${m.end}) outside the text`);
      else if (a.text.slice(m.start, m.end) !== m.text) out.push(`/entities/${i}/mentions/${k}/text "${m.text}" differs from the text there`);
      if (m.sentence >= a.sentences.length) out.push(`/entities/${i}/mentions/${k}/sentence ${m.sentence} out of range`);
    }),
  );
  a.relations.forEach((r, i) => {
    if (!(r.evidence.start <= r.evidence.end && r.evidence.end <= n)) out.push(`/relations/${i}/evidence [${r.evidence.start}, ${r.evidence.end}) outside the text`);
  });
  return out;
}

/** Validate one `zhkg extract` output line (parsed) against the schema and the offset invariants. */
export function validateArticleFacts(value: unknown): ValidationResult {
  const validate = compiled();
  if (!validate(value)) return { valid: false, errors: describe(validate.errors) };
  const errors = invariants(value as ArticleFacts);
  return { valid: errors.length === 0, errors };
}
