// custom-elements.json: the manifest of the public browser surface — the elements (attributes,
// properties, events, slots, parts, CSS properties, from their JSDoc) and the public entries.
// Internal modules stay out, so a comment edit inside them never makes the manifest stale.
// `npm run manifest` writes it; `npm test` fails when it is stale (scripts/manifest.mjs --check).
export default {
  globs: ['src/index.ts', 'src/kyc-onboarding.ts', 'src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/*-controller.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
