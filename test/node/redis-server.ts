// A real Redis for the Node tests: Debian's `redis-server` (REDIS_SERVER names another binary),
// started on a free port of 127.0.0.1 with nothing written to disk, ready once it answers PING,
// stopped by stop(). No redis-server installed is an error, never a skip: the tests of the Redis
// store must run (.ci/run installs the package when it is missing).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its folder. */
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER || 'redis-server';
const NOT_INSTALLED =
  `The Redis store's tests need a real Redis, and \`${BINARY}\` was not found.\n` +
  '  On Debian, as root:  apt-get update && apt-get install -y redis-server   (.ci/run does this)\n' +
  '  Elsewhere, install Redis, or point REDIS_SERVER at a redis-server binary.';

/** Starts a redis-server; tries again on another port if the one found free was taken meanwhile. */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      if (error instanceof NotInstalled) throw new Error(NOT_INSTALLED, { cause: error });
      lastError = error;
    }
  }
  throw lastError;
}

class NotInstalled extends Error {}

async function startOnce(port: number): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-redis-'));
  // No persistence (no RDB snapshots, no append-only file), loopback only, in its own folder.
  const child = spawn(
    BINARY,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<Error>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT' ? new NotInstalled() : error));
    child.once('exit', (code, signal) => resolve(new Error(`redis-server exited (${signal ?? code}) before answering PING:\n${output}`)));
  });
  // Never left running if the test process ends without calling stop().
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  const cleanUp = async () => {
    process.removeListener('exit', kill);
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    const outcome = await Promise.race([exited, ping(port)]);
    if (outcome === true) break;
    if (outcome instanceof Error) {
      await cleanUp();
      throw outcome;
    }
    if (Date.now() > deadline) {
      await cleanUp();
      throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop: cleanUp };
}

/** True when a Redis answers PING on the port (inline command, `+PONG`). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.setEncoding('utf8').on('data', (text: string) => {
      reply += text;
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A port nobody listens on now (the OS's pick for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
