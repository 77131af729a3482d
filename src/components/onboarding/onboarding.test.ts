import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { pdfFile } from '../../../test/helpers/kyc.js';
import { ENDPOINT, injectFault, loggedInClient, login, logout, setStatus, SIGN_CODE } from '../../../test/helpers/sandbox.js';
import { createKycClient } from '../../api/index.js';
import type { KycQuestion } from '../question/question.js';
import { KycOnboarding } from './onboarding.js';

KycOnboarding.define('kyc-onboarding');

type Widget = KycOnboarding & { shadowRoot: ShadowRoot };

async function widget(attributes: { lang?: string; theme?: string } = {}): Promise<Widget> {
  const el = await fixture<Widget>(
    html`<kyc-onboarding endpoint=${ENDPOINT} poll-interval="40" lang=${attributes.lang ?? 'en'} theme=${attributes.theme ?? 'light'}></kyc-onboarding>`,
  );
  await waitUntil(() => el.flow.screen.name !== 'loading', 'the first load ends', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Widget, selector: string) => el.shadowRoot.querySelector<T>(selector);
const heading = (el: Widget) => $(el, '#heading')!.textContent!.trim();
const primary = (el: Widget) => $<HTMLButtonElement>(el, '[part~="button-continue"]')!;
const question = (el: Widget, key: string) => $<KycQuestion>(el, `kyc-question[data-key="${key}"]`)!;

/** Waits for the flow to be idle and the widget rendered. */
async function settled(el: Widget): Promise<void> {
  await waitUntil(() => el.flow.busy === null, 'the flow is idle', { timeout: 5000 });
  await el.updateComplete;
}

/** Clicks the primary button (Continue, Start, Send for review) and waits. */
async function proceed(el: Widget): Promise<void> {
  primary(el).click();
  await settled(el);
}

/** Types an answer into a question with the keyboard, as a person would. */
async function type(el: Widget, key: string, text: string): Promise<void> {
  const field = question(el, key);
  field.focus();
  await sendKeys({ type: text });
  field.blur();
  await el.updateComplete;
}

/** The focusable control inside a question, once rendered (legal documents load first). */
async function controlOf(el: Widget, key: string): Promise<HTMLElement> {
  await waitUntil(() => question(el, key).shadowRoot?.querySelector('[part~="control"]'), `the control of ${key}`, {
    timeout: 5000,
  });
  return question(el, key).shadowRoot!.querySelector<HTMLElement>('[part~="control"]')!;
}

/** Ticks a checkbox question (legal document, boolean) with the keyboard, unless it is ticked. */
async function tick(el: Widget, key: string): Promise<void> {
  if ((await controlOf(el, key) as HTMLInputElement).checked) return;
  question(el, key).focus();
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
}

/** Picks an option of a reference-data question by typing its start and confirming. */
async function pick(el: Widget, key: string, text: string): Promise<void> {
  await controlOf(el, key);
  question(el, key).focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Answers a signature prompt: send the code, type it, confirm — once per code asked. */
async function signWith(el: Widget, code = SIGN_CODE): Promise<void> {
  while (el.flow.signature) {
    const prompt = $(el, 'kyc-signature-prompt')!;
    prompt.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-send"]')!.click();
    await settled(el);
    const input = prompt.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
    input.focus();
    await sendKeys({ type: code });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    if (code !== SIGN_CODE) return;
  }
}

async function startLevel(el: Widget, name: string): Promise<void> {
  const radio = [...el.shadowRoot.querySelectorAll<HTMLInputElement>('input[name="level"]')].find(
    (input) => input.closest('label')!.textContent!.includes(name),
  )!;
  radio.click();
  await proceed(el);
}

/** Fills the personal-data and contact steps of any level. */
async function fillPersonalAndContacts(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Personal data');
  await type(el, 'first_name', 'Jane');
  await type(el, 'last_name', 'Doe');
  await type(el, 'date_of_birth', '01011990');
  await pick(el, 'citizenship', 'Latv');
  await proceed(el);
  expect(heading(el)).to.equal('Contact details');
  await type(el, 'email', 'jane@example.com');
  await type(el, 'phone', '+37120000009');
  await proceed(el);
  await signWith(el);
}

async function acceptAgreements(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Agreements');
  for (const key of ['terms_of_service', 'privacy_policy', 'risk_disclosure']) if (question(el, key)) await tick(el, key);
  await proceed(el);
}

async function sendForReview(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Check your answers');
  await proceed(el);
  await signWith(el);
  expect(el.flow.screen.name).to.equal('waiting');
}


/** A call to the sandbox control (stage setting only). */
async function control(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}`);
  return response.json();
}

/** Replaces the typed text of a question. */
async function retype(el: Widget, key: string, text: string): Promise<void> {
  question(el, key).focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  question(el, key).blur();
  await el.updateComplete;
}

/** Fills the address and financial-profile steps (Standard and Advanced). */
async function fillAddressAndFinances(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Address');
  await pick(el, 'country_of_residence', 'Latv');
  await type(el, 'city', 'Riga');
  await type(el, 'address', 'Brivibas iela 1');
  await proceed(el);
  expect(heading(el)).to.equal('Financial profile');
  await pick(el, 'employment_status', 'Empl');
  await pick(el, 'source_of_funds', 'Sala');
  await type(el, 'annual_income', '50000');
  await proceed(el);
  await signWith(el);
}

/** Stores a fresh PDF document as the answer to `key`, through the API (documents are out of the widget's scope). */
async function provideDocument(applicationUuid: string, key: string): Promise<void> {
  const client = createKycClient({ endpoint: ENDPOINT });
  const [file] = await client.uploadFiles([pdfFile(`${key}.pdf`, 1024)]);
  const document = await client.createDocument(key, [file!.uuid]);
  await client.updateApplication(applicationUuid, [{ key, value: document.uuid }]);
}

/** A new widget on the same page session, as after a reload. */
async function reload(el: Widget): Promise<Widget> {
  el.remove();
  return widget();
}

/** Continues through steps whose answers were given through the API (documents, liveness), checking their titles. */
async function walkDocumentSteps(el: Widget, titles: string[]): Promise<void> {
  for (const title of titles) {
    expect(heading(el)).to.equal(title);
    await proceed(el);
  }
}

/** The texts a person sees in the widget (text nodes and aria-labels), children's shadow roots included. */
function composedTexts(root: Node): string[] {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Text && node.data.trim()) parts.push(node.data.replace(/\s+/g, ' ').trim());
    if (node instanceof Element && (node.localName === 'style' || node.localName === 'script')) return;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node instanceof HTMLElement && node.getAttribute('aria-label')) parts.push(node.getAttribute('aria-label')!);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts;
}

/** The focused elements from the document down through the shadow roots, outermost first. */
function focusChain(): Element[] {
  const chain: Element[] = [];
  let active: Element | null = document.activeElement;
  while (active) {
    chain.push(active);
    active = active.shadowRoot?.activeElement ?? null;
  }
  return chain;
}

/** Presses Tab until `reached` holds for the focus chain (a keyboard user's way to a control). */
async function tabTo(reached: (chain: Element[]) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if (reached(focusChain())) return;
    await sendKeys({ press: 'Tab' });
  }
  const focus = focusChain().map((e) => e.localName + (e.id ? `#${e.id}` : ''));
  throw new Error(`Tab never reached ${what}; focus: ${focus.join(' > ')}`);
}

const inQuestion = (key: string) => (chain: Element[]) =>
  chain.some((e) => e.localName === 'kyc-question' && (e as HTMLElement).dataset['key'] === key) &&
  ['input', 'textarea'].includes(chain.at(-1)!.localName);
const onPart = (part: string) => (chain: Element[]) => chain.at(-1)!.part.contains(part);

/** Asserts the widget's focus is on the heading of the screen titled `title`. */
function expectHeadingFocused(el: Widget, title: string): void {
  expect(heading(el)).to.equal(title);
  expect(el.shadowRoot.activeElement?.id, `focus after reaching "${title}"`).to.equal('heading');
}

/** Walks the Basic level through the widget and sends it to review. */
async function sendBasicForReview(el: Widget): Promise<void> {
  await startLevel(el, 'Basic');
  await fillPersonalAndContacts(el);
  await acceptAgreements(el);
  await sendForReview(el);
}

/** Approves the application as the reviewer, and waits for the widget to show it. */
async function approveAndWait(el: Widget): Promise<void> {
  await setStatus(el.flow.application!.uuid, 'approved');
  await waitUntil(() => heading(el) === 'Your application has been approved', 'approved', { timeout: 5000 });
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

  it('takes "Change" on the review to the answer\'s step and question, with focus on it', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    expect(heading(el)).to.equal('Check your answers');
    const change = el.shadowRoot.querySelector<HTMLButtonElement>('button[aria-label="Change Last name"]')!;
    change.click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot.activeElement?.getAttribute('data-key') === 'last_name', 'focus on the question');
    expect(heading(el)).to.equal('Personal data');
    expect(question(el, 'last_name').value).to.equal('Doe');
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
    await type(el, 'first_name', 'Jane');
    await type(el, 'last_name', 'Doe');
    await type(el, 'date_of_birth', '01011990');
    await pick(el, 'citizenship', 'Latv');
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
    const el = document.createElement('kyc-onboarding') as KycOnboarding;
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    document.body.append(el);
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('#heading')!.textContent!.trim();
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
    expect(primary(el).textContent!.trim()).to.equal('Start a new application');
  });
  it('walks the Standard level through the widget to approval', async () => {
    let el = await widget();
    await startLevel(el, 'Standard');
    const uuid = el.flow.application!.uuid;
    await provideDocument(uuid, 'id_card_front_side');
    await provideDocument(uuid, 'id_card_back_side');
    el = await reload(el);
    await fillPersonalAndContacts(el);
    await fillAddressAndFinances(el);
    await walkDocumentSteps(el, ['Identity document']);
    await acceptAgreements(el);
    await sendForReview(el);
    await approveAndWait(el);
    await expectAccessible(el);
  });

  it('walks the Advanced level through the widget to approval', async () => {
    let el = await widget();
    await startLevel(el, 'Advanced');
    const uuid = el.flow.application!.uuid;
    for (const key of ['passport', 'proof_of_address', 'proof_of_funds']) await provideDocument(uuid, key);
    await control(`/sandbox/v1/applications/${uuid}/liveness/`, { result: 'passed' });
    el = await reload(el);
    await fillPersonalAndContacts(el);
    await fillAddressAndFinances(el);
    await walkDocumentSteps(el, ['Passport', 'Proofs', 'Liveness check']);
    await acceptAgreements(el);
    await sendForReview(el);
    await approveAndWait(el);
  });

  it('takes a returned application through the correction to approval', async () => {
    const el = await widget();
    await sendBasicForReview(el);
    const uuid = el.flow.application!.uuid;
    await control(`/sandbox/v1/applications/${uuid}/status/`, {
      status: 'pending',
      comment: 'Please check your phone number.',
      remarks: { phone: ['This number does not answer.'] },
    });
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
    expect(field.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim()).to.not.equal('');
    expect(field.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('asks an unknown attribute type as text, and shows an unknown status plainly', async () => {
    await loggedInClient({ extra_fields: true });
    const el = await widget();
    await startLevel(el, 'Basic');
    const field = question(el, 'preferred_contact_time');
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('input')!.type).to.equal('text');
    await type(el, 'preferred_contact_time', 'after 18:00');
    await fillPersonalAndContacts(el);
    const stored = el.flow.steps[0]!.questions.find((q) => q.attribute.key === 'preferred_contact_time')!;
    expect(stored.attribute.value).to.equal('after 18:00');
    await acceptAgreements(el);
    await sendForReview(el);
    await setStatus(el.flow.application!.uuid, 'frozen_by_compliance');
    await waitUntil(() => el.flow.screen.name === 'outcome', 'the unknown status arrives', { timeout: 5000 });
    await el.updateComplete;
    expect(composedTexts($(el, '[part~="base"]')!).join(' ')).to.contain('frozen_by_compliance');
    expect(el.shadowRoot.querySelectorAll('input, button, textarea, select, kyc-question')).to.have.length(0);
    await expectAccessible(el);
  });

  it('is accessible when loading fails, and when no application may be made', async () => {
    const client = await loggedInClient();
    await injectFault(client, { path_contains: 'kyc-level-info', status: 500, times: 10 });
    const failed = await widget();
    expect(failed.flow.screen.name).to.equal('failed');
    await expectAccessible(failed);
    failed.remove();
    await login((await control('/sandbox/v1/clients/', { allowed_to_create_kyc_application: false })) as never);
    const refused = await widget();
    expect(refused.flow.screen.name).to.equal('not-allowed');
    await expectAccessible(refused);
  });

  it('is accessible with the signature prompt open, and in the dark theme', async () => {
    const el = await widget({ theme: 'dark' });
    await expectAccessible(el);
    await startLevel(el, 'Basic');
    await type(el, 'first_name', 'Jane');
    await type(el, 'last_name', 'Doe');
    await type(el, 'date_of_birth', '01011990');
    await pick(el, 'citizenship', 'Latv');
    await proceed(el);
    await type(el, 'email', 'jane@example.com');
    await type(el, 'phone', '+37120000009');
    await proceed(el);
    expect(el.flow.signature).to.not.equal(null);
    await expectAccessible(el);
  });

  it('applies the host translation overrides to its own texts and to its children', async () => {
    const el = await widget();
    el.translations = { en: { startVerification: 'Begin now', fieldRequired: 'This one is needed.' } };
    await el.updateComplete;
    expect(primary(el).textContent!.trim()).to.equal('Begin now');
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
    style.textContent = 'kyc-onboarding::part(question__label) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const el = await widget();
      await startLevel(el, 'Basic');
      const field = question(el, 'first_name');
      await field.updateComplete;
      const label = field.shadowRoot!.querySelector('[part~="label"]')!;
      expect(getComputedStyle(label).outlineColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  it('shows no English catalog string in German', async () => {
    const [{ default: en }, { default: de }] = await Promise.all([
      import('../../translations/en.js'),
      import('../../translations/de.js'),
    ]);
    const english = Object.entries(en as Record<string, unknown>)
      .filter(([key, value]) => !key.startsWith('$') && typeof value === 'string')
      .filter(([key, value]) => value !== (de as Record<string, unknown>)[key])
      .map(([, value]) => value as string);
    // A text that is a catalog string, or holds one of several words (server text may hold a lone "No").
    const leaked = (text: string) =>
      english.some((value) => text === value.trim() || (/\s/.test(value.trim()) && text.includes(value)));
    const el = await widget({ lang: 'de' });
    await waitUntil(() => heading(el) !== 'Choose a verification level', 'the German catalog arrives', { timeout: 5000 });
    const check = async (): Promise<void> => {
      await el.updateComplete;
      // Server text may coincide with a catalog string ("Mobile phone number"): texts holding any is allowed.
      const server = [
        ...el.flow.steps.flatMap((step) => [step.title, ...step.questions.map((q) => q.title)]),
        ...(el.flow.screen.name === 'levels' ? el.flow.screen.levels.map((level) => level.description ?? '') : []),
      ].filter(Boolean);
      const found = composedTexts(el.shadowRoot).filter((text) => leaked(text) && !server.some((title) => text.includes(title)));
      expect(found, 'English catalog strings').to.deep.equal([]);
    };
    await check();
    await startLevel(el, 'Basic');
    await check();
    await proceed(el);
    expect($(el, '#error-summary')).to.exist;
    await check();
    await type(el, 'first_name', 'Jane');
    await type(el, 'last_name', 'Doe');
    await type(el, 'date_of_birth', '01011990');
    await pick(el, 'citizenship', 'Latv');
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
    expect(($<HTMLInputElement>(el, 'input[name="level"]:checked')!.closest('label')!.textContent)).to.contain('Basic');
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
    await type(el, 'first_name', 'Jane');
    await type(el, 'last_name', 'Doe');
    await type(el, 'date_of_birth', '01011990');
    await pick(el, 'citizenship', 'Latv');
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
    expect(links.map((link) => link.textContent!.trim())).to.deep.equal([
      'First name: Does not match your document.',
      'Mobile phone number: This number does not answer.',
    ]);
    links[1]!.click();
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
