// The CDN builds (dist/cdn/), with lit and zod inlined and minified:
// - kyc-onboarding.js: the ES module for <script type="module">, with what not every flow needs
//   (other languages, the code prompt, the long-list combobox, the file chooser, the liveness check
//   and Sumsub's WebSDK) in chunks/ beside it, loaded when first needed;
// - kyc-onboarding.iife.js: one classic script with everything inlined (tag managers, old CMSs);
//   its exports are on `window.kycOnboarding`.
// Each file starts with a notice of the packages it bundles (lit, zod, …, with their licences), and
// THIRD-PARTY-NOTICES.txt beside them holds their licence texts (scripts/rollup-third-party.mjs).
// The npm build (unbundled ESM + .d.ts + source maps) is emitted by tsc (scripts/build.mjs).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplates from './scripts/rollup-minify-templates.mjs';
import thirdPartyNotices from './scripts/rollup-third-party.mjs';

const plugins = (module) => [
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
  minifyTemplates(),
  terser({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: false } }),
  // After terser: each file's notice of the packages it bundles, and THIRD-PARTY-NOTICES.txt.
  thirdPartyNotices(),
];

export default [
  {
    input: { 'kyc-onboarding': 'src/cdn.ts' },
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    // Shared code stays in the entry file itself (chunks import from it): one request before the first step.
    preserveEntrySignatures: 'allow-extension',
    plugins: plugins(true),
  },
  {
    input: { 'kyc-onboarding.iife': 'src/cdn.ts' },
    output: {
      dir: 'dist/cdn',
      format: 'iife',
      name: 'kycOnboarding',
      entryFileNames: '[name].js',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: plugins(false),
  },
];
