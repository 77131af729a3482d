import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { expectNoLitDevWarnings } from '../../../test/helpers/lit-warnings.js';
import { undefinedCustomProperties } from '../../../test/helpers/styles.js';
import { COUNTRIES } from '../../server/sandbox/countries.js';
import { KycCombobox, type KycComboboxOption } from './combobox.js';

KycCombobox.define('kyc-combobox');

/** The ~250 ISO countries, as the reference data of a citizenship question. */
const countries: KycComboboxOption[] = COUNTRIES.map(({ key, title }) => ({ value: key, label: title }));

const fruits: KycComboboxOption[] = [
  { value: 'banana', label: 'Banana' },
  { value: 'ananas', label: 'Ananas' },
  { value: 'cherry', label: 'Cherry' },
  { value: 'mango', label: 'Mango' },
];

async function combobox(
  options: readonly KycComboboxOption[] = countries,
  template = html`<kyc-combobox label="Citizenship"></kyc-combobox>`,
) {
  const el = await fixture<KycCombobox>(template);
  el.options = options;
  await el.updateComplete;
  return el;
}

const inputOf = (el: KycCombobox) => el.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const listboxOf = (el: KycCombobox) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const optionsOf = (el: KycCombobox) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'));
const labelsOf = (el: KycCombobox) => optionsOf(el).map((option) => option.textContent.trim());
const statusOf = (el: KycCombobox) => el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
const isOpen = (el: KycCombobox) => inputOf(el).getAttribute('aria-expanded') === 'true';

/** The option the input's aria-activedescendant points at (null when none), checked to exist. */
function activeOf(el: KycCombobox): HTMLElement | null {
  const id = inputOf(el).getAttribute('aria-activedescendant');
  if (id === null) return null;
  const option = el.shadowRoot!.getElementById(id);
  expect(option, `#${id}`).to.exist;
  expect(option!.getAttribute('role')).to.equal('option');
  return option;
}

/** Focuses the field and types `text`, replacing the field's text when `replace` is set. */
async function type(el: KycCombobox, text: string, { replace = false } = {}) {
  el.focus();
  if (replace) inputOf(el).select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function press(el: KycCombobox, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** A real mouse click in the middle of `target`. */
async function click(el: KycCombobox, target: Element) {
  const { x, y, width, height } = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
  await el.updateComplete;
}

/** Counts the host's `input` and `change` events. */
function countEvents(el: KycCombobox) {
  const counts = { input: 0, change: 0 };
  el.addEventListener('input', () => (counts.input += 1));
  el.addEventListener('change', () => (counts.change += 1));
  return counts;
}

describe('<kyc-combobox>', () => {
  afterEach(() => resetMouse());

  describe('accessibility (axe, WCAG 2.2 AA)', () => {
    it('is accessible closed, with a value, help text and required', async () => {
      const el = await combobox(
        countries,
        html`<kyc-combobox label="Citizenship" help-text="As in your passport." required value="LV"></kyc-combobox>`,
      );
      await expectAccessible(el);
    });

    it('is accessible open with results and an active option', async () => {
      const el = await combobox();
      await type(el, 'lat');
      await press(el, 'ArrowDown');
      expect(optionsOf(el).length).to.be.greaterThan(0);
      await expectAccessible(el);
    });

    it('is accessible open with no matches', async () => {
      const el = await combobox();
      await type(el, 'zzz');
      expect(isOpen(el)).to.equal(true);
      expect(optionsOf(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent.trim()).to.equal('No matches');
      await expectAccessible(el);
    });

    it('is accessible loading', async () => {
      const el = await combobox([], html`<kyc-combobox label="Citizenship" loading></kyc-combobox>`);
      el.focus();
      await press(el, 'ArrowDown');
      expect(isOpen(el)).to.equal(true);
      await expectAccessible(el);
    });

    it('is accessible with an error', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" error="Choose your citizenship."></kyc-combobox>`);
      await expectAccessible(el);
    });

    it('is accessible disabled', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" disabled value="LV"></kyc-combobox>`);
      expect(inputOf(el).disabled).to.equal(true);
      await expectAccessible(el);
    });
  });

  describe('ARIA', () => {
    it('is an editable combobox with list autocomplete, labelled in its own shadow root', async () => {
      const el = await combobox();
      const input = inputOf(el);
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-autocomplete')).to.equal('list');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)).to.equal(listboxOf(el));
      expect(input.labels![0].textContent.trim()).to.equal('Citizenship');
      expect(listboxOf(el).getAttribute('aria-labelledby')).to.equal(input.labels![0].id);
      expect(input.placeholder).to.equal('Choose…');
    });

    it('toggles aria-expanded, points aria-activedescendant at an existing option, marks the chosen one selected', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" value="LV"></kyc-combobox>`);
      el.focus();
      expect(activeOf(el)).to.equal(null);
      await press(el, 'ArrowDown');
      expect(isOpen(el)).to.equal(true);
      // Opening starts at the chosen option, which is the only selected one.
      expect(activeOf(el)!.textContent.trim()).to.equal('Latvia');
      const selected = optionsOf(el).filter((option) => option.getAttribute('aria-selected') === 'true');
      expect(selected.map((option) => option.textContent.trim())).to.deep.equal(['Latvia']);
      expect(optionsOf(el).every((option) => option.hasAttribute('aria-selected'))).to.equal(true);
      await press(el, 'ArrowDown');
      expect(activeOf(el)!.textContent.trim()).to.equal('Lebanon');
      await press(el, 'Escape');
      expect(isOpen(el)).to.equal(false);
      expect(activeOf(el)).to.equal(null);
    });

    it('ties help and error to the input and marks it invalid', async () => {
      const el = await combobox(
        countries,
        html`<kyc-combobox label="Citizenship" help-text="As in your passport." error="Not accepted."></kyc-combobox>`,
      );
      const input = inputOf(el);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const described = input
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent.trim());
      expect(described).to.deep.equal(['As in your passport.', 'Not accepted.']);
      el.error = '';
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(input.getAttribute('aria-describedby')!.split(' ')).to.have.length(1);
    });

    it('marks required visually and for assistive technology', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" required></kyc-combobox>`);
      expect(inputOf(el).getAttribute('aria-required')).to.equal('true');
      expect(el.shadowRoot!.querySelector('label .form-control__required')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('is aria-busy and says it is loading while the options load', async () => {
      const el = await combobox([], html`<kyc-combobox label="Citizenship" loading></kyc-combobox>`);
      el.focus();
      await press(el, 'ArrowDown');
      expect(listboxOf(el).getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent.trim()).to.equal('Loading options…');
      el.options = countries;
      el.loading = false;
      await el.updateComplete;
      expect(listboxOf(el).getAttribute('aria-busy')).to.equal('false');
      expect(optionsOf(el)).to.have.length(countries.length);
      expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
    });

    it('announces the number of results in a polite live region after typing', async () => {
      const el = await combobox(fruits);
      const status = statusOf(el);
      expect(status.getAttribute('role')).to.equal('status');
      await type(el, 'an');
      await waitUntil(() => status.textContent.trim() !== '', 'no announcement');
      expect(status.textContent.trim()).to.equal('3 results');
      await type(el, 'x');
      await waitUntil(() => status.textContent.trim() !== '3 results', 'no second announcement');
      expect(status.textContent.trim()).to.equal('No results');
    });
  });

  describe('keyboard', () => {
    it('chooses a country out of ~250 by typing, ArrowDown and Enter', async () => {
      expect(countries.length).to.be.greaterThan(240);
      const el = await combobox();
      const counts = countEvents(el);
      await type(el, 'lat');
      expect(isOpen(el)).to.equal(true);
      expect(labelsOf(el)[0]).to.equal('Latvia');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(el.value).to.equal('LV');
      expect(inputOf(el).value).to.equal('Latvia');
      expect(isOpen(el)).to.equal(false);
      expect(counts).to.deep.equal({ input: 1, change: 1 });
      expect(el.shadowRoot!.activeElement).to.equal(inputOf(el));
    });

    it('moves with the arrows (wrapping), Home and End, PageDown and PageUp by 10', async () => {
      const el = await combobox();
      el.focus();
      await press(el, 'ArrowDown');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries[0].label);
      await press(el, 'ArrowUp');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries.at(-1)!.label);
      await press(el, 'ArrowDown');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries[0].label);
      await press(el, 'PageDown');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries[10].label);
      await press(el, 'PageUp');
      await press(el, 'PageUp');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries[0].label);
      await press(el, 'End');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries.at(-1)!.label);
      await press(el, 'PageDown');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries.at(-1)!.label);
      await press(el, 'Home');
      expect(activeOf(el)!.textContent.trim()).to.equal(countries[0].label);
    });

    it('opens from closed with ArrowUp at the last option, and with Alt+ArrowDown without an active option', async () => {
      const el = await combobox(fruits);
      el.focus();
      await press(el, 'ArrowUp');
      expect(activeOf(el)!.textContent.trim()).to.equal('Mango');
      await press(el, 'Escape');
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      expect(isOpen(el)).to.equal(true);
      expect(activeOf(el)).to.equal(null);
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
    });

    it('leaves Home and End to the caret while no option is active', async () => {
      const el = await combobox(fruits);
      await type(el, 'an');
      await press(el, 'Home');
      expect(activeOf(el)).to.equal(null);
      expect(inputOf(el).selectionStart).to.equal(0);
    });

    it('keeps the active option scrolled into view', async () => {
      const el = await combobox();
      el.focus();
      await press(el, 'ArrowDown');
      await press(el, 'End');
      const list = listboxOf(el).getBoundingClientRect();
      const active = activeOf(el)!.getBoundingClientRect();
      expect(listboxOf(el).scrollTop).to.be.greaterThan(0);
      expect(active.top).to.be.at.least(list.top - 1);
      expect(active.bottom).to.be.at.most(list.bottom + 1);
    });

    it('closes with Escape, then a second Escape clears the text when nothing is chosen', async () => {
      const el = await combobox();
      await type(el, 'xyz');
      expect(isOpen(el)).to.equal(true);
      await press(el, 'Escape');
      expect(isOpen(el)).to.equal(false);
      expect(inputOf(el).value).to.equal('xyz');
      await press(el, 'Escape');
      expect(inputOf(el).value).to.equal('');
      expect(el.value).to.equal('');
    });

    it('brings back the chosen label on a second Escape when something is chosen', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" value="LV"></kyc-combobox>`);
      await type(el, 'fin', { replace: true });
      await press(el, 'Escape');
      expect(inputOf(el).value).to.equal('fin');
      await press(el, 'Escape');
      expect(inputOf(el).value).to.equal('Latvia');
      expect(el.value).to.equal('LV');
    });

    it('chooses nothing new on Tab and closes', async () => {
      const el = await combobox();
      const counts = countEvents(el);
      await type(el, 'lat');
      await press(el, 'ArrowDown');
      await press(el, 'Tab');
      expect(el.value).to.equal('');
      expect(isOpen(el)).to.equal(false);
      expect(inputOf(el).value).to.equal('');
      expect(counts).to.deep.equal({ input: 0, change: 0 });
    });

    it('keeps a label typed in full when the person leaves with Tab', async () => {
      const el = await combobox();
      const counts = countEvents(el);
      await type(el, 'Latvia');
      await press(el, 'Tab');
      expect(el.value).to.equal('LV');
      expect(inputOf(el).value).to.equal('Latvia');
      expect(counts).to.deep.equal({ input: 1, change: 1 });
    });

    it('chooses the option whose label was typed in full on Enter', async () => {
      const el = await combobox();
      await type(el, 'latvia');
      await press(el, 'Enter');
      expect(el.value).to.equal('LV');
      expect(inputOf(el).value).to.equal('Latvia');
    });

    it('does nothing when read-only', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" readonly value="LV"></kyc-combobox>`);
      el.focus();
      await press(el, 'ArrowDown');
      await click(el, inputOf(el));
      expect(isOpen(el)).to.equal(false);
      expect(el.value).to.equal('LV');
    });
  });

  describe('filtering', () => {
    it('matches a substring of the label ignoring case and diacritics', async () => {
      const el = await combobox();
      await type(el, 'LAND');
      const labels = labelsOf(el);
      expect(labels).to.include('Åland Islands');
      expect(labels).to.include('Finland');
      expect(labels.every((label) => label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes('land'))).to.equal(true);
      await type(el, 'cote d', { replace: true });
      expect(labelsOf(el)).to.deep.equal(['Côte d’Ivoire']);
      await type(el, 'ALAND', { replace: true });
      expect(labelsOf(el)).to.deep.equal(['Åland Islands', 'New Zealand']);
    });

    it('folds letters without a combining mark (ł, ø, ß…) to their plain forms', async () => {
      const el = await combobox([
        { value: 'lodz', label: 'Łódź' },
        { value: 'tromso', label: 'Tromsø' },
        { value: 'giessen', label: 'Gießen' },
      ]);
      await type(el, 'lodz');
      expect(labelsOf(el)).to.deep.equal(['Łódź']);
      await type(el, 'TROMSO', { replace: true });
      expect(labelsOf(el)).to.deep.equal(['Tromsø']);
      await type(el, 'giess', { replace: true });
      expect(labelsOf(el)).to.deep.equal(['Gießen']);
    });

    it('ranks labels starting with the text first, otherwise keeping the given order', async () => {
      const el = await combobox(fruits);
      await type(el, 'an');
      expect(labelsOf(el)).to.deep.equal(['Ananas', 'Banana', 'Mango']);
    });

    it('shows every option when the field shows the chosen label', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" value="LV"></kyc-combobox>`);
      el.focus();
      await press(el, 'ArrowDown');
      expect(optionsOf(el)).to.have.length(countries.length);
    });
  });

  describe('pointer', () => {
    it('opens on click and chooses a clicked option, keeping the focus in the input', async () => {
      const el = await combobox(fruits);
      const counts = countEvents(el);
      await click(el, inputOf(el));
      expect(isOpen(el)).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(inputOf(el));
      await click(
        el,
        optionsOf(el).find((option) => option.textContent.trim() === 'Cherry')!,
      );
      expect(el.value).to.equal('cherry');
      expect(inputOf(el).value).to.equal('Cherry');
      expect(isOpen(el)).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(inputOf(el));
      await waitUntil(() => counts.change === 1);
      expect(counts).to.deep.equal({ input: 1, change: 1 });
    });
  });

  describe('value and events', () => {
    it('keeps the value while the typed text matches no option, and restores the label on blur', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" value="LV"></kyc-combobox>`);
      await type(el, 'nowhere', { replace: true });
      expect(el.value).to.equal('LV');
      el.blur();
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('Latvia');
      expect(isOpen(el)).to.equal(false);
      expect(el.value).to.equal('LV');
    });

    it('returns to an empty field on blur when nothing is chosen', async () => {
      const el = await combobox();
      await type(el, 'lat');
      el.blur();
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('');
      expect(el.value).to.equal('');
    });

    it('clears the choice when the text is emptied and the field left', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="Citizenship" value="LV"></kyc-combobox>`);
      const counts = countEvents(el);
      el.focus();
      inputOf(el).select();
      await press(el, 'Backspace');
      expect(el.value).to.equal('LV');
      el.blur();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(inputOf(el).value).to.equal('');
      await waitUntil(() => counts.change === 1);
      expect(counts).to.deep.equal({ input: 1, change: 1 });
    });

    it('fires input and change once per user choice, never while typing nor for a value set by code', async () => {
      const el = await combobox(fruits);
      const counts = countEvents(el);
      await type(el, 'man');
      expect(counts).to.deep.equal({ input: 0, change: 0 });
      el.value = 'banana';
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('man');
      el.blur();
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('Banana');
      expect(counts).to.deep.equal({ input: 0, change: 0 });

      let seen: { value: string; composed: boolean; bubbles: boolean } | undefined;
      document.addEventListener('change', (event) => (seen = { value: el.value, composed: event.composed, bubbles: event.bubbles }), {
        once: true,
      });
      el.focus();
      await press(el, 'ArrowDown'); // opens on the chosen Banana
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(el.value).to.equal('ananas');
      expect(counts).to.deep.equal({ input: 1, change: 1 });
      expect(seen).to.deep.equal({ value: 'ananas', composed: true, bubbles: true });
      // Choosing the chosen option again changes nothing.
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(counts).to.deep.equal({ input: 1, change: 1 });
    });

    it('shows the label of a value set before its options arrive', async () => {
      const el = await combobox([], html`<kyc-combobox label="Citizenship" value="LV"></kyc-combobox>`);
      expect(inputOf(el).value).to.equal('');
      el.options = countries;
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('Latvia');
    });
  });

  describe('forms', () => {
    async function inForm(field = html`<kyc-combobox label="Citizenship" name="citizenship" required></kyc-combobox>`) {
      const form = await fixture<HTMLFormElement>(html`<form>${field}<button>Send</button></form>`);
      const submissions = { count: 0 };
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submissions.count += 1;
      });
      const el = form.querySelector('kyc-combobox')!;
      el.options = countries;
      await el.updateComplete;
      return { form, el, submissions };
    }

    it('gives the chosen value to a native form; required blocks submission until a choice', async () => {
      const { form, el, submissions } = await inForm();
      form.requestSubmit();
      expect(submissions.count).to.equal(0);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Please answer this question.');
      await type(el, 'lat');
      expect(new FormData(form).get('citizenship')).to.equal('');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(new FormData(form).get('citizenship')).to.equal('LV');
      form.requestSubmit();
      expect(submissions.count).to.equal(1);
    });

    it('blocks submission with an error, as a custom validity', async () => {
      const { form, el, submissions } = await inForm(
        html`<kyc-combobox label="Citizenship" name="citizenship" value="LV" error="Not accepted."></kyc-combobox>`,
      );
      expect(el.validity.customError).to.equal(true);
      form.requestSubmit();
      expect(submissions.count).to.equal(0);
      el.error = '';
      await el.updateComplete;
      form.requestSubmit();
      expect(submissions.count).to.equal(1);
    });

    it('goes back to its default value on reset', async () => {
      const { form, el } = await inForm(html`<kyc-combobox label="Citizenship" name="citizenship" value="LV"></kyc-combobox>`);
      el.value = 'FI';
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('Finland');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('LV');
      expect(inputOf(el).value).to.equal('Latvia');
    });
  });

  describe('styles', () => {
    it('mirrors in right-to-left: the chevron sits at the inline end', async () => {
      const el = await combobox(countries, html`<kyc-combobox label="الجنسية" lang="ar"></kyc-combobox>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir') === 'rtl', 'no rtl');
      const input = inputOf(el).getBoundingClientRect();
      const icon = el.shadowRoot!.querySelector('[part="expand-icon"]')!.getBoundingClientRect();
      expect(icon.right).to.be.lessThan(input.left + input.width / 2);
    });

    it('uses no undefined custom property', () => {
      expect(undefinedCustomProperties(KycCombobox.elementStyles)).to.deep.equal([]);
    });

    it('renders and chooses without Lit dev warnings', async () => {
      await expectNoLitDevWarnings(async () => {
        const el = await combobox();
        await type(el, 'fin');
        await press(el, 'ArrowDown');
        await press(el, 'Enter');
        el.error = 'Not accepted.';
        await el.updateComplete;
        el.error = '';
        await el.updateComplete;
      });
    });
  });
});
