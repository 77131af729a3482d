// Finds the browser the tests run in: Debian's Chromium (no test tool may download one here).
import { existsSync } from 'node:fs';

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
