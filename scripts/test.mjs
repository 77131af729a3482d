// `npm test`: the one test command. Type-check, lint and format (ESLint, Prettier), freshness of
// the manifest and what is made from it, Node tests (sandbox, proxy, tokens, the built package),
// browser tests in Debian's headless Chromium, then the built package: packed as npm publishes it
// and checked by publint and Are the Types Wrong, in use in the example apps (React, Vue, Angular)
// and in the end-to-end run of the demo page. Ends with one line
// "N passed, N failed, N skipped".
// Installs Chromium and redis-server with apt-get when missing and we are root on Debian
// (scripts/debian-package.mjs).
// `node scripts/test.mjs node|browser|package|examples|e2e [args…]` runs one stage (npm run test:node / test:browser).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureRedisServer } from './debian-package.mjs';

const [stage = 'all', ...extra] = process.argv.slice(2);
const wants = (name) => stage === 'all' || stage === name;
const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const nodeTestFiles = () =>
  readdirSync('test/node', { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => join('test/node', file));

const work = mkdtempSync(join(tmpdir(), 'kyc-test-'));
const counts = { passed: 0, failed: 0, skipped: 0 };
/** Stages that failed, named in the closing lines (a stale manifest fails no test, but fails). */
const problems = [];
const step = (ok, name) => {
  if (!ok) problems.push(name);
};

/** Runs a stage that writes `{passed, failed, skipped}` to KYC_TEST_SUMMARY, and adds its counts. */
function counted(name, command, args) {
  const summary = join(work, `${name.replace(/\W+/g, '-')}.json`);
  step(run(command, args, { KYC_TEST_SUMMARY: summary }) === 0, name);
  try {
    const result = JSON.parse(readFileSync(summary, 'utf8'));
    counts.passed += result.passed;
    counts.failed += result.failed;
    counts.skipped += result.skipped;
  } catch {
    step(false, `${name} (no report)`);
  }
}

try {
  if ((wants('browser') || wants('examples') || wants('e2e')) && !ensureChromium()) process.exit(1);
  if (wants('node') && !ensureRedisServer()) process.exit(1);

  if (stage === 'all') {
    console.log('\n== Type-check ==');
    step(run('npm', ['run', '--silent', 'typecheck']) === 0, 'type-check');
    console.log('\n== Lint and format (ESLint, Prettier) ==');
    step(run('npm', ['run', '--silent', 'lint']) === 0, 'lint or format');
    console.log('\n== custom-elements.json, and the README tables and framework typings made from it ==');
    step(run(process.execPath, ['scripts/manifest.mjs', '--check']) === 0, 'custom-elements.json is stale');
    step(run(process.execPath, ['scripts/api-docs.mjs', '--check']) === 0, "README.md's API tables are stale");
    step(run(process.execPath, ['scripts/framework-types.mjs', '--check']) === 0, 'the framework typings are stale');
  }

  if (wants('node')) {
    console.log('\n== Node tests: sandbox, proxy, tokens ==');
    const tap = join(work, 'node.tap');
    const files = extra.length && stage === 'node' ? extra : nodeTestFiles();
    step(
      run(process.execPath, [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...files,
      ]) === 0,
      'Node tests',
    );
    try {
      const report = readFileSync(tap, 'utf8');
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
      counts.passed += count('pass');
      counts.failed += count('fail') + count('cancelled');
      counts.skipped += count('skipped') + count('todo');
    } catch {
      step(false, 'Node tests (no report)');
    }
  }

  if (wants('browser')) {
    console.log('\n== Browser tests (headless Chromium) ==');
    const args = stage === 'browser' ? extra : [];
    counted('browser tests', process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', ...args]);
  }

  // The built package as npm users get it, in real apps and on the demo page: one build for all.
  if (wants('package') || wants('examples') || wants('e2e')) {
    console.log('\n== Build (npm run build) ==');
    step(run('npm', ['run', '--silent', 'build']) === 0, 'build');
  }
  if (wants('package')) {
    // The tarball npm would publish, checked as the ecosystem checks packages: publint (package.json
    // against the files) and Are the Types Wrong (the types each entry resolves to; ESM only, by design).
    console.log('\n== The packed package: publint, Are the Types Wrong ==');
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { encoding: 'utf8' });
    const tarball = packed.status === 0 ? join(work, JSON.parse(packed.stdout)[0].filename) : null;
    step(tarball !== null, 'npm pack');
    if (tarball) {
      step(run(join('node_modules', '.bin', 'publint'), ['run', tarball, '--strict']) === 0, 'publint');
      step(run(join('node_modules', '.bin', 'attw'), ['--profile', 'esm-only', '--format', 'table-flipped', tarball]) === 0, 'attw');
    }
  }
  if (wants('examples')) {
    console.log('\n== Example apps: React, Vue, Angular (built, type-checked, run in Chromium) ==');
    counted('example apps', process.execPath, ['scripts/examples.mjs', '--no-build', ...(stage === 'examples' ? extra : [])]);
  }
  if (wants('e2e')) {
    console.log('\n== End to end: the demo page as a person uses it ==');
    counted('end-to-end run', process.execPath, ['scripts/e2e.mjs', '--no-build', ...(stage === 'e2e' ? extra : [])]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) console.log(`\nFailed: ${problems.join('; ')}.`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(problems.length > 0 ? 1 : 0);
