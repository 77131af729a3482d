// The Node side never loads browser code. Every module under src/server/ reaches, through its
// imports followed transitively (static, type-only, re-exports, dynamic `import()`, `import()`
// types), only modules under src/server/ and src/shared/, Node's built-ins, and packages that are
// not browser-only. Everything else under src/ is the widget's: src/components/, src/internal/,
// src/translations/, src/utilities/, src/styles/, src/events/, src/api/, src/frameworks/,
// src/react/, the entries at src/*.ts, and any folder added later (an allowlist, not a blocklist).
// src/shared/ holds the pure code both sides use: it imports only itself and type-checks without
// the DOM's or Node's types.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
/** The folders of src/ the Node side may load. */
const NODE_SIDE = new Set(['server', 'shared']);
/** Packages only the widget uses, and this package itself (its main entry is the widget): the Node side must not load them. */
const BROWSER_PACKAGES = /^(?:lit|@lit\/[^/]+|@lit-labs\/[^/]+|@sumsub\/websdk|@open-wc\/[^/]+|kyc-onboarding)(?:\/|$)/;

/** The TypeScript modules under a folder of src/ (absolute paths). */
function modulesUnder(folder: string): string[] {
  const dir = join(SRC, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => join(dir, file));
}

const isRequire = (node: ts.Node): boolean => ts.isIdentifier(node) && node.text === 'require';

/** The module specifiers a source text imports, in order; `null` for an `import()` of a computed name. */
function specifiersOf(text: string, fileName = 'module.ts'): (string | null)[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: (string | null)[] = [];
  const literal = (node: ts.Node | undefined): string | null =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.push(literal(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      found.push(literal(node.moduleReference.expression));
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequire(node.expression))) {
      found.push(literal(node.arguments[0]));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push(literal(node.argument.literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file a relative specifier names (`.js` written for `.ts`, as NodeNext wants), or null when none exists. */
function resolveRelative(from: string, specifier: string): string | null {
  const target = resolve(dirname(from), specifier);
  const candidates = /\.[cm]?js$/.test(target)
    ? [target.replace(/\.([cm]?)js$/, '.$1ts'), target]
    : [target, `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** The first folder of src/ a file is in ('' for the entries at src/*.ts), or null outside src/. */
function srcFolder(file: string): string | null {
  const path = relative(SRC, file).split(/[\\/]/);
  if (path[0] === '..' || path[0] === '') return null;
  return path.length > 1 ? path[0] : '';
}

const show = (file: string) => relative(ROOT, file).replaceAll('\\', '/');

/**
 * Walks the imports of `starts`, transitively through the modules of src/, and lists each import
 * `allowed` refuses, with the chain of imports that reached it.
 */
function forbiddenImports(starts: readonly string[], allowed: (file: string | null, specifier: string) => string | null): string[] {
  const problems: string[] = [];
  const via = new Map<string, string[]>(starts.map((file) => [file, [show(file)]]));
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const chain = via.get(file)!;
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'), file)) {
      if (specifier === null) {
        problems.push(`${chain.join(' → ')} imports a computed name (the graph cannot be followed)`);
        continue;
      }
      const relativePath = specifier.startsWith('.') || specifier.startsWith('/');
      const target = relativePath ? resolveRelative(file, specifier) : null;
      if (relativePath && target === null) {
        problems.push(`${chain.join(' → ')} imports ${specifier}, which does not exist`);
        continue;
      }
      const refusal = allowed(target, specifier);
      if (refusal !== null) {
        problems.push(`${[...chain, target ? show(target) : specifier].join(' → ')}: ${refusal}`);
        continue;
      }
      if (target !== null && !via.has(target)) {
        via.set(target, [...chain, show(target)]);
        queue.push(target);
      }
    }
  }
  return problems;
}

describe('the import graph', () => {
  test('the walker finds every kind of import, and none in comments or strings', () => {
    const text = `
      import a from './a.js';
      import type { B } from './b.js';
      import './c.js';
      export * from './d.js';
      export { e } from './e.js';
      // import x from './in-a-comment.js';
      /** import y from './in-a-doc-comment.js' */
      const text = "import z from './in-a-string.js'";
      const f = await import('./f.js');
      const g = await import(\`./g.js\`);
      type H = import('./h.js').H;
      import i = require('./i.js');
      const j = await import(name);
    `;
    assert.deepEqual(specifiersOf(text), ['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js', './g.js', './h.js', './i.js', null]);
  });

  test('no module under src/server/ reaches browser code, directly or through another module', () => {
    const server = modulesUnder('server');
    assert.ok(server.length > 30, `found only ${server.length} modules under src/server/`);
    const problems = forbiddenImports(server, (target, specifier) => {
      if (target === null) {
        if (specifier.startsWith('node:') || isBuiltin(specifier)) return null;
        return BROWSER_PACKAGES.test(specifier) ? 'a package only the widget uses' : null;
      }
      const folder = srcFolder(target);
      if (folder === null) return 'outside src/ (not in the published package)';
      if (NODE_SIDE.has(folder)) return null;
      return folder === '' ? 'a browser entry of src/' : `browser code (src/${folder}/)`;
    });
    assert.deepEqual(problems, []);
  });

  test('src/shared/ imports nothing but itself: no package, no Node built-in, no other folder', () => {
    const shared = modulesUnder('shared');
    assert.ok(shared.length > 0, 'src/shared/ holds modules');
    const problems = forbiddenImports(shared, (target) =>
      target !== null && srcFolder(target) === 'shared' ? null : 'src/shared/ must stay free of packages, Node and browser code',
    );
    assert.deepEqual(problems, []);
  });

  test('src/shared/ type-checks without the DOM or Node: plain ECMAScript only', () => {
    const shared = modulesUnder('shared');
    assert.ok(shared.length > 0, 'src/shared/ holds modules');
    const program = ts.createProgram(shared, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file) return message;
      const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1;
      return `${show(diagnostic.file.fileName)}:${line}: ${message}`;
    });
    assert.deepEqual(problems, []);
  });
});
