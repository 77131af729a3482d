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

/**
 * The analyzer lists modules in the order its file search returned them, which may vary from run
 * to run; sorted (entries, then elements, by path), the manifest and what is made from it are the
 * same every time.
 */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    // The entries first, then the elements; each group by path.
    const key = (module) => `${module.path.includes('/components/') ? 1 : 0}${module.path}`;
    customElementsManifest.modules?.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  },
};

export default {
  globs: ['src/index.ts', 'src/kyc-onboarding.ts', 'src/components/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.styles.ts',
    'src/**/*-controller.ts',
    'src/components/question/text-formats.ts',
    'src/components/onboarding/screens/**',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [dropNamelessEvents, sortModules],
};
