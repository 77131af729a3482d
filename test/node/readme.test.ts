// The README's host-proxy examples run as written: each program is started in a process of its own
// (its `listen` moved to a free loopback port) and its proxy asked over HTTP; the Next.js route
// module is called as Next.js calls it; fragments run with the package's exports in scope. Only the
// package name is pointed at this checkout's source, and `upstream`, `credentials`, `authorize` and
// `mySessions` stand for the partner's own.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as api from '../../src/api/index.js';
import * as proxyExports from '../../src/server/proxy/index.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## The host proxy\n'), README.indexOf('## The API client\n'));
const BLOCKS = [...SECTION.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);

/** Inside node_modules, so the examples' own imports (express, redis) resolve as in a partner's app. */
const work = mkdtempSync(join(ROOT, 'node_modules', '.readme-examples-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** What stands for the partner's own code, in the example's process and in this one. */
const PARTNER = `
globalThis.mySessions = { identityOf: () => null };
globalThis.upstream = 'https://platform.invalid/api';
globalThis.credentials = { authorization: 'Api-Key test' };
globalThis.authorize = () => null;
process.env.PLATFORM_KEY ??= 'platform-key';
process.env.KYC_TOKEN_SECRET ??= 'a-token-secret-of-at-least-32-bytes';
`;
const PRELUDE = join(work, 'prelude.mjs');
writeFileSync(
  PRELUDE,
  `import http from 'node:http';
${PARTNER}
// Every server the example starts listens on a free loopback port instead, and says which.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  const done = typeof args.at(-1) === 'function' ? args.at(-1) : undefined;
  return listen.call(this, 0, '127.0.0.1', () => {
    console.log('LISTENING ' + this.address().port);
    done?.();
  });
};
`,
);
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's stand-ins for the partner's code, run here too
new Function(PARTNER)();

/** The example with the package name pointed at this checkout's source. */
function sourced(code: string): string {
  return code
    .replaceAll("'kyc-onboarding/proxy'", `'${pathToFileURL(join(ROOT, 'src/server/proxy/index.ts')).href}'`)
    .replaceAll("'kyc-onboarding'", `'${pathToFileURL(join(ROOT, 'src/index.ts')).href}'`);
}

let written = 0;
function write(code: string, extension = 'mjs'): string {
  const file = join(work, `example-${(written += 1)}.${extension}`);
  writeFileSync(file, sourced(code));
  return file;
}

/** Starts an example program; resolves with the ports it listens on once it has said so. */
async function run(code: string, env: Record<string, string> = {}): Promise<{ ports: number[]; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(PRELUDE).href, write(code)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ports: number[] = [];
  const servers = (code.match(/\.listen\(/g) ?? []).length;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the example did not start in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const [, port] of output.matchAll(/^LISTENING (\d+)$/gm)) if (!ports.includes(Number(port))) ports.push(Number(port));
      if (ports.length === servers) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return { ports, child };
}

/** A browser's first call through a proxy mounted at /kyc, with no session: the proxy's own 401. */
async function expectProxyAt(base: string | ((request: Request) => Promise<Response>)): Promise<void> {
  const url = 'http://127.0.0.1/kyc/v1/clients/kyc-level-info/';
  const response = typeof base === 'string' ? await fetch(new URL('/kyc/v1/clients/kyc-level-info/', base)) : await base(new Request(url));
  assert.equal(response.status, 401);
  assert.equal(typeof (await response.json()).detail, 'string');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
}

describe("README: the host proxy's examples run as written", () => {
  let redis: RedisServer;
  const children: ChildProcess[] = [];
  before(async () => {
    redis = await startRedisServer();
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await redis?.stop();
  });

  test('the section has its examples (a program per way to mount it, and the fragments)', () => {
    assert.ok(BLOCKS.length >= 8, `${BLOCKS.length} examples`);
    // Every Node mount names the origin the proxy may trust (never the client's Host).
    const mounts = BLOCKS.flatMap((code) => [...code.matchAll(/toNodeListener\((\w+)(, \{ origin: '[^']+' \})?\)/g)]);
    assert.ok(mounts.length >= 4, `${mounts.length} mounts`);
    for (const mount of mounts) assert.ok(mount[2], mount[0]);
  });

  for (const [index, code] of BLOCKS.entries()) {
    const title = code
      .split('\n')
      .find((line) => line.trim() !== '')!
      .slice(0, 70);
    test(`example ${index + 1}: ${title}`, { timeout: 60_000 }, async () => {
      if (code.includes('.listen(')) {
        const { ports, child } = await run(code, { REDIS_URL: redis.url });
        children.push(child);
        for (const port of ports) await expectProxyAt(`http://127.0.0.1:${port}`);
        child.kill('SIGKILL');
      } else if (code.includes('export {')) {
        const route = (await import(pathToFileURL(write(code)).href)) as Record<string, (request: Request) => Promise<Response>>;
        for (const method of ['GET', 'POST', 'PATCH', 'OPTIONS']) assert.equal(typeof route[method], 'function', method);
        await expectProxyAt(route['GET']);
      } else if (code.includes('module.exports')) {
        const config = createRequire(import.meta.url)(write(code, 'cjs'));
        assert.equal(config.skipTrailingSlashRedirect, true);
      } else {
        // A fragment: it runs with the package's exports in scope, as the sentences around it say.
        const scope = { ...proxyExports, ...api };
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own text is what runs
        new Function(...Object.keys(scope), code)(...Object.values(scope));
      }
    });
  }
});
