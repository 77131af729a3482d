// `npm run bench`: figures of the widget in headless Chromium, printed side by side in one table.
// Nothing is asserted (no timing thresholds); the script exits 1 only when a benchmark fails to run.
//
// - First screen: from the element's connection to its first screen being usable, against the
//   sandbox on loopback through the host proxy (/kyc), with the production CDN bundle
//   (dist/cdn/kyc-onboarding.js, minified: run `npm run build` first). Cold: a new page in a new
//   browser context (empty caches) imports the bundle as the element is appended; warm: the element
//   made again on a page that has the bundle.
// - 200 questions: the sandbox's bench level (createSandbox({ benchLevel: true })): the render of its
//   first step, and the moves between its steps (Continue, Back, to and from the review).
// - Heap: after a whole Basic flow through the widget's controls, and after the widget is removed
//   (a leak indicator), after a full garbage collection (DevTools protocol).
// - Photo fix-up: fixUpPhoto on a 12-megapixel photo (src/internal/photo-fixup.ts).
//
// How: the sandbox chain runs in this process (src/server through tsx); Chromium is driven through
// the DevTools protocol over a pipe (--remote-debugging-pipe, no extra dependency); the page sides
// are test/bench/widget.ts and test/bench/photo-fixup.ts, bundled with esbuild. Every figure is
// measured inside the page with performance.now() (see the definitions printed under the table).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';
import { ensureChromium, findChromium } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'cdn', 'kyc-onboarding.js');
const TOTAL_TIMEOUT_MS = 240_000;
const CALL_TIMEOUT_MS = 90_000;
const RUNS = { cold: 11, warm: 21, warmUps: 2, bigFirstStep: 9, switchRounds: 8, flows: 3 };
const PHOTO_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

const started = performance.now();
const loadBefore = loadavg()[0];
if (!ensureChromium()) process.exit(1);
if (!existsSync(BUNDLE)) {
  console.error('bench failed: dist/cdn/kyc-onboarding.js is missing: run `npm run build` first.');
  process.exit(1);
}

// ── the sandbox chain, on a loopback port ───────────────────────────────────

register();
const { createDemoApp } = await import('../src/server/demo/app.ts');
const { createStaticHandler, demoCsp } = await import('../src/server/demo/static.ts');
const { toNodeListener } = await import('../src/server/proxy/index.ts');

const bundled = async (entry) =>
  (await build({ entryPoints: [entry], bundle: true, format: 'esm', target: 'es2022', write: false, logLevel: 'warning' })).outputFiles[0]
    .contents;
const html = (title, script) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script type="module" src="${script}"></script></head><body></body></html>`;
const [widgetScript, photoScript] = await Promise.all(['widget.ts', 'photo-fixup.ts'].map((name) => bundled(join(ROOT, 'test', 'bench', name))));
const WIDGET_CSP = demoCsp();
const pages = new Map([
  ['/bench/widget.html', { body: html('widget bench', '/bench/widget.js'), type: 'text/html; charset=utf-8', csp: WIDGET_CSP }],
  ['/bench/widget.js', { body: widgetScript, type: 'text/javascript; charset=utf-8' }],
  ['/bench/photo.html', { body: html('photo-fixup bench', '/bench/photo.js'), type: 'text/html; charset=utf-8', csp: PHOTO_CSP }],
  ['/bench/photo.js', { body: photoScript, type: 'text/javascript; charset=utf-8' }],
]);

// The bundle as it is now (a build running meanwhile empties dist/), served as the demo serves it
// (Cache-Control: no-cache, no validators).
const cdn = mkdtempSync(join(tmpdir(), 'kyc-bench-cdn-'));
const built = statSync(BUNDLE).mtime;
cpSync(join(ROOT, 'dist', 'cdn'), cdn, { recursive: true });
const snapshot = join(cdn, 'kyc-onboarding.js');
if (!existsSync(snapshot)) {
  rmSync(cdn, { recursive: true, force: true });
  console.error('bench failed: dist/cdn/ changed while it was copied (a build running?): try again.');
  process.exit(1);
}
const bundleBytes = readFileSync(snapshot);
const app = createDemoApp({
  sandbox: { benchLevel: true },
  fallback: createStaticHandler([{ prefix: '/dist/cdn/', root: cdn }], WIDGET_CSP),
});
const server = createServer(
  toNodeListener(async (request) => {
    const page = request.method === 'GET' ? pages.get(new URL(request.url).pathname) : undefined;
    if (!page) return app.fetch(request);
    const headers = { 'content-type': page.type, 'cache-control': 'no-store' };
    if (page.csp) headers['content-security-policy'] = page.csp;
    return new Response(page.body, { headers });
  }),
);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ── Chromium, driven over a DevTools pipe ───────────────────────────────────

const profile = mkdtempSync(join(tmpdir(), 'kyc-bench-'));
const chromium = spawn(
  findChromium(),
  [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
);
let chromiumLog = '';
chromium.stderr.on('data', (chunk) => (chromiumLog = (chromiumLog + chunk).slice(-4000)));

/** A DevTools protocol connection: JSON messages separated by NUL bytes on fds 3 (to Chromium) and 4 (from it). */
class Cdp {
  #id = 0;
  #calls = new Map();
  #waiters = new Set();
  #closed = null;

  constructor(input, output) {
    this.input = input;
    let pending = [];
    output.on('data', (chunk) => {
      let start = 0;
      for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
        pending.push(chunk.subarray(start, end));
        this.#receive(JSON.parse(Buffer.concat(pending).toString('utf8')));
        pending = [];
        start = end + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    });
    output.on('close', () => this.close(new Error(`Chromium closed the DevTools pipe:\n${chromiumLog}`)));
  }

  #receive(message) {
    if (message.id !== undefined) {
      const call = this.#calls.get(message.id);
      this.#calls.delete(message.id);
      if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
      else call?.resolve(message.result);
      return;
    }
    for (const waiter of this.#waiters) waiter(message);
  }

  send(method, params = {}, sessionId) {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = ++this.#id;
    this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.#calls.set(id, { method, resolve, reject }));
  }

  /** The next event `method` of `sessionId`. */
  event(method, sessionId, timeoutMs = CALL_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${method} within ${timeoutMs / 1000} s`)), timeoutMs);
      const waiter = (message) => {
        if (message === null) finish(this.#closed);
        else if (message.method === method && message.sessionId === sessionId) finish(null, message.params);
      };
      const finish = (error, value) => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        if (error) reject(error);
        else resolve(value);
      };
      this.#waiters.add(waiter);
    });
  }

  close(error) {
    if (this.#closed) return;
    this.#closed = error;
    for (const call of this.#calls.values()) call.reject(error);
    this.#calls.clear();
    for (const waiter of this.#waiters) waiter(null);
  }
}

const cdp = new Cdp(chromium.stdio[3], chromium.stdio[4]);
chromium.on('exit', (code) => cdp.close(new Error(`Chromium exited (${code}) before the bench finished:\n${chromiumLog}`)));

/** A page (a tab), in a browser context of its own when `isolated` (no cache, cookies or process shared). */
async function openPage({ isolated }) {
  const context = isolated ? (await cdp.send('Target.createBrowserContext')).browserContextId : undefined;
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', ...(context ? { browserContextId: context } : {}) });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params) => cdp.send(method, params, sessionId);
  await send('Page.enable');
  // Focus behaves as in a focused window (the widget moves focus to each new screen's heading).
  await send('Emulation.setFocusEmulationEnabled', { enabled: true });
  /** How many objects have the prototype of the element class defined as `tag` (0 when undefined). */
  const live = async (tag) => {
    const objectGroup = 'bench-live';
    try {
      const { result } = await send('Runtime.evaluate', { expression: `customElements.get('${tag}')?.prototype ?? null`, objectGroup });
      if (!result.objectId) return 0;
      const { objects } = await send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup });
      const count = await send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      return count.result.value;
    } finally {
      await send('Runtime.releaseObjectGroup', { objectGroup });
    }
  };
  return {
    send,
    async goto(path) {
      const loaded = cdp.event('Page.loadEventFired', sessionId);
      const { errorText } = await send('Page.navigate', { url: `${origin}${path}` });
      if (errorText) throw new Error(`${path}: ${errorText}`);
      await loaded;
    },
    /** Evaluates an expression (awaiting its promise) and answers its JSON value; a page exception throws. */
    async call(expression) {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${expression}: no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
      });
      try {
        const answer = await Promise.race([send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }), timeout]);
        if (answer.exceptionDetails) {
          const { exception, text } = answer.exceptionDetails;
          throw new Error(`${expression}: ${exception?.description ?? exception?.value ?? text}`);
        }
        return answer.result.value;
      } finally {
        clearTimeout(timer);
      }
    },
    /** The page's heap after full garbage collections, and its renderer's DOM counters. */
    async heap() {
      for (let i = 0; i < 3; i++) await send('HeapProfiler.collectGarbage');
      const usage = await send('Runtime.getHeapUsage');
      const dom = await send('Memory.getDOMCounters');
      return {
        js: usage.usedSize,
        embedder: usage.embedderHeapUsedSize ?? null,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
        documents: dom.documents,
        // Live instances (Runtime.queryObjects collects garbage first): none once every widget is removed.
        widgets: await live('kyc-onboarding'),
        questions: await live('kyc-question'),
      };
    },
    /** Closes the page (quietly: it runs in `finally`, after the failure that matters). */
    async close() {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      if (context) await cdp.send('Target.disposeBrowserContext', { browserContextId: context }).catch(() => undefined);
    },
  };
}

// ── the benchmarks ──────────────────────────────────────────────────────────

const results = {};
const violations = new Set();
const collect = (list, key, value) => (list[key] ??= []).push(value);

async function firstScreens() {
  const cold = {};
  for (let run = 0; run < RUNS.cold; run++) {
    for (const start of ['step', 'levels']) {
      const page = await openPage({ isolated: true });
      try {
        await page.goto('/bench/widget.html');
        const times = await page.call(`bench.firstScreen({ cold: true, start: '${start}' })`);
        for (const [name, value] of Object.entries(times)) collect(cold, `${start}.${name}`, value);
        for (const violation of await page.call('bench.violations()')) violations.add(violation);
      } finally {
        await page.close();
      }
    }
  }
  const warm = {};
  const big = {};
  const page = await openPage({ isolated: true });
  try {
    await page.goto('/bench/widget.html');
    await page.call('bench.loadModule()');
    for (let run = 0; run < RUNS.warmUps; run++) {
      await page.call(`bench.firstScreen({ cold: false, start: 'step' })`);
      await page.call(`bench.firstScreen({ cold: false, start: 'levels' })`);
    }
    for (let run = 0; run < RUNS.warm; run++) {
      for (const start of ['step', 'levels']) {
        const times = await page.call(`bench.firstScreen({ cold: false, start: '${start}' })`);
        for (const [name, value] of Object.entries(times)) collect(warm, `${start}.${name}`, value);
      }
    }
    await page.call('bench.bigFirstStep()'); // warm-up
    for (let run = 0; run < RUNS.bigFirstStep; run++) {
      for (const [name, value] of Object.entries(await page.call('bench.bigFirstStep()'))) collect(big, name, value);
    }
    for (const violation of await page.call('bench.violations()')) violations.add(violation);
  } finally {
    await page.close();
  }
  Object.assign(results, { cold, warm, big });
}

async function stepSwitches() {
  const page = await openPage({ isolated: true });
  try {
    await page.goto('/bench/widget.html');
    await page.call('bench.loadModule()');
    const before = await page.heap();
    const shape = await page.call('bench.switchSetup()');
    const switches = {};
    for (let round = 0; round <= RUNS.switchRounds; round++) {
      const times = await page.call(`bench.switchRound(${round}, ${round === 0})`);
      for (const [name, values] of Object.entries(times)) for (const value of values) collect(switches, name, value);
    }
    const shown = await page.heap();
    await page.call('bench.removeWidget()');
    const removed = await page.heap();
    for (const violation of await page.call('bench.violations()')) violations.add(violation);
    Object.assign(results, { switches, shape, bigHeap: { before, shown, removed } });
  } finally {
    await page.close();
  }
}

async function heapAfterFlows() {
  const page = await openPage({ isolated: true });
  try {
    await page.goto('/bench/widget.html');
    await page.call('bench.loadModule()');
    const before = await page.heap();
    await page.call('bench.basicFlow()');
    const shown = await page.heap();
    await page.call('bench.removeWidget()');
    const removed = await page.heap();
    for (let flow = 1; flow < RUNS.flows; flow++) {
      await page.call('bench.basicFlow()');
      await page.call('bench.removeWidget()');
    }
    const removedAll = await page.heap();
    for (const violation of await page.call('bench.violations()')) violations.add(violation);
    results.heap = { before, shown, removed, removedAll };
  } finally {
    await page.close();
  }
}

async function photoFixup() {
  const page = await openPage({ isolated: false });
  try {
    await page.goto('/bench/photo.html');
    results.photo = await page.call('benchPhotoFixup()');
  } finally {
    await page.close();
  }
}

let failure = null;
const deadline = setTimeout(() => cdp.close(new Error(`the bench took more than ${TOTAL_TIMEOUT_MS / 1000} s`)), TOTAL_TIMEOUT_MS);
try {
  results.version = await cdp.send('Browser.getVersion');
  for (const [name, run] of [
    ['first screen', firstScreens],
    ['step switches', stepSwitches],
    ['heap', heapAfterFlows],
    ['photo fix-up', photoFixup],
  ]) {
    try {
      await run();
    } catch (error) {
      throw new Error(`${name}: ${error.message}`);
    }
  }
} catch (error) {
  failure = error;
} finally {
  clearTimeout(deadline);
  cdp.close(new Error('closed'));
  const exited = new Promise((resolve) => (chromium.exitCode === null ? chromium.once('exit', resolve) : resolve()));
  chromium.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (chromium.exitCode === null) chromium.kill('SIGKILL');
  server.closeAllConnections();
  server.close();
  for (const dir of [profile, cdn]) {
    try {
      // Chromium's helper processes may still be writing to the profile for a moment after it exits.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (cleanup) {
      console.warn(`could not remove the temporary folder ${dir}: ${cleanup.message}`);
    }
  }
}
if (failure) {
  console.error(`bench failed: ${failure.message}`);
  process.exit(1);
}
const elapsed = (performance.now() - started) / 1000;
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 1));

// ── the table ───────────────────────────────────────────────────────────────

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const signedMib = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024 / 1024).toFixed(2)} MiB`;
const int = (n) => n.toLocaleString('en-US');

const rows = [];
const section = (title) => rows.push({ title });
const timing = (label, values, note = '') => {
  if (!values?.length) throw new Error(`no figures for ${label}`);
  const s = sorted(values);
  rows.push({ label, median: ms(median(s)), min: ms(s[0]), max: ms(s.at(-1)), runs: String(s.length), note });
};
const figure = (label, value, note = '') => rows.push({ label, median: value, min: '', max: '', runs: '1', note });

const { cold, warm, big, switches, shape, bigHeap, heap, photo } = results;
const basic = 'Basic draft, step 1 "Personal data" (6 questions)';
section(`First screen, from document.body.append(el) — ${basic}`);
timing(
  'cold: step 1 interactive (bundle load included)',
  cold['step.interactive'],
  `bundle evaluated at ${ms(median(cold['step.module']))}, kyc-ready at ${ms(median(cold['step.ready']))}`,
);
timing('cold: step 1 complete (countries read, combobox defined)', cold['step.complete']);
timing('warm: step 1 interactive', warm['step.interactive'], `kyc-ready at ${ms(median(warm['step.ready']))}`);
timing('warm: step 1 complete', warm['step.complete']);
section('First screen, from document.body.append(el) — new client, no application');
timing(
  'cold: level choice interactive (bundle load included)',
  cold['levels.interactive'],
  `bundle evaluated at ${ms(median(cold['levels.module']))}, kyc-ready at ${ms(median(cold['levels.ready']))}`,
);
timing('warm: level choice interactive', warm['levels.interactive'], `kyc-ready at ${ms(median(warm['levels.ready']))}`);
section(`200 questions (sandbox bench level: ${shape.questions} questions, ${shape.steps} steps of ${shape.questions / shape.steps}), warm`);
timing('first step rendered, from kyc-ready (data arrived)', big.renderFromData, '40 questions drawn, controls may wait for reads');
timing('first step interactive, from append', big.interactive, `kyc-ready at ${ms(median(big.ready))}`);
timing('first step complete, from append', big.complete, '8 option lists, 2 legal documents read');
timing('Continue, step seen before, nothing to save', switches.next, 'click → step rendered, focus on heading');
timing('Back to the previous step', switches.back);
timing('Continue storing 1 changed answer', switches.save, 'PATCH + 200-question answer parsed');
timing('Continue to a step shown for the first time', switches.firstVisit, 'its options and documents read');
timing('Continue to the review (200 answers)', switches.toReview);
timing('Back from the review to step 5', switches.backFromReview);
section('Heap after full GC (DevTools HeapProfiler.collectGarbage, Runtime.getHeapUsage, Memory.getDOMCounters)');
const dom = (h) => `${int(h.nodes)} DOM nodes, ${int(h.listeners)} listeners${h.embedder === null ? '' : `, Blink heap ${mib(h.embedder)}`}`;
const alive = (h) => `live elements: ${h.widgets} kyc-onboarding, ${h.questions} kyc-question`;
figure('page with the bundle, no widget (baseline)', mib(heap.before.js), dom(heap.before));
figure('Basic flow done through the UI, widget on page', signedMib(heap.shown.js - heap.before.js), `${dom(heap.shown)}; ${alive(heap.shown)}`);
figure('… widget removed', signedMib(heap.removed.js - heap.before.js), `${alive(heap.removed)}; ${dom(heap.removed)}`);
figure(
  '… each further flow, widget removed (leak indicator)',
  signedMib((heap.removedAll.js - heap.removed.js) / (RUNS.flows - 1)),
  `after ${RUNS.flows} flows: ${signedMib(heap.removedAll.js - heap.before.js)}, ${alive(heap.removedAll)}, ${int(heap.removedAll.nodes)} DOM nodes`,
);
figure('200-question walk done, widget on page', signedMib(bigHeap.shown.js - bigHeap.before.js), `${dom(bigHeap.shown)}; ${alive(bigHeap.shown)}`);
figure('… widget removed', signedMib(bigHeap.removed.js - bigHeap.before.js), `${alive(bigHeap.removed)}; ${dom(bigHeap.removed)}`);
section(`Photo fix-up: fixUpPhoto, ${photo.source.width} × ${photo.source.height} synthetic photo (JPEG quality ${photo.source.quality})`);
timing('time (1 warm-up run not counted)', photo.times);
figure('bytes after', mib(photo.after), `${photo.width} × ${photo.height}${photo.changed ? '' : ', unchanged'}; before: ${mib(photo.before)}`);
figure('saved', `${(100 * (1 - photo.after / photo.before)).toFixed(1)} %`);

// The environment.
const browser = /(?:Headless)?Chrome\/[\d.]+/.exec(results.version.product)?.[0] ?? results.version.product;
/** The newest change of the browser code the bundle is built from (src/ but its tests and src/server/). */
const newestSource = readdirSync(join(ROOT, 'src'), { withFileTypes: true, recursive: true })
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .filter((path) => /\.ts$/.test(path) && !/\.test\.ts$/.test(path) && !path.startsWith(join(ROOT, 'src', 'server')))
  .reduce((latest, path) => Math.max(latest, statSync(path).mtimeMs), 0);
const stale = newestSource > built.getTime();
const cpu = cpus();

const width = { label: 58, median: 13, min: 10, max: 10, runs: 5 };
const line = (r) =>
  `  ${r.label.padEnd(width.label)}${r.median.padStart(width.median)}${r.min.padStart(width.min)}${r.max.padStart(width.max)}${r.runs.padStart(width.runs)}  ${r.note}`.trimEnd();

const glance = [
  `first step interactive ${ms(median(cold['step.interactive']))} cold / ${ms(median(warm['step.interactive']))} warm`,
  `200-question step: render ${ms(median(big.renderFromData))}, switch ${ms(median(switches.next))}, save+switch ${ms(median(switches.save))}`,
  `heap after Basic flow ${signedMib(heap.shown.js - heap.before.js)}, after removal ${signedMib(heap.removed.js - heap.before.js)}`,
  `photo fix-up ${ms(median(photo.times))}, ${(100 * (1 - photo.after / photo.before)).toFixed(0)} % smaller`,
];
console.log('\nkyc-onboarding bench — figures only, no thresholds (medians; min and max of the runs)');
console.log(`  at a glance: ${glance.slice(0, 2).join(' · ')}`);
console.log(`               ${glance.slice(2).join(' · ')}`);
console.log(
  `  environment: ${browser} headless, Node ${process.version}, ${platform()} ${release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; sandbox + proxy on ${origin} (loopback, same process)`,
);
const loadAfter = loadavg()[0];
console.log(
  `  load:        1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} after${Math.max(loadBefore, loadAfter) > cpu.length ? ` (above ${cpu.length} cores: other work shared them, the figures are noisier than usual)` : ''}`,
);
console.log(
  `  bundle:      dist/cdn/kyc-onboarding.js ${int(bundleBytes.length)} B (${int(gzipSync(bundleBytes, { level: 9 }).length)} B gzip), built ${built.toISOString().replace(/\.\d+Z$/, 'Z')}${stale ? ' — OLDER than src/: run `npm run build` for current figures' : ''}`,
);
console.log(`\n  ${''.padEnd(width.label)}${'median'.padStart(width.median)}${'min'.padStart(width.min)}${'max'.padStart(width.max)}${'runs'.padStart(width.runs)}`);
for (const row of rows) console.log(row.title ? `\n ${row.title}` : line(row));
console.log(`
 Definitions
  - Times are measured in the page with performance.now(). A milestone counts when the DOM shows it, after style and
    layout were forced (getBoundingClientRect); painting is not included. A MutationObserver on the widget's shadow
    roots notices milestones (a 4 ms timer catches changes that mutate nothing observed).
  - interactive: kyc-ready fired (the widget fires no kyc-step-change for the step it opens on: the person did not
    move), the screen's heading and every question rendered, and its first control usable (level choice: the levels
    and an enabled Start button). complete: every control of the step usable (options and legal documents read,
    lazily loaded controls defined and rendered).
  - The checks' own time is inside the figures: median ${ms(median(cold['step.overhead']))} per cold first step, ${ms(median(warm['step.overhead']))} per warm one,
    ${ms(median(big.overhead))} per 200-question first step, ${ms(median(switches.overhead))} per step move.
  - cold: a new page in a new browser context (empty HTTP and code caches) imports the CDN bundle at the moment the still
    undefined element is appended; the page and its setup (fresh client, login, application) are not timed. warm: the
    element made again on a page that has the bundle (${RUNS.warmUps} warm-up runs not counted); each run is a fresh client.
  - Step moves: a focus and click on Continue or Back, to the next screen rendered with every control usable and the
    focus on its heading. The 200-question application is answered through the proxy beforehand but for one text
    question of step 1, typed again each round and stored by Continue; round 1 is a warm-up whose first visits of
    steps 3-5 are the "shown for the first time" figure.
  - Heap: V8's used JS heap of the page after 3 full collections (HeapProfiler.collectGarbage), against the same page
    before its first widget; Blink's heap, DOM nodes and listeners are the renderer's (Memory.getDOMCounters), live
    elements counted with Runtime.queryObjects. What stays after the first widget is removed is paid once per page
    (compiled code, Lit's template cache: the DOM nodes left are its <template>s). Leak indicators: live elements
    (0 once removed) and DOM nodes not growing from flow to flow. The JS heap's per-flow growth was, in a heap-snapshot
    diff of flows 3 to 9 made when this bench was written, V8's optimized code (InstructionStream, FeedbackVector) and
    the page's layout-shift entries, not the widget's objects.
  - Photo fix-up: fixUpPhoto(file, 'jpeg') under a strict CSP (${PHOTO_CSP}).`);
if (violations.size > 0) console.log(`\n  CSP violations on the widget page: ${[...violations].join('; ')}`);
else console.log(`\n  CSP: no violation on the widget page (the demo's policy, Trusted Types on)${photo.violations.length ? '' : ' nor on the photo page'}.`);
if (photo.violations.length > 0) console.log(`  CSP violations on the photo page: ${photo.violations.join('; ')}`);
console.log(`  The bench took ${elapsed.toFixed(0)} s.`);
