// What the tests need from Debian (Chromium, redis-server): installed with apt-get when missing and
// we are root on Debian, otherwise a message saying what to install. No test downloads anything
// else. `node scripts/debian-package.mjs` ensures redis-server from a shell, as
// `node scripts/chromium.mjs --ensure` does Chromium (.ci/run, before `npm ci`: neither imports a
// package).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when `found()` finds the program, installing Debian's `pkg` first when it is missing and
 * apt-get can be used; otherwise prints `help` and returns false.
 */
export function ensureDebianPackage(pkg, found, help) {
  if (found()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version') && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log(`${pkg} is missing: installing Debian's package (apt-get install ${pkg})…`);
    const options = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    if (
      spawnSync('apt-get', ['update', '-qq'], options).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', pkg], options).status === 0 &&
      found()
    ) {
      return true;
    }
  }
  console.error(help);
  return false;
}

/** True when a program is on the PATH. */
export function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** True when redis-server is there (the Redis store's tests start their own), installing it first when possible. */
export function ensureRedisServer() {
  return ensureDebianPackage(
    'redis-server',
    () => Boolean(process.env.REDIS_SERVER) || onPath('redis-server'),
    'The Redis store tests start a redis-server of their own and none was found.\n' +
      '  On Debian, as root:  apt-get update && apt-get install -y redis-server\n' +
      '  Elsewhere, install Redis 6.2 or later, or point REDIS_SERVER at a redis-server binary.',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(ensureRedisServer() ? 0 : 1);
