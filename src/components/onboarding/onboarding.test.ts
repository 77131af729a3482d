import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import {
  $,
  acceptAgreements,
  approveAndWait,
  composedTexts,
  controlOf,
  englishLeft,
  expectHeadingFocused,
  fillAddressAndFinances,
  fillPersonal,
  loadedControlOf,
  fillPersonalAndContacts,
  heading,
  inQuestion,
  onPart,
  pick,
  primary,
  proceed,
  provideDocument,
  question,
  reload,
  retype,
  sendBasicForReview,
  sendForReview,
  settled,
  signWith,
  startLevel,
  tabTo,
  type,
  walkDocumentSteps,
  widget,
  type Widget,
} from '../../../test/helpers/onboarding.js';
import { control, ENDPOINT, injectFault, loggedInClient, login, logout, setStatus, SIGN_CODE } from '../../../test/helpers/sandbox.js';
import { createKycClient } from '../../api/index.js';
import './onboarding.js';

/**
 * Walks a Standard or Advanced application from its first step to approval, its document and
 * liveness steps (titled `documentSteps`) answered beforehand through the API.
 */
async function walkToApproval(el: Widget, documentSteps: string[]): Promise<void> {
  await fillPersonalAndContacts(el);
  await fillAddressAndFinances(el);
  await walkDocumentSteps(el, documentSteps);
  await acceptAgreements(el);
  await sendForReview(el);
  await approveAndWait(el);
}

describe('<kyc-onboarding>', () => {
  beforeEach(async () => {
    await loggedInClient();
  });
  afterEach(logout);

  it('walks the Basic level with the keyboard to approval', async () => {
    const el = await widget();
    const completed: unknown[] = [];
    el.addEventListener('kyc-complete', (event) => completed.push(event.detail));
    expect(heading(el)).to.equal('Choose a verification level');
    await sendBasicForReview(el);
    await approveAndWait(el);
    expect(completed).to.have.length(1);
  });

  it('preselects the level named by level-uuid', async () => {
    const info = await createKycClient({ endpoint: ENDPOINT }).getLevelInfo();
    const advanced = info.availableLevelsForUpgrade.find((level) => level.name === 'Advanced')!;
    const el = await fixture<Widget>(html`<kyc-onboarding endpoint=${ENDPOINT} level-uuid=${advanced.uuid}></kyc-onboarding>`);
    await waitUntil(() => el.flow.screen.name === 'levels', 'the level choice', { timeout: 5000 });
    await el.updateComplete;
    const checked = el.shadowRoot.querySelector<HTMLInputElement>('input[name="level"]:checked')!;
    expect(checked.value).to.equal(advanced.uuid);
    await proceed(el);
    expect(el.flow.application!.kycLevel!.uuid).to.equal(advanced.uuid);
  });

  it('lists the answers as words on the review; "Change" goes to the answer\'s step and question, with focus on it', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    expect(heading(el)).to.equal('Check your answers');
    const answers = () =>
      Object.fromEntries(
        [...el.shadowRoot.querySelectorAll('dl.review > div')].map((row) => [
          row.querySelector('dt')!.textContent.trim(),
          row.querySelector('.answer')!.textContent.trim(),
        ]),
      );
    await waitUntil(() => answers()['Citizenship'] === 'Latvia', 'option titles on the review');
    expect(answers()).to.include({
      'Date of birth': 'January 1, 1990',
      'Middle name': 'Not answered',
      'Terms of service': 'I have read and accept the Terms of service',
    });
    // The layout follows the widget's own width (a narrow column of a wide page, the demo's phone
    // preview), not the viewport's: the answer goes under its question when the widget is narrow.
    const row = [...el.shadowRoot.querySelectorAll('dl.review > div')].find(
      (r) => r.querySelector('dt')!.textContent.trim() === 'Last name',
    )!;
    const answerUnderQuestion = async (width: string) => {
      el.style.width = width;
      await nextFrame();
      return row.querySelector('.answer')!.getBoundingClientRect().top >= row.querySelector('dt')!.getBoundingClientRect().bottom;
    };
    expect(window.innerWidth, 'a viewport wider than a phone').to.be.above(600);
    expect(await answerUnderQuestion('20rem'), 'at 20rem').to.equal(true);
    expect(await answerUnderQuestion('40rem'), 'at 40rem').to.equal(false);
    // A title of the platform's that is one long word wraps inside the widget, however narrow.
    const title = row.querySelector('dt')!;
    title.textContent = 'Familienname'.repeat(6);
    await answerUnderQuestion('20rem');
    expect(title.scrollWidth, 'a long title inside its box').to.be.at.most(title.clientWidth);
    title.textContent = 'Last name';
    el.style.width = '';
    const change = el.shadowRoot.querySelector<HTMLButtonElement>('button[aria-label="Change Last name"]')!;
    change.click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot.activeElement?.getAttribute('data-key') === 'last_name', 'focus on the question');
    expect(heading(el)).to.equal('Personal data');
    expect(question(el, 'last_name').value).to.equal('Doe');
  });

  it('names a level the platform sent without a name by its place, never by its uuid', async () => {
    await loggedInClient({ level_items: 'uuids' });
    const el = await widget();
    const names = [...el.shadowRoot.querySelectorAll('label.level strong')].map((name) => name.textContent.trim());
    expect(names).to.deep.equal(['Level 1', 'Level 2', 'Level 3']);
    await proceed(el);
    expect(el.flow.screen).to.deep.equal({ name: 'step', index: 0 });
  });

  it('a submission with unsaved answers shows their step and says what to do', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    // Not reachable by clicks alone (every way to the review passes a Continue): a host's script.
    el.flow.goToStep(0);
    el.flow.setAnswer('first_name', 'Janet');
    el.flow.review();
    await el.updateComplete;
    primary(el).click();
    await settled(el);
    expect(heading(el)).to.equal('Personal data');
    expect($(el, '[role="alert"]')!.textContent).to.contain('Some answers on this step are not saved yet');
    expect(question(el, 'first_name').value).to.equal('Janet');
    await proceed(el);
    expect($(el, '[role="alert"]')).to.equal(null);
  });

  it('is accessible while loading, and says so', async () => {
    const client = await loggedInClient();
    await injectFault(client, { path_contains: 'kyc-level-info', delay_ms: 1500 });
    const el = await fixture<Widget>(html`<kyc-onboarding endpoint=${ENDPOINT}></kyc-onboarding>`);
    expect(el.flow.screen.name).to.equal('loading');
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(el);
    await waitUntil(() => el.flow.screen.name === 'levels', 'the load ends', { timeout: 5000 });
  });

  it('after a failed save, puts focus on the message (the answers stay), and saves on the next try', async () => {
    const client = await loggedInClient();
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonal(el);
    await injectFault(client, { method: 'PATCH', status: 503 });
    primary(el).focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await waitUntil(() => el.shadowRoot.activeElement?.id === 'notice', 'focus on the message');
    expect($(el, '#notice')!.textContent).to.contain('Your answers are kept');
    expect(question(el, 'last_name').value).to.equal('Doe');
    await proceed(el);
    expect(heading(el)).to.equal('Contact details');
  });

  it('reports a missing endpoint as a configuration error', async () => {
    const errors: { code: string }[] = [];
    const el = document.createElement('kyc-onboarding');
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    document.body.append(el);
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('#heading')!.textContent.trim();
    el.remove();
    expect(errors.map((e) => e.code)).to.deep.equal(['configuration']);
    expect(shown).to.equal('There is a problem');
  });

  it('is accessible on the level choice, a step, the review and the waiting screen', async () => {
    const el = await widget();
    await expectAccessible(el);
    await startLevel(el, 'Basic');
    await expectAccessible(el);
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    await expectAccessible(el);
    await proceed(el);
    await expectAccessible(el);
  });

  it('right-to-left in Arabic, with no English left on the screen', async () => {
    const el = await widget({ lang: 'ar' });
    await waitUntil(() => heading(el) !== 'Choose a verification level', 'the Arabic catalog arrives', { timeout: 5000 });
    const base = $(el, '[part~="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(heading(el)).to.not.match(/[A-Za-z]{3,}/);
    // The platform's own text (English here) keeps its direction inside the mirrored layout.
    const description = $(el, '.level .muted')!;
    expect(description.textContent).to.match(/[A-Za-z]{3,}/);
    expect(getComputedStyle(description).direction).to.equal('ltr');
  });

  it('sends to review and shows the rejection, offering a new application', async () => {
    const el = await widget();
    await sendBasicForReview(el);
    // The person works elsewhere on the page meanwhile: the outcome is announced, not focused.
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Elsewhere';
    document.body.append(elsewhere);
    elsewhere.focus();
    await setStatus(el.flow.application!.uuid, 'rejected');
    await waitUntil(() => heading(el) === 'Your application was not approved', 'rejected', { timeout: 5000 });
    expect(document.activeElement === elsewhere, 'the focus stays where the person is').to.equal(true);
    expect($(el, '#status')!.textContent).to.equal('Your application was not approved');
    elsewhere.remove();
    await expectAccessible(el);
    expect(primary(el).textContent.trim()).to.equal('Start a new application');
  });
  for (const dialect of [
    { names: 'renamed', pagination: 'limit_offset', page_size: 40 },
    { pagination: 'cursor', page_size: 40, statuses: 'synonyms', send_to_review: 'no_content' },
  ] as const) {
    it(`walks Basic to approval on a platform in the dialect ${JSON.stringify(dialect)}`, async () => {
      await logout();
      await loggedInClient(dialect);
      const el = await widget();
      await sendBasicForReview(el);
      expect(el.flow.screen.name).to.equal('waiting');
      await approveAndWait(el);
      await expectAccessible(el);
    });
  }

  it('walks the Standard level through the widget to approval', async () => {
    let el = await widget();
    await startLevel(el, 'Standard');
    const uuid = el.flow.application!.uuid;
    await provideDocument(uuid, 'id_card_front_side');
    await provideDocument(uuid, 'id_card_back_side');
    el = await reload(el);
    await walkToApproval(el, ['Identity document']);
    await expectAccessible(el);
  });

  it('walks the Advanced level through the widget to approval', async () => {
    let el = await widget();
    await startLevel(el, 'Advanced');
    const uuid = el.flow.application!.uuid;
    for (const key of ['passport', 'proof_of_address', 'proof_of_funds']) await provideDocument(uuid, key);
    await control('POST', `/sandbox/v1/applications/${uuid}/liveness/`, { result: 'passed' });
    el = await reload(el);
    await walkToApproval(el, ['Passport', 'Proofs', 'Liveness check']);
  });

  it('takes a returned application through the correction to approval', async () => {
    const el = await widget();
    await sendBasicForReview(el);
    const uuid = el.flow.application!.uuid;
    await setStatus(uuid, 'pending', 'Please check your phone number.', { phone: ['This number does not answer.'] });
    await waitUntil(() => el.flow.screen.name === 'step', 'returned for correction', { timeout: 5000 });
    await el.updateComplete;
    expect(heading(el)).to.equal('Contact details');
    expect($(el, '.comment')!.textContent).to.equal('Please check your phone number.');
    const phone = question(el, 'phone');
    await phone.updateComplete;
    expect(phone.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('This number does not answer.');
    await expectAccessible(el);
    await retype(el, 'phone', '+37120000008');
    await proceed(el);
    await signWith(el);
    expect(heading(el)).to.equal('Agreements');
    $<HTMLButtonElement>(el, '[part~="button-back"]')!.click();
    await settled(el);
    await question(el, 'phone').updateComplete;
    const remark = question(el, 'phone').shadowRoot!.querySelector('[part~="error"]');
    expect(remark === null, 'the answered remark is gone').to.equal(true);
    await proceed(el);
    await acceptAgreements(el);
    await sendForReview(el);
    await approveAndWait(el);
  });

  it('resumes after a reload on the step it was on, with the saved answers in the fields', async () => {
    let el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    expect(heading(el)).to.equal('Agreements');
    $<HTMLButtonElement>(el, '[part~="button-back"]')!.click();
    await settled(el);
    el = await reload(el);
    expect(heading(el)).to.equal('Contact details');
    for (const [key, value] of [
      ['email', 'jane@example.com'],
      ['phone', '+37120000009'],
    ]) {
      const field = question(el, key);
      await field.updateComplete;
      expect(field.value).to.equal(value);
      expect(field.shadowRoot!.querySelector<HTMLInputElement>('input')!.value).to.equal(value);
    }
    $<HTMLButtonElement>(el, '[part~="button-back"]')!.click();
    await settled(el);
    expect(heading(el)).to.equal('Personal data');
    const shown = async (key: string): Promise<string> => {
      // Options load first: the field appears once they are read.
      const input = () => {
        const root = question(el, key).shadowRoot!;
        return (root.querySelector('kyc-combobox')?.shadowRoot ?? root).querySelector<HTMLInputElement>('input');
      };
      await waitUntil(input, `the field of ${key}`, { timeout: 5000 });
      return input()!.value;
    };
    expect(await shown('first_name')).to.equal('Jane');
    expect(await shown('last_name')).to.equal('Doe');
    expect(await shown('date_of_birth')).to.equal('1990-01-01');
    expect(await shown('citizenship')).to.equal('Latvia');
  });

  it('shows a refused answer in the error summary, linked to its question', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    await type(el, 'first_name', 'Jane');
    await type(el, 'last_name', 'Doe');
    await type(el, 'date_of_birth', '01012020');
    await pick(el, 'citizenship', 'Latv');
    await proceed(el);
    expect(heading(el)).to.equal('Personal data');
    const summary = $(el, '#error-summary')!;
    expect(summary).to.exist;
    expect(el.shadowRoot.activeElement?.id).to.equal('error-summary');
    await expectAccessible(el);
    summary.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect((el.shadowRoot.activeElement as HTMLElement | null)?.dataset['key']).to.equal('date_of_birth');
    const field = question(el, 'date_of_birth');
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('[part~="error"]')!.textContent.trim()).to.not.equal('');
    expect(field.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('asks an unknown attribute type as text, and shows an unknown status plainly, with a way on', async () => {
    await loggedInClient({ extra_fields: true });
    const el = await widget();
    await startLevel(el, 'Basic');
    const field = question(el, 'preferred_contact_time');
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('input')!.type).to.equal('text');
    await type(el, 'preferred_contact_time', 'after 18:00');
    await fillPersonalAndContacts(el);
    const stored = el.flow.steps[0].questions.find((q) => q.attribute.key === 'preferred_contact_time')!;
    expect(stored.attribute.value).to.equal('after 18:00');
    await acceptAgreements(el);
    await sendForReview(el);
    await setStatus(el.flow.application!.uuid, 'frozen_by_compliance');
    await waitUntil(() => el.flow.screen.name === 'outcome', 'the unknown status arrives', { timeout: 5000 });
    await el.updateComplete;
    expect(composedTexts($(el, '[part~="base"]')!).join(' ')).to.contain('frozen_by_compliance');
    expect(el.shadowRoot.querySelectorAll('input, textarea, select, kyc-question')).to.have.length(0);
    // No dead end (issue 14): the platform is asked again, and the person may ask at once.
    const buttons = [...el.shadowRoot.querySelectorAll('button')].map((button) => button.textContent.trim());
    expect(buttons).to.deep.equal(['Try again']);
    await expectAccessible(el);
  });

  it('is accessible when loading fails, and when no application may be made', async () => {
    const client = await loggedInClient();
    await injectFault(client, { path_contains: 'kyc-level-info', status: 500, times: 10 });
    const failed = await widget();
    expect(failed.flow.screen.name).to.equal('failed');
    await expectAccessible(failed);
    failed.remove();
    await login((await control('POST', '/sandbox/v1/clients/', { allowed_to_create_kyc_application: false })) as never);
    const refused = await widget();
    expect(refused.flow.screen.name).to.equal('not-allowed');
    await expectAccessible(refused);
  });

  it('is accessible with the signature prompt open, and in the dark theme', async () => {
    const el = await widget({ theme: 'dark' });
    await expectAccessible(el);
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el, { sign: false });
    expect(el.flow.signature).to.not.equal(null);
    await expectAccessible(el);
  });

  it('applies the host translation overrides to its own texts and to its children', async () => {
    const el = await widget();
    el.translations = { en: { startVerification: 'Begin now', fieldRequired: 'This one is needed.' } };
    await el.updateComplete;
    expect(primary(el).textContent.trim()).to.equal('Begin now');
    await startLevel(el, 'Basic');
    primary(el).click(); // Continue with nothing answered
    await el.updateComplete;
    const field = question(el, 'first_name');
    await field.updateComplete;
    expect(field.shadowRoot!.textContent).to.contain('This one is needed.');
    expect(field.validationMessage).to.equal('This one is needed.');
  });

  it('lets a host style the children through re-exported parts', async () => {
    const style = document.createElement('style');
    style.textContent = [
      'kyc-onboarding::part(question__label) { outline: 3px solid rgb(1, 2, 3); }',
      'kyc-onboarding::part(question__combobox-input) { outline: 3px solid rgb(4, 5, 6); }',
    ].join('\n');
    document.head.append(style);
    try {
      const el = await widget();
      await startLevel(el, 'Basic');
      const field = question(el, 'first_name');
      await field.updateComplete;
      const label = field.shadowRoot!.querySelector('[part~="label"]')!;
      expect(getComputedStyle(label).outlineColor).to.equal('rgb(1, 2, 3)');
      const combobox = (await loadedControlOf(el, 'citizenship')).shadowRoot!.querySelector('[part~="input"]')!;
      expect(getComputedStyle(combobox).outlineColor).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });

  it('shows no English catalog string in German', async () => {
    const { default: de } = await import('../../translations/de.js');
    const el = await widget({ lang: 'de' });
    await waitUntil(() => heading(el) !== 'Choose a verification level', 'the German catalog arrives', { timeout: 5000 });
    const check = async (): Promise<void> => {
      expect(await englishLeft(el, 'de'), 'English catalog strings').to.deep.equal([]);
    };
    await check();
    await startLevel(el, 'Basic');
    await check();
    await proceed(el);
    expect($(el, '#error-summary')).to.exist;
    await check();
    await fillPersonal(el);
    await proceed(el);
    await type(el, 'email', 'jane@example.com');
    await type(el, 'phone', '+37120000009');
    await proceed(el);
    expect($(el, 'kyc-signature-prompt')).to.exist;
    await check();
    await signWith(el);
    await check();
    await acceptAgreements(el);
    expect(heading(el)).to.equal(de.reviewTitle);
    await check();
    await proceed(el);
    expect(el.flow.screen.name).to.equal('waiting');
    await check();
    expect(composedTexts(el.shadowRoot)).to.include(de.inReviewTitle);
  });
  it('walks the Basic level to review with the keyboard alone, focusing each new heading', async () => {
    const el = await widget();
    $<HTMLInputElement>(el, 'input[name="level"]:checked')!.focus();
    expect($<HTMLInputElement>(el, 'input[name="level"]:checked')!.closest('label')!.textContent).to.contain('Basic');
    await tabTo(onPart('button-continue'), 'Start');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expectHeadingFocused(el, 'Personal data');
    for (const [key, text] of [
      ['first_name', 'Jane'],
      ['last_name', 'Doe'],
      ['date_of_birth', '01011990'],
    ] as const) {
      await tabTo(inQuestion(key), key);
      await sendKeys({ type: text });
    }
    await controlOf(el, 'citizenship');
    await tabTo(inQuestion('citizenship'), 'citizenship');
    await sendKeys({ type: 'Latv' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await tabTo(onPart('button-continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expectHeadingFocused(el, 'Contact details');
    await tabTo(inQuestion('email'), 'email');
    await sendKeys({ type: 'jane@example.com' });
    await tabTo(inQuestion('phone'), 'phone');
    await sendKeys({ type: '+37120000009' });
    await tabTo(onPart('button-continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    while (el.flow.signature) {
      await tabTo(onPart('button-send'), 'Send code');
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await tabTo((chain) => chain.at(-1)!.getAttribute('autocomplete') === 'one-time-code', 'the code');
      await sendKeys({ type: SIGN_CODE });
      await sendKeys({ press: 'Enter' });
      await settled(el);
    }
    expectHeadingFocused(el, 'Agreements');
    for (const key of ['terms_of_service', 'privacy_policy']) {
      await controlOf(el, key);
      await tabTo((chain) => inQuestion(key)(chain) && (chain.at(-1) as HTMLInputElement).type === 'checkbox', key);
      await sendKeys({ press: 'Space' });
    }
    await tabTo(onPart('button-continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expectHeadingFocused(el, 'Check your answers');
    await tabTo(onPart('button-continue'), 'Send for review');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(el.flow.screen.name).to.equal('waiting');
    expectHeadingFocused(el, 'Your application is being reviewed');
  });
  it('lists a refused signed save in the error summary', async () => {
    const client = await loggedInClient();
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonal(el);
    await proceed(el);
    await type(el, 'email', 'jane@example.com');
    await type(el, 'phone', '+37120000009');
    await injectFault(client, {
      method: 'PATCH',
      path_contains: el.flow.application!.uuid,
      status: 400,
      body: { phone: ['This number cannot receive codes.'] },
      times: 1,
    });
    await proceed(el);
    await signWith(el);
    expect(heading(el)).to.equal('Contact details');
    const summary = $(el, '#error-summary')!;
    expect(summary.textContent).to.contain('This number cannot receive codes.');
    expect(el.shadowRoot.activeElement?.id).to.equal('error-summary');
    const phone = question(el, 'phone');
    await phone.updateComplete;
    expect(phone.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('This number cannot receive codes.');
  });
  it('takes a refused submission to its first step, listing every refused answer', async () => {
    const client = await loggedInClient();
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    await injectFault(client, {
      method: 'POST',
      path_contains: 'send-to-review',
      status: 400,
      body: { first_name: ['Does not match your document.'], phone: ['This number does not answer.'] },
      times: 1,
    });
    await proceed(el);
    expect(heading(el)).to.equal('Personal data');
    expect(el.shadowRoot.activeElement?.id).to.equal('error-summary');
    const links = [...$(el, '#error-summary')!.querySelectorAll('button')];
    expect(links.map((link) => link.textContent.trim())).to.deep.equal([
      'First name: Does not match your document.',
      'Mobile phone number: This number does not answer.',
    ]);
    links[1].click();
    await settled(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('Contact details');
    expect((el.shadowRoot.activeElement as HTMLElement | null)?.dataset['key']).to.equal('phone');
  });
  it('leaves the focus alone on a new screen once the person pressed elsewhere on the page', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    question(el, 'first_name').focus();
    await sendMouse({ type: 'click', position: [5, window.innerHeight - 5] });
    expect(el.matches(':focus-within'), 'the click took the focus away').to.equal(false);
    el.flow.goToStep(1);
    await el.updateComplete;
    expect(heading(el)).to.equal('Contact details');
    expect(el.shadowRoot.activeElement === null, 'no focus taken back').to.equal(true);
    expect($(el, '#status')!.textContent).to.equal('Contact details');
  });
});
