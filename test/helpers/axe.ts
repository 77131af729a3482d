// axe-core is a UMD file: imported for its side effect, it sets `window.axe` (as chai-a11y-axe does).
import 'axe-core/axe.min.js';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';
import { AXE_OPTIONS } from '../../scripts/axe-options.mjs';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** The rule set: WCAG 2.0–2.2 A and AA, target size included (shared with the Node-driven checks). */
const OPTIONS: RunOptions = AXE_OPTIONS;

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
    (violation) => `${violation.id}: ${violation.help}\n` + violation.nodes.map((node) => `    on ${selectorOf(node)}`).join('\n'),
  );
  throw new Error(`Accessibility violations:\n${report.join('\n')}`);
}
