// The CDN build: one ES module for <script type="module">, with lit and zod inlined and minified.
// The npm build (unbundled ESM + .d.ts + source maps) is emitted by tsc (scripts/build.mjs).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

export default {
  input: { 'kyc-onboarding': 'src/kyc-onboarding.ts' },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};
