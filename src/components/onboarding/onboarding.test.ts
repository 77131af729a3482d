import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { ENDPOINT, loggedInClient, logout, setStatus, SIGN_CODE } from '../../../test/helpers/sandbox.js';
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

/** Ticks a checkbox question (legal document, boolean) with the keyboard. */
async function tick(el: Widget, key: string): Promise<void> {
  question(el, key).focus();
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
}

/** Picks an option of a reference-data question by typing its start and confirming. */
async function pick(el: Widget, key: string, text: string): Promise<void> {
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
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    await sendForReview(el);
    await setStatus(el.flow.application!.uuid, 'approved');
    await waitUntil(() => heading(el) === 'Your application has been approved', 'approved', { timeout: 5000 });
    expect(completed).to.have.length(1);
  });

  it('reports a missing endpoint as a configuration error', async () => {
    const errors: { code: string }[] = [];
    const el = document.createElement('kyc-onboarding') as KycOnboarding;
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    document.body.append(el);
    await el.updateComplete;
    el.remove();
    expect(errors.map((e) => e.code)).to.deep.equal(['configuration']);
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
  });

  it('sends to review and shows the rejection, offering a new application', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el);
    await acceptAgreements(el);
    await sendForReview(el);
    await setStatus(el.flow.application!.uuid, 'rejected');
    await waitUntil(() => heading(el) === 'Your application was not approved', 'rejected', { timeout: 5000 });
    expect(primary(el).textContent!.trim()).to.equal('Start a new application');
  });
});
