// What `npm run e2e` and `npm run screenshots` need before they drive the demo page: Chromium, and a
// CDN build (dist/cdn/, which the demo page loads) no older than its sources. The build runs when
// dist/cdn/kyc-onboarding.js is missing or older than any file it is built from (`--build` forces
// it, `--no-build` skips it). Then the TypeScript entry runs in this process through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureChromium, findChromium } from '../../scripts/chromium.mjs';

const BUNDLE = 'dist/cdn/kyc-onboarding.js';
const INPUTS = ['src', 'rollup.config.mjs', 'scripts/build.mjs', 'scripts/rollup-minify-templates.mjs', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/** The newest file the CDN build is made from (tests and server code left out), or null. */
function newestInput() {
  let newest = null;
  const consider = (path) => {
    const time = mtime(path);
    if (time !== null && (newest === null || time > newest.time)) newest = { path, time };
  };
  for (const input of INPUTS) {
    if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
      for (const file of readdirSync(input, { recursive: true }).map(String)) {
        if (!file.endsWith('.test.ts') && !file.startsWith('server/') && statSync(join(input, file)).isFile()) consider(join(input, file));
      }
    } else consider(input);
  }
  return newest;
}

/** Builds when needed; exits on a failed build. */
function build(argv) {
  if (argv.includes('--no-build')) return console.log('build: skipped (--no-build)');
  const built = mtime(BUNDLE);
  const newest = newestInput();
  const reason = argv.includes('--build')
    ? '--build'
    : built === null
      ? `${BUNDLE} is missing`
      : newest && newest.time > built
        ? `${newest.path} is newer than ${BUNDLE}`
        : null;
  if (!reason) return console.log(`build: ${BUNDLE} is up to date`);
  const started = performance.now();
  console.log(`build: ${reason} → npm run build`);
  const { status } = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (status !== 0) {
    console.error('build: failed');
    process.exit(status ?? 1);
  }
  console.log(`build: done (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** Checks Chromium, builds when needed, then runs `entry` (a TypeScript file under test/e2e/). */
export async function prepareAndRun(entry, argv = process.argv.slice(2)) {
  if (!ensureChromium()) process.exit(1);
  process.env.CHROME_PATH ||= findChromium();
  build(argv);
  register();
  await import(pathToFileURL(entry).href);
}
