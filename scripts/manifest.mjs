// Writes custom-elements.json from the sources' JSDoc, or with --check fails when the committed
// one is stale. Module paths are rewritten from src/*.ts to the published dist/*.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Runs the analyzer and returns the manifest's text, or null when the analyzer failed. */
function analyze() {
  // The analyzer joins --outdir to the working directory: a scratch folder inside node_modules.
  const out = mkdtempSync(join('node_modules', '.kyc-cem-'));
  try {
    const { status } = spawnSync(
      process.execPath,
      [
        'node_modules/@custom-elements-manifest/analyzer/cem.js',
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        relative(process.cwd(), out),
        '--quiet',
      ],
      { stdio: 'inherit' },
    );
    if (status !== 0) return null;
    const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'), (key, value) =>
      (key === 'path' || key === 'module') && typeof value === 'string' ? toDist(value) : value,
    );
    // The design tokens (src/styles/tokens.styles.ts, documented there once) are declared on every
    // element's :host: each element lists them after its own custom properties.
    const tokens = [...readFileSync('src/styles/tokens.styles.ts', 'utf8').matchAll(/@cssproperty (--[\w-]+) - (.+)/g)].map(
      ([, name, description]) => ({ description: description.trim(), name }),
    );
    for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
      if (!declaration.customElement) continue;
      const own = declaration.cssProperties ?? [];
      declaration.cssProperties = [...own, ...tokens.filter((token) => !own.some((property) => property.name === token.name))];
    }
    return `${JSON.stringify(manifest, null, 2)}\n`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const text = analyze();
if (text === null) process.exit(1);

// Every element is documented: a tag name and a summary, and every event of ours names its class
// (`@event {KycReadyEvent} kyc-ready - …`), which the framework typings are generated from.
const gaps = [];
for (const module of JSON.parse(text).modules) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement) continue;
    if (!declaration.tagName) gaps.push(`${declaration.name}: no tag name`);
    if (!declaration.summary && !declaration.description) gaps.push(`${declaration.name}: no summary`);
    for (const event of declaration.events ?? []) {
      if (event.name?.startsWith('kyc-') && !event.type?.text) gaps.push(`<${declaration.tagName}> ${event.name}: no event class`);
      if (!event.name?.startsWith('kyc-') && !['input', 'change'].includes(event.name))
        gaps.push(`<${declaration.tagName}> ${event.name}: not an event of ours`);
    }
  }
}
if (gaps.length) {
  console.error(`custom-elements.json is incomplete:\n  ${gaps.join('\n  ')}`);
  process.exit(1);
}
if (!process.argv.includes('--check')) {
  writeFileSync('custom-elements.json', text);
} else {
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    // not written yet
  }
  if (committed !== text) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
}
