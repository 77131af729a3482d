// custom-elements.json: the manifest of the public browser surface — the elements (attributes,
// properties, events, slots, parts, CSS properties, from their JSDoc) and the public entries.
// Internal modules stay out, so a comment edit inside them never makes the manifest stale.
// `npm run manifest` writes it; `npm test` fails when it is stale (scripts/manifest.mjs --check).
/**
 * The analyzer records `dispatchEvent(new KycXEvent(…))` as an event without a name; the named
 * entries come from the JSDoc `@event` tags. Drops the nameless ones.
 */
const dropNamelessEvents = {
  name: 'drop-nameless-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
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
