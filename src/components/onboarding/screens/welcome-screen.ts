import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KycApplicationQuestion, KycClient, KycStep } from '../../../api/index.js';
import { signatureGroups } from '../../../flow/signatures.js';
import { isLiveness } from '../../../internal/answer.js';
import type { TextTermKey } from '../../../utilities/localize.js';
import { heading } from './parts.js';
import { KycScreen } from './screen.js';
import '../../../translations/en-screens.js'; // the welcome's English words

/** Seconds a person takes on a question, by attribute type (reading included); others: a short typed answer. */
const SECONDS_BY_TYPE: Readonly<Record<string, number>> = {
  boolean: 10,
  reference_data: 15,
  date: 20,
  legal_document: 45,
  document: 90,
};
const SECONDS_PER_ANSWER = 20;
const SECONDS_PER_CODE = 60;
const SECONDS_FOR_LIVENESS = 180;

/**
 * An honest estimate of the minutes a level's steps take: each question by its kind (a typed
 * answer, a choice, a legal text to read, a document to photograph, the liveness check), and each
 * code to type (one per step and group of providers its signed answers need, and the submission's),
 * rounded up.
 */
export function minutesFor(steps: readonly KycStep[], signedOnSubmit: boolean): number {
  let seconds = signedOnSubmit ? SECONDS_PER_CODE : 0;
  let liveness = false;
  for (const step of steps) {
    for (const { attribute } of step.questions) {
      if (isLiveness(attribute)) liveness = true;
      else if (!attribute.readOnly) seconds += SECONDS_BY_TYPE[attribute.type] ?? SECONDS_PER_ANSWER;
    }
    seconds += signatureGroups(step.questions.map((question) => question.attribute)).length * SECONDS_PER_CODE;
  }
  if (liveness) seconds += SECONDS_FOR_LIVENESS;
  return Math.max(1, Math.ceil(seconds / 60));
}

const IDENTITY = /^(passport|id_card|driver_license|residence_permit)/;

/** What a person will need for these questions, as the welcome lists it. */
export function needsOf(questions: readonly KycApplicationQuestion[], client: KycClient | null): TextTermKey[] {
  const attributes = questions.map((question) => question.attribute);
  const documents = attributes.filter((attribute) => attribute.type === 'document').map((attribute) => attribute.key);
  const providers = new Set(attributes.flatMap((attribute) => attribute.signProviders));
  const submit = client?.platform.submitSignature;
  if (submit) providers.add(submit);
  const needs: TextTermKey[] = ['needAnswers'];
  if (documents.some((key) => IDENTITY.test(key))) needs.push('needIdentityDocument');
  if (documents.includes('proof_of_address')) needs.push('needProofOfAddress');
  if (documents.includes('proof_of_funds')) needs.push('needProofOfFunds');
  if (documents.some((key) => !IDENTITY.test(key) && key !== 'proof_of_address' && key !== 'proof_of_funds'))
    needs.push('needOtherDocuments');
  if (providers.has('sms') || attributes.some((attribute) => attribute.type === 'phone')) needs.push('needPhone');
  if (providers.has('email')) needs.push('needEmail');
  if (attributes.some(isLiveness)) needs.push('needCamera');
  return needs;
}

/**
 * @summary The welcome, before the first step of an application: what the person will need (from
 * the level's questions), how long it takes, the partner's privacy notice, and, when the host asks
 * for it, the consent that must be given before anything of the person's is sent.
 * @internal Rendered by `<kyc-onboarding>` only.
 */
export class KycWelcomeScreen extends KycScreen {
  /** The partner's privacy notice (the widget's `privacy-url`). */
  @property({ attribute: false }) privacyUrl: string | null = null;
  /** The consent text's term (the widget's `consent` attribute); the default text when it names none. */
  @property({ attribute: false }) consentTerm = '';
  /** The client, for the platform's profile (a signed submission asks a code too). */
  @property({ attribute: false }) client: KycClient | null = null;

  /** Start was pressed without the consent given. */
  @state() private consentMissing = false;

  override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    if (!flow || flow.screen.name !== 'welcome') return nothing;
    const localize = this.localize;
    const questions = flow.steps.flatMap((step) => step.questions);
    const asksConsent = flow.awaitingConsent;
    return html`
      ${heading(localize.term('welcomeTitle'))}
      <div class="stack" part="body">
        <p>${localize.term('welcomeIntro')}</p>
        <ul class="needs" part="needs">
          ${needsOf(questions, this.client).map((need) => html`<li>${localize.term(need)}</li>`)}
        </ul>
        <p>${localize.term('welcomeTime', minutesFor(flow.steps, Boolean(this.client?.platform.submitSignature)))}</p>
        <p class="muted">${localize.term('welcomeResume')}</p>
        ${
          this.privacyUrl
            ? html`<p>
              <a class="link" part="privacy-link" href=${this.privacyUrl} target="_blank" rel="noopener noreferrer">
                ${localize.term('welcomePrivacy')} <span class="muted">${localize.term('opensInNewTab')}</span>
              </a>
            </p>`
            : nothing
        }
        ${asksConsent ? this.#renderConsent() : nothing}
      </div>
      <div class="actions" part="actions">
        <button class="button button--primary" part="button-continue" @click=${this.#onStart}>${localize.term('welcomeStart')}</button>
      </div>
    `;
  }

  #renderConsent(): TemplateResult {
    const localize = this.localize;
    const own = this.consentTerm && localize.term(this.consentTerm as TextTermKey);
    const text = own && own !== this.consentTerm ? own : localize.term('consentDefault');
    return html`<div class="consent" part="consent">
      <label class="choice">
        <input
          id="consent"
          type="checkbox"
          part="consent-checkbox"
          required
          aria-invalid=${this.consentMissing ? 'true' : 'false'}
          aria-describedby=${this.consentMissing ? 'consent-error' : nothing}
          @change=${() => (this.consentMissing = false)}
        />
        <span><slot name="consent">${text}</slot></span>
      </label>
      ${this.consentMissing ? html`<p id="consent-error" class="message message--danger" part="consent-error">${localize.term('consentRequired')}</p>` : nothing}
    </div>`;
  }

  readonly #onStart = (): void => {
    const flow = this.flow;
    if (!flow) return;
    const box = this.querySelector<HTMLInputElement>('#consent');
    if (box && !box.checked) {
      this.consentMissing = true;
      void this.updateComplete.then(() => box.focus());
      return;
    }
    flow.begin();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-welcome-screen': KycWelcomeScreen;
  }
}
