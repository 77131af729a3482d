// Writes custom-elements.json from the sources' JSDoc, or with --check fails when the committed
// one is stale. Module paths are rewritten from src/*.ts to the published dist/*.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const check = process.argv.includes('--check');
// The analyzer joins --outdir to the working directory: use a scratch folder inside node_modules.
const out = mkdtempSync(join('node_modules', '.kyc-cem-'));
try {
  const { status } = spawnSync(
    process.execPath,
    ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(process.cwd(), out), '--quiet'],
    { stdio: 'inherit' },
  );
  if (status !== 0) process.exit(status ?? 1);
  const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'), (key, value) =>
    (key === 'path' || key === 'module') && typeof value === 'string' ? toDist(value) : value,
  );
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (check) {
    let committed = '';
    try {
      committed = readFileSync('custom-elements.json', 'utf8');
    } catch {}
    if (committed !== text) {
      console.error('custom-elements.json is stale: run `npm run manifest` and commit it.');
      process.exit(1);
    }
    console.log('custom-elements.json is up to date.');
  } else {
    writeFileSync('custom-elements.json', text);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
