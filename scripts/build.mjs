// `npm run build`: the npm build (tsc: unbundled ESM, declarations, source maps → dist/) and the
// CDN bundle (rollup → dist/cdn/). `--out DIR` builds into DIR instead of dist/ (the build test).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const at = process.argv.indexOf('--out');
const out = at > 0 ? process.argv[at + 1] : 'dist';
if (!out) {
  console.error('usage: node scripts/build.mjs [--out DIR]');
  process.exit(2);
}

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

rmSync(out, { recursive: true, force: true });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', out]);
run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent', '--dir', join(out, 'cdn')]);
