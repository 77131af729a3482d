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
    rules: {
      // `async` states a function's promise contract (a store's methods, a fake platform), even
      // when its body needs no await.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore names what is left out on purpose (`{ cleared: _cleared, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // An abort signal's reason is typed `any` by the DOM library; ours are always errors.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // `declare global { namespace JSX … }` is how React's and Vue's typings are extended.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
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
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] }],
        },
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
      // Fetch wrappers stringify what the client passes them: always a URL string here.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowArray: true }],
    },
  },
  {
    // Browser tests: the type checker takes chai's assertion chains (`expect(x).to.equal(y)`) for
    // promises, so every assertion would be reported; mocha awaits what a test returns.
    files: [
      'src/**/*.test.ts',
      'test/browser/**/*.ts',
      'test/camera/**/*.ts',
      'test/helpers/**/*.ts',
      'test/csp/**/*.ts',
      'test/bench/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['**/*.mjs', 'demo/*.js', 'bin/*.js', 'test/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
