// What `npm run e2e` and `npm run screenshots` need before they drive the demo page: Chromium, and a
// CDN build (dist/cdn/, which the demo page loads) no older than its sources
// (scripts/build-when-stale.mjs: `--build` forces it, `--no-build` skips it). Then the TypeScript
// entry runs in this process through tsx.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { BUILDS, buildWhenStale } from '../../scripts/build-when-stale.mjs';
import { ensureChromium } from '../../scripts/chromium.mjs';

/** Checks Chromium, builds when needed, then runs `entry` (a TypeScript file under test/e2e/). */
export async function prepareAndRun(entry, argv = process.argv.slice(2)) {
  if (!ensureChromium()) process.exit(1);
  buildWhenStale(BUILDS.cdn, argv);
  register();
  await import(pathToFileURL(entry).href);
}
