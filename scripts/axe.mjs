// axe-core on a whole Playwright page, with the rule set the browser tests use (axe-options.mjs).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AXE_OPTIONS } from './axe-options.mjs';

let source;

/** Runs axe-core on a Playwright page (shadow trees included); throws with every violation. */
export async function expectAccessiblePage(page) {
  source ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations = await page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) =>
        node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(', '),
      ),
    }));
  }, AXE_OPTIONS);
  if (violations.length) {
    throw new Error(
      violations.map((violation) => `${violation.id}: ${violation.help}\n  on ${violation.targets.join('\n  on ')}`).join('\n'),
    );
  }
}
