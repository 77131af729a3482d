// The shared test helpers must fail on what they exist to catch, or every suite using them passes vacuously.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { expectAccessible } from '../../test/helpers/axe.js';
import { expectNoLitDevWarnings } from '../../test/helpers/lit-warnings.js';

/** Sets a reactive property in `updated()`: Lit warns `change-in-update`. */
class UpdatesInUpdated extends LitElement {
  @state() private count = 0;

  protected override updated() {
    if (this.count === 0) this.count = 1;
  }
}
customElements.define('kyc-test-updates-in-updated', UpdatesInUpdated);

async function failureOf(check: Promise<void>): Promise<string> {
  try {
    await check;
  } catch (error) {
    return String(error);
  }
  return expect.fail('expected the check to fail');
}

describe('expectAccessible (test/helpers/axe.ts)', () => {
  it('passes labelled controls of a sufficient size', async () => {
    const el = await fixture(html`
      <div>
        <label>Name <input /></label>
        <button style="min-width: 44px; min-height: 44px">Next</button>
      </div>
    `);
    await expectAccessible(el);
  });

  it('fails on an input without a label, naming the rule and the node', async () => {
    const el = await fixture(html`<div><input id="unlabelled" /></div>`);
    const message = await failureOf(expectAccessible(el));
    expect(message).to.contain('label:');
    expect(message).to.contain('#unlabelled');
  });

  it('fails on 10px targets close together (target-size is enabled)', async () => {
    const el = await fixture(html`
      <div>
        <button aria-label="Previous" style="all: unset; display: inline-block; width: 10px; height: 10px"></button>
        <button aria-label="Next" style="all: unset; display: inline-block; width: 10px; height: 10px"></button>
      </div>
    `);
    const message = await failureOf(expectAccessible(el));
    expect(message).to.contain('target-size:');
  });

  it('looks into shadow roots', async () => {
    const host = await fixture(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).append(document.createElement('input'));
    expect(await failureOf(expectAccessible(host))).to.contain('label:');
  });
});

describe('expectNoLitDevWarnings (test/helpers/lit-warnings.ts)', () => {
  it('fails when Lit warns, even for a warning already printed on this page', async () => {
    for (let round = 0; round < 2; round += 1) {
      const message = await failureOf(
        expectNoLitDevWarnings(() => fixture(html`<kyc-test-updates-in-updated></kyc-test-updates-in-updated>`)),
      );
      expect(message).to.contain('change-in-update');
    }
  });

  it('passes other console warnings through and passes without Lit warnings', async () => {
    const original = console.warn;
    const passed: unknown[] = [];
    console.warn = (...args: unknown[]) => passed.push(args[0]);
    try {
      await expectNoLitDevWarnings(() => console.warn('not from Lit'));
    } finally {
      console.warn = original;
    }
    expect(passed).to.deep.equal(['not from Lit']);
  });
});
