/**
 * The bundled Neo4j server (scripts/neo4j: Neo4j Community 5.26 embedded with Bolt, built by
 * `npm run neo4j:build`). Started as a plain `java -cp target/classes:target/lib/*` child:
 *
 *   - startBundledServer(): a child owned by this process (tests, `zhkg load` with no server
 *     running). It watches its stdin, so it exits with us even if we die; stop() shuts it down.
 *   - startBackground()/stopBackground()/runningServer(): the long-lived server behind
 *     `npm run neo4j:start|stop|status`, with a pid file and a port file in the data home.
 *   - ensureServer(): NEO4J_URI if set; else the running background server; else a new child.
 *
 * Bolt listens on 127.0.0.1 only. The password goes to the JVM through its environment and is
 * never printed or put in an error message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export const DEFAULT_PASSWORD = 'zhkg-local-password';
export const DEFAULT_USER = 'neo4j';
const READY = 'NEO4J_READY ';
const MAIN_CLASS = 'kg.neo4j.Launcher';

export interface ServerHandle {
  uri: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export interface BundledServer extends ServerHandle {
  port: number;
  home: string;
  pid: number;
}

export interface StartOptions {
  /** Bolt port on 127.0.0.1; 0 = ephemeral. Default: NEO4J_BOLT_PORT, else 0. */
  port?: number;
  /** Data home (data/, logs/). Default: <repo>/.neo4j. */
  home?: string;
  /** How long to wait for the ready line (ms). Default 120 s. */
  timeoutMs?: number;
}

/** The repository's top folder (where package.json and scripts/neo4j live). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'neo4j'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the zhkg checkout (package.json + scripts/neo4j) above ' + __dirname);
    dir = up;
  }
}

export function defaultHome(): string {
  return process.env.NEO4J_HOME_DIR ? resolve(process.env.NEO4J_HOME_DIR) : join(repoRoot(), '.neo4j');
}

export function bundledPassword(): string {
  return process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD;
}

/** The JVM command line that runs the launcher (flags for Neo4j 5 on Java 17). */
export function javaCommand(): { java: string; args: string[] } {
  const base = join(repoRoot(), 'scripts', 'neo4j', 'target');
  const classes = join(base, 'classes');
  const lib = join(base, 'lib');
  if (!existsSync(join(classes, 'kg', 'neo4j', 'Launcher.class')) || !existsSync(lib) || readdirSync(lib).length === 0) {
    throw Object.assign(new Error('the bundled Neo4j is not built: run `npm run neo4j:build` (Java 17 + Maven), or set NEO4J_URI'), {
      exitCode: 3,
    });
  }
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const heap = process.env.NEO4J_HEAP || '1g';
  // NEO4J_JAVA_OPTS: extra JVM flags, whitespace-separated (e.g. "-XX:+UseParallelGC"); they come
  // after the defaults, so they win
  const extra = (process.env.NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean);
  return {
    java,
    args: [
      '-Xms512m',
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-Dlog4j2.disable.jmx=true',
      ...extra,
      '-cp',
      `${classes}:${join(lib, '*')}`,
      MAIN_CLASS,
    ],
  };
}

function portFromEnv(): number {
  const p = process.env.NEO4J_BOLT_PORT;
  return p && /^\d+$/.test(p) ? Number(p) : 0;
}

function childEnv(home: string, port: number, watchStdin: boolean): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_HOME_DIR: home,
    NEO4J_BOLT_PORT: String(port),
    NEO4J_PASSWORD: bundledPassword(),
    NEO4J_WATCH_STDIN: watchStdin ? '1' : '',
  };
}

/** Never let a password slip into a message. */
function scrub(text: string): string {
  const pw = bundledPassword();
  return pw ? text.split(pw).join('***') : text;
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((res) => {
    const t = setTimeout(() => res(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      res(true);
    });
  });
}

/** Start a bundled Neo4j owned by this process; resolves once Bolt answers. */
export async function startBundledServer(opts: StartOptions = {}): Promise<BundledServer> {
  const home = resolve(opts.home ?? defaultHome());
  const port = opts.port ?? portFromEnv();
  mkdirSync(home, { recursive: true });
  const { java, args } = javaCommand();
  const child = spawn(java, args, { cwd: home, env: childEnv(home, port, true), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderrTail = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderrTail = (stderrTail + d).slice(-4000);
  });
  child.stdin!.on('error', () => undefined);
  const boltPort = await new Promise<number>((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`the bundled Neo4j did not become ready within ${(opts.timeoutMs ?? 120000) / 1000} s (home ${home})`));
    }, opts.timeoutMs ?? 120000);
    child.once('error', (err) => {
      clearTimeout(timer);
      rej(new Error(`cannot run java for the bundled Neo4j: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rej(
        new Error(
          `the bundled Neo4j exited before it was ready (${signal ?? `status ${code}`})` +
            (stderrTail.trim() ? `: ${scrub(stderrTail.trim()).split('\n').slice(-5).join(' | ')}` : ''),
        ),
      );
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      buf += d;
      const m = /NEO4J_READY bolt:\/\/127\.0\.0\.1:(\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
  }).catch((err) => {
    throw Object.assign(err as Error, { exitCode: 3 });
  });
  // From here on the child must not keep our event loop alive (the driver's sockets do while in use).
  child.removeAllListeners('exit');
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  const killOnExit = () => {
    try {
      child.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  let stopping: Promise<void> | null = null;
  return {
    uri: `bolt://127.0.0.1:${boltPort}`,
    user: DEFAULT_USER,
    password: bundledPassword(),
    port: boltPort,
    home,
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        if (!(await waitExit(child, 60000))) {
          child.kill('SIGKILL');
          await waitExit(child, 10000);
        }
      })();
      return stopping;
    },
  };
}

// ---------------------------------------------------------------- background server (npm run neo4j:*)

export interface RunningServer {
  pid: number;
  port: number;
  uri: string;
  home: string;
}

const pidFile = (home: string) => join(home, 'neo4j.pid');
const portFile = (home: string) => join(home, 'neo4j.port');
const logFile = (home: string) => join(home, 'neo4j.log');

/** Is `pid` a live bundled-Neo4j launcher (not a recycled pid of something else)? */
export function isLauncherAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

function readInt(file: string): number | null {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** The background server recorded in `home`'s pid/port files, if it is alive. */
export function runningServer(home: string = defaultHome()): RunningServer | null {
  const pid = readInt(pidFile(home));
  if (!pid || !isLauncherAlive(pid)) return null;
  const port = readInt(portFile(home));
  if (!port) return null;
  return { pid, port, uri: `bolt://127.0.0.1:${port}`, home };
}

/** Does something accept TCP connections on 127.0.0.1:port? */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = netConnect({ host: '127.0.0.1', port });
    s.setTimeout(1000);
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('timeout', () => {
      s.destroy();
      res(false);
    });
    s.once('error', () => res(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Start the bundled server in the background (detached; survives this process), or report the one
 * already running. Never starts a second copy: a live pid file, or the port already taken, stops it.
 */
export async function startBackground(
  opts: StartOptions = {},
): Promise<{ server: RunningServer; alreadyRunning: boolean; log: string }> {
  const home = resolve(opts.home ?? defaultHome());
  const port = opts.port ?? (process.env.NEO4J_BOLT_PORT ? portFromEnv() : 7687);
  const running = runningServer(home);
  if (running) return { server: running, alreadyRunning: true, log: logFile(home) };
  const stalePid = readInt(pidFile(home));
  if (stalePid && isLauncherAlive(stalePid)) {
    throw new Error(`a bundled Neo4j (pid ${stalePid}) is starting or has no port file yet; try again or run neo4j:stop`);
  }
  if (port !== 0 && (await portInUse(port))) {
    throw Object.assign(new Error(`port ${port} on 127.0.0.1 is already in use (another Neo4j?); set NEO4J_BOLT_PORT to another port`), {
      exitCode: 3,
    });
  }
  mkdirSync(home, { recursive: true });
  rmSync(portFile(home), { force: true });
  const { java, args } = javaCommand();
  const fd = openSync(logFile(home), 'w');
  const child = spawn(java, args, { cwd: home, env: childEnv(home, port, false), stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = signal ?? `status ${code}`;
  });
  child.once('error', (err) => {
    exited = err.message;
  });
  child.unref();
  if (child.pid) writeFileSync(pidFile(home), `${child.pid}\n`);
  const deadline = Date.now() + (opts.timeoutMs ?? 120000);
  for (;;) {
    const log = existsSync(logFile(home)) ? readFileSync(logFile(home), 'utf8') : '';
    const m = /NEO4J_READY bolt:\/\/127\.0\.0\.1:(\d+)/.exec(log);
    if (m) {
      writeFileSync(portFile(home), `${m[1]}\n`);
      const server = { pid: child.pid!, port: Number(m[1]), uri: `bolt://127.0.0.1:${m[1]}`, home };
      return { server, alreadyRunning: false, log: logFile(home) };
    }
    if (exited) {
      rmSync(pidFile(home), { force: true });
      const tail = scrub(log.trim()).split('\n').slice(-5).join(' | ');
      throw Object.assign(new Error(`the bundled Neo4j exited before it was ready (${exited})${tail ? `: ${tail}` : ''}`), { exitCode: 3 });
    }
    if (Date.now() > deadline) {
      try {
        process.kill(child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      throw Object.assign(new Error(`the bundled Neo4j did not become ready in time; see ${logFile(home)}`), { exitCode: 3 });
    }
    await sleep(250);
  }
}

/** SIGTERM the background server and wait until it has shut the store down. */
export async function stopBackground(home: string = defaultHome(), timeoutMs = 60000): Promise<{ stopped: boolean; pid?: number }> {
  home = resolve(home);
  const pid = readInt(pidFile(home));
  if (!pid || !isLauncherAlive(pid)) {
    rmSync(pidFile(home), { force: true });
    rmSync(portFile(home), { force: true });
    return { stopped: false };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isLauncherAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      await sleep(500);
      break;
    }
    await sleep(200);
  }
  rmSync(pidFile(home), { force: true });
  rmSync(portFile(home), { force: true });
  return { stopped: true, pid };
}

/**
 * A server to talk to: NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) if set; else the running
 * background bundled server; else a new bundled child (the caller must call stop()).
 */
export async function ensureServer(): Promise<{ uri: string; user: string; password: string; stop?: () => Promise<void> }> {
  if (process.env.NEO4J_URI) {
    return { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER || DEFAULT_USER, password: process.env.NEO4J_PASSWORD ?? '' };
  }
  const running = runningServer();
  if (running) return { uri: running.uri, user: DEFAULT_USER, password: bundledPassword() };
  const s = await startBundledServer({ port: portFromEnv() });
  return { uri: s.uri, user: s.user, password: s.password, stop: () => s.stop() };
}
