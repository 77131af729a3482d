// `npm run build`: the npm build (tsc: unbundled ESM, declarations, source maps → dist/) and the
// CDN bundle (rollup → dist/cdn/).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);
