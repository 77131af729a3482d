import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing } from 'lit';
import { createKycClient } from '../../api/index.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import en from '../../translations/en.js';
import type { TermFormat } from '../../utilities/localize.js';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { fakeClock } from '../../../test/helpers/clock.js';
import { answersOf } from '../../../test/helpers/kyc.js';
import { expectNoLitDevWarnings } from '../../../test/helpers/lit-warnings.js';
import { ENDPOINT, loggedInClient, logout, SIGN_CODE } from '../../../test/helpers/sandbox.js';
import { undefinedCustomProperties } from '../../../test/helpers/styles.js';
import { FlowController } from '../../flow/flow-controller.js';
import type { SignatureRequest } from '../../flow/signatures.js';
import { KycSignaturePrompt, type KycCodeSendEvent, type KycCodeSubmitEvent } from './signature-prompt.js';

KycSignaturePrompt.define('kyc-signature-prompt');

const EMAIL = 'jane@example.com';
const PHONE = '+37120000009';

/** English formatting for the function terms of the reference catalog. */
const f: TermFormat = {
  number: (value) => new Intl.NumberFormat('en').format(value),
  plural: (count, forms) => forms[new Intl.PluralRules('en').select(count)] ?? forms.other,
};

function signatureRequest(overrides: Partial<SignatureRequest> = {}): SignatureRequest {
  return {
    purpose: 'save',
    keys: ['email', 'phone'],
    groups: [['sms', 'email']],
    index: 0,
    sentWith: null,
    codes: {},
    destinations: { sms: PHONE, email: EMAIL },
    ...overrides,
  };
}

async function promptFor(request: SignatureRequest, resendDelay?: number, clock: KycClock = systemClock): Promise<KycSignaturePrompt> {
  return fixture<KycSignaturePrompt>(
    html`<kyc-signature-prompt .clock=${clock} .request=${request} resend-delay=${resendDelay ?? nothing}></kyc-signature-prompt>`,
  );
}

/** The controller's answer to a successful `sendCode`: a new request object, sent with `provider`. */
async function answerSend(el: KycSignaturePrompt, provider: 'sms' | 'email'): Promise<void> {
  el.request = { ...el.request!, sentWith: provider };
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: KycSignaturePrompt, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
/**
 * The focused control of `el`, named by its id, part or value. Assertions compare names, never nodes:
 * a failed comparison of DOM nodes makes the test runner's error serialisation stall.
 */
const focused = (el: KycSignaturePrompt): string | null => {
  const active = el.shadowRoot!.activeElement;
  return active && (active.id || active.getAttribute('part') || active.getAttribute('value') || active.localName);
};
const exists = (el: KycSignaturePrompt, selector: string): boolean => $(el, selector) !== null;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const liveRegions = (el: KycSignaturePrompt) => [...el.shadowRoot!.querySelectorAll('[role="status"]')];
const announcement = (el: KycSignaturePrompt) => text($(el, '.visually-hidden[role="status"]'));
const codeInput = (el: KycSignaturePrompt) => $<HTMLInputElement>(el, '#code');
const button = (el: KycSignaturePrompt, name: string) => $<HTMLButtonElement>(el, `[part~="button-${name}"]`)!;

/** The events of `types` fired on `el`, in order. */
function record(el: EventTarget, ...types: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of types) el.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}

/** Pastes `data` into `input` as the browser does (the handler reads the clipboard data). */
function paste(input: HTMLInputElement, data: string): void {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', data);
  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true }));
}

/** Every event dispatched by script while `action` runs (all of the widget's events are). */
async function dispatchedDuring(action: () => Promise<void>): Promise<Event[]> {
  const events: Event[] = [];
  const original = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    events.push(event);
    return original.call(this, event);
  };
  try {
    await action();
  } finally {
    EventTarget.prototype.dispatchEvent = original;
  }
  return events;
}

describe('<kyc-signature-prompt>', () => {
  it('offers the providers as a radio group, preselects one whose destination is known, and focuses its heading', async () => {
    const el = await promptFor(signatureRequest({ destinations: { email: EMAIL } }));
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.value)).to.deep.equal(['sms', 'email']);
    expect(radios.map((radio) => radio.checked)).to.deep.equal([false, true]);
    expect(text($(el, 'legend'))).to.equal(en.chooseProvider);
    expect(text($(el, '.destination'))).to.equal(en.signaturePromptSendTo(EMAIL));
    expect(exists(el, '#destination')).to.equal(false);
    expect(exists(el, '[part~="progress"]')).to.equal(false);
    expect(focused(el)).to.equal('title');
    expect(text($(el, '#title'))).to.equal(en.signTitle);
    await expectAccessible(el);
  });

  it('asks for the destination when none is known: a phone input for SMS, an e-mail input for e-mail', async () => {
    const el = await promptFor(signatureRequest({ destinations: {} }));
    const phone = $<HTMLInputElement>(el, '#destination')!;
    expect([phone.type, phone.autocomplete, phone.required]).to.deep.equal(['tel', 'tel', true]);
    expect(text(phone.labels![0])).to.contain(en.destinationPhoneLabel);
    expect(text($(el, `#${phone.getAttribute('aria-describedby')}`))).to.equal(en.signaturePromptPhoneHint);
    await expectAccessible(el);

    $<HTMLInputElement>(el, 'input[value="email"]')!.click();
    await el.updateComplete;
    const email = $<HTMLInputElement>(el, '#destination')!;
    expect([email.type, email.autocomplete, email.required]).to.deep.equal(['email', 'email', true]);
    expect(text(email.labels![0])).to.contain(en.destinationEmailLabel);
    await expectAccessible(el);
  });

  it('keyboard only: arrows choose the provider, Tab reaches Send, Enter sends; then the code is typed and Enter submits it', async () => {
    const el = await promptFor(signatureRequest());
    const events = record(el, 'kyc-code-send', 'kyc-code-submit');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('sms');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('email');
    expect($<HTMLInputElement>(el, 'input[value="email"]')!.checked).to.equal(true);
    await el.updateComplete;
    expect(text($(el, '.destination'))).to.equal(en.signaturePromptSendTo(EMAIL));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('button-send');
    await sendKeys({ press: 'Enter' });
    expect(events.map((event) => [event.type, event.detail])).to.deep.equal([['kyc-code-send', { provider: 'email' }]]);
    expect([events[0].bubbles, events[0].composed]).to.deep.equal([true, false]);

    await answerSend(el, 'email');
    expect(focused(el)).to.equal('code');
    await sendKeys({ type: SIGN_CODE });
    await sendKeys({ press: 'Enter' });
    expect(events.map((event) => [event.type, event.detail])).to.deep.equal([
      ['kyc-code-send', { provider: 'email' }],
      ['kyc-code-submit', { code: '111111' }],
    ]);
    expect([events[1].bubbles, events[1].composed]).to.deep.equal([true, false]);
  });

  it('refuses a missing or invalid phone number before any event, says why, and sends a valid one without separators', async () => {
    const el = await promptFor(signatureRequest({ groups: [['sms']], destinations: {} }));
    const events = record(el, 'kyc-code-send');
    const input = $<HTMLInputElement>(el, '#destination')!;
    const error = () => $(el, '#destination-error');

    button(el, 'send').click();
    await el.updateComplete;
    expect(text(error())).to.equal(en.fieldRequired);
    expect(focused(el)).to.equal('destination');

    await sendKeys({ type: '20000009' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('destination-error');
    expect(text(error())).to.equal(en.invalidPhone);
    expect(error()!.getAttribute('role')).to.equal('alert');
    expect(focused(el)).to.equal('destination');
    await expectAccessible(el);

    input.select();
    await sendKeys({ type: '+371 2000-0009' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    expect(events.map((event) => event.detail)).to.deep.equal([{ provider: 'sms', destination: PHONE }]);

    // A new request (another save) does not keep the number typed for this one.
    el.request = signatureRequest({ groups: [['sms']], destinations: {} });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#destination')!.value).to.equal('');
  });

  it('refuses an invalid e-mail address before any event', async () => {
    const el = await promptFor(signatureRequest({ groups: [['email']], destinations: {} }));
    const events = record(el, 'kyc-code-send');
    $<HTMLInputElement>(el, '#destination')!.focus();
    await sendKeys({ type: 'jane@example' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(text($(el, '#destination-error'))).to.equal(en.invalidEmail);
  });

  it('puts a typed destination only into the non-composed kyc-code-send, never into a composed event', async () => {
    const el = await promptFor(signatureRequest({ groups: [['sms']], destinations: {} }), 0);
    const events = await dispatchedDuring(async () => {
      $<HTMLInputElement>(el, '#destination')!.focus();
      await sendKeys({ type: '+371 2000 0009' });
      await sendKeys({ press: 'Enter' });
      await answerSend(el, 'sms');
      button(el, 'resend').click(); // a new code goes to the same typed number
      await sendKeys({ type: SIGN_CODE });
      await sendKeys({ press: 'Enter' });
      button(el, 'cancel').click();
    });
    const sends = events.filter((event) => event.type === 'kyc-code-send') as KycCodeSendEvent[];
    expect(sends.map((event) => event.detail)).to.deep.equal([
      { provider: 'sms', destination: PHONE },
      { provider: 'sms', destination: PHONE },
    ]);
    expect(events.map((event) => event.type)).to.include.members(['kyc-code-submit', 'kyc-signature-cancel']);
    const composed = events.filter((event) => event.composed);
    expect(JSON.stringify(composed.map((event) => (event as CustomEvent).detail ?? null))).not.to.match(/2000|0009/);
    expect(events.filter((event) => event.type.startsWith('kyc-') && event.composed).map((event) => event.type)).to.deep.equal([]);
  });

  it('once sent: one one-time-code field, focused, and the confirmation in a polite live region', async () => {
    const el = await promptFor(signatureRequest({ groups: [['email']], sentWith: 'email' }));
    const input = codeInput(el)!;
    expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
    expect({
      type: input.type,
      autocomplete: input.getAttribute('autocomplete'),
      inputmode: input.inputMode,
      pattern: input.pattern,
      maxLength: input.maxLength,
      required: input.required,
    }).to.deep.equal({
      type: 'text',
      autocomplete: 'one-time-code',
      inputmode: 'numeric',
      pattern: '[0-9]{6}',
      maxLength: 6,
      required: true,
    });
    expect(text(input.labels![0])).to.contain(en.codeLabel);
    expect(focused(el)).to.equal('code');
    const confirmation = $(el, '.confirmation')!;
    expect(confirmation.getAttribute('role')).to.equal('status');
    expect(text(confirmation)).to.equal(en.codeSent(EMAIL));
    expect(text($(el, '#countdown'))).to.equal(en.resendIn(30, f));
    expect(button(el, 'resend').disabled).to.equal(true);
    await expectAccessible(el);
  });

  it('keeps only digits while typing, and refuses an incomplete code before any event', async () => {
    const el = await promptFor(signatureRequest({ sentWith: 'sms' }));
    const events = record(el, 'kyc-code-submit');
    await sendKeys({ type: '1a2 3' });
    expect(codeInput(el)!.value).to.equal('123');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(codeInput(el)!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#code-error'))).to.equal(en.signaturePromptCodeFormat(6, f));
    expect(focused(el)).to.equal('code');
  });

  it('pasting keeps the digits of the code: "111 111", "Code: 111111", Arabic-Indic digits', async () => {
    const el = await promptFor(signatureRequest({ sentWith: 'sms' }));
    const events = record(el, 'kyc-code-submit');
    for (const clipboard of ['111 111', 'Code: 111111', 'Order 42: your code is 111111', '١١١١١١']) {
      const input = codeInput(el)!;
      input.select();
      paste(input, clipboard);
      await el.updateComplete;
      expect(input.value, clipboard).to.equal('111111');
    }
    await sendKeys({ press: 'Enter' });
    expect(events.map((event) => event.detail)).to.deep.equal([{ code: '111111' }]);
  });

  it('resend is disabled until the countdown ends, announced at its start and end, then asks for a new code', async () => {
    const clock = fakeClock();
    const el = await promptFor(signatureRequest({ groups: [['email']], sentWith: 'email' }), 0.3, clock);
    const events = record(el, 'kyc-code-send');
    const resend = button(el, 'resend');
    expect(resend.disabled).to.equal(true);
    expect(resend.getAttribute('aria-describedby')).to.equal('countdown');
    expect(announcement(el)).to.equal(en.resendIn(1, f));
    await clock.advance(299);
    await el.updateComplete;
    expect(button(el, 'resend').disabled, 'still counting down 1 ms before the end').to.equal(true);
    await clock.advance(1);
    await el.updateComplete;
    expect(button(el, 'resend').disabled, 'resend is enabled when the countdown ends').to.equal(false);
    expect(exists(el, '#countdown')).to.equal(false);
    expect(announcement(el)).to.equal(en.signaturePromptResendReady);

    button(el, 'resend').click();
    expect(events.map((event) => event.detail)).to.deep.equal([{ provider: 'email' }]);
    await answerSend(el, 'email');
    expect(text($(el, '.confirmation'))).to.equal(en.codeSentAgain);
    expect(button(el, 'resend').disabled).to.equal(true);
    expect(focused(el)).to.equal('code');

    // Another new code: the same text, in a new node, so that screen readers announce it again.
    const shown = $(el, '.confirmation p');
    await clock.advance(300);
    await el.updateComplete;
    expect(button(el, 'resend').disabled, 'resend is enabled again').to.equal(false);
    button(el, 'resend').click();
    await answerSend(el, 'email');
    expect(text($(el, '.confirmation'))).to.equal(en.codeSentAgain);
    expect($(el, '.confirmation p') !== shown, 'the confirmation is a new node').to.equal(true);
  });

  it('a resend that failed is not taken for a new code when the request changes later', async () => {
    const el = await promptFor(signatureRequest({ groups: [['sms']], sentWith: 'sms' }), 0);
    button(el, 'resend').click();
    el.busy = true;
    await el.updateComplete;
    el.busy = false;
    el.error = en.errorNetwork;
    await el.updateComplete;
    await sendKeys({ type: '000000' });
    el.request = { ...el.request! }; // e.g. the controller's answer to a refused code
    el.error = en.errorSignatureInvalid;
    await el.updateComplete;
    expect(codeInput(el)!.value).to.equal('000000');
    expect(text($(el, '.confirmation'))).to.equal(en.codeSent(PHONE));
  });

  it('ticks the countdown visibly once a second without announcing each tick', async () => {
    const clock = fakeClock();
    const el = await promptFor(signatureRequest({ sentWith: 'sms' }), 1.3, clock);
    const countdown = () => text($(el, '#countdown'));
    expect(countdown()).to.equal(en.resendIn(2, f));
    expect(clock.pending(), 'the next tick, when 1 s is left').to.deep.equal([300]);
    await clock.advance(300);
    await el.updateComplete;
    expect(countdown(), 'the countdown ticks').to.equal(en.resendIn(1, f));
    expect(clock.pending(), 'then once a second').to.deep.equal([1000]);
    expect(announcement(el)).to.equal(en.resendIn(2, f));
    expect($(el, '#countdown')!.closest('[role="status"], [aria-live]') === null).to.equal(true);
    expect(liveRegions(el).every((region) => !region.contains($(el, '#countdown')))).to.equal(true);
  });

  it("shows the root's error on the code field: aria-invalid, described by it, focused with the code selected", async () => {
    const el = await promptFor(signatureRequest({ sentWith: 'sms' }));
    await sendKeys({ type: '000000' });
    el.error = en.errorSignatureInvalid;
    await el.updateComplete;
    const input = codeInput(el)!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = input.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).to.include('code-error');
    expect(text($(el, '#code-error'))).to.equal(en.errorSignatureInvalid);
    expect(input.value).to.equal('000000');
    expect(focused(el)).to.equal('code');
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, 6]);
    await expectAccessible(el);
  });

  it('busy: every button disabled, the panel aria-busy, and Enter submits nothing', async () => {
    const el = await promptFor(signatureRequest({ sentWith: 'sms' }));
    const events = record(el, 'kyc-code-submit');
    await sendKeys({ type: SIGN_CODE });
    el.busy = true;
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('button')].every((b) => b.disabled)).to.equal(true);
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(0);
    await expectAccessible(el);

    const sending = await promptFor(signatureRequest());
    sending.busy = true;
    await sending.updateComplete;
    expect(button(sending, 'send').disabled).to.equal(true);
    await expectAccessible(sending);
  });

  it('shows the progress when several codes are needed, and starts the next one afresh', async () => {
    const el = await promptFor(signatureRequest({ groups: [['email'], ['sms']] }));
    expect(text($(el, '[part~="progress"]'))).to.equal(en.signaturePromptProgress(1, 2, f));
    await answerSend(el, 'email');
    await sendKeys({ type: SIGN_CODE });
    el.request = { ...el.request!, index: 1, sentWith: null, codes: { email: SIGN_CODE } };
    await el.updateComplete;
    expect(text($(el, '[part~="progress"]'))).to.equal(en.signaturePromptProgress(2, 2, f));
    expect(announcement(el)).to.equal(en.signaturePromptProgress(2, 2, f));
    expect(text($(el, '.destination'))).to.equal(en.signaturePromptSendTo(PHONE));
    expect(text($(el, '.confirmation'))).to.equal('');
    expect(exists(el, '#code')).to.equal(false);
    expect(focused(el)).to.equal('title');
    await answerSend(el, 'sms');
    expect(codeInput(el)!.value).to.equal('');
    await expectAccessible(el);
  });

  it('Cancel fires kyc-signature-cancel, bubbling but not composed', async () => {
    const el = await promptFor(signatureRequest());
    const events = record(el, 'kyc-signature-cancel');
    button(el, 'cancel').click();
    expect(events.map((event) => [event.bubbles, event.composed])).to.deep.equal([[true, false]]);
  });

  it('renders nothing without a request, and without Lit warnings in any state', async () => {
    await expectNoLitDevWarnings(async () => {
      const el = await fixture<KycSignaturePrompt>(html`<kyc-signature-prompt></kyc-signature-prompt>`);
      expect(el.shadowRoot!.children).to.have.length(0);
      el.request = signatureRequest({ destinations: {} });
      await el.updateComplete;
      await answerSend(el, 'sms');
      el.error = en.errorSignatureInvalid;
      el.busy = true;
      await el.updateComplete;
    });
  });

  it('speaks the language of the page', async () => {
    const de = (await import('../../translations/de.js')).default;
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="de"><kyc-signature-prompt .request=${signatureRequest({ groups: [['email'], ['sms']] })}></kyc-signature-prompt></div>`,
    );
    const el = wrapper.querySelector<KycSignaturePrompt>('kyc-signature-prompt')!;
    await waitUntil(() => text($(el, '#title')) === de.signTitle, 'the German catalog is used');
    expect(text($(el, '[part~="progress"]'))).to.equal('Code 1 von 2');
  });

  it('styles use only declared custom properties', () => {
    expect(undefinedCustomProperties(KycSignaturePrompt.elementStyles)).to.deep.equal([]);
  });
});

// ── with the real flow ──

/** What the root does: renders the prompt for `flow.signature` and hands its events to the controller. */
class SigningHost extends LitElement {
  readonly flow = new FlowController(this);

  override render() {
    const request = this.flow.signature;
    if (!request) return nothing;
    const notice = this.flow.notice;
    const error = notice?.code === 'signature_invalid' ? en.errorSignatureInvalid : notice ? en.errorUnknown : '';
    return html`<kyc-signature-prompt
      .request=${request}
      ?busy=${this.flow.busy !== null}
      error=${error}
      @kyc-code-send=${(event: KycCodeSendEvent) => void this.flow.sendCode(event.detail.provider, event.detail.destination)}
      @kyc-code-submit=${(event: KycCodeSubmitEvent) => void this.flow.confirmCode(event.detail.code)}
      @kyc-signature-cancel=${() => this.flow.cancelSignature()}
    ></kyc-signature-prompt>`;
  }
}
customElements.define('test-signing-host', SigningHost);

const PUBLIC_EVENTS = ['kyc-save', 'kyc-signature-request', 'kyc-error', 'kyc-step-change'];
const PERSONAL = { first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-01-01', citizenship: 'LV' };

describe('<kyc-signature-prompt> with the FlowController against the sandbox', () => {
  beforeEach(() => loggedInClient());
  afterEach(logout);

  it('signs the contacts: a wrong code shows the error and keeps the answers, 111111 saves them', async () => {
    const host = await fixture<SigningHost>(html`<test-signing-host></test-signing-host>`);
    const events = record(host, ...PUBLIC_EVENTS);
    const { flow } = host;
    await flow.start(createKycClient({ endpoint: ENDPOINT, retry: { retries: 0 } }));
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
    for (const [key, value] of Object.entries(PERSONAL)) flow.setAnswer(key, value);
    await flow.continue();
    flow.setAnswer('email', EMAIL);
    flow.setAnswer('phone', PHONE);
    await flow.continue();
    expect(flow.signature?.groups).to.deep.equal([['email'], ['sms']]);
    await host.updateComplete;
    const el = host.shadowRoot!.querySelector<KycSignaturePrompt>('kyc-signature-prompt')!;
    await el.updateComplete;

    /** Sends the current group's code, waits for the code field, types `code` and presses Enter. */
    const sign = async (code: string) => {
      button(el, 'send').click();
      await waitUntil(() => codeInput(el) !== null && focused(el) === 'code', 'the code field appears, focused');
      await sendKeys({ type: code });
      await sendKeys({ press: 'Enter' });
    };

    expect(text($(el, '[part~="progress"]'))).to.equal(en.signaturePromptProgress(1, 2, f));
    await sign(SIGN_CODE);
    await waitUntil(() => text($(el, '[part~="progress"]')) === en.signaturePromptProgress(2, 2, f), 'the second code is asked');
    expect(text($(el, '.destination'))).to.equal(en.signaturePromptSendTo(PHONE));

    await sign('000000');
    await waitUntil(() => text($(el, '#code-error')) === en.errorSignatureInvalid, 'the wrong code is refused');
    expect(flow.notice?.code).to.equal('signature_invalid');
    expect(codeInput(el)!.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('code');
    expect(flow.screen).to.deep.equal({ name: 'step', index: 1 });
    expect(answersOf(flow.application!).email, 'stored with the first code').to.equal(EMAIL);
    expect(flow.drafts.get('phone')).to.equal(PHONE);
    await expectAccessible(el);

    await sendKeys({ type: SIGN_CODE }); // replaces the selected wrong code
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flow.signature === null && !host.shadowRoot!.querySelector('kyc-signature-prompt'), 'signed');
    expect(flow.screen).to.deep.equal({ name: 'step', index: 2 });
    expect(answersOf(flow.application!)).to.include({ email: EMAIL, phone: PHONE });
    expect(events.map((event) => event.type)).to.include('kyc-save');
    expect(JSON.stringify(events.map((event) => event.detail)))
      .not.to.contain(EMAIL)
      .and.not.to.contain('2000');
  });
});
