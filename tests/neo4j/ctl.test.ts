import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLauncherAlive, repoRoot } from '../../src/neo4j/bundled';

function ctl(cmd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot(), 'scripts/neo4j/ctl.js'), cmd], { env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Listening TCP sockets on `port`: their local addresses, decoded from /proc/net/tcp{,6}. */
function listeners(port: number): string[] {
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue; // 0A = LISTEN
      const [addr, p] = cols[1].split(':');
      if (parseInt(p, 16) === port) out.push(addr);
    }
  }
  return out;
}
// 127.0.0.1 as /proc/net/tcp writes it (little-endian), alone or v4-mapped in tcp6; ::1
const LOOPBACK = /^(0100007F|0000000000000000FFFF00000100007F|00000000000000000000000001000000)$/;

describe('npm run neo4j:start|status|stop (scripts/neo4j/ctl.js)', function () {
  this.timeout(240000);
  let home: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'zhkg-neo4j-ctl-'));
    env = { NEO4J_HOME_DIR: home, NEO4J_BOLT_PORT: '0' };
  });
  after(async () => {
    await ctl('stop', env);
    rmSync(home, { recursive: true, force: true });
  });

  it('starts in the background on loopback only, never twice, and stops cleanly', async function () {
    expect((await ctl('status', env)).code).to.equal(1);
    const start = await ctl('start', env);
    expect(start.code, start.stderr).to.equal(0);
    const m = /NEO4J_READY bolt:\/\/127\.0\.0\.1:(\d+)/.exec(start.stdout);
    expect(m, start.stdout).to.not.equal(null);
    const port = Number(m![1]);
    const pid = Number(readFileSync(join(home, 'neo4j.pid'), 'utf8'));
    expect(Number(readFileSync(join(home, 'neo4j.port'), 'utf8'))).to.equal(port);

    const addrs = listeners(port);
    expect(addrs, 'a listening socket').to.not.be.empty;
    for (const a of addrs) expect(a, 'Bolt must listen on loopback only').to.match(LOOPBACK);

    const again = await ctl('start', env);
    expect(again.code).to.equal(0);
    expect(again.stdout).to.contain(`already running (pid ${pid})`);
    const status = await ctl('status', env);
    expect(status.code).to.equal(0);
    expect(status.stdout).to.contain(`bolt://127.0.0.1:${port}`);
    // the password is never logged
    const log = readFileSync(join(home, 'neo4j.log'), 'utf8') + readFileSync(join(home, 'logs', 'debug.log'), 'utf8');
    expect(log).to.not.contain(process.env.NEO4J_PASSWORD || 'zhkg-local-password');

    const stop = await ctl('stop', env);
    expect(stop.stdout).to.contain(`stopped (pid ${pid})`);
    expect(isLauncherAlive(pid), 'the launcher process is gone (or a zombie awaiting its reaper)').to.equal(false);
    expect(existsSync(join(home, 'neo4j.pid'))).to.equal(false);
    expect(readFileSync(join(home, 'neo4j.log'), 'utf8')).to.contain('NEO4J_STOPPED');
    expect((await ctl('status', env)).code).to.equal(1);
  });
});
