import { expect, fixture, html } from '@open-wc/testing';
import { css } from 'lit';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../test/helpers/axe.js';
import { KycElement } from '../internal/kyc-element.js';
import { formControlStyles } from './form-control.styles.js';
import { rootThemeStyles } from './tokens.styles.js';

/** Every kind of control the shared styles cover, as a component would render them. */
class ControlsProbe extends KycElement {
  static override styles = [
    rootThemeStyles,
    formControlStyles,
    css`
      :host {
        background-color: var(--_kyc-color-background);
      }
    `,
  ];

  override render() {
    return html`
      <div class="form-control">
        <label class="form-control__label" for="name">
          Name<span class="form-control__required" aria-hidden="true">*</span>
        </label>
        <input class="input" id="name" required aria-describedby="name-help name-error" aria-invalid="true" />
        <p class="form-control__help" id="name-help">As in your passport.</p>
        <p class="form-control__error" id="name-error">Enter your name.</p>
      </div>
      <div class="form-control">
        <label class="form-control__label" for="country">Country</label>
        <select class="input" id="country">
          <option>Latvia</option>
        </select>
      </div>
      <label class="choice"><input type="checkbox" />I accept the terms</label>
      <div>
        <button class="button button--secondary" type="button">Back</button>
        <button class="button button--primary" type="button">Next</button>
      </div>
    `;
  }
}
ControlsProbe.define('kyc-test-controls-probe');

const PHYSICAL = /\b(margin|padding|border|inset)-(left|right|top|bottom)\b|(^|[\s;{])(left|right):|text-align:\s*(left|right)|float:/;

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;

async function probe(theme = 'light') {
  const el = await fixture<ControlsProbe>(html`<kyc-test-controls-probe theme=${theme}></kyc-test-controls-probe>`);
  const $ = <T extends Element>(selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  return { el, $ };
}

describe('form control styles', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it('are accessible (WCAG 2.2 AA, contrast and target size included) in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const { el } = await probe(theme);
      await expectAccessible(el);
    }
  });

  it('make targets at least 24px, and inputs and buttons 44px, tall', async () => {
    const { $ } = await probe();
    const box = (selector: string) => $(selector).getBoundingClientRect();
    for (const selector of ['#name', '#country', '.button--primary', '.button--secondary']) {
      expect(box(selector).height, selector).to.be.at.least(44);
    }
    expect(box('.button--primary').width).to.be.at.least(44);
    expect(box('[type=checkbox]').height).to.be.at.least(24);
    expect(box('[type=checkbox]').width).to.be.at.least(24);
  });

  it('show a focus ring of at least 2px in the focus colour on keyboard focus', async () => {
    const { el, $ } = await probe();
    $<HTMLInputElement>('#name').focus();
    await sendKeys({ press: 'Tab' }); // to the select
    await sendKeys({ press: 'Tab' }); // to the checkbox
    await sendKeys({ press: 'Tab' }); // to the first button
    const button = $<HTMLButtonElement>('.button--secondary');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(style.outlineColor).to.equal(rgb(getComputedStyle(el).getPropertyValue('--_kyc-color-focus').trim()));
  });

  it('turn transitions off when reduced motion is preferred', async () => {
    const { $ } = await probe();
    const duration = () => getComputedStyle($('.button--primary')).transitionDuration.split(', ');
    expect(duration()).to.deep.equal(['0.15s', '0.15s']);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(duration()).to.deep.equal(['0s', '0s']);
  });

  it('use only logical properties, so right-to-left mirrors', async () => {
    expect(formControlStyles.cssText).not.to.match(PHYSICAL);
    const { el, $ } = await probe();
    const marker = () => getComputedStyle($('.form-control__required'));
    expect([marker().marginLeft, marker().marginRight]).to.deep.equal(['4px', '0px']);
    el.dir = 'rtl';
    expect([marker().marginLeft, marker().marginRight]).to.deep.equal(['0px', '4px']);
  });
});
