// `npm run build`: the npm build (tsc: unbundled ESM, declarations, source maps → dist/), the
// CDN bundle (rollup → dist/cdn/), and the demo page minified (dist/demo/: its scripts and styles
// through esbuild, with source maps; the sandbox server serves it when it is there, else demo/).
// `--out DIR` builds into DIR instead of dist/ (the build test).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

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

// The demo page: what `npm start` and `npx kyc-onboarding sandbox` serve, minified like a real page.
const demo = join(out, 'demo');
mkdirSync(demo, { recursive: true });
for (const [file, loader] of [
  ['demo.js', 'js'],
  ['snippets.js', 'js'],
  ['demo.css', 'css'],
]) {
  const { code, map } = await transform(readFileSync(join('demo', file), 'utf8'), {
    loader,
    minify: true,
    target: loader === 'js' ? 'es2022' : 'chrome111',
    sourcemap: 'external',
    sourcefile: `../../demo/${file}`,
    sourcesContent: true,
  });
  const comment = loader === 'js' ? `//# sourceMappingURL=${file}.map` : `/*# sourceMappingURL=${file}.map */`;
  writeFileSync(join(demo, file), `${code}${comment}\n`);
  writeFileSync(join(demo, `${file}.map`), map);
}
copyFileSync(join('demo', 'index.html'), join(demo, 'index.html'));
