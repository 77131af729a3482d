// The axe-core rule set of every accessibility check: the browser tests (test/helpers/axe.ts) and
// the Playwright-driven ones (scripts/axe.mjs). No Node import: it is loaded in the browser too.

/**
 * WCAG 2.0, 2.1 and 2.2, levels A and AA; best-practice rules are not run. `target-size`
 * (2.5.8) is off by default in axe: the `wcag22aa` tag brings it in, and it is enabled by name
 * too, so it stays on whatever the tag list becomes.
 */
export const AXE_OPTIONS = Object.freeze({
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations'],
});
