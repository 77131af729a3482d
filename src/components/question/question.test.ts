import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createKycClient, type KycAttribute, type KycClient, type KycApplicationQuestion, type KycLegalDocument } from '../../api/index.js';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { expectNoLitDevWarnings } from '../../../test/helpers/lit-warnings.js';
import { ENDPOINT, countRequests, injectFault, loggedInClient, logout, type SandboxClient } from '../../../test/helpers/sandbox.js';
import { undefinedCustomProperties } from '../../../test/helpers/styles.js';
import { KycCombobox } from '../combobox/combobox.js';
import type { KycFileUpload } from '../file-upload/file-upload.js';
import { KycQuestion } from './question.js';
import { attributeOf } from '../../../test/helpers/attributes.js';
import { fakeClock } from '../../../test/helpers/clock.js';
import { SLOW_AFTER_MS } from '../../flow/flow-controller.js';
import en from '../../translations/en.js';

KycQuestion.define('kyc-question');

/** A question as the API client gives it: an optional, empty, editable answer unless told. */
function questionOf(
  key: string,
  type: string,
  attribute: Partial<KycAttribute> = {},
  text: { title?: string; description?: string | null } = {},
): KycApplicationQuestion {
  return {
    title: text.title ?? `Title of ${key}`,
    description: text.description ?? null,
    attribute: attributeOf(key, { type, ...attribute }),
  };
}

async function show(question: KycApplicationQuestion, client: KycClient | null = null): Promise<KycQuestion> {
  return fixture<KycQuestion>(html`<kyc-question .question=${question} .client=${client}></kyc-question>`);
}

const $ = <T extends Element = HTMLElement>(el: KycQuestion, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const control = <T extends HTMLElement = HTMLInputElement>(el: KycQuestion): T => $<T>(el, '#control')!;
const errorText = (el: KycQuestion): string => $(el, '#error')?.textContent?.trim() ?? '';
const shadowText = (el: KycQuestion): string => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

/** Types into the question's control as a person would, then leaves it (which fires `change`). */
async function typeInto(el: KycQuestion, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  control(el).blur();
  await el.updateComplete;
}

/** Counts the `input` and `change` events the host page would see. */
function listen(el: KycQuestion): { input: number; change: number; values: string[] } {
  const seen = { input: 0, change: 0, values: [] as string[] };
  el.addEventListener('input', () => {
    seen.input += 1;
    seen.values.push(el.value);
  });
  el.addEventListener('change', (event) => {
    expect(event.bubbles && event.composed).to.equal(true);
    seen.change += 1;
  });
  return seen;
}

/** A fresh sandbox client, logged in, and an API client of the proxy (no retries: faults fail at once). */
async function sandbox(dialect?: { page_size: number }): Promise<{ sandbox: SandboxClient; client: KycClient }> {
  const sandbox = await loggedInClient(dialect);
  return { sandbox, client: createKycClient({ endpoint: ENDPOINT, retry: { retries: 0 } }) };
}

/** An API client of the proxy whose requests wait until `open()`: the loading state, held still. */
function heldClient(): { client: KycClient; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const client = createKycClient({
    endpoint: ENDPOINT,
    fetch: async (input, init) => {
      await gate;
      return fetch(input, init);
    },
  });
  return { client, open };
}

const loaded = (el: KycQuestion, selector: string) => waitUntil(() => $(el, selector), `waited for ${selector}`, { timeout: 10000 });

describe('<kyc-question>', () => {
  describe('text-like types', () => {
    const cases: [key: string, type: string, inputType: string, inputMode: string | null, autocomplete: string][] = [
      ['first_name', 'string', 'text', null, 'given-name'],
      ['middle_name', 'string', 'text', null, 'additional-name'],
      ['last_name', 'string', 'text', null, 'family-name'],
      ['city', 'string', 'text', null, 'address-level2'],
      ['postal_code', 'string', 'text', null, 'postal-code'],
      ['occupation', 'string', 'text', null, 'off'],
      ['email', 'email', 'email', 'email', 'email'],
      ['backup_email', 'email', 'email', 'email', 'email'],
      ['phone', 'phone', 'tel', 'tel', 'tel'],
      ['date_of_birth', 'date', 'date', null, 'bday'],
      ['number_of_dependants', 'integer', 'text', 'numeric', 'off'],
      ['annual_income', 'decimal', 'text', 'decimal', 'off'],
      ['preferred_contact_time', 'time_of_day', 'text', null, 'off'],
    ];
    for (const [key, type, inputType, inputMode, autocomplete] of cases) {
      it(`renders ${type} "${key}" as an input of type ${inputType}, labelled, accessible`, async () => {
        const el = await show(questionOf(key, type, {}, { description: 'Some help.' }));
        const input = control(el);
        expect(input.tagName).to.equal('INPUT');
        expect(input.type).to.equal(inputType);
        expect(input.getAttribute('inputmode')).to.equal(inputMode);
        expect(input.getAttribute('autocomplete')).to.equal(autocomplete);
        expect(input.labels![0].textContent).to.contain(`Title of ${key}`);
        expect(input.getAttribute('aria-describedby')).to.equal('help');
        expect($(el, '#help')!.textContent).to.equal('Some help.');
        await expectAccessible(el);
      });
    }

    it('renders text as a textarea with street-address autofill', async () => {
      const el = await show(questionOf('address', 'text', { value: 'Brīvības iela 1\nRīga' }));
      const textarea = control<HTMLTextAreaElement>(el);
      expect(textarea.tagName).to.equal('TEXTAREA');
      expect(textarea.getAttribute('autocomplete')).to.equal('street-address');
      expect(textarea.value).to.equal('Brīvības iela 1\nRīga');
      await expectAccessible(el);
    });

    it('marks a required question visually and for assistive technology', async () => {
      const el = await show(questionOf('first_name', 'string', { required: true }));
      const marker = $(el, 'label .form-control__required')!;
      expect(marker.getAttribute('aria-hidden')).to.equal('true');
      expect(control(el).required).to.equal(true);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Please answer this question.');
      const optional = await show(questionOf('middle_name', 'string'));
      expect($(optional, '.form-control__required')).to.equal(null);
      expect(optional.checkValidity()).to.equal(true);
    });

    it('shows the stored answer and fires input and change only for the person’s edits', async () => {
      const el = await show(questionOf('first_name', 'string', { value: 'Jane' }));
      const seen = listen(el);
      expect(el.value).to.equal('Jane');
      expect(control(el).value).to.equal('Jane');
      el.value = 'Janis';
      await el.updateComplete;
      expect(control(el).value).to.equal('Janis');
      expect(seen).to.deep.include({ input: 0, change: 0 });

      control(el).select();
      await typeInto(el, 'Anna');
      expect(el.value).to.equal('Anna');
      expect(seen.input).to.equal(4);
      expect(seen.values.at(-1)).to.equal('Anna');
      expect(seen.change).to.equal(1);
    });

    it('shows a format problem after the change, tied to the input, and clears it once fixed', async () => {
      const el = await show(questionOf('email', 'email', { required: true }));
      el.focus();
      await sendKeys({ type: 'jane@' });
      await el.updateComplete;
      expect(errorText(el)).to.equal(''); // not while typing the first time
      control(el).blur();
      await el.updateComplete;
      expect(errorText(el)).to.equal('Enter an email address in the correct format, like name@example.com.');
      expect(control(el).getAttribute('aria-invalid')).to.equal('true');
      expect(control(el).getAttribute('aria-describedby')).to.equal('error');
      expect(el.validity.typeMismatch).to.equal(true);
      await expectAccessible(el);

      el.focus();
      await sendKeys({ type: 'example.com' });
      await el.updateComplete;
      expect(el.value).to.equal('jane@example.com');
      expect(errorText(el)).to.equal('');
      expect(control(el).hasAttribute('aria-invalid')).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
    });

    const checks: [type: string, bad: string, message: string, good: string][] = [
      ['email', 'jane@example', 'Enter an email address in the correct format, like name@example.com.', 'jane@example.com'],
      ['phone', '20000000', 'Enter the phone number in international format, starting with + and the country code.', '+37120000000'],
      ['date', '2023-02-29', 'Enter a valid date.', '2024-02-29'],
      ['date', '1990-13-01', 'Enter a valid date.', '1990-12-31'],
      ['integer', '1.5', 'Enter a whole number.', '-3'],
      ['decimal', '12.5.1', 'Enter a number.', '1234.56'],
    ];
    for (const [type, bad, message, good] of checks) {
      it(`checks a ${type}: "${bad}" is refused, "${good}" passes`, async () => {
        const el = await show(questionOf(`a_${type}`, type));
        el.value = bad;
        await el.updateComplete;
        expect(el.reportValidity()).to.equal(false);
        await el.updateComplete;
        expect(errorText(el)).to.equal(message);
        expect(el.validationMessage).to.equal(message);
        expect(el.shadowRoot!.activeElement).to.equal(control(el));
        await expectAccessible(el);
        el.value = good;
        await el.updateComplete;
        expect(el.reportValidity()).to.equal(true);
        await el.updateComplete;
        expect(errorText(el)).to.equal('');
      });
    }

    it('reads an incomplete date typed in the date input as an invalid date', async () => {
      const el = await show(questionOf('date_of_birth', 'date'));
      el.focus();
      await sendKeys({ type: '12' });
      expect(el.value).to.equal('');
      expect(el.reportValidity()).to.equal(false);
      expect(el.validationMessage).to.equal('Enter a valid date.');
    });

    it('sends a phone number without the spaces, dashes and brackets people type', async () => {
      const el = await show(questionOf('phone', 'phone'));
      await typeInto(el, '+371 (200) 00-000');
      expect(el.value).to.equal('+37120000000');
      expect(control(el).value).to.equal('+371 (200) 00-000');
      expect(el.checkValidity()).to.equal(true);
      expect(control(el).getAttribute('dir')).to.equal('ltr');
    });

    it('accepts a decimal with the locale’s comma and sends it with a point', async () => {
      const el = await show(questionOf('annual_income', 'decimal'));
      await typeInto(el, '12,5');
      expect(el.value).to.equal('12.5');
      expect(control(el).value).to.equal('12,5'); // what the person typed stays
      expect(el.checkValidity()).to.equal(true);

      control(el).select();
      await typeInto(el, '1 234,50');
      expect(el.value).to.equal('1234.50');
      control(el).select();
      await typeInto(el, '1,234.50');
      expect(el.value).to.equal('1234.50');
      control(el).select();
      await typeInto(el, '1,234'); // a thousands group in English
      expect(el.value).to.equal('1234');
    });

    it('reads a lone comma as the decimal separator in German, and says so in German', async () => {
      const el = await fixture<KycQuestion>(
        html`<kyc-question lang="de" .question=${questionOf('annual_income', 'decimal')}></kyc-question>`,
      );
      await typeInto(el, '1,234');
      expect(el.value).to.equal('1.234');
      control(el).select();
      await typeInto(el, 'zwölf');
      await waitUntil(() => errorText(el) === 'Geben Sie eine Zahl ein.', 'the German message');
    });
  });

  describe('boolean', () => {
    it('is a checkbox whose unchecked answer is "false", even when required', async () => {
      const el = await show(questionOf('is_pep', 'boolean', { required: true }, { description: 'A senior public official.' }));
      const box = control(el);
      expect(box.type).to.equal('checkbox');
      expect(box.required).to.equal(false); // a statement, not a box that must be ticked
      expect(box.checked).to.equal(false);
      expect(el.value).to.equal('false');
      expect(el.checkValidity()).to.equal(true);
      expect(box.labels![0].textContent).to.contain('Title of is_pep');
      await expectAccessible(el);

      const seen = listen(el);
      box.click();
      await el.updateComplete;
      expect(el.value).to.equal('true');
      expect(seen).to.deep.include({ input: 1, change: 1 });
      box.click();
      await el.updateComplete;
      expect(el.value).to.equal('false');
      await expectAccessible(el);
    });

    it('shows a stored "true" checked', async () => {
      const el = await show(questionOf('is_pep', 'boolean', { value: 'true' }));
      expect(control(el).checked).to.equal(true);
      expect(el.value).to.equal('true');
    });
  });

  describe('reference data', () => {
    afterEach(logout);

    it('shows a short list as a native select, and keeps the chosen key', async () => {
      const { client } = await sandbox();
      const el = await show(questionOf('employment_status', 'reference_data', { required: true }), client);
      await loaded(el, 'select:not([disabled])');
      const select = control<HTMLSelectElement>(el);
      expect(select.tagName).to.equal('SELECT');
      expect([...select.options].map((option) => option.value)).to.deep.equal([
        '',
        'employed',
        'self_employed',
        'unemployed',
        'student',
        'retired',
      ]);
      expect(select.options[0].textContent).to.equal('Choose…');
      expect(select.required).to.equal(true);
      expect(select.labels[0].textContent).to.contain('Title of employment_status');
      expect(el.checkValidity()).to.equal(false);
      await expectAccessible(el);

      const seen = listen(el);
      select.value = 'student';
      select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(el.value).to.equal('student');
      expect(seen).to.deep.include({ input: 1, change: 1 });
      expect(el.checkValidity()).to.equal(true);
      await expectAccessible(el);
    });

    it('selects the stored answer, and keeps its options when the question is given again (after a save)', async () => {
      const { sandbox: owner, client } = await sandbox();
      const question = questionOf('source_of_funds', 'reference_data', { value: 'savings' });
      const el = await show(question, client);
      await loaded(el, 'select:not([disabled])');
      expect(control<HTMLSelectElement>(el).value).to.equal('savings');
      const requests = await countRequests(owner, 'GET', '/definitions/');

      el.question = { ...question, attribute: { ...question.attribute, value: 'pension' } };
      await el.updateComplete;
      expect(control<HTMLSelectElement>(el).disabled).to.equal(false); // no loading flash
      expect(control<HTMLSelectElement>(el).value).to.equal('pension');
      expect(await countRequests(owner, 'GET', '/definitions/')).to.equal(requests);
    });

    it('shows a long list as a combobox with every page of options, read once for two questions', async () => {
      const { sandbox: owner, client } = await sandbox({ page_size: 100 });
      const container = await fixture<HTMLDivElement>(html`<div>
        <kyc-question .question=${questionOf('citizenship', 'reference_data', { value: 'LV' })} .client=${client}></kyc-question>
        <kyc-question .question=${questionOf('citizenship', 'reference_data')} .client=${client}></kyc-question>
      </div>`);
      const [first, second] = [...container.querySelectorAll('kyc-question')] as KycQuestion[];
      await loaded(first, 'kyc-combobox');
      await loaded(second, 'kyc-combobox');

      // 249 countries in pages of 100: three requests in all, for both questions.
      expect(await countRequests(owner, 'GET', '/definitions/')).to.equal(3);
      const countries = await createKycClient({ endpoint: ENDPOINT }).getDefinitions('citizenship');
      expect(countries.length).to.be.greaterThan(200);
      const combobox = control<KycCombobox>(first);
      expect(combobox).to.be.instanceOf(KycCombobox);
      expect(combobox.options.map((option) => option.value)).to.deep.equal(countries.map((country) => country.key));
      expect(combobox.options.find((option) => option.value === 'LV')!.label).to.equal('Latvia');
      expect(combobox.value).to.equal('LV');
      expect(combobox.label).to.equal('Title of citizenship');
      await expectAccessible(container);

      const seen = listen(second);
      second.focus();
      await sendKeys({ type: 'Latv' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => seen.change === 1, 'the choice');
      expect(second.value).to.equal('LV');
      expect(seen.input).to.equal(1);
    });

    it('says it is loading, then shows the options', async () => {
      await sandbox();
      const { client, open } = heldClient();
      const el = await show(questionOf('employment_status', 'reference_data', { required: true }), client);
      const select = control<HTMLSelectElement>(el);
      expect(select.disabled).to.equal(true);
      expect($(el, '#status')!.textContent.trim()).to.equal('Loading options…');
      expect($(el, '#status')!.getAttribute('role')).to.equal('status');
      expect(select.getAttribute('aria-describedby')).to.equal('status');
      await expectAccessible(el);
      open();
      await loaded(el, 'select:not([disabled])');
      expect($(el, '#status')).to.equal(null);
    });

    it('says when options take long (10 s on its clock), and lets the person stop waiting and read again', async () => {
      await sandbox();
      const { client, open } = heldClient();
      const clock = fakeClock();
      const el = await fixture<KycQuestion>(
        html`<kyc-question .question=${questionOf('employment_status', 'reference_data')} .client=${client} .clock=${clock}></kyc-question>`,
      );
      expect(clock.pending()).to.deep.equal([SLOW_AFTER_MS]);
      expect($(el, '#status')!.textContent.trim()).to.equal(en.loadingOptions);
      expect($(el, '#stop')).to.equal(null);
      await clock.next();
      await el.updateComplete;
      expect($(el, '#status')!.textContent.trim(), 'said in the live region').to.equal(en.loadingSlow);
      await expectAccessible(el);
      const errors: { code: string }[] = [];
      el.addEventListener('kyc-error', (event) => errors.push((event as CustomEvent).detail));
      $<HTMLButtonElement>(el, '#stop')!.click();
      await el.updateComplete;
      expect($(el, '#status')!.textContent.trim()).to.equal(en.questionOptionsFailed);
      expect(errors.map((error) => error.code)).to.deep.equal(['timeout']);
      open(); // the read stopped waiting for answers now: dropped
      $<HTMLButtonElement>(el, '#retry')!.click();
      await loaded(el, 'select:not([disabled])');
      expect(clock.pending(), 'no "taking long" left waiting').to.deep.equal([]);
    });

    it('says when the options could not be read, and reads them again on retry', async () => {
      const { sandbox: owner, client } = await sandbox();
      await injectFault(owner, { method: 'GET', path_contains: '/definitions/', status: 503, times: 1 });
      const errors: { code: string }[] = [];
      const onError = (event: Event) => errors.push((event as CustomEvent).detail);
      document.addEventListener('kyc-error', onError);
      // Two questions of the same list share its read.
      const [el, twin] = await Promise.all([
        show(questionOf('employment_status', 'reference_data'), client),
        show(questionOf('employment_status', 'reference_data'), client),
      ]);
      await loaded(el, '#retry');
      await loaded(twin, '#retry');
      document.removeEventListener('kyc-error', onError);
      expect(
        errors.map((e) => e.code),
        'one kyc-error for one failed read',
      ).to.deep.equal(['server']);
      expect($(el, '#status')!.textContent.trim()).to.equal('The choices for this question could not be loaded.');
      expect($(el, '#retry')!.textContent.trim()).to.equal('Try again');
      await expectAccessible(el);
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#retry'));

      $<HTMLButtonElement>(el, '#retry')!.click();
      await loaded(el, 'select:not([disabled])');
      await el.updateComplete;
      expect(control<HTMLSelectElement>(el).options.length).to.equal(6);
      expect(el.shadowRoot!.activeElement).to.equal(control(el)); // focus follows the retried control
    });
  });

  describe('legal document', () => {
    afterEach(logout);

    async function terms(client: KycClient): Promise<KycLegalDocument> {
      const documents = await client.getLegalDocuments('terms_of_service');
      return documents.find((document) => document.key === 'terms_of_service')!;
    }

    it('shows the document’s text formatted, in a focusable region, with a link to the full document', async () => {
      const { client } = await sandbox();
      const el = await show(
        questionOf('terms_of_service', 'legal_document', { required: true }, { description: 'Please read it.' }),
        client,
      );
      await loaded(el, '.document');
      const expected = await terms(createKycClient({ endpoint: ENDPOINT }));

      // Its markup is formatted (the sanitizer arrives when first needed): no raw tag is shown.
      await waitUntil(() => $(el, '[role="region"] b'), 'the text formatted');
      const region = $(el, '[role="region"]')!;
      expect(region.textContent).to.not.contain('<b>');
      expect(region.querySelector('b')!.textContent).to.equal('Company');
      expect(region.textContent).to.contain('true & complete');
      expect(region.querySelectorAll('p').length).to.equal(expected.text!.split('\n\n').length);
      expect(region.getAttribute('tabindex')).to.equal('0');
      expect($(el, `#${region.getAttribute('aria-labelledby')}`)!.textContent).to.equal(expected.title);
      expect(shadowText(el)).to.contain(`Version ${expected.version}`);

      const link = $<HTMLAnchorElement>(el, 'a')!;
      expect(link.href).to.equal(expected.url);
      expect(link.target).to.equal('_blank');
      expect(link.rel.split(' ').sort()).to.deep.equal(['noopener', 'noreferrer']);
      expect(link.textContent.replace(/\s+/g, ' ').trim()).to.equal('Read the full document (opens in a new tab)');

      const box = control(el);
      expect(box.type).to.equal('checkbox');
      expect(box.required).to.equal(true);
      expect(box.labels![0].textContent).to.contain(`I have read and accept the ${expected.title}`);
      expect($(el, 'legend')!.textContent).to.equal('Title of terms_of_service');
      await expectAccessible(el);

      expect(el.reportValidity()).to.equal(false);
      await el.updateComplete;
      expect(errorText(el)).to.equal('Confirm that you have read and accept this document to continue.');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(box);
      await expectAccessible(el);

      const seen = listen(el);
      box.click();
      await el.updateComplete;
      expect(el.value).to.equal(expected.uuid);
      expect(seen).to.deep.include({ input: 1, change: 1 });
      expect(el.checkValidity()).to.equal(true);
      expect(errorText(el)).to.equal('');
      await expectAccessible(el);
      box.click();
      await el.updateComplete;
      expect(el.value).to.equal('');
    });

    it('names the document once when the question has its title, and keeps a text that only looks like a tag', async () => {
      const { client } = await sandbox();
      const el = await show(questionOf('privacy_policy', 'legal_document', { required: true }, { title: 'Privacy policy' }), client);
      await loaded(el, '.document');
      const seen = shadowText(el);
      expect(seen.split('Privacy policy').length - 1, 'the title shown once').to.equal(1);
      expect($(el, '.document__title')).to.equal(null);
      expect(control(el).labels![0].textContent).to.contain('I have read and accept this document');
      const region = $(el, '[role="region"]')!;
      expect(region.textContent, 'an address in angle brackets stays as written').to.contain('<privacy@sandbox.example>');
      expect(region.querySelector('*:not(p)')).to.equal(null);
      expect($(el, `#${region.getAttribute('aria-labelledby')}`)!.textContent).to.equal('Privacy policy');
      await expectAccessible(el);
    });

    it('shows an accepted document checked, and asks again for an older version', async () => {
      const { client } = await sandbox();
      const current = await terms(client);
      const accepted = await show(questionOf('terms_of_service', 'legal_document', { value: current.uuid, required: true }), client);
      await loaded(accepted, '.document');
      expect(control(accepted).checked).to.equal(true);
      expect(accepted.checkValidity()).to.equal(true);

      const older = await show(questionOf('terms_of_service', 'legal_document', { value: crypto.randomUUID(), required: true }), client);
      await loaded(older, '.document');
      expect(control(older).checked).to.equal(false);
      expect(older.checkValidity()).to.equal(false);
    });

    it('says it is loading, and when the document could not be read', async () => {
      await sandbox();
      const held = heldClient();
      const loading = await show(questionOf('terms_of_service', 'legal_document'), held.client);
      expect($(loading, '#status')!.textContent.trim()).to.equal('Loading…');
      await expectAccessible(loading);
      held.open();
      await loaded(loading, '.document');

      const { sandbox: owner, client } = await sandbox();
      await injectFault(owner, { method: 'GET', path_contains: '/legal_documents/', status: 503, times: 1 });
      const failed = await show(questionOf('privacy_policy', 'legal_document'), client);
      await loaded(failed, '#retry');
      expect($(failed, '#status')!.textContent.trim()).to.equal('The document could not be loaded.');
      await expectAccessible(failed);
      $<HTMLButtonElement>(failed, '#retry')!.click();
      await loaded(failed, '.document');
    });
  });

  describe('read-only', () => {
    afterEach(logout);

    it('shows the answer as text, not as a control', async () => {
      const el = await show(questionOf('client_number', 'string', { value: 'C-1042', readOnly: true }));
      expect($(el, 'input, select, textarea')).to.equal(null);
      expect($(el, '.answer')!.textContent).to.equal('C-1042');
      expect(shadowText(el)).to.contain('Cannot be changed');
      expect(el.checkValidity()).to.equal(true);
      await expectAccessible(el);
    });

    it('shows an empty answer as not answered, even when required', async () => {
      const el = await show(questionOf('client_number', 'string', { readOnly: true, required: true }));
      expect($(el, '.answer')!.textContent).to.equal('Not answered');
      expect(el.checkValidity()).to.equal(true);
      await expectAccessible(el);
    });

    it('shows yes or no, a localized date, the title of a chosen option and of an accepted document', async () => {
      const { client } = await sandbox();
      const yes = await show(questionOf('is_pep', 'boolean', { value: 'true', readOnly: true }));
      expect($(yes, '.answer')!.textContent).to.equal('Yes');
      const date = await show(questionOf('date_of_birth', 'date', { value: '1990-04-12', readOnly: true }));
      expect($(date, '.answer')!.textContent).to.equal('April 12, 1990');
      const country = await show(questionOf('citizenship', 'reference_data', { value: 'LV', readOnly: true }), client);
      await waitUntil(() => $(country, '.answer')!.textContent === 'Latvia', 'the option title');
      await expectAccessible(country);
      const [terms] = await client.getLegalDocuments('terms_of_service');
      const accepted = await show(questionOf('terms_of_service', 'legal_document', { value: terms.uuid, readOnly: true }), client);
      await waitUntil(
        () => $(accepted, '.answer')!.textContent === `I have read and accept the ${terms.title}`,
        'the accepted document by its title',
      );
    });

    it('shows every type as text when the element is readonly', async () => {
      const el = await fixture<KycQuestion>(
        html`<kyc-question readonly .question=${questionOf('first_name', 'string', { value: 'Jane' })}></kyc-question>`,
      );
      expect($(el, 'input')).to.equal(null);
      expect($(el, '.answer')!.textContent).to.equal('Jane');
    });
  });

  describe('documents and liveness', () => {
    it('asks for a document with a file chooser named by it; required until a file is uploaded or stored', async () => {
      const question = questionOf(
        'passport',
        'document',
        { required: true },
        { title: 'Passport', description: 'The page with your photo.' },
      );
      const el = await show(question);
      await waitUntil(() => $(el, 'kyc-file-upload:defined'), 'the file chooser, loaded when first shown');
      const upload = $(el, 'kyc-file-upload') as KycFileUpload;
      expect(upload.label).to.equal('Passport');
      expect(upload.multiple, 'a passport may have several pages').to.equal(true);
      expect(upload.description).to.equal('The page with your photo.');
      expect(el.fileUpload).to.equal(upload);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      await expectAccessible(el);

      const stored = await show({ ...question, attribute: { ...question.attribute, value: crypto.randomUUID() } });
      expect(stored.checkValidity()).to.equal(true);
      await ($(stored, 'kyc-file-upload') as KycFileUpload).updateComplete;
      expect(($(stored, 'kyc-file-upload') as KycFileUpload).shadowRoot!.textContent).to.contain('Uploaded');
      await expectAccessible(stored);

      const side = await show(questionOf('id_card_front_side', 'document', {}, { title: 'ID card: front side' }));
      expect(($(side, 'kyc-file-upload') as KycFileUpload).multiple, 'a side is one picture').to.equal(false);
    });

    for (const key of ['sumsub_liveness_check_token', 'sumsub_liveness_check_url']) {
      it(`says a liveness check will be asked for (${key}), never showing its value`, async () => {
        const el = await show(questionOf(key, key, { value: 'secret-access-token', readOnly: true }));
        expect($(el, '.placeholder')!.textContent).to.equal('A short selfie video check with your camera');
        expect(shadowText(el)).not.to.contain('secret-access-token');
        await expectAccessible(el);
      });
    }
  });

  describe('Sumsub diagnostics', () => {
    const verification = { verificator: 'sumsub', status: 'ignored', clientNote: 'There is no available data to recognize from image' };

    it('shows the note beside a document and beside a typed answer, tied to the control', async () => {
      const document = await show(questionOf('passport', 'document', { value: crypto.randomUUID(), verification }));
      expect($(document, '#note')!.textContent).to.contain('There is no available data to recognize from image');
      expect($(document, '#note')!.textContent).to.contain('Note from the identity check');
      await expectAccessible(document);

      const typed = await show(questionOf('first_name', 'string', { value: 'Jane', verification }));
      expect($(typed, '#note')!.textContent).to.contain('There is no available data to recognize from image');
      expect(control(typed).getAttribute('aria-describedby')).to.equal('note');
      await expectAccessible(typed);
    });

    it('says a refusal that came without a note in its own words, and never shows the stored document as done', async () => {
      const refused = { verificator: 'sumsub', status: 'rejected', clientNote: null };
      const document = await show(questionOf('passport', 'document', { value: crypto.randomUUID(), verification: refused }));
      expect($(document, '#note')!.textContent).to.contain(en.verificationProblem);
      const upload = $(document, 'kyc-file-upload') as KycFileUpload;
      await upload.updateComplete;
      expect(upload.shadowRoot!.querySelector('.status--done'), 'no tick').to.equal(null);
      expect(upload.shadowRoot!.textContent).to.contain(en.fileStoredWithNote);
      await expectAccessible(document);

      const done = await show(
        questionOf('passport', 'document', { value: crypto.randomUUID(), verification: { ...refused, status: 'completed' } }),
      );
      expect($(done, '#note'), 'a verdict that is no refusal says nothing').to.equal(null);
    });
  });

  describe('errors from the platform or the reviewer', () => {
    it('are shown under the control, make it invalid, and stop counting once the answer is edited', async () => {
      const el = await fixture<KycQuestion>(html`<kyc-question
        .question=${questionOf('last_name', 'string', { value: 'Berzina' }, { description: 'As in your passport.' })}
        .errors=${['Spell it exactly as in your identity document.']}
      ></kyc-question>`);
      const input = control(el);
      expect(errorText(el)).to.equal('Spell it exactly as in your identity document.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('help error');
      expect(el.validity.customError).to.equal(true);
      expect(el.validationMessage).to.equal('Spell it exactly as in your identity document.');
      expect(el.reportValidity()).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await expectAccessible(el);

      input.select();
      await typeInto(el, 'Bērziņa');
      expect(errorText(el)).to.equal('');
      expect(el.checkValidity()).to.equal(true);

      el.errors = ['Still does not match.'];
      await el.updateComplete;
      expect(errorText(el)).to.equal('Still does not match.');
      expect(el.checkValidity()).to.equal(false);
    });

    it('reach a combobox too', async () => {
      const { client } = await sandbox();
      const el = await fixture<KycQuestion>(html`<kyc-question
        .question=${questionOf('citizenship', 'reference_data', { value: 'LV' })}
        .client=${client}
        .errors=${['Does not match your passport.']}
      ></kyc-question>`);
      await loaded(el, 'kyc-combobox');
      expect(control<KycCombobox>(el).error).to.equal('Does not match your passport.');
      expect(el.checkValidity()).to.equal(false);
      await expectAccessible(el);
      await logout();
    });
  });

  describe('in a native form', () => {
    it('submits its answer under its name, blocks an invalid one, and resets to the stored answer', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <kyc-question name="first_name" .question=${questionOf('first_name', 'string', { value: 'Jane' })}></kyc-question>
        <kyc-question name="email" .question=${questionOf('email', 'email', { required: true })}></kyc-question>
        <kyc-question name="is_pep" .question=${questionOf('is_pep', 'boolean')}></kyc-question>
        <button>Send</button>
      </form>`);
      let submitted = 0;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted += 1;
      });
      const [name, email] = [...form.querySelectorAll('kyc-question')] as KycQuestion[];
      await Promise.all([name.updateComplete, email.updateComplete]);
      expect(Object.fromEntries(new FormData(form))).to.deep.equal({ first_name: 'Jane', email: '', is_pep: 'false' });

      form.requestSubmit();
      expect(submitted).to.equal(0);
      await email.updateComplete;
      expect(errorText(email)).to.equal('Please answer this question.'); // a submit attempt shows it

      email.value = 'jane@example.com';
      name.value = 'Anna';
      await Promise.all([name.updateComplete, email.updateComplete]);
      form.requestSubmit();
      expect(submitted).to.equal(1);
      expect(new FormData(form).get('first_name')).to.equal('Anna');

      form.reset();
      await name.updateComplete;
      expect(name.value).to.equal('Jane');
      expect(control(name).value).to.equal('Jane');
    });
  });

  describe('focus', () => {
    afterEach(logout);

    it('focus() focuses the control, not the document text before it', async () => {
      const { client } = await sandbox();
      const el = await show(questionOf('terms_of_service', 'legal_document'), client);
      await loaded(el, '.document');
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(control(el));
      const text = await show(questionOf('first_name', 'string'));
      text.focus();
      expect(text.shadowRoot!.activeElement).to.equal(control(text));
    });
  });

  it("writes the server's title and description in their own direction inside a right-to-left widget", async () => {
    const el = await fixture<KycQuestion>(
      html`<kyc-question
        lang="ar"
        dir="rtl"
        .question=${questionOf('passport', 'string', {}, { title: 'Passport', description: 'The page with your photo.' })}
      ></kyc-question>`,
    );
    const help = $(el, '[part~="help"]')!;
    expect(help.textContent).to.equal('The page with your photo.');
    // English text from the platform reads left to right (its full stop on the right), in an RTL widget.
    expect(getComputedStyle(help).direction).to.equal('ltr');
  });

  it('uses only declared custom properties and prints no Lit warnings', async () => {
    expect(undefinedCustomProperties(KycQuestion.elementStyles)).to.deep.equal([]);
    await expectNoLitDevWarnings(async () => {
      const el = await show(questionOf('annual_income', 'decimal', { value: '12.5', required: true }));
      el.value = '';
      await el.updateComplete;
      el.reportValidity();
      await el.updateComplete;
    });
  });
});
