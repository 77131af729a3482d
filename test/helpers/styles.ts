import type { CSSResultGroup, CSSResultOrNative } from 'lit';

const flatten = (styles: CSSResultGroup | readonly CSSResultOrNative[]): CSSResultOrNative[] =>
  Array.isArray(styles) ? styles.flatMap(flatten) : [styles as CSSResultOrNative];

const cssTextOf = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? Array.from(style.cssRules, (rule) => rule.cssText).join('\n') : style.cssText;

/**
 * The custom properties `styles` use without a fallback and without declaring them (Material's
 * "no undefined tokens"): each name in the result would make a declaration invalid on a page with
 * no global stylesheet. Pass what one element is styled with, e.g. its `elementStyles`
 * (`KycElement` prepends the token declarations) or an array of `css` results.
 */
export function undefinedCustomProperties(styles: CSSResultGroup | readonly CSSResultOrNative[]): string[] {
  const text = flatten(styles).map(cssTextOf).join('\n');
  const declared = new Set(Array.from(text.matchAll(/(--[\w-]+)\s*:/g), (match) => match[1]));
  const withoutFallback = Array.from(text.matchAll(/var\(\s*(--[\w-]+)\s*\)/g), (match) => match[1]);
  return [...new Set(withoutFallback.filter((name) => !declared.has(name)))];
}
