// Browser tests: real headless Chromium (Debian's), against the real chain served on the test
// page's own origin: browser → host proxy (/kyc) → in-memory sandbox. Load with tsx (npm run test:browser).
// The page is served at http://localhost:PORT; the same server answers at http://127.0.0.1:PORT,
// another origin, where the proxy allows the page's origin by CORS (the cross-origin embed) and
// where the sandbox's liveness tokens lead Sumsub's WebSDK (the liveness stand-in, /websdk/).
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { fakeCameraVideos } from './scripts/fake-camera.mjs';
import { createDemoApp } from './src/server/demo/app.ts';
import { DEMO_CSP } from './src/server/demo/static.ts';
import { toNodeListener } from './src/server/proxy/index.ts';

const PORT = 8765;
// The liveness stand-in (/websdk/…) answers on the other origin, so that Sumsub's WebSDK, led there
// by the sandbox's tokens, talks to its frame cross-origin as it does with Sumsub.
const STAND_IN_ORIGIN = `http://127.0.0.1:${PORT}`;
const app = createDemoApp({
  // The names the test server is reached on (any other Host is answered 421).
  origins: [`http://localhost:${PORT}`, STAND_IN_ORIGIN],
  cors: { origins: [`http://localhost:${PORT}`], credentials: false },
  sandbox: { livenessStandIn: { origin: STAND_IN_ORIGIN } },
  // The whole run is one visitor (one browser, one cookie jar) making a fresh client per test:
  // keep them all, so that no test's client is forgotten under it.
  maxClientsPerVisitor: 10_000,
  // The proxy's default limits, but one: the tests type the same few phone numbers and addresses
  // for hundreds of fresh clients, which the limit per destination (5 codes an hour) exists to
  // refuse. Every other limit counts per client or application, and each test has its own
  // (test/browser/rate-limit.test.ts meets the limit per person).
  limits: { codesPerDestination: false },
});
const listener = toNodeListener((request) => app.fetch(request));
const ROUTED = /^\/(kyc(\/|-token$|$)|demo\/session$|sandbox\/v1\/|websdk\/)/;

/**
 * Serves the demo app (proxy, token endpoint, demo session, sandbox control) on the test page's
 * origin. A top-level middleware: handlers added in a plugin's serverStart come too late to run.
 */
async function kycChain(ctx, next) {
  if (!ROUTED.test(ctx.path)) return next();
  ctx.respond = false;
  await new Promise((resolve) => {
    ctx.res.once('close', resolve);
    listener(ctx.req, ctx.res);
  });
}

/** Writes {passed, failed, skipped} for scripts/test.mjs's closing line (file from KYC_TEST_SUMMARY). */
const summaryReporter = () => ({
  onTestRunFinished({ sessions }) {
    const file = process.env.KYC_TEST_SUMMARY;
    if (!file) return;
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const walk = (suite) => {
      for (const test of suite.tests) counts[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed'] += 1;
      suite.suites.forEach(walk);
    };
    for (const session of sessions) {
      if (session.testResults) walk(session.testResults);
      if (session.errors?.length) counts.failed += 1; // a file that failed to load or crashed
    }
    writeFileSync(file, JSON.stringify(counts));
  },
});

/**
 * Serves the pages under /test/csp/ with the demo's strict Content-Security-Policy (framable by the
 * test page, and framing the liveness stand-in on its origin as the demo page frames it on its own).
 */
const TEST_CSP = DEMO_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'").replace(
  "frame-src 'self'",
  `frame-src 'self' ${STAND_IN_ORIGIN}`,
);
async function strictCsp(ctx, next) {
  await next();
  if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) ctx.set('content-security-policy', TEST_CSP);
}

/** Debian's Chromium, headless, with the run's switches and `args`. */
const chromium = (args = []) =>
  chromeLauncher({ launchOptions: { executablePath: findChromium(), args: ['--headless=new', ...CHROMIUM_ARGS, ...args] } });

/**
 * The document camera's tests (test/camera/<scene>.test.ts), each in a Chromium of its own whose
 * camera plays a video of that scene (scripts/fake-camera.mjs), its use allowed without a prompt;
 * `refused` has a camera and answers the prompt "no" (headless Chromium's own answer). The default
 * group has no camera. A run of chosen `--files` leaves them out; `--group camera-sharp` runs one.
 */
async function cameraGroups() {
  if (process.argv.includes('--files') && !process.argv.includes('--group')) return [];
  const videos = await fakeCameraVideos();
  const fake = ['--use-fake-device-for-media-stream'];
  return [
    ...Object.entries(videos).map(([scene, video]) => ({
      name: `camera-${scene}`,
      files: `test/camera/${scene}.test.ts`,
      browsers: [chromium([...fake, '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`])],
    })),
    { name: 'camera-refused', files: 'test/camera/refused.test.ts', browsers: [chromium(fake)] },
  ];
}

export default {
  hostname: 'localhost',
  port: PORT,
  files: ['test/browser/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  middleware: [kycChain, strictCsp],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromium()],
  groups: await cameraGroups(),
  // One page at a time: pages share the browser's cookie jar, and tests log in as different clients.
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 5 * 60 * 1000,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
