import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { expectNoLitDevWarnings } from '../../test/helpers/lit-warnings.js';
import { KycFormAssociatedElement, type KycValidator } from './form-associated.js';

/** A minimal field: an inner `<input>`, user edits re-fired on the host (test only). */
class TestField extends KycFormAssociatedElement {
  @query('input') private input!: HTMLInputElement | null;

  protected override get validationTarget() {
    return this.input;
  }

  override render() {
    return html`<input
      aria-label="Answer"
      .value=${live(this.value)}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @input=${this.#onInput}
      @change=${this.#onChange}
    />`;
  }

  // The native `input` is composed and reaches the host by itself; `change` must be re-fired.
  #onInput() {
    this.value = this.input!.value;
  }

  #onChange() {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}
TestField.define('kyc-test-field');

/** `minlength` is read from the attribute only (no reactive property), so it must be observed. */
const minLengthValidator: KycValidator = {
  observedAttributes: ['minlength'],
  check(element) {
    const min = Number(element.getAttribute('minlength') ?? 0);
    return element.value.length < min ? { flags: { tooShort: true }, message: `At least ${min} characters.` } : { flags: {}, message: '' };
  },
};

class MinLengthField extends TestField {
  static override validators = [...TestField.validators, minLengthValidator];
}
MinLengthField.define('kyc-test-min-length-field');

const hasState = (el: Element, state: string) => el.matches(`:state(${state})`);

/** A form around `field` that never navigates; `submissions.count` counts the submissions that got through. */
async function formWith(field: ReturnType<typeof html>) {
  const form = await fixture<HTMLFormElement>(html`<form>${field}<button>Send</button></form>`);
  const submissions = { count: 0 };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submissions.count += 1;
  });
  const el = form.querySelector<TestField>('kyc-test-field')!;
  await el.updateComplete;
  return { form, el, inner: el.shadowRoot!.querySelector('input')!, submissions };
}

describe('KycFormAssociatedElement', () => {
  it('gives its value to a native form under its name', async () => {
    const { form, el } = await formWith(html`<kyc-test-field name="answer" value="initial"></kyc-test-field>`);
    expect(el.form).to.equal(form);
    expect(el.value).to.equal('initial');
    expect(new FormData(form).get('answer')).to.equal('initial');
    el.value = 'changed';
    await el.updateComplete;
    expect(new FormData(form).get('answer')).to.equal('changed');
    expect(el.defaultValue).to.equal('initial');
  });

  it('goes back to its default value on form reset', async () => {
    const { form, el, inner } = await formWith(html`<kyc-test-field name="answer" value="initial"></kyc-test-field>`);
    el.value = 'changed';
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('initial');
    expect(inner.value).to.equal('initial');
    expect(new FormData(form).get('answer')).to.equal('initial');
  });

  it('blocks submission while required and empty, then lets it through', async () => {
    const { form, el, submissions } = await formWith(html`<kyc-test-field name="answer" required></kyc-test-field>`);
    form.requestSubmit();
    expect(submissions.count).to.equal(0);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).not.to.equal('');
    el.value = 'filled';
    await el.updateComplete;
    form.requestSubmit();
    expect(submissions.count).to.equal(1);
  });

  it('takes a custom error and clears it', async () => {
    const { el } = await formWith(html`<kyc-test-field name="answer" value="x"></kyc-test-field>`);
    el.setCustomValidity('Already taken.');
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal('Already taken.');
    expect(el.checkValidity()).to.equal(false);
    el.setCustomValidity('');
    expect(el.checkValidity()).to.equal(true);
    expect(el.validationMessage).to.equal('');
  });

  it('is left out of submission and validation when disabled, itself or by a fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <kyc-test-field name="own" value="a" required disabled></kyc-test-field>
        <fieldset disabled><kyc-test-field name="inherited" value="b"></kyc-test-field></fieldset>
      </form>
    `);
    const [own, inherited] = Array.from(form.querySelectorAll<TestField>('kyc-test-field'));
    await Promise.all([own.updateComplete, inherited.updateComplete]);
    own.value = '';
    await own.updateComplete;
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    expect(own.willValidate).to.equal(false);
    expect(own.checkValidity()).to.equal(true);
    for (const field of [own, inherited]) {
      expect(hasState(field, 'disabled')).to.equal(true);
      expect(field.shadowRoot!.querySelector('input')!.disabled).to.equal(true);
    }
    form.querySelector('fieldset')!.disabled = false;
    await inherited.updateComplete;
    expect(hasState(inherited, 'disabled')).to.equal(false);
    expect(inherited.shadowRoot!.querySelector('input')!.disabled).to.equal(false);
    expect(new FormData(form).get('inherited')).to.equal('b');
  });

  it('is barred from validation when read-only, like a native control', async () => {
    const { el } = await formWith(html`<kyc-test-field name="answer" required readonly></kyc-test-field>`);
    expect(el.willValidate).to.equal(false);
    expect(el.checkValidity()).to.equal(true);
  });

  it('shows user-invalid only after the person edits the value or tries to submit', async () => {
    const { form, el, inner } = await formWith(html`<kyc-test-field name="answer" value="a" required></kyc-test-field>`);
    el.value = '';
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    await el.updateComplete;
    expect(hasState(el, 'user-invalid'), 'after programmatic changes').to.equal(false);

    form.reset();
    await el.updateComplete;
    inner.focus();
    inner.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(hasState(el, 'user-invalid'), 'after an edit').to.equal(true);

    form.reset();
    await el.updateComplete;
    expect(hasState(el, 'user-invalid'), 'after a reset').to.equal(false);
    el.value = '';
    await el.updateComplete;
    form.requestSubmit();
    await el.updateComplete;
    expect(hasState(el, 'user-invalid'), 'after a submit attempt').to.equal(true);
  });

  it('re-validates when an attribute a validator observes changes', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><kyc-test-min-length-field name="answer" value="ab"></kyc-test-min-length-field></form>
    `);
    const el = form.querySelector<MinLengthField>('kyc-test-min-length-field')!;
    await el.updateComplete;
    expect(el.matches(':invalid')).to.equal(false);
    el.setAttribute('minlength', '3');
    await el.updateComplete;
    expect(el.matches(':invalid')).to.equal(true);
    expect(el.validationMessage).to.equal('At least 3 characters.');
    el.removeAttribute('minlength');
    await el.updateComplete;
    expect(el.matches(':invalid')).to.equal(false);
  });

  it('restores its state after navigation', async () => {
    const { el, inner } = await formWith(html`<kyc-test-field name="answer"></kyc-test-field>`);
    el.formStateRestoreCallback('restored');
    await el.updateComplete;
    expect(el.value).to.equal('restored');
    expect(inner.value).to.equal('restored');
  });

  it('delegates focus to its inner control', async () => {
    const { el, inner } = await formWith(html`<kyc-test-field name="answer"></kyc-test-field>`);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(inner);
  });

  it('works with no Lit dev-mode warnings', async () => {
    await expectNoLitDevWarnings(async () => {
      const { form, el } = await formWith(html`<kyc-test-field name="answer" required></kyc-test-field>`);
      form.requestSubmit();
      await el.updateComplete;
      el.value = 'x';
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
    });
  });
});
