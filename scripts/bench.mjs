// `npm run bench`: how much fixUpPhoto (src/internal/photo-fixup.ts) saves on a 12-megapixel photo,
// and how long it takes, in headless Chromium. Prints figures; it is not a test (nothing is
// asserted but that the run completes). Bundles test/bench/photo-fixup.ts with esbuild, serves it on a
// loopback port under a strict Content-Security-Policy, and reads the figures the page posts back.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureChromium, findChromium } from './chromium.mjs';

const TIMEOUT_MS = 180_000;
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

if (!ensureChromium()) process.exit(1);

const bundle = await build({
  entryPoints: ['test/bench/photo-fixup.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].contents;
const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>photo-fixup bench</title><script type="module" src="/bench.js"></script></head><body></body></html>';

let settle;
const outcome = new Promise((resolve) => (settle = resolve));
const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    response.end(page);
  } else if (request.method === 'GET' && request.url === '/bench.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    response.end(script);
  } else if (request.method === 'POST' && request.url === '/result') {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(204).end();
      try {
        settle({ result: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch (error) {
        settle({ error: `unreadable result: ${error}` });
      }
    });
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), 'kyc-bench-'));
const chromium = spawn(
  findChromium(),
  [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--user-data-dir=${profile}`,
    url,
  ],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);
let chromiumLog = '';
chromium.stderr.on('data', (chunk) => (chromiumLog = (chromiumLog + chunk).slice(-4000)));
chromium.on('exit', (code) => settle({ error: `Chromium exited (${code}) before the bench finished:\n${chromiumLog}` }));
const timer = setTimeout(() => settle({ error: `no result in ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);

const { result, error } = await outcome;
clearTimeout(timer);
chromium.removeAllListeners('exit');
const exited = new Promise((resolve) => (chromium.exitCode === null ? chromium.once('exit', resolve) : resolve()));
chromium.kill('SIGTERM');
await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
if (chromium.exitCode === null) chromium.kill('SIGKILL');
server.close();
try {
  // Chromium's helper processes may still be writing to the profile for a moment after it exits.
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
} catch (cleanup) {
  console.warn(`could not remove the temporary profile ${profile}: ${cleanup.message}`);
}

const failure = error ?? result.error;
if (failure) {
  console.error(`bench failed: ${failure}`);
  process.exit(1);
}

const times = [...result.times].sort((a, b) => a - b);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const int = (n) => n.toLocaleString('en-US');
const browser = /(?:Headless)?Chrome\/[\d.]+/.exec(result.browser)?.[0] ?? result.browser;
console.log(`fixUpPhoto, ${result.source.width} × ${result.source.height} synthetic photo (JPEG quality ${result.source.quality}), ${browser}`);
console.log(`  bytes before:  ${int(result.before).padStart(11)}  (${mib(result.before)})`);
console.log(`  bytes after:   ${int(result.after).padStart(11)}  (${mib(result.after)}, ${result.width} × ${result.height}${result.changed ? '' : ', unchanged'})`);
console.log(`  saved:         ${(100 * (1 - result.after / result.before)).toFixed(1).padStart(11)} %`);
console.log(`  time:          ${median.toFixed(0).padStart(11)} ms median of ${times.length} runs (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}; 1 warm-up run not counted)`);
if (result.violations.length > 0) console.log(`  CSP violations: ${result.violations.join('; ')}`);
else console.log('  CSP: no violation under ' + CSP);
