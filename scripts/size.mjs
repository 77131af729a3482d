// `npm run size`: builds the CDN bundles in memory from rollup.config.mjs (what `npm run build`
// writes to dist/cdn/) and prints what a page downloads, gzipped (level 9) and raw, against the
// budgets of the product; exits 1 when a figure is over its budget.
// - before the first step: dist/cdn/kyc-onboarding.js and every chunk it imports statically;
// - the whole flow: every file the ES build can load, but Sumsub's WebSDK and the languages other
//   than English (English is built in): every question kind, documents and their image handling,
//   signatures, liveness;
// - the classic script: dist/cdn/kyc-onboarding.iife.js, everything inlined (all languages, the WebSDK).
// Sizes of files gzipped one by one, as a browser downloads them.
import { rollup } from 'rollup';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import configs from '../rollup.config.mjs';

const KB = 1024;
const BUDGETS = { first: 30 * KB, flow: 45 * KB, iife: 50 * KB };
/** Published figures of other in-page KYC SDKs, gzipped, for scale (from the product's issue). */
const OTHERS = [
  ["Onfido's in-page SDK 13.8", 485 * 1000],
  ["Persona's loader alone", 22.5 * 1000],
];

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const gz = (code) => gzipSync(code, { level: 9 }).length;
const br = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function build(config) {
  const bundle = await rollup({ ...config, onwarn: () => undefined });
  try {
    const { output } = await bundle.generate(config.output);
    return output.filter((file) => file.type === 'chunk');
  } finally {
    await bundle.close();
  }
}

const [esmConfig, iifeConfig] = configs;
const [esm, iife] = await Promise.all([build(esmConfig), build(iifeConfig)]);

const files = new Map(esm.map((chunk) => [chunk.fileName, chunk]));
const entry = esm.find((chunk) => chunk.isEntry);
const holds = (chunk, pattern) => Object.keys(chunk.modules).some((id) => pattern.test(id.replaceAll('\\', '/')));
const isWebSdk = (chunk) => holds(chunk, /node_modules\/@sumsub\/websdk\//);
const isOtherLanguage = (chunk) =>
  Object.keys(chunk.modules).every((id) => /\/src\/translations\/(?!en[.-])[^/]+\.ts$/.test(id.replaceAll('\\', '/')));

/** The entry and what it imports statically, transitively. */
const firstLoad = new Set();
(function visit(chunk) {
  if (firstLoad.has(chunk)) return;
  firstLoad.add(chunk);
  for (const name of chunk.imports) visit(files.get(name));
})(entry);
const flow = esm.filter((chunk) => !isWebSdk(chunk) && !isOtherLanguage(chunk));

const measure = (chunks) => ({
  raw: chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0),
  gzip: chunks.reduce((sum, chunk) => sum + gz(chunk.code), 0),
  brotli: chunks.reduce((sum, chunk) => sum + br(chunk.code), 0),
  files: chunks.length,
});

const rows = [
  ['kyc-onboarding.js, before the first step', measure([...firstLoad]), BUDGETS.first],
  ['the whole flow (no WebSDK, English)', measure(flow), BUDGETS.flow],
  ['kyc-onboarding.iife.js, everything inlined', measure(iife), BUDGETS.iife],
];

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KiB`;
const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);
console.log(`\nkyc-onboarding CDN sizes (rollup + terser; gzip -9 and brotli 11 per file, as downloaded; KiB = 1024 bytes)\n`);
console.log(`${pad('', 44)}${lpad('files', 6)}${lpad('raw', 11)}${lpad('gzip', 10)}${lpad('brotli', 10)}${lpad('budget', 10)}  verdict`);
let over = 0;
for (const [label, figure, budget] of rows) {
  const ok = figure.gzip <= budget;
  if (!ok) over++;
  console.log(
    `${pad(label, 44)}${lpad(figure.files, 6)}${lpad(kb(figure.raw), 11)}${lpad(kb(figure.gzip), 10)}${lpad(kb(figure.brotli), 10)}${lpad(kb(budget), 10)}  ${ok ? 'ok' : `OVER by ${kb(figure.gzip - budget)}`}`,
  );
}

console.log('\nEvery file of the ES build:');
for (const chunk of esm) {
  const kind = chunk.isEntry
    ? 'entry'
    : isWebSdk(chunk)
      ? 'Sumsub WebSDK (lazy)'
      : isOtherLanguage(chunk)
        ? 'language (lazy)'
        : firstLoad.has(chunk)
          ? 'first load'
          : 'lazy';
  console.log(`  ${pad(chunk.fileName, 44)}${lpad(kb(gz(chunk.code)), 10)}  ${kind}`);
}

console.log('\nFor scale (gzipped):');
console.log(`  ${pad('kyc-onboarding, before the first step', 44)}${lpad(kb(rows[0][1].gzip), 10)}`);
for (const [label, bytes] of OTHERS) console.log(`  ${pad(label, 44)}${lpad(`${(bytes / 1000).toFixed(1)} kB`, 10)}`);

if (over) {
  console.error(`\n${over} figure(s) over budget.`);
  process.exit(1);
}
console.log('\nEvery figure within budget.');
