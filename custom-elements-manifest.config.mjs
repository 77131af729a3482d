// custom-elements.json: the manifest of the public browser surface — the elements (attributes,
// properties, events, slots, parts, CSS properties, from their JSDoc) and the public entries.
// Internal modules stay out, so a comment edit inside them never makes the manifest stale.
// `npm run manifest` writes it; `npm test` fails when it is stale (scripts/manifest.mjs --check).
/**
 * The analyzer records `dispatchEvent(new KycXEvent(…))` as an event without a name, or named
 * after the constructor's argument (`detail`), with no description; the real entries come from the
 * JSDoc `@event` tags, which always describe. Keeps only those.
 */
const dropNamelessEvents = {
  name: 'drop-nameless-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
      }
    }
  },
};

export default {
  globs: ['src/index.ts', 'src/kyc-onboarding.ts', 'src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/*-controller.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [dropNamelessEvents],
};
