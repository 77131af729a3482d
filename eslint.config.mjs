// ESLint (flat config): typescript-eslint's type-aware recommended rules for the TypeScript of
// src/ and test/, Lit's and web components' rules for the elements, and the plain recommended rules
// for the scripts. Formatting is Prettier's (.prettierrc.json), not ESLint's. `npm test` runs both.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build-check/', 'coverage/', 'node_modules/', 'demo/angular/', 'demo/react/', 'demo/vue/', 'custom-elements.json'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/components/**/*.ts', 'src/internal/kyc-element.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },
  {
    // Tests: node:test's describe/test promises are the runner's to await, and the answers tests
    // read are JSON of their own making (typed `any` on purpose).
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] }] },
      ],
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // chai's assertions are property reads (`expect(x).to.be.true`), and its methods are passed around.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Browser tests: the type checker takes chai's assertion chains (`expect(x).to.equal(y)`) for
    // promises, so every assertion would be reported; mocha awaits what a test returns.
    files: ['src/**/*.test.ts', 'test/browser/**/*.ts', 'test/helpers/**/*.ts', 'test/csp/**/*.ts', 'test/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['**/*.mjs', 'demo/*.js', 'bin/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
