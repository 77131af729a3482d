// custom-elements.json: the manifest of the browser side (elements, their attributes, events,
// parts and CSS properties as they land; the API client's exports). `npm run manifest` writes it;
// `npm test` fails when it is stale (scripts/manifest.mjs --check).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/**/*.test.ts', 'src/**/*.styles.ts', 'src/internal/test/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
