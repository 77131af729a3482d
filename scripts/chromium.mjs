// Finds the browser the tests run in: Debian's Chromium (no test tool may download one here), and
// installs it with apt-get when it is missing and we are root on Debian.
// `node scripts/chromium.mjs --ensure` does the same from a shell (.ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
  if (findChromium()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version') && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log("Chromium is missing: installing Debian's package (apt-get install chromium)…");
    const options = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    if (
      spawnSync('apt-get', ['update', '-qq'], options).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], options).status === 0
    ) {
      return Boolean(findChromium());
    }
  }
  console.error(
    'The browser tests need Chromium and none was found.\n' +
      '  On Debian, as root:  apt-get update && apt-get install -y chromium\n' +
      '  Elsewhere, point CHROME_PATH at an installed Chromium or Chrome binary.',
  );
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--ensure')) {
  process.exit(ensureChromium() ? 0 : 1);
}
