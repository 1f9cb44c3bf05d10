/**
 * The Neo4j test fixture: one real server for the whole mocha run.
 *
 *  - Default: the bundled server (scripts/neo4j, built by `npm run neo4j:build`) started on an
 *    ephemeral port with a fresh temporary data home, stopped (and the home removed) after all tests.
 *  - NEO4J_TEST_URI (+ NEO4J_TEST_USER, NEO4J_TEST_PASSWORD): an existing server. Its database is
 *    WIPED, so a plain NEO4J_URI (maybe a real database) is never used by the tests.
 *
 * While the suite runs, NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD point at the test server, so the CLI
 * commands run in-process talk to it too. If the server cannot start, the tests fail (never skip).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startBundledServer, type BundledServer } from '../../src/neo4j/bundled';
import { openDriver, type Neo4jConfig } from '../../src/neo4j/client';

export interface TestNeo4j {
  driver: Driver;
  config: Neo4jConfig;
  /** Bundled server details (absent when NEO4J_TEST_URI is used). */
  bundled?: BundledServer;
}

let pending: Promise<TestNeo4j> | null = null;
let state: { server?: BundledServer; home?: string; driver?: Driver; savedEnv?: Record<string, string | undefined> } = {};

const ENV_KEYS = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;

async function start(): Promise<TestNeo4j> {
  let config: Neo4jConfig;
  let bundled: BundledServer | undefined;
  if (process.env.NEO4J_TEST_URI) {
    config = {
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER || 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE || undefined,
    };
  } else {
    state.home = mkdtempSync(join(tmpdir(), 'zhkg-neo4j-test-'));
    bundled = await startBundledServer({ port: 0, home: state.home, timeoutMs: 170000 });
    state.server = bundled;
    config = { uri: bundled.uri, user: bundled.user, password: bundled.password };
  }
  const driver = await openDriver(config);
  state.driver = driver;
  // a clean database: data and schema
  await wipeData(driver, config.database);
  const quote = (name: unknown) => `\`${String(name).replace(/`/g, '``')}\``;
  const cons = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name', {}, { database: config.database });
  for (const r of cons.records) await driver.executeQuery(`DROP CONSTRAINT ${quote(r.get('name'))} IF EXISTS`, {}, { database: config.database });
  const idx = await driver.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", {}, { database: config.database });
  for (const r of idx.records) await driver.executeQuery(`DROP INDEX ${quote(r.get('name'))} IF EXISTS`, {}, { database: config.database });

  state.savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  process.env.NEO4J_URI = config.uri;
  process.env.NEO4J_USER = config.user;
  process.env.NEO4J_PASSWORD = config.password;
  if (config.database) process.env.NEO4J_DATABASE = config.database;
  else delete process.env.NEO4J_DATABASE;
  return { driver, config, bundled };
}

/** The suite's server (started on first use). Call from a `before` hook with a long timeout. */
export function neo4jServer(): Promise<TestNeo4j> {
  pending ??= start();
  return pending;
}

/** Delete all nodes and relationships (schema stays). */
export async function wipe(t: TestNeo4j): Promise<void> {
  await wipeData(t.driver, t.config.database);
}

async function wipeData(driver: Driver, database?: string): Promise<void> {
  // CALL { } IN TRANSACTIONS needs an auto-commit transaction (session.run)
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

// Root-level hook (this module is imported while mocha loads the test files): stop after everything.
after(async function () {
  this.timeout(90000);
  if (!pending) return;
  await pending.catch(() => undefined);
  await state.driver?.close().catch(() => undefined);
  await state.server?.stop();
  if (state.home) rmSync(state.home, { recursive: true, force: true });
  if (state.savedEnv) {
    for (const [k, v] of Object.entries(state.savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  pending = null;
  state = {};
});
