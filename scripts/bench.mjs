// `npm run bench`: figures of the widget in headless Chromium, printed side by side in one table.
// Nothing is asserted on time (no thresholds); the script exits 1 when a benchmark fails to run, or
// when a measured page broke its Content-Security-Policy (the figures would be of a broken widget).
//
// - First screen: from the element's connection to its first screen being usable, against the
//   sandbox on loopback through the host proxy (/kyc), with the production CDN bundle
//   (dist/cdn/kyc-onboarding.js, minified: `npm run bench` builds it first; run alone, this script
//   says when it is stale). Cold: a new page in a new
//   browser context (empty caches) imports the bundle as the element is appended; warm: the element
//   made again on a page that has the bundle.
// - 200 questions: the sandbox's bench level (createSandbox({ benchLevel: true })): the render of its
//   first step, and the moves between its steps (Continue, Back, to and from the review).
// - Heap: after a whole Basic flow through the widget's controls, and after the widget is removed
//   (a leak indicator), after a full garbage collection (DevTools protocol).
// - Photo fix-up: fixUpPhoto on a 12-megapixel photo (src/internal/photo-fixup.ts).
// - Photo quality checks: their time on that photo, and their hits and misses on the corpus of
//   document pictures (test/helpers/document-corpus.ts).
// - Document camera: the live measure of a camera picture, and what it says of each scene of the
//   fake camera the tests use.
// - Host proxy ownership check (Node only, test/bench/proxy-ownership.ts): the level-info reads the
//   proxy makes on its own in typical and hostile sequences, and its cost per forwarded request.
//
// How: the sandbox chain runs in this process (startSandboxServer from src/server through tsx);
// Chromium is driven by playwright-core (scripts/chromium.mjs), the heap figures through its
// DevTools-protocol sessions; the page sides are test/bench/widget.ts and test/bench/photo-fixup.ts,
// bundled with esbuild. Every figure is measured inside the page with performance.now() (see the
// definitions printed under the table).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';
import { BUILDS, staleReason } from './build-when-stale.mjs';
import { describeProblem, ensureChromium, launchChromium, recordPageProblems } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'cdn', 'kyc-onboarding.js');
const TOTAL_TIMEOUT_MS = 240_000;
const CALL_TIMEOUT_MS = 90_000;
const RUNS = { cold: 11, warm: 21, warmUps: 2, bigFirstStep: 9, switchRounds: 8, flows: 3 };
const PHOTO_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";
const WIDGET_PAGE = '/bench/widget/';
const PHOTO_PAGE = '/bench/photo/';

const started = performance.now();
const loadBefore = loadavg()[0];
if (!ensureChromium()) process.exit(1);
if (!existsSync(BUNDLE)) {
  console.error('bench failed: dist/cdn/kyc-onboarding.js is missing: run `npm run build` first.');
  process.exit(1);
}

// ── the sandbox chain, on a loopback port ───────────────────────────────────

register();
const { startSandboxServer } = await import('../src/server/cli.ts');
const { BENCH_ANSWERS } = await import('../src/server/sandbox/seed.ts');

// What the server serves, in a temporary folder: the two pages, and the bundle as it is now (a build
// running meanwhile empties dist/), served as the demo serves it (Cache-Control: no-cache, no validators).
const served = mkdtempSync(join(tmpdir(), 'kyc-bench-'));
const bundled = async (entry) =>
  (await build({ entryPoints: [entry], bundle: true, format: 'esm', target: 'es2022', write: false, logLevel: 'warning' })).outputFiles[0]
    .contents;
const html = (title) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script type="module" src="page.js"></script></head><body></body></html>`;
for (const [folder, title, entry] of [
  ['widget', 'widget bench', 'widget.ts'],
  ['photo', 'photo-fixup bench', 'photo-fixup.ts'],
]) {
  mkdirSync(join(served, folder));
  writeFileSync(join(served, folder, 'index.html'), html(title));
  writeFileSync(join(served, folder, 'page.js'), await bundled(join(ROOT, 'test', 'bench', entry)));
}
const built = statSync(BUNDLE).mtime;
const stale = staleReason(BUILDS.cdn);
cpSync(join(ROOT, 'dist', 'cdn'), join(served, 'cdn'), { recursive: true });
const snapshot = join(served, 'cdn', 'kyc-onboarding.js');
if (!existsSync(snapshot)) {
  rmSync(served, { recursive: true, force: true });
  console.error('bench failed: dist/cdn/ changed while it was copied (a build running?): try again.');
  process.exit(1);
}
const bundleBytes = readFileSync(snapshot);
// The widget page has the demo page's policy (the server's default); the photo page a stricter one.
const server = await startSandboxServer({
  port: 0,
  sandbox: { benchLevel: true },
  mounts: [
    { prefix: '/dist/cdn/', root: join(served, 'cdn') },
    { prefix: WIDGET_PAGE, root: join(served, 'widget') },
    { prefix: PHOTO_PAGE, root: join(served, 'photo'), csp: PHOTO_CSP },
  ],
});
const origin = new URL(server.url).origin;

// ── Chromium ────────────────────────────────────────────────────────────────

const browser = await launchChromium();
/** The CSP violations seen on each page (by path). */
const violations = new Map([
  [WIDGET_PAGE, new Set()],
  [PHOTO_PAGE, new Set()],
]);

/**
 * Runs `work` with a page (a tab) showing `path`, in a browser context of its own (no cache,
 * cookies or process shared); answers what `work` answers. Playwright emulates a focused window
 * (the widget moves focus to each new screen's heading).
 */
async function onPage(path, work) {
  const context = await browser.newContext();
  const problems = await recordPageProblems(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  /** How many objects have the prototype of the element class defined as `tag` (0 when undefined). */
  const live = async (tag) => {
    const objectGroup = 'bench-live';
    try {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `customElements.get('${tag}')?.prototype ?? null`, objectGroup });
      if (!result.objectId) return 0;
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup });
      const count = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      return count.result.value;
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
    }
  };
  const tab = {
    /** Evaluates an expression (awaiting its promise) and answers its value; a page exception, or an uncaught error meanwhile, throws. */
    async call(expression) {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${expression}: no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
      });
      let answer;
      let failure = null;
      try {
        answer = await Promise.race([page.evaluate(expression), timeout]);
      } catch (error) {
        failure = error;
      } finally {
        clearTimeout(timer);
      }
      const errors = problems.filter((problem) => problem.kind === 'page error');
      if (errors.length > 0) throw new Error(`${expression}: ${errors.map(describeProblem).join('; ')}`);
      if (failure) throw new Error(failure.message.startsWith(expression) ? failure.message : `${expression}: ${failure.message}`);
      return answer;
    },
    /** The page's heap after full garbage collections, and its renderer's DOM counters. */
    async heap() {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
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
  };
  try {
    await page.goto(`${origin}${path}`);
    return await work(tab);
  } finally {
    for (const problem of problems) if (problem.kind === 'CSP violation') violations.get(path).add(problem.text);
    await context.close().catch(() => undefined); // quietly: after the failure that matters
  }
}

// ── the benchmarks ──────────────────────────────────────────────────────────

const results = {};
const collect = (list, key, value) => (list[key] ??= []).push(value);

async function firstScreens() {
  const cold = {};
  for (let run = 0; run < RUNS.cold; run++) {
    for (const start of ['step', 'levels']) {
      const times = await onPage(WIDGET_PAGE, (page) => page.call(`bench.firstScreen({ cold: true, start: '${start}' })`));
      for (const [name, value] of Object.entries(times)) collect(cold, `${start}.${name}`, value);
    }
  }
  const warm = {};
  const big = {};
  await onPage(WIDGET_PAGE, async (page) => {
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
  });
  Object.assign(results, { cold, warm, big });
}

async function stepSwitches() {
  await onPage(WIDGET_PAGE, async (page) => {
    await page.call('bench.loadModule()');
    const before = await page.heap();
    const shape = await page.call(`bench.switchSetup(${JSON.stringify(BENCH_ANSWERS)})`);
    const switches = {};
    for (let round = 0; round <= RUNS.switchRounds; round++) {
      const times = await page.call(`bench.switchRound(${round}, ${round === 0})`);
      for (const [name, values] of Object.entries(times)) for (const value of values) collect(switches, name, value);
    }
    const shown = await page.heap();
    await page.call('bench.removeWidget()');
    const removed = await page.heap();
    Object.assign(results, { switches, shape, bigHeap: { before, shown, removed } });
  });
}

async function heapAfterFlows() {
  await onPage(WIDGET_PAGE, async (page) => {
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
    results.heap = { before, shown, removed, removedAll };
  });
}

async function proxyOwnership() {
  const { measureOwnership } = await import('../test/bench/proxy-ownership.ts');
  results.ownership = await measureOwnership();
}

async function photoFixup() {
  results.quality = await onPage(PHOTO_PAGE, (page) => page.call('benchPhotoQuality()'));
  results.live = await onPage(PHOTO_PAGE, (page) => page.call('benchLiveGuidance()'));
  results.photo = await onPage(PHOTO_PAGE, (page) => page.call('benchPhotoFixup()'));
  results.photo.violations = [...violations.get(PHOTO_PAGE)];
}

let failure = null;
let timedOut = false;
const deadline = setTimeout(() => {
  timedOut = true;
  browser.close().catch(() => undefined); // what is under way fails
}, TOTAL_TIMEOUT_MS);
try {
  results.version = await (await browser.newBrowserCDPSession()).send('Browser.getVersion');
  for (const [name, run] of [
    ['first screen', firstScreens],
    ['step switches', stepSwitches],
    ['heap', heapAfterFlows],
    ['photo fix-up', photoFixup],
    ['proxy ownership', proxyOwnership],
  ]) {
    try {
      await run();
    } catch (error) {
      throw new Error(`${name}: ${error.message}`, { cause: error });
    }
  }
} catch (error) {
  failure = timedOut ? new Error(`the bench took more than ${TOTAL_TIMEOUT_MS / 1000} s`) : error;
} finally {
  clearTimeout(deadline);
  await browser.close().catch(() => undefined);
  await server.close();
  rmSync(served, { recursive: true, force: true });
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

const { cold, warm, big, switches, shape, bigHeap, heap, photo, quality, live, ownership } = results;
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
section(
  `200 questions (sandbox bench level: ${shape.questions} questions, ${shape.steps} steps of ${shape.questions / shape.steps}), warm`,
);
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
const dom = (h) =>
  `${int(h.nodes)} DOM nodes, ${int(h.listeners)} listeners${h.embedder === null ? '' : `, Blink heap ${mib(h.embedder)}`}`;
const alive = (h) => `live elements: ${h.widgets} kyc-onboarding, ${h.questions} kyc-question`;
figure('page with the bundle, no widget (baseline)', mib(heap.before.js), dom(heap.before));
figure(
  'Basic flow done through the UI, widget on page',
  signedMib(heap.shown.js - heap.before.js),
  `${dom(heap.shown)}; ${alive(heap.shown)}`,
);
figure('… widget removed', signedMib(heap.removed.js - heap.before.js), `${alive(heap.removed)}; ${dom(heap.removed)}`);
figure(
  '… each further flow, widget removed (leak indicator)',
  signedMib((heap.removedAll.js - heap.removed.js) / (RUNS.flows - 1)),
  `after ${RUNS.flows} flows: ${signedMib(heap.removedAll.js - heap.before.js)}, ${alive(heap.removedAll)}, ${int(heap.removedAll.nodes)} DOM nodes`,
);
figure(
  '200-question walk done, widget on page',
  signedMib(bigHeap.shown.js - bigHeap.before.js),
  `${dom(bigHeap.shown)}; ${alive(bigHeap.shown)}`,
);
figure('… widget removed', signedMib(bigHeap.removed.js - bigHeap.before.js), `${alive(bigHeap.removed)}; ${dom(bigHeap.removed)}`);
section(`Photo fix-up: fixUpPhoto, ${photo.source.width} × ${photo.source.height} synthetic photo (JPEG quality ${photo.source.quality})`);
timing('time (1 warm-up run not counted)', photo.times);
figure(
  'bytes after',
  mib(photo.after),
  `${photo.width} × ${photo.height}${photo.changed ? '' : ', unchanged'}; before: ${mib(photo.before)}`,
);
figure('saved', `${(100 * (1 - photo.after / photo.before)).toFixed(1)} %`);
section(`Photo quality checks (src/internal/photo-quality.ts): the same photo, and the corpus of ${quality.pictures} document pictures`);
timing('whole check (decode, scale, measure, judge)', quality.whole);
timing('… decode and scale to the 1024 px copy', quality.decode);
timing('… measure and judge the copy', quality.measure);
for (const [check, { hits, misses, falseAlarms }] of Object.entries(quality.tally)) {
  figure(
    `corpus: ${check}`,
    `${hits} hit${hits === 1 ? '' : 's'}`,
    `${misses} missed, ${falseAlarms} false alarm${falseAlarms === 1 ? '' : 's'}`,
  );
}
section('Document camera: the live measure of a 1280 × 720 picture (src/internal/capture-guidance.ts), every 200 ms');
timing('frame part copied, scaled to 1024 px, measured, judged', live.times);
for (const { scene, expected, got } of live.said) {
  figure(`fake camera "${scene}"`, got ?? 'nothing measured', got === expected ? 'as expected' : `expected ${expected}`);
}
section('Host proxy ownership check: level-info reads the proxy adds (memory store, 600 s period; Node, no browser)');
for (const scenario of ownership.scenarios) {
  figure(scenario.label, `+${scenario.extraPlatformCalls} calls`, `${scenario.browserRequests} browser requests; ${scenario.note}`);
}
timing('forwarded read of a known application, check on', ownership.perRequest.checked, 'proxy + in-process sandbox');
timing('… the same read, authorizeApplication: () => true', ownership.perRequest.unchecked);

// The environment.
const chrome = /(?:Headless)?Chrome\/[\d.]+/.exec(results.version.product)?.[0] ?? results.version.product;
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
  `  environment: ${chrome} headless, Node ${process.version}, ${platform()} ${release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; sandbox + proxy on ${origin} (loopback, same process)`,
);
const loadAfter = loadavg()[0];
console.log(
  `  load:        1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} after${Math.max(loadBefore, loadAfter) > cpu.length ? ` (above ${cpu.length} cores: other work shared them, the figures are noisier than usual)` : ''}`,
);
console.log(
  `  bundle:      dist/cdn/kyc-onboarding.js ${int(bundleBytes.length)} B (${int(gzipSync(bundleBytes, { level: 9 }).length)} B gzip), built ${built.toISOString().replace(/\.\d+Z$/, 'Z')}${stale ? ` — stale (${stale}): run \`npm run build\` for current figures` : ''}`,
);
console.log(
  `\n  ${''.padEnd(width.label)}${'median'.padStart(width.median)}${'min'.padStart(width.min)}${'max'.padStart(width.max)}${'runs'.padStart(width.runs)}`,
);
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
    before its first widget (Playwright's own world and helper scripts are in the page's heap: in every figure alike); Blink's heap, DOM nodes and listeners are the renderer's (Memory.getDOMCounters), live
    elements counted with Runtime.queryObjects. What stays after the first widget is removed is paid once per page
    (compiled code, Lit's template cache: the DOM nodes left are its <template>s). Leak indicators: live elements
    (0 once removed) and DOM nodes not growing from flow to flow. The JS heap's per-flow growth was, in a heap-snapshot
    diff of flows 3 to 9 made when this bench was written, V8's optimized code (InstructionStream, FeedbackVector) and
    the page's layout-shift entries, not the widget's objects.
  - Photo fix-up: fixUpPhoto(file, 'jpeg') under a strict CSP (${PHOTO_CSP}).`);
const widgetViolations = [...violations.get(WIDGET_PAGE)];
if (widgetViolations.length > 0) console.log(`\n  CSP violations on the widget page: ${widgetViolations.join('; ')}`);
else
  console.log(
    `\n  CSP: no violation on the widget page (the demo's policy, Trusted Types on)${photo.violations.length ? '' : ' nor on the photo page'}.`,
  );
if (photo.violations.length > 0) console.log(`  CSP violations on the photo page: ${photo.violations.join('; ')}`);
console.log(`  The bench took ${elapsed.toFixed(0)} s.`);
if (widgetViolations.length > 0 || photo.violations.length > 0) process.exitCode = 1;
