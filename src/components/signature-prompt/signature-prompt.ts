import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { KycSignProvider } from '../../api/index.js';
import { frozenDetail } from '../../events/frozen-detail.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import { KycElement } from '../../internal/kyc-element.js';
import { asciiDigits, EMAIL, normalizeEmail, normalizePhone, PHONE } from '../../internal/contact.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { LocalizeController, type KycTranslationOverrides } from '../../utilities/localize.js';
import '../../translations/en-signature-prompt.js'; // this element's English words
import type { SignatureRequest } from '../../flow/signatures.js';
import { clockContext } from '../../context/clock-context.js';
import { InheritedProperty } from '../../context/controllers.js';
import { translationsContext } from '../../context/translations-context.js';
import { signaturePromptStyles } from './signature-prompt.styles.js';

// ── events (internal coordination with the root: they bubble, but never leave its shadow tree) ──

/** Name of {@link KycCodeSendEvent}. */
export const KYC_CODE_SEND = 'kyc-code-send';
/** Name of {@link KycCodeSubmitEvent}. */
export const KYC_CODE_SUBMIT = 'kyc-code-submit';
/** Name of {@link KycSignatureCancelEvent}. */
export const KYC_SIGNATURE_CANCEL = 'kyc-signature-cancel';

/**
 * Detail of {@link KycCodeSendEvent}: the provider, and the destination only when the person
 * typed it (a known one is the controller's already).
 */
export interface KycCodeSendDetail {
  readonly provider: KycSignProvider;
  /** The phone number (E.164, separators removed) or e-mail address the person typed. Personal data. */
  readonly destination?: string;
}

/**
 * The person asks for a code, first or again. `bubbles`, NOT `composed`: the typed destination is
 * personal data and must stay inside the root's shadow tree (the root hands it to
 * `FlowController.sendCode(provider, destination)`).
 */
export class KycCodeSendEvent extends CustomEvent<KycCodeSendDetail> {
  constructor(detail: KycCodeSendDetail) {
    super(KYC_CODE_SEND, { bubbles: true, composed: false, detail: frozenDetail(detail) });
  }
}

/** Detail of {@link KycCodeSubmitEvent}. */
export interface KycCodeSubmitDetail {
  /** The one-time code, ASCII digits only. */
  readonly code: string;
}

/** The person confirms a complete code (for `FlowController.confirmCode(code)`). `bubbles`, not `composed`. */
export class KycCodeSubmitEvent extends CustomEvent<KycCodeSubmitDetail> {
  constructor(detail: KycCodeSubmitDetail) {
    super(KYC_CODE_SUBMIT, { bubbles: true, composed: false, detail: frozenDetail(detail) });
  }
}

/** The person closes the request (for `FlowController.cancelSignature()`). `bubbles`, not `composed`. */
export class KycSignatureCancelEvent extends CustomEvent<null> {
  constructor() {
    super(KYC_SIGNATURE_CANCEL, { bubbles: true, composed: false, detail: null });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_CODE_SEND]: KycCodeSendEvent;
    [KYC_CODE_SUBMIT]: KycCodeSubmitEvent;
    [KYC_SIGNATURE_CANCEL]: KycSignatureCancelEvent;
  }
}

// ── input rules ──

/** Digits of a one-time code. */
const CODE_LENGTH = 6;
const DEFAULT_RESEND_DELAY = 30;
/** A run of exactly {@link CODE_LENGTH} digits inside other text ("Code: 111111"). */
const CODE_RUN = new RegExp(`(?<!\\d)\\d{${CODE_LENGTH}}(?!\\d)`);

const digitsOf = (text: string): string => asciiDigits(text).replace(/\D/g, '');

/** The code in pasted text: a run of the code's length when there is one, else every digit ("111 111"). */
function pastedCode(text: string): string {
  const ascii = asciiDigits(text);
  return CODE_RUN.exec(ascii)?.[0] ?? digitsOf(ascii);
}

/** A typed destination in the form the platform takes, or null when it is not one. */
function normalisedDestination(provider: KycSignProvider, typed: string): string | null {
  if (provider === 'sms') {
    const phone = normalizePhone(typed);
    return PHONE.test(phone) ? phone : null;
  }
  const email = normalizeEmail(typed);
  return EMAIL.test(email) ? email : null;
}

/** A message for a live region; a new `id` re-creates its node, so a repeated text is announced again. */
interface LiveMessage {
  readonly id: number;
  readonly text: () => string;
}

type FocusTarget = 'heading' | 'destination' | 'send' | 'code' | 'code-selected';

/**
 * @summary The panel that asks for a one-time code signing the person's answers: how to receive
 * it and where, then the code. Purely presentational over the flow's `SignatureRequest`; the root
 * hands its events to the `FlowController`.
 * @tag kyc-signature-prompt
 * @status experimental
 * @since 0.1
 *
 * @event {KycCodeSendEvent} kyc-code-send - The person asks for a code, first or again:
 *   `{provider, destination?}`, the destination only when they typed it. Bubbles, not composed
 *   (it carries personal data): listen on the element itself or within the same shadow tree.
 * @event {KycCodeSubmitEvent} kyc-code-submit - The person confirms a complete code: `{code}`.
 *   Bubbles, not composed.
 * @event {KycSignatureCancelEvent} kyc-signature-cancel - The person closes the request.
 *   Bubbles, not composed.
 *
 * @csspart base - The panel (a labelled region, `aria-busy` while a request is in flight).
 * @csspart title - The heading, focused when the panel (or the next code) appears.
 * @csspart progress - "Code 1 of 2", when more than one code is needed.
 * @csspart form - The form of the current stage: sending the code, or entering it.
 * @csspart code - The one-time code input.
 * @csspart error - The message of the root's `error`.
 * @csspart actions - The row of buttons.
 * @csspart button-send - "Send code".
 * @csspart button-confirm - "Confirm".
 * @csspart button-resend - "Send a new code", disabled during the countdown.
 * @csspart button-cancel - "Cancel".
 *
 * @cssproperty --kyc-signature-prompt-gap - Space between the panel's blocks (default `--kyc-space-m`).
 */
export class KycSignaturePrompt extends KycElement {
  static override styles = [formControlStyles, signaturePromptStyles];

  readonly #localize = new LocalizeController(this);
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });
  readonly #clock = new InheritedProperty(this, 'clock', clockContext, { fallback: systemClock });

  // ── queries ──
  @query('.title') private heading!: HTMLElement | null;
  @query('.base') private panel!: HTMLElement | null;
  @query('#destination') private destinationInput!: HTMLInputElement | null;
  @query('#code') private codeInput!: HTMLInputElement | null;
  @query('[part~="button-send"]') private sendButton!: HTMLButtonElement | null;

  // ── state ──
  @state() private provider: KycSignProvider | null = null;
  @state() private code = '';
  @state() private codeInvalid = false;
  @state() private destinationProblem: 'required' | 'invalid' | null = null;
  /** Whole seconds until a new code may be asked for; 0 when it may. */
  @state() private resendRemaining = 0;
  /** The visible confirmation of a sent code (polite live region). */
  @state() private confirmation: LiveMessage | null = null;
  /** Screen-reader-only news: the countdown's start and end, the next code's progress. */
  @state() private announcement: LiveMessage | null = null;

  // ── public properties ──

  /** The request to render, from `FlowController.signature`; nothing renders while it is null. */
  @property({ attribute: false }) request: SignatureRequest | null = null;

  /** A request is in flight: the buttons are disabled and the panel is `aria-busy`. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** A localized message from the root (e.g. a wrong code), shown on the code field once a code was sent. */
  @property() error = '';

  /** Seconds before "Send a new code" is enabled after a code was sent. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay: number = DEFAULT_RESEND_DELAY;

  /** Per-instance term overrides, by language code: the enclosing `<kyc-onboarding>`'s unless set here. */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  /** What the resend countdown runs on: the enclosing `<kyc-onboarding>`'s clock unless set here, else the system's. */
  @property({ attribute: false })
  get clock(): KycClock {
    return this.#clock.value;
  }
  set clock(value: KycClock) {
    this.#clock.set(value);
  }

  // ── non-reactive ──

  /**
   * Destinations the person typed, by provider. Personal data: kept in memory for this request
   * only, and only ever sent in {@link KycCodeSendEvent} (never composed, logged or stored).
   */
  #typed: Partial<Record<KycSignProvider, string>> = {};
  /** A `kyc-code-send` went out and its answer has not arrived yet. */
  #awaitingSend = false;
  #focusNext: FocusTarget | null = null;
  /** Bumped on each refused attempt, so that the same error message is announced again. */
  #attempt = 0;
  #messageId = 0;
  #resendAt = 0;
  #timer: unknown;

  // ── lifecycle ──

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.resendRemaining > 0) this.#tick(); // a countdown interrupted by a move in the DOM
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clock.clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('request')) this.#onRequest(changed.get('request') ?? null);
    // The send's answer did not bring a sent request: it failed (the error says why).
    if (changed.has('busy') && !this.busy) this.#awaitingSend = false;
    if (changed.has('error') && this.error) this.#focusNext = this.request?.sentWith ? 'code-selected' : 'send';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#focusNext;
    this.#focusNext = null;
    if (target === 'heading') {
      // The whole panel is brought into view, not only its heading: on a phone the prompt opens
      // below a long step, and its code field must not stay under the fold.
      this.heading?.focus({ preventScroll: true });
      this.panel?.scrollIntoView({ block: 'nearest' });
    } else if (target === 'destination') this.destinationInput?.focus();
    else if (target === 'send') this.sendButton?.focus();
    else if (target === 'code' || target === 'code-selected') {
      this.codeInput?.focus();
      if (target === 'code-selected') this.codeInput?.select();
    }
  }

  // ── reacting to the request ──

  /**
   * A new request or group starts afresh; a code counts as sent when `sentWith` is set on the
   * first render, when it becomes set for the same group, or when a new request object answers
   * this panel's `kyc-code-send` (the controller's answer to a successful `sendCode`, a resend
   * included).
   */
  #onRequest(previous: SignatureRequest | null): void {
    const request = this.request;
    if (!request) {
      this.#stopCountdown();
      return;
    }
    const first = previous === null;
    const newRequest = first || previous.groups !== request.groups;
    const newGroup = newRequest || previous.index !== request.index;
    const sentWith = request.sentWith;
    const sent = sentWith !== null && (this.#awaitingSend || first || (!newGroup && previous.sentWith === null));

    if (newGroup) {
      if (newRequest) this.#typed = {};
      const group = request.groups[request.index] ?? [];
      this.provider = sentWith ?? group.find((provider) => request.destinations[provider]) ?? group[0] ?? null;
      this.code = '';
      this.codeInvalid = false;
      this.destinationProblem = null;
      this.confirmation = null;
      this.#stopCountdown();
      this.#focusNext = sentWith ? 'code' : 'heading';
      if (!first && request.groups.length > 1) {
        const { index, groups } = request;
        this.#announce(() => this.#localize.term('signaturePromptProgress', index + 1, groups.length));
      }
    }

    if (sent) {
      const again = !newGroup && previous?.sentWith != null;
      const destination = this.#typedDestination(sentWith) ?? request.destinations[sentWith];
      this.#awaitingSend = false;
      this.provider = sentWith;
      this.code = '';
      this.codeInvalid = false;
      this.confirmation = again
        ? this.#message(() => this.#localize.term('codeSentAgain'))
        : destination
          ? this.#message(() => this.#localize.term('codeSent', destination))
          : null;
      this.#startCountdown();
      this.#focusNext = 'code';
    }
  }

  // ── resend countdown: ticks once a second, announced only at its start and end ──

  #startCountdown(): void {
    const delay = Number.isFinite(this.resendDelay) ? Math.max(0, this.resendDelay) : DEFAULT_RESEND_DELAY;
    this.clock.clearTimeout(this.#timer);
    this.#resendAt = this.clock.now() + delay * 1000;
    this.resendRemaining = Math.ceil(delay);
    if (this.resendRemaining === 0) return;
    const seconds = this.resendRemaining;
    this.#announce(() => this.#localize.term('resendIn', seconds));
    this.#schedule();
  }

  #stopCountdown(): void {
    this.clock.clearTimeout(this.#timer);
    this.resendRemaining = 0;
  }

  /** Waits until the remaining time crosses the next whole second. */
  #schedule(): void {
    const left = this.#resendAt - this.clock.now();
    this.#timer = this.clock.setTimeout(this.#tick, Math.max(0, left - (this.resendRemaining - 1) * 1000));
  }

  readonly #tick = (): void => {
    const remaining = Math.max(0, Math.ceil((this.#resendAt - this.clock.now()) / 1000));
    const running = this.resendRemaining > 0;
    this.resendRemaining = remaining;
    if (remaining > 0) this.#schedule();
    else if (running) this.#announce(() => this.#localize.term('signaturePromptResendReady'));
  };

  #message(text: () => string): LiveMessage {
    this.#messageId += 1;
    return { id: this.#messageId, text };
  }

  #announce(text: () => string): void {
    this.announcement = this.#message(text);
  }

  // ── handlers ──

  #onProviderChange(event: Event): void {
    this.provider = (event.target as HTMLInputElement).value as KycSignProvider;
    this.destinationProblem = null;
  }

  #onDestinationInput(event: Event): void {
    if (this.provider) this.#typed[this.provider] = (event.target as HTMLInputElement).value;
    this.destinationProblem = null;
  }

  #onSend(event: SubmitEvent): void {
    event.preventDefault();
    const { request, provider } = this;
    if (this.busy || !request || !provider) return;
    if (request.destinations[provider]) {
      this.#requestCode(provider, undefined);
      return;
    }
    const destination = this.#typedDestination(provider);
    if (destination === undefined) {
      this.destinationProblem = this.#typed[provider]?.trim() ? 'invalid' : 'required';
      this.#refused('destination');
      return;
    }
    this.#requestCode(provider, destination);
  }

  #onResend(): void {
    const provider = this.request?.sentWith;
    if (this.busy || !provider || this.resendRemaining > 0) return;
    this.#requestCode(provider, this.#typedDestination(provider));
  }

  /** The destination typed for `provider`, normalised, when it is a valid one. */
  #typedDestination(provider: KycSignProvider): string | undefined {
    const typed = this.#typed[provider];
    return (typed && normalisedDestination(provider, typed)) ?? undefined;
  }

  #requestCode(provider: KycSignProvider, destination: string | undefined): void {
    this.#awaitingSend = true;
    this.dispatchEvent(new KycCodeSendEvent(destination === undefined ? { provider } : { provider, destination }));
  }

  #onCodeInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const digits = digitsOf(input.value).slice(0, CODE_LENGTH);
    if (digits !== input.value) input.value = digits;
    this.code = digits;
    this.codeInvalid = false;
  }

  /** Keeps the digits of pasted text, which `maxlength` alone would cut before them ("Code: 111111"). */
  #onCodePaste(event: ClipboardEvent): void {
    const pasted = pastedCode(event.clipboardData?.getData('text') ?? '');
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const whole = pasted.length >= CODE_LENGTH;
    const code = (whole ? pasted : input.value.slice(0, start) + pasted + input.value.slice(end)).slice(0, CODE_LENGTH);
    const caret = whole ? code.length : Math.min(start + pasted.length, code.length);
    input.value = code;
    input.setSelectionRange(caret, caret);
    this.code = code;
    this.codeInvalid = false;
  }

  #onConfirm(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || !this.request?.sentWith) return;
    if (this.code.length !== CODE_LENGTH) {
      this.codeInvalid = true;
      this.#refused('code');
      return;
    }
    this.dispatchEvent(new KycCodeSubmitEvent({ code: this.code }));
  }

  #onCancel(): void {
    this.dispatchEvent(new KycSignatureCancelEvent());
  }

  /** After a refused attempt: focus its field, and announce its message again even when unchanged. */
  #refused(field: FocusTarget): void {
    this.#attempt += 1;
    this.#focusNext = field;
    this.requestUpdate();
  }

  // ── render ──

  override render(): TemplateResult {
    const request = this.request;
    if (!request) return html``;
    const total = request.groups.length;
    return html`
      <section part="base" class="base" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 part="title" id="title" class="title" tabindex="-1">${this.#localize.term('signTitle')}</h2>
        ${
          total > 1
            ? html`<p part="progress" class="progress">
              ${this.#localize.term('signaturePromptProgress', request.index + 1, total)}
            </p>`
            : nothing
        }
        <p class="intro">${this.#localize.term('signIntro')}</p>
        <div class="confirmation" role="status">${this.#renderMessage(this.confirmation)}</div>
        ${request.sentWith ? this.#renderCodeForm() : this.#renderSendForm(request)}
        <div class="visually-hidden" role="status">${this.#renderMessage(this.announcement)}</div>
      </section>
    `;
  }

  #renderMessage(message: LiveMessage | null) {
    return message ? keyed(message.id, html`<p>${message.text()}</p>`) : nothing;
  }

  #renderSendForm(request: SignatureRequest): TemplateResult {
    const group = request.groups[request.index] ?? [];
    const provider = this.provider;
    const known = provider ? request.destinations[provider] : undefined;
    return html`
      <form part="form" novalidate @submit=${this.#onSend}>
        ${
          group.length > 1
            ? html`<fieldset class="providers">
              <legend>${this.#localize.term('chooseProvider')}</legend>
              ${group.map(
                (option) => html`<label class="choice">
                  <input
                    type="radio"
                    name="provider"
                    value=${option}
                    .checked=${live(option === provider)}
                    @change=${this.#onProviderChange}
                  />
                  ${this.#localize.term(option === 'sms' ? 'providerSms' : 'providerEmail')}
                </label>`,
              )}
            </fieldset>`
            : nothing
        }
        ${
          provider === null
            ? nothing
            : known
              ? html`<p class="destination">${this.#localize.term('signaturePromptSendTo', known)}</p>`
              : this.#renderDestinationInput(provider)
        }
        ${this.error ? html`<p id="error" part="error" class="form-control__error" role="alert">${this.error}</p>` : nothing}
        <div part="actions" class="actions">
          <button
            part="button-send"
            class="button button--primary"
            type="submit"
            ?disabled=${this.busy}
            aria-describedby=${ifDefined(this.error ? 'error' : undefined)}
          >
            ${this.#localize.term('sendCode')}
          </button>
          ${this.#renderCancel()}
        </div>
      </form>
    `;
  }

  #renderDestinationInput(provider: KycSignProvider): TemplateResult {
    const phone = provider === 'sms';
    const problem = this.destinationProblem;
    const message =
      problem === 'required'
        ? this.#localize.term('fieldRequired')
        : problem === 'invalid'
          ? this.#localize.term(phone ? 'invalidPhone' : 'invalidEmail')
          : '';
    const describedBy = [phone ? 'destination-hint' : '', message ? 'destination-error' : ''].filter(Boolean).join(' ');
    return html`
      <div class="form-control">
        <label class="form-control__label" for="destination">
          ${this.#localize.term(phone ? 'destinationPhoneLabel' : 'destinationEmailLabel')}<span
            class="form-control__required"
            aria-hidden="true"
            >*</span
          >
        </label>
        ${
          phone ? html`<p id="destination-hint" class="form-control__help">${this.#localize.term('signaturePromptPhoneHint')}</p>` : nothing
        }
        <input
          id="destination"
          class="input"
          type=${phone ? 'tel' : 'email'}
          autocomplete=${phone ? 'tel' : 'email'}
          spellcheck="false"
          required
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          .value=${live(this.#typed[provider] ?? '')}
          @input=${this.#onDestinationInput}
        />
        ${message ? keyed(this.#attempt, html`<p id="destination-error" class="form-control__error" role="alert">${message}</p>`) : nothing}
      </div>
    `;
  }

  #renderCodeForm(): TemplateResult {
    const message = this.codeInvalid ? this.#localize.term('signaturePromptCodeFormat', CODE_LENGTH) : this.error;
    const remaining = this.resendRemaining;
    return html`
      <form part="form" novalidate @submit=${this.#onConfirm}>
        <div class="form-control">
          <label class="form-control__label" for="code">
            ${this.#localize.term('codeLabel')}<span class="form-control__required" aria-hidden="true">*</span>
          </label>
          <p id="code-hint" class="form-control__help">${this.#localize.term('codeHint')}</p>
          <input
            id="code"
            part="code"
            class="input code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern=${`[0-9]{${CODE_LENGTH}}`}
            maxlength=${CODE_LENGTH}
            spellcheck="false"
            required
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${message ? 'code-hint code-error' : 'code-hint'}
            .value=${live(this.code)}
            @input=${this.#onCodeInput}
            @paste=${this.#onCodePaste}
          />
          ${
            message
              ? keyed(this.#attempt, html`<p id="code-error" part="error" class="form-control__error" role="alert">${message}</p>`)
              : nothing
          }
        </div>
        <div part="actions" class="actions">
          <button part="button-confirm" class="button button--primary" type="submit" ?disabled=${this.busy}>
            ${this.#localize.term('confirmCode')}
          </button>
          <button
            part="button-resend"
            class="button button--secondary"
            type="button"
            ?disabled=${this.busy || remaining > 0}
            aria-describedby=${ifDefined(remaining > 0 ? 'countdown' : undefined)}
            @click=${this.#onResend}
          >
            ${this.#localize.term('resendCode')}
          </button>
          ${this.#renderCancel()}
        </div>
        ${remaining > 0 ? html`<p id="countdown" class="countdown">${this.#localize.term('resendIn', remaining)}</p>` : nothing}
      </form>
    `;
  }

  #renderCancel(): TemplateResult {
    return html`<button
      part="button-cancel"
      class="button button--secondary"
      type="button"
      ?disabled=${this.busy}
      @click=${this.#onCancel}
    >
      ${this.#localize.term('cancel')}
    </button>`;
  }
}
