/**
 * graph/schema.cypher: constraints and indexes, each statement in its own transaction (schema and
 * data never share one). Every statement is IF NOT EXISTS, so running it again is a no-op.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from './bundled';

export function schemaPath(): string {
  return join(repoRoot(), 'graph', 'schema.cypher');
}

/** The statements of a .cypher file: `//` comment lines dropped, split at `;` ending a line. */
export function splitStatements(text: string): string[] {
  const lines = text.split('\n').filter((l) => !/^\s*\/\//.test(l));
  return lines
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function ensureSchema(driver: Driver, database?: string): Promise<number> {
  const statements = splitStatements(readFileSync(schemaPath(), 'utf8'));
  for (const s of statements) await driver.executeQuery(s, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  return statements.length;
}
