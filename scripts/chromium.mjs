// The browser the checks run in: Debian's Chromium (no test tool may download one here), installed
// with apt-get when it is missing and we are root on Debian; launched headless through
// playwright-core with one argument list; and what its pages must never do (console errors,
// uncaught errors, CSP violations), recorded. `node scripts/chromium.mjs --ensure` installs it from
// a shell (.ci/run, before `npm ci`: nothing here imports a package until a browser is launched).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackage } from './debian-package.mjs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/lib/chromium/chromium', // Debian's binary, without the wrapper's noisy shell checks
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Path of an installed Chromium, or undefined. */
export function findChromium() {
  return CANDIDATES.find((path) => path && existsSync(path));
}

/** True when a Chromium is there, installing Debian's package first when possible. */
export function ensureChromium() {
  return ensureDebianPackage(
    'chromium',
    () => Boolean(findChromium()),
    'The browser tests need Chromium and none was found.\n' +
      '  On Debian, as root:  apt-get update && apt-get install -y chromium\n' +
      '  Elsewhere, point CHROME_PATH at an installed Chromium or Chrome binary.',
  );
}

/**
 * Chromium's command-line switches for every run here (headless is the launcher's to add): no
 * sandbox (containers, root), no GPU, /tmp instead of a small /dev/shm, no background traffic,
 * updates, sync or first-run screens.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
]);

/** The installed Chromium, headless, through playwright-core (throws when there is none). */
export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: run `node scripts/chromium.mjs --ensure`, or set CHROME_PATH');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

const VIOLATION_BINDING = '__kycReportCspViolation';
/** Reports every `securitypolicyviolation` of every frame to Node (a binding: the page's CSP does not govern it). */
const RECORD_VIOLATIONS = `(() => {
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = globalThis.${VIOLATION_BINDING};
    if (typeof report === 'function') {
      report([event.effectiveDirective || event.violatedDirective, event.blockedURI || '(inline)', event.sourceFile || '', event.lineNumber || 0].join(' '));
    }
  }, true);
})();`;

/**
 * Records, in every page and frame of a Playwright browser context, what a page should never do:
 * a console error, an uncaught error or rejection (`page error`), a Content-Security-Policy
 * violation. Call it before the context opens its pages; the list it answers fills as they happen.
 */
export async function recordPageProblems(context) {
  const problems = [];
  await context.exposeBinding(VIOLATION_BINDING, ({ frame }, text) => {
    problems.push({ kind: 'CSP violation', text: String(text), url: frame.url() });
  });
  await context.addInitScript(RECORD_VIOLATIONS);
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.push({ kind: 'console error', text: message.text(), url: url ? `${url}:${lineNumber}` : (message.page()?.url() ?? '') });
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    problems.push({ kind: 'page error', text: error.stack ?? error.message, url: webError.page()?.url() ?? '' });
  });
  return problems;
}

/** A recorded problem as one line: `console error: … (url)`. */
export function describeProblem(problem) {
  return `${problem.kind}: ${problem.text} (${problem.url})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--ensure')) {
  process.exit(ensureChromium() ? 0 : 1);
}
