// Runs `npm run build` (scripts/build.mjs) before a command that uses the build, when what that
// command needs is missing or older than a file it is made from. Shared by `npm run e2e`,
// `npm run screenshots` (the CDN bundle the demo page loads) and `npm run examples` (the npm build
// the apps import); `npm run bench` names a stale bundle. `--build` forces the build, `--no-build`
// skips it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * What a command may need of the build: `label` names it in messages; `outputs` are files the
 * build writes (the oldest counts); `sources` the files and folders it is made from (tests left
 * out, and src/server/ when `withServer` is false: the CDN bundle holds none of it).
 */
export const BUILDS = {
  cdn: {
    label: 'dist/cdn/kyc-onboarding.js',
    outputs: ['dist/cdn/kyc-onboarding.js', 'dist/demo/index.html'],
    sources: [
      'src',
      'demo/demo.js',
      'demo/snippets.js',
      'demo/demo.css',
      'demo/index.html',
      'rollup.config.mjs',
      'scripts/build.mjs',
      'scripts/rollup-minify-templates.mjs',
      'scripts/rollup-third-party.mjs',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
    ],
    withServer: false,
  },
  package: {
    label: 'dist/',
    outputs: ['dist/index.js', 'dist/kyc-onboarding.js', 'dist/react/index.js', 'dist/server/demo/app.js'],
    sources: ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'],
    withServer: true,
  },
};

const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null;

/** The newest file `build` is made from: `{ path, time }` (path relative to the repository), or null. */
function newestSource(build) {
  let newest = null;
  const consider = (path) => {
    const time = mtime(path);
    if (time !== null && (newest === null || time > newest.time)) newest = { path: relative(ROOT, path), time };
  };
  for (const source of build.sources.map((path) => join(ROOT, path))) {
    if (!statSync(source, { throwIfNoEntry: false })?.isDirectory()) {
      consider(source);
      continue;
    }
    for (const file of readdirSync(source, { recursive: true }).map(String)) {
      if (file.endsWith('.test.ts') || (!build.withServer && file.startsWith('server/'))) continue;
      if (statSync(join(source, file)).isFile()) consider(join(source, file));
    }
  }
  return newest;
}

/** Why `build` (an entry of {@link BUILDS}) needs building: `… is missing`, `… is newer than …`; or null. */
export function staleReason(build) {
  const times = build.outputs.map((path) => mtime(join(ROOT, path)));
  if (times.includes(null)) return `${build.label} is missing`;
  const newest = newestSource(build);
  return newest && newest.time > Math.min(...times) ? `${newest.path} is newer than ${build.label}` : null;
}

/** Builds when `build` is missing or stale (or `--build` is in `argv`), saying so; exits on a failed build. */
export function buildWhenStale(build, argv = process.argv.slice(2)) {
  if (argv.includes('--no-build')) return console.log('build: skipped (--no-build)');
  const reason = argv.includes('--build') ? '--build' : staleReason(build);
  if (!reason) return console.log(`build: ${build.label} is up to date`);
  const started = performance.now();
  console.log(`build: ${reason} → npm run build`);
  const { status } = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) {
    console.error('build: failed');
    process.exit(status ?? 1);
  }
  console.log(`build: done (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
