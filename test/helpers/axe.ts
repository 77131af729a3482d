// axe-core is a UMD file: imported for its side effect, it sets `window.axe` (as chai-a11y-axe does).
import 'axe-core/axe.min.js';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/**
 * WCAG 2.0, 2.1 and 2.2, levels A and AA; best-practice rules are not run. `target-size`
 * (2.5.8) is off by default in axe: the `wcag22aa` tag brings it in, and it is enabled by name
 * too, so it stays on whatever the tag list becomes.
 */
const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations'],
};

/** A node's selector; inside shadow roots axe gives one selector per tree, joined here by `>>>`. */
const selectorOf = (node: NodeResult): string =>
  node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(', ');

/**
 * Runs axe-core on `element` (its shadow trees included) against WCAG 2.2 AA and rejects with
 * every violation: its rule id, its help text and the selectors of the offending nodes.
 */
export async function expectAccessible(element: Element): Promise<void> {
  const results: AxeResults = await window.axe.run(element, OPTIONS);
  if (!results.violations.length) return;
  const report = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help}\n` + violation.nodes.map((node) => `    on ${selectorOf(node)}`).join('\n'),
  );
  throw new Error(`Accessibility violations:\n${report.join('\n')}`);
}
