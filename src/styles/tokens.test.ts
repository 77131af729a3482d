import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { undefinedCustomProperties } from '../../test/helpers/styles.js';
import { KycElement } from '../internal/kyc-element.js';
import { formControlStyles } from './form-control.styles.js';
import { hostStyles } from './host.styles.js';
import { rootThemeStyles, tokensStyles } from './tokens.styles.js';

class ThemeChild extends KycElement {}
ThemeChild.define('kyc-test-theme-child');

class ThemeRoot extends KycElement {
  static override styles = rootThemeStyles;

  override render() {
    return html`<kyc-test-theme-child></kyc-test-theme-child>`;
  }
}
ThemeRoot.define('kyc-test-theme-root');

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `color-x` → `#rrggbb` from `--<prefix>color-x: #rrggbb` declarations in a block of CSS text. */
function schemeColours(cssText: string): Map<string, string> {
  return new Map(Array.from(cssText.matchAll(/--_kyc-scheme-(color-[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi), (m) => [m[1], m[2]]));
}

/** The light palette: the literal fallback of each colour alias (which also checks their naming). */
function lightPalette(): Map<string, string> {
  const aliases = /--_kyc-(color-[\w-]+):\s*var\(--kyc-\1,\s*var\(--_kyc-scheme-\1,\s*(#[0-9a-f]{6})\)\)/gi;
  return new Map(Array.from(tokensStyles.cssText.matchAll(aliases), (m) => [m[1], m[2]]));
}

/** The dark palette, from `theme="dark"`; asserts `theme="auto"` under a dark preference sets the same. */
function darkPalette(): Map<string, string> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rootThemeStyles.cssText);
  const rules = Array.from(sheet.cssRules);
  const dark = rules.find((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule);
  const media = rules.find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule);
  expect(dark?.selectorText).to.equal(':host([theme="dark"])');
  expect(media?.conditionText).to.equal('(prefers-color-scheme: dark)');
  const auto = media!.cssRules[0] as CSSStyleRule;
  expect(auto.selectorText).to.equal(':host([theme="auto"])');
  expect(auto.style.cssText).to.equal(dark!.style.cssText);
  return schemeColours(dark!.style.cssText);
}

const TEXT = ['color-text', 'color-text-muted', 'color-primary', 'color-danger', 'color-success', 'color-warning'];
const UI = ['color-border', 'color-focus'];
const BACKGROUNDS = ['color-background', 'color-surface'];

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;

describe('theming contract (tokens.styles.ts)', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it('meets WCAG 2.2 AA contrast in the light and the dark palette', () => {
    const light = lightPalette();
    const dark = darkPalette();
    expect([...dark.keys()].sort(), 'dark sets every colour').to.deep.equal([...light.keys()].sort());
    for (const [scheme, palette] of [
      ['light', light],
      ['dark', dark],
    ] as const) {
      const colour = (name: string) => palette.get(name) ?? expect.fail(`${scheme} has no ${name}`);
      for (const background of BACKGROUNDS) {
        for (const name of TEXT) {
          expect(contrast(colour(name), colour(background)), `${scheme} ${name} on ${background}`).to.be.at.least(4.5);
        }
        for (const name of UI) {
          expect(contrast(colour(name), colour(background)), `${scheme} ${name} on ${background}`).to.be.at.least(3);
        }
      }
      expect(contrast(colour('color-on-primary'), colour('color-primary')), `${scheme} on-primary`).to.be.at.least(4.5);
    }
  });

  it('declares a private alias of each public token, falling back to a literal', () => {
    const aliases = Array.from(tokensStyles.cssText.matchAll(/(--_kyc-[\w-]+):\s*var\(\s*(--[\w-]+)/g));
    expect(aliases.length).to.be.greaterThan(20);
    for (const [, alias, token] of aliases) expect(token, alias).to.equal(alias.replace('--_kyc-', '--kyc-'));
  });

  it('uses no custom property that is neither declared nor given a fallback', () => {
    expect(undefinedCustomProperties(hostStyles)).to.deep.equal([]);
    expect(undefinedCustomProperties(tokensStyles)).to.deep.equal([]);
    expect(undefinedCustomProperties(rootThemeStyles)).to.deep.equal([]);
    expect(undefinedCustomProperties(ThemeRoot.elementStyles)).to.deep.equal([]);
    expect(undefinedCustomProperties([...ThemeChild.elementStyles, formControlStyles])).to.deep.equal([]);
    // Form controls rely on the contract only: every token they need is a private alias.
    const needed = undefinedCustomProperties(formControlStyles);
    expect(needed.length).to.be.greaterThan(0);
    for (const name of needed) expect(tokensStyles.cssText, name).to.match(new RegExp(`${name}:`));
  });

  it('is light standalone, dark inside a dark root, and a host token wins over both', async () => {
    const light = lightPalette();
    const dark = darkPalette();
    const standalone = await fixture<ThemeChild>(html`<kyc-test-theme-child></kyc-test-theme-child>`);
    expect(getComputedStyle(standalone).color).to.equal(rgb(light.get('color-text')!));

    const root = await fixture<ThemeRoot>(html`<kyc-test-theme-root theme="dark"></kyc-test-theme-root>`);
    const child = root.shadowRoot!.querySelector('kyc-test-theme-child')!;
    expect(getComputedStyle(root).color).to.equal(rgb(dark.get('color-text')!));
    expect(getComputedStyle(child).color).to.equal(rgb(dark.get('color-text')!));
    expect(getComputedStyle(child).colorScheme).to.equal('dark');

    root.style.setProperty('--kyc-color-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle(child).color).to.equal('rgb(1, 2, 3)');
  });

  it('follows the system preference with theme="auto"', async () => {
    const root = await fixture<ThemeRoot>(html`<kyc-test-theme-root theme="auto"></kyc-test-theme-root>`);
    const child = root.shadowRoot!.querySelector('kyc-test-theme-child')!;
    expect(getComputedStyle(child).color).to.equal(rgb(lightPalette().get('color-text')!));
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(child).color).to.equal(rgb(darkPalette().get('color-text')!));
  });

  it('drops transitions when reduced motion is preferred, even over a host token', async () => {
    const el = await fixture<ThemeChild>(html`<kyc-test-theme-child></kyc-test-theme-child>`);
    el.style.setProperty('--kyc-transition-duration', '300ms');
    const duration = () => getComputedStyle(el).getPropertyValue('--_kyc-transition-duration').trim();
    expect(duration()).to.equal('300ms');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(duration()).to.equal('0s');
  });
});
