/**
 * Connecting to Neo4j. The same code talks to the bundled server, a user's own server, Aura
 * (neo4j+s://) or a cluster (neo4j://): the URI scheme decides routing and encryption.
 *
 * Environment: NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD, NEO4J_DATABASE (default: the
 * server's default database). Without NEO4J_URI the bundled server is used (see bundled.ts).
 *
 * Errors are Neo4jUnavailableError (exitCode 3) with a message that names the server (without any
 * user:password@ part) and never contains the password.
 */
import neo4j, { type Config, type Driver } from 'neo4j-driver';
import { ensureServer } from './bundled';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Target database; undefined = the server's default (neo4j). */
  database?: string;
}

/** Neo4j is unreachable, refused the credentials, or failed during a load. CLI exit status 3. */
export class Neo4jUnavailableError extends Error {
  override name = 'Neo4jUnavailableError';
  readonly exitCode = 3;
}

const SCHEMES = /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\//;

/** URI with any user:password@ removed, for messages. */
export function safeUri(uri: string): string {
  return uri.replace(/^([a-z0-9+]+:\/\/)[^@/]*@/i, '$1');
}

/** Remove every occurrence of the password (and a URI's user info) from a message. */
export function scrubSecret(message: string, password: string | undefined): string {
  let m = message.replace(/([a-z0-9+]+:\/\/)[^@/\s]*@/gi, '$1');
  if (password) m = m.split(password).join('***');
  return m;
}

export function configFromEnv(): Neo4jConfig | null {
  const uri = process.env.NEO4J_URI;
  if (!uri) return null;
  return {
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || undefined,
  };
}

/** Explain a driver error in one line, without secrets. */
export function describeNeo4jError(err: unknown, cfg: Pick<Neo4jConfig, 'uri' | 'password'>): string {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  let reason: string;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH/.test(e.message ?? '')) {
    reason = 'server unreachable (is it running? `npm run neo4j:start` starts the bundled one)';
  } else if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    reason = 'authentication failed (check NEO4J_USER / NEO4J_PASSWORD)';
  } else if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    reason = 'database not found (check NEO4J_DATABASE)';
  } else {
    reason = `${code ? `${code}: ` : ''}${e.message ?? String(err)}`;
  }
  return scrubSecret(`Neo4j at ${safeUri(cfg.uri)}: ${reason}`, cfg.password);
}

/** A driver for `cfg`, verified by a round trip; throws Neo4jUnavailableError otherwise. */
export async function openDriver(cfg: Neo4jConfig, overrides: Config = {}): Promise<Driver> {
  if (!SCHEMES.test(cfg.uri)) {
    throw new Neo4jUnavailableError(`NEO4J_URI must start with bolt://, neo4j://, neo4j+s:// (or +ssc), got "${safeUri(cfg.uri)}"`);
  }
  let driver: Driver;
  try {
    driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
      userAgent: 'zhkg',
      connectionTimeout: 15000,
      connectionAcquisitionTimeout: 60000,
      maxTransactionRetryTime: 30000,
      ...overrides,
    });
  } catch (err) {
    throw new Neo4jUnavailableError(describeNeo4jError(err, cfg));
  }
  try {
    await driver.getServerInfo({ database: cfg.database });
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw new Neo4jUnavailableError(describeNeo4jError(err, cfg));
  }
  return driver;
}

export interface Connection {
  driver: Driver;
  config: Neo4jConfig;
  /** Close the driver, and stop the bundled server if this connection started it. */
  close(): Promise<void>;
}

/**
 * Connect as configured by the environment: NEO4J_URI if set, else the running bundled server,
 * else a bundled server started for this connection (stopped again by close()).
 */
export async function connect(): Promise<Connection> {
  const fromEnv = configFromEnv();
  let stop: (() => Promise<void>) | undefined;
  let config: Neo4jConfig;
  if (fromEnv) {
    config = fromEnv;
  } else {
    let s: Awaited<ReturnType<typeof ensureServer>>;
    try {
      s = await ensureServer();
    } catch (err) {
      throw new Neo4jUnavailableError(scrubSecret(`cannot start the bundled Neo4j: ${(err as Error).message}`, process.env.NEO4J_PASSWORD));
    }
    config = { uri: s.uri, user: s.user, password: s.password, database: process.env.NEO4J_DATABASE || undefined };
    stop = s.stop;
  }
  let driver: Driver;
  try {
    driver = await openDriver(config);
  } catch (err) {
    await stop?.();
    throw err;
  }
  let closed = false;
  return {
    driver,
    config,
    async close() {
      if (closed) return;
      closed = true;
      await driver.close().catch(() => undefined);
      await stop?.();
    },
  };
}
