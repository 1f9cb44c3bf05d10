/**
 * Security (issue 7, part 4): the bundled Neo4j listens on loopback only; credentials never appear
 * in messages (wrong password, server down, user:password@ in the URI, ZHKG_DEBUG stacks), in the
 * server's own logs, or in any export.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, connect as netConnect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PASSWORD } from '../../src/neo4j/bundled';
import { neo4jServer, type TestNeo4j } from '../neo4j/server';
import { ROOT, STACK_FRAME, removeTempDirs, runCli, tempDir } from './helpers';

const SECRET = 'S3cret-Pa55w0rd-zhkg-test';

/** Listening TCP sockets on `port` (IPv4 and IPv6 tables), as hex local addresses. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4) continue;
      const [addr, p] = f[1].split(':');
      if (p === hexPort && f[3] === '0A') out.push(addr); // 0A = LISTEN
    }
  }
  return out;
}

/** 127.0.0.0/8 (IPv4, little-endian hex), ::1, or ::ffff:127.x.x.x. */
function isLoopbackHex(addr: string): boolean {
  if (addr.length === 8) return addr.endsWith('7F');
  if (addr === '00000000000000000000000001000000') return true;
  return addr.startsWith('0000000000000000FFFF0000') && addr.endsWith('7F');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function tryConnect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const s = netConnect({ host, port });
    s.setTimeout(3000);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('timeout', () => {
      s.destroy();
      resolve('timeout');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

describe('reliability: security', function () {
  this.timeout(180000);
  let t: TestNeo4j;
  before(async function () {
    t = await neo4jServer();
  });
  after(removeTempDirs);

  it('the bundled server listens on loopback only (socket tables), and is not reachable on another address', async () => {
    expect(t.bundled, 'the suite runs on the bundled server').to.not.equal(undefined);
    const port = t.bundled!.port;
    const addrs = listeners(port);
    expect(addrs.length, `listening sockets on ${port}`).to.be.greaterThan(0);
    for (const a of addrs) expect(isLoopbackHex(a), a).to.equal(true);
    expect(await tryConnect('127.0.0.1', port)).to.equal('connected');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const addr of external) expect(await tryConnect(addr, port), addr).to.not.equal('connected');
  });

  it('a wrong password: exit 3, "authentication failed", the password nowhere in the output (debug stacks included)', async () => {
    for (const debug of ['', '1']) {
      // (another user name: failed logins would lock the suite's own user for a few seconds)
      const env = { ...process.env, NEO4J_URI: t.config.uri, NEO4J_USER: 'intruder', NEO4J_PASSWORD: SECRET, ZHKG_DEBUG: debug };
      const load = await runCli(['load', join(ROOT, 'corpus')], { env });
      expect(load.code, load.stderr).to.equal(3);
      expect(load.stderr).to.contain('authentication failed');
      expect(load.stdout + load.stderr).to.not.contain(SECRET);
      const query = await runCli(['query', 'MATCH (n) RETURN count(n) AS n'], { env });
      expect(query.code, query.stderr).to.equal(3);
      expect(query.stdout + query.stderr).to.not.contain(SECRET);
    }
  });

  it('a password inside the URI (bolt://user:password@host) never appears in messages', async () => {
    const uri = t.config.uri.replace('bolt://', `bolt://intruder:${SECRET}@`);
    const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: 'intruder', NEO4J_PASSWORD: SECRET, ZHKG_DEBUG: '1' };
    const load = await runCli(['load', join(ROOT, 'corpus')], { env });
    expect(load.code, load.stderr).to.equal(3);
    expect(load.stdout + load.stderr).to.not.contain(SECRET);
  });

  it('a server that is down: exit 3, a clear message without the password or a stack trace', async () => {
    const port = await freePort();
    const env = { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: SECRET };
    const load = await runCli(['load', join(ROOT, 'corpus')], { env });
    expect(load.code, load.stderr).to.equal(3);
    expect(load.stderr).to.contain(`Neo4j at bolt://127.0.0.1:${port}: server unreachable`);
    expect(load.stderr).to.not.match(STACK_FRAME);
    expect(load.stdout + load.stderr).to.not.contain(SECRET);
  });

  it("the server's own logs and every export hold no password", async () => {
    const secrets = [t.config.password, DEFAULT_PASSWORD, SECRET].filter(Boolean);
    if (t.bundled) {
      for (const f of filesUnder(t.bundled.home).filter((p) => /\.log$|logs\//.test(p))) {
        const text = readFileSync(f, 'latin1');
        for (const s of secrets) expect(text.includes(s), `${s} in ${f}`).to.equal(false);
      }
    }
    const out = tempDir();
    const env = { ...process.env, NEO4J_PASSWORD: SECRET, NEO4J_URI: t.config.uri };
    const jsonl = join(out, 'articles.jsonl');
    const extracted = await runCli(['extract', '--workers', '1', '--out', jsonl, join(ROOT, 'corpus')], { env });
    expect(extracted.code, extracted.stderr).to.equal(0);
    for (const format of ['gexf', 'graphml', 'json', 'csv']) {
      const r = await runCli(['export', '--format', format, '--out', join(out, format === 'csv' ? 'csv' : `graph.${format}`), jsonl], { env });
      expect(r.code, r.stderr).to.equal(0);
    }
    const files = filesUnder(out);
    expect(files.length).to.be.at.least(5);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const s of secrets) expect(text.includes(s), `${s} in ${f}`).to.equal(false);
    }
  });
});
