// `node scripts/examples.mjs`: the example apps under demo/ — React 19 (the element in JSX), the
// React ≤ 18 wrapper (`kyc-onboarding/react`), Vue 3 and Angular — type-checked (tsc, vue-tsc, ngc
// with strictTemplates), built into a temp folder, served on one free port beside the demo app
// (host proxy at /kyc → sandbox) under the demo page's strict CSP, and driven in Chromium: signed
// in as a fresh sandbox client, the app receives `kyc-ready`, walks to the second step, each event
// handled once, axe finds nothing, no console error. The React pages are also built in development
// mode, where StrictMode mounts, unmounts and mounts again: one widget, each event handled once,
// the same platform requests as the production build. And `kyc-onboarding/react` is imported and
// server-rendered in Node: no window, no document, nothing registered.
//
// One line per check (scripts/checks.mjs); exit code 1 on any failure; with KYC_TEST_SUMMARY set,
// {"passed":n,"failed":n,"skipped":n} is written to that path.
// Options: `--only=<name>` runs the apps whose name holds it (react, vue, angular); `--build`
// rebuilds the package first, `--no-build` never does (by default it is built when dist/ is missing
// or older than its sources: scripts/build-when-stale.mjs); `--keep` keeps the built apps and names
// their folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILDS, buildWhenStale } from './build-when-stale.mjs';
import { CheckRun, secondsSince } from './checks.mjs';
import { expectAccessiblePage } from './axe.mjs';
import { describeProblem, ensureChromium, launchChromium, recordPageProblems } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const only = argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .toLowerCase();
const STEP_TIMEOUT = 15_000;
const RUN_TIMEOUT = 120_000;

const run = new CheckRun();

/** Prints the counts and ends the process (exit code 1 when a check failed). */
function finish() {
  const code = run.end();
  console.log(`\nexamples: ${run.summary}`);
  process.exit(code);
}

/** Runs a command; resolves with its exit status and output (never rejects). */
function runCommand(command, args, { env = {}, cwd = root } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolveRun({ status: 1, output: `${output}${error.message}` }));
    child.on('close', (status) => resolveRun({ status: status ?? 1, output }));
  });
}

/** Throws with the tail of the output unless the command succeeded. */
async function mustRun(command, args, options) {
  const { status, output } = await runCommand(command, args, options);
  if (status !== 0)
    throw new Error(`${[command, ...args].join(' ')} exited with ${status}\n${output.trim().split('\n').slice(-25).join('\n')}`);
  return output;
}

// ── the apps ───────────────────────────────────────────────────────────────────────────────────

const bin = (path) => join(root, 'node_modules', path);
const node = (script, ...args) => mustRun(process.execPath, [bin(script), ...args]).then(() => '');

/** Builds an app with Vite; `development`: React's development build, where StrictMode mounts twice. */
const viteBuild = (dir, outDir, development) =>
  mustRun(process.execPath, [bin('vite/bin/vite.js'), 'build', dir, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { NODE_ENV: development ? 'development' : 'production' },
  }).then(() => '');

/**
 * The Angular app without the Angular CLI (whose builder is a large install): ngc compiles it
 * ahead of time and type-checks its template (`strictTemplates`), then esbuild bundles it, with
 * Angular's linker finishing the partially compiled Angular packages (no JIT compiler, no eval).
 */
async function angularBuild(dir, outDir, work) {
  await node('@angular/compiler-cli/bundles/src/bin/ngc.js', '-p', join(dir, 'tsconfig.json'), '--outDir', work);
  const { build } = await import('esbuild');
  const { createEs2015LinkerPlugin } = await import('@angular/compiler-cli/linker/babel');
  const { ConsoleLogger, LogLevel, NodeJSFileSystem } = await import('@angular/compiler-cli');
  const babel = createRequire(import.meta.resolve('@angular/compiler-cli'))('@babel/core');
  const linker = createEs2015LinkerPlugin({
    linkerJitMode: false,
    fileSystem: new NodeJSFileSystem(),
    logger: new ConsoleLogger(LogLevel.warn),
  });
  await build({
    entryPoints: [join(work, 'main.js')],
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
    conditions: ['production'],
    define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
    nodePaths: [join(root, 'node_modules')], // the compiled app lives in a temp folder
    plugins: [
      {
        name: 'kyc-onboarding', // this repository is the package: resolved through its exports
        setup: (esbuild) =>
          esbuild.onResolve({ filter: /^kyc-onboarding(\/|$)/ }, ({ path }) => ({ path: fileURLToPath(import.meta.resolve(path)) })),
      },
      {
        name: 'angular-linker',
        setup: (esbuild) =>
          esbuild.onLoad({ filter: /[\\/]node_modules[\\/]@angular[\\/].+\.m?js$/ }, async ({ path }) => {
            const code = await readFile(path, 'utf8');
            if (!code.includes('\u0275\u0275ngDeclare')) return { contents: code, loader: 'js' };
            const linked = await babel.transformAsync(code, {
              filename: path,
              plugins: [linker],
              configFile: false,
              babelrc: false,
              compact: false,
            });
            return { contents: linked.code, loader: 'js' };
          }),
      },
    ],
  });
  for (const file of ['index.html', 'src/styles.css']) await copyFile(join(root, dir, file), join(outDir, basename(file)));
  return '';
}

/**
 * `kyc-onboarding/react` imported in Node as a server renderer does (a fresh process): no window or
 * document appears, nothing is registered (not even in the registry Lit's Node build provides),
 * and React renders the wrapper, and the element in React 19 JSX, to HTML.
 */
async function serverSideImport() {
  const script = `
    const before = { window: typeof window, document: typeof document };
    const { KycOnboarding } = await import('kyc-onboarding/react');
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const handler = () => {};
    console.log(JSON.stringify({
      before,
      after: { window: typeof window, document: typeof document },
      registered: globalThis.customElements?.get?.('kyc-onboarding') !== undefined,
      wrapper: renderToString(createElement(KycOnboarding, { endpoint: '/kyc', theme: 'dark', onKycReady: handler })),
      native: renderToString(createElement('kyc-onboarding', { endpoint: '/kyc', 'poll-interval': 2000, 'onkyc-ready': handler })),
    }));`;
  const output = await mustRun(process.execPath, ['--input-type=module', '-e', script]);
  const result = JSON.parse(output.trim().split('\n').at(-1));
  const problems = [];
  if (result.before.window !== 'undefined' || result.after.window !== 'undefined') problems.push('a window appeared');
  if (result.after.document !== 'undefined') problems.push('a document appeared');
  if (result.registered) problems.push('<kyc-onboarding> was registered');
  if (result.wrapper !== '<kyc-onboarding></kyc-onboarding>') problems.push(`the wrapper rendered ${result.wrapper}`);
  if (result.native !== '<kyc-onboarding endpoint="/kyc" poll-interval="2000"></kyc-onboarding>')
    problems.push(`the element rendered ${result.native}`);
  if (problems.length) throw new Error(problems.join('\n'));
  return `rendered: ${result.wrapper} (wrapper: properties are set on the client), ${result.native} (React 19 JSX)`;
}

/**
 * The example apps: `tasks` type-check and build them (chains of steps, run two at a time, the
 * machine has two cores) into `app.out` (and `app.devOut`, a development build where React's
 * StrictMode mounts twice); `pages` are what the browser opens; `policies` the Trusted Types
 * policies the app's framework creates beside the widget's `lit-html` (Vue makes one named `vue`).
 */
const APPS = [
  {
    name: 'react',
    policies: [],
    pages: [
      { name: 'react (React 19, the element in JSX)', path: 'index.html' },
      { name: 'react (the kyc-onboarding/react wrapper)', path: 'wrapper.html' },
    ],
    tasks: (app) => [
      [['type-check (tsc)', () => node('typescript/bin/tsc', '-p', 'demo/react/tsconfig.json')]],
      [['kyc-onboarding/react imported and rendered in Node (SSR)', serverSideImport]],
      [['vite build', () => viteBuild('demo/react', app.out, false)]],
      [['vite build, development mode', () => viteBuild('demo/react', app.devOut, true)]],
    ],
  },
  {
    name: 'vue',
    policies: ['vue'],
    pages: [{ name: 'vue (Vue 3, the element in a template)', path: 'index.html' }],
    tasks: (app) => [
      [['type-check (vue-tsc)', () => node('vue-tsc/bin/vue-tsc.js', '-p', 'demo/vue/tsconfig.json')]],
      [['vite build', () => viteBuild('demo/vue', app.out, false)]],
    ],
  },
  {
    name: 'angular',
    policies: [],
    pages: [{ name: 'angular (Angular 21, the element in a template)', path: 'index.html' }],
    tasks: (app) => [
      [['type-check and build (ngc with strictTemplates, esbuild)', () => angularBuild('demo/angular', app.out, join(app.work, 'ngc'))]],
    ],
  },
];

// ── the server ─────────────────────────────────────────────────────────────────────────────────

/**
 * The demo app (host proxy at /kyc, demo session, sandbox control: startSandboxServer of the built
 * package) with the built apps as its static files, each under `/<mount>/` with the demo page's
 * strict Content-Security-Policy (plus the Trusted Types policies the app's framework creates).
 */
async function startServer(mounts) {
  const dist = (path) => import(pathToFileURL(join(root, 'dist/server', path)).href);
  const [{ startSandboxServer }, { demoCsp }] = await Promise.all([dist('cli.js'), dist('demo/static.js')]);
  const csp = demoCsp();
  if (!/trusted-types lit-html kyc-legal-text(;|$)/.test(csp)) throw new Error(`unexpected demo CSP: ${csp}`);
  return startSandboxServer({
    port: 0,
    mounts: mounts.map(({ prefix, root: folder, policies }) => ({
      prefix,
      root: folder,
      csp: csp.replace('trusted-types lit-html kyc-legal-text', ['trusted-types lit-html kyc-legal-text', ...policies].join(' ')),
    })),
  });
}

// ── in the browser ─────────────────────────────────────────────────────────────────────────────

/** The app's event log as lines (the apps show every widget event they receive). */
const eventLog = (page) => page.getByRole('log').getByRole('listitem').allInnerTexts();

async function waitForLog(page, predicate, what) {
  const deadline = Date.now() + STEP_TIMEOUT;
  let lines = [];
  while (Date.now() < deadline) {
    lines = await eventLog(page);
    if (predicate(lines)) return lines;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: not seen in ${STEP_TIMEOUT / 1000} s; the app's event log: ${JSON.stringify(lines)}`);
}

/** Platform requests seen for the client, uuids blanked: `GET /v1/…/{uuid}/`. */
async function platformRequests(context, serverUrl, clientUuid) {
  const response = await context.request.get(new URL(`sandbox/v1/requests/?client_uuid=${clientUuid}`, serverUrl).href);
  if (!response.ok()) throw new Error(`the request log answered ${response.status()}`);
  return (await response.json()).map(
    (entry) => `${entry.method} ${entry.path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{uuid}')}`,
  );
}

const duplicates = (list) => [...new Set(list.filter((item, index) => list.indexOf(item) !== index))];

/**
 * One page of an app in a fresh browser context, signed in as a fresh sandbox client (isolated
 * from every other run) the way the partner's own login signs a person in: a session cookie.
 * Resolves with the platform requests the walk made (uuids blanked), or null when it failed.
 */
async function drivePage(browser, server, mount, page, { strictMode = false, baseline = null } = {}) {
  const label = strictMode ? `${page.name}, StrictMode (development build)` : page.name;
  const context = await browser.newContext();
  const problems = await recordPageProblems(context);
  const tab = await context.newPage();
  const infos = [];
  tab.on('console', (message) => {
    if (message.type() === 'info') infos.push(message.text());
  });
  tab.setDefaultTimeout(STEP_TIMEOUT);
  let clientUuid = null;
  let requests = null;
  try {
    const ready = await run.check(`${label}: signed in, the app receives kyc-ready`, async () => {
      const made = await context.request.post(new URL('sandbox/v1/clients/', server.url).href, { data: {} });
      if (!made.ok()) throw new Error(`a fresh sandbox client: ${made.status()}`);
      const client = await made.json();
      clientUuid = client.client_uuid;
      const session = await context.request.post(new URL('demo/session', server.url).href, {
        data: { client_uuid: client.client_uuid, legal_entity_uuid: client.legal_entity_uuid },
        headers: { origin: new URL(server.url).origin },
      });
      if (!session.ok()) throw new Error(`signing in: ${session.status()}`);
      await tab.goto(new URL(`${mount}${page.path}`, server.url).href);
      const lines = await waitForLog(tab, (log) => log.length > 0, 'a widget event');
      if (lines[0] !== 'kyc-ready: no application yet') throw new Error(`the app's first event: ${JSON.stringify(lines[0])}`);
    });
    if (!ready) return null;

    if (strictMode) {
      await run.check(`${label}: React's development build (StrictMode mounts twice), one widget, kyc-ready handled once`, async () => {
        // React's development build says so on the console; its production build never does.
        if (!infos.some((text) => text.includes('React DevTools')))
          throw new Error("not React's development build: StrictMode's double mount does not happen");
        const widgets = await tab.locator('kyc-onboarding').count();
        if (widgets !== 1) throw new Error(`${widgets} <kyc-onboarding> elements on the page`);
        const readies = (await eventLog(tab)).filter((line) => line.startsWith('kyc-ready'));
        if (readies.length !== 1) throw new Error(`kyc-ready handled ${readies.length} times`);
        const loads = await platformRequests(context, server.url, clientUuid);
        const twice = duplicates(loads);
        if (loads.length === 0 || twice.length) throw new Error(`the first load's platform requests: ${loads.join(', ') || 'none'}`);
        return `first load: ${loads.join(', ')}`;
      });
    }

    const walked = await run.check(`${label}: walks to the second step, each event handled once`, async () => {
      await tab.getByRole('button', { name: 'Start verification' }).click();
      // The welcome: what the level needs, then Start.
      await tab.getByRole('heading', { name: 'Before you start' }).waitFor({ timeout: STEP_TIMEOUT });
      await tab.getByRole('button', { name: 'Start', exact: true }).click();
      await tab.getByRole('heading', { name: 'Personal data' }).waitFor({ timeout: STEP_TIMEOUT });
      // Sandbox test data, typed as a person would (locators reach into the widget's open shadow roots).
      await tab.getByLabel('First name').fill('Jane');
      await tab.getByLabel('Last name').fill('Doe');
      await tab.getByLabel('Date of birth').fill('1990-01-01');
      await tab.getByRole('combobox', { name: 'Citizenship' }).fill('Latv');
      await tab.getByRole('option', { name: 'Latvia' }).click();
      await tab.getByRole('button', { name: 'Continue' }).click();
      await tab.getByRole('heading', { name: 'Contact details' }).waitFor({ timeout: STEP_TIMEOUT });
      const expected = ['kyc-ready: no application yet', 'kyc-step-change: step 2 of 3'];
      const lines = await waitForLog(tab, (log) => log.length >= expected.length, 'kyc-step-change to the second step');
      await tab.waitForTimeout(200); // an event handled twice would show up by now
      const settled = await eventLog(tab);
      if (JSON.stringify(settled) !== JSON.stringify(expected)) {
        throw new Error(
          `the app's event log: ${JSON.stringify(settled)}, expected ${JSON.stringify(expected)} (first seen: ${JSON.stringify(lines)})`,
        );
      }
      requests = await platformRequests(context, server.url, clientUuid);
    });

    if (walked && strictMode && baseline) {
      await run.check(`${label}: the same platform requests as the production build`, async () => {
        if (JSON.stringify(requests) !== JSON.stringify(baseline)) {
          throw new Error(`StrictMode: ${requests.join(', ')}\nproduction: ${baseline.join(', ')}`);
        }
        return `${requests.length} requests`;
      });
    }

    if (walked && !strictMode) {
      await run.check(`${label}: accessible (axe, WCAG 2.2 AA), the widget on its second step included`, () => expectAccessiblePage(tab));
    }

    await run.check(`${label}: no console error, page error or CSP violation`, async () => {
      if (problems.length) throw new Error(problems.map(describeProblem).join('\n'));
    });
    return walked ? requests : null;
  } finally {
    await context.close();
  }
}

// ── the run ────────────────────────────────────────────────────────────────────────────────────

const apps = APPS.filter((app) => !only || app.name.includes(only));
if (apps.length === 0) {
  console.error(`no example app matches --only=${only}`);
  process.exit(2);
}
if (!ensureChromium()) process.exit(1);
run.watchdog(RUN_TIMEOUT, () => console.log(`\nexamples: ${run.summary}`));

const started = performance.now();
buildWhenStale(BUILDS.package, argv);
const out = mkdtempSync(join(tmpdir(), 'kyc-examples-'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    rmSync(out, { recursive: true, force: true });
    process.exit(130);
  });
}
let server = null;
let browser = null;
try {
  // Type-checks and builds: chains of steps, two chains at a time.
  const chains = [];
  for (const app of apps) {
    Object.assign(app, { out: join(out, app.name), devOut: join(out, `${app.name}-development`), work: join(out, `${app.name}-work`) });
    app.failed = false;
    for (const chain of app.tasks(app)) {
      chains.push(async () => {
        for (const [name, step] of chain) {
          if (!(await run.check(`${app.name}: ${name}`, step))) {
            app.failed = true;
            return;
          }
        }
      });
    }
  }
  await Promise.all(
    [0, 1].map(async () => {
      while (chains.length) await chains.shift()();
    }),
  );

  const served = apps.filter((app) => !app.failed);
  if (served.length) {
    const mounts = served.flatMap((app) => [
      { prefix: `/${app.name}/`, root: app.out, policies: app.policies },
      ...(existsSync(app.devOut) ? [{ prefix: `/${app.name}-development/`, root: app.devOut, policies: app.policies }] : []),
    ]);
    server = await startServer(mounts);
    browser = await launchChromium();
    for (const app of served) {
      for (const page of app.pages) {
        const baseline = await drivePage(browser, server, `/${app.name}/`, page);
        if (existsSync(app.devOut)) await drivePage(browser, server, `/${app.name}-development/`, page, { strictMode: true, baseline });
      }
    }
  }
  for (const app of apps.filter((app) => app.failed)) run.skip(`${app.name}: in the browser`, 'its type-check or build failed');
} catch (error) {
  run.report('FAIL', 'examples', { detail: error instanceof Error ? error.stack : String(error) });
} finally {
  await browser?.close();
  await server?.close();
  if (argv.includes('--keep')) console.log(`built apps kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
}
console.log(`examples: ${secondsSince(started)} s`);
finish();
