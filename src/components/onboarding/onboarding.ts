import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { createKycClient, type KycApiError, type KycClient, type KycApplicationQuestion } from '../../api/index.js';
import { KycErrorEvent } from '../../events/events.js';
import { KycElement } from '../../internal/kyc-element.js';
import { answerText } from '../../internal/answer.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { rootThemeStyles } from '../../styles/tokens.styles.js';
import { LocalizeController, type TranslationOverrides } from '../../utilities/localize.js';
import { KycQuestion, type FileUploadSettings } from '../question/question.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_PHOTO_MAX_SIDE } from '../../internal/upload-limits.js';
import { errorText } from '../../internal/error-text.js';
import { clientContext } from '../../context/client-context.js';
import { clockContext } from '../../context/clock-context.js';
import { ProvidedValue } from '../../context/controllers.js';
import { flowContext } from '../../context/flow-context.js';
import { translationsContext } from '../../context/translations-context.js';
import { backSideKeys, backSideOf } from '../../flow/documents.js';
import { FlowController, type FlowScreen } from '../../flow/flow-controller.js';
import { onboardingStyles } from './onboarding.styles.js';

/** The parts of `<kyc-question>` the root re-exports as `question__<part>`. */
const QUESTION_PARTS = [
  'base',
  'label',
  'help',
  'control',
  'error',
  'note',
  'answer',
  'placeholder',
  'document',
  'document-text',
  'document-link',
  'status',
  'retry-button',
  'combobox-input',
  'combobox-expand-icon',
  'combobox-listbox',
  'combobox-option',
  'combobox-message',
  'liveness-frame',
  'liveness-status',
  'liveness-retry-button',
  'liveness-link',
  'liveness-qr-code',
  'upload',
  'upload-files',
  'upload-file',
  'upload-thumbnail',
  'upload-progress',
  'upload-message',
  'upload-actions',
  'upload-button-choose',
  'upload-button-camera',
  'upload-button-remove',
  'upload-button-cancel',
  'upload-button-retry',
] as const;
/** The parts of `<kyc-signature-prompt>` the root re-exports as `signature__<part>`. */
const SIGNATURE_PARTS = [
  'base',
  'title',
  'progress',
  'form',
  'code',
  'error',
  'actions',
  'button-send',
  'button-confirm',
  'button-resend',
  'button-cancel',
] as const;

/** An `exportparts` value that re-exports `parts` with `prefix__`. */
const exportParts = (prefix: string, parts: readonly string[]): string => parts.map((part) => `${part}: ${prefix}__${part}`).join(', ');
const QUESTION_EXPORTPARTS = exportParts('question', QUESTION_PARTS);
const SIGNATURE_EXPORTPARTS = exportParts('signature', SIGNATURE_PARTS);

/** A message of the error summary: the question it concerns (when known) and the text. */
interface SummaryItem {
  key: string | null;
  title: string | null;
  message: string;
}

/**
 * @summary The whole KYC onboarding flow: level choice, the server-defined questionnaire,
 * signatures, review, sending to review and the outcome. Talks only to the host's `endpoint`.
 * @tag kyc-onboarding
 * @status experimental
 * @since 0.1
 *
 * @event {KycReadyEvent} kyc-ready - The first load is done. Detail: `{applicationUuid, levelUuid, status}`.
 * @event {KycLevelSelectEvent} kyc-level-select - The person chose a level. Detail: `{levelUuid}`.
 * @event {KycApplicationCreateEvent} kyc-application-create - An application was created. Detail: `{applicationUuid, levelUuid}`.
 * @event {KycStepChangeEvent} kyc-step-change - The person moves to another step (cancelable). Detail: `{from, to, total}`.
 * @event {KycSaveEvent} kyc-save - Answers were stored. Detail: `{applicationUuid, keys}`.
 * @event {KycSignatureRequestEvent} kyc-signature-request - A one-time code was sent to the person. Detail: `{applicationUuid, provider, keys}`.
 * @event {KycSubmitEvent} kyc-submit - The person sends the application to review (cancelable). Detail: `{applicationUuid}`.
 * @event {KycStatusChangeEvent} kyc-status-change - The application's status changed. Detail: `{applicationUuid, status, rawStatus, previous}`.
 * @event {KycCompleteEvent} kyc-complete - The application was approved. Detail: `{applicationUuid, status}`.
 * @event {KycRejectEvent} kyc-reject - The application was rejected (final). Detail: `{applicationUuid, canCreateNew}`.
 * @event {KycLivenessReadyEvent} kyc-liveness-ready - Sumsub's check is on screen. Detail: `{applicationUuid, attributeKey}`.
 * @event {KycLivenessCompleteEvent} kyc-liveness-complete - Sumsub says the person finished; the platform is asked. Detail: `{applicationUuid, attributeKey}`.
 * @event {KycLivenessErrorEvent} kyc-liveness-error - Sumsub reported an error. Detail: `{applicationUuid, attributeKey, code}`.
 * @event {KycUploadProgressEvent} kyc-upload-progress - Bytes of a document upload sent. Detail: `{attributeKey, loaded, total}`.
 * @event {KycErrorEvent} kyc-error - Something failed; the person was told. Detail: `{code, message, recoverable}`.
 *
 * @csspart base - The widget's box.
 * @csspart progress - The step indicator.
 * @csspart title - The heading of the current screen.
 * @csspart body - The content of the current screen.
 * @csspart actions - The row of buttons.
 * @csspart button-back - The Back button.
 * @csspart button-continue - The Continue / primary button.
 * @csspart error-summary - The list of problems shown after a refused step.
 * @csspart question__base - Re-exported from each `<kyc-question>`: the question's wrapper.
 * @csspart question__label - Re-exported: the question's title.
 * @csspart question__help - Re-exported: the question's description.
 * @csspart question__control - Re-exported: the question's input, textarea, combobox or checkbox.
 * @csspart question__error - Re-exported: the messages under a question.
 * @csspart question__note - Re-exported: Sumsub's note on an answer.
 * @csspart question__answer - Re-exported: the answer of a read-only question.
 * @csspart question__placeholder - Re-exported: what a document or liveness question will ask.
 * @csspart question__document - Re-exported: a legal document's box.
 * @csspart question__document-text - Re-exported: a legal document's scrollable text.
 * @csspart question__document-link - Re-exported: the link to the full legal document.
 * @csspart question__status - Re-exported: the loading or failure message of options and documents.
 * @csspart question__retry-button - Re-exported: the button that reads failed options or a document again.
 * @csspart question__combobox-input - Re-exported: a long list's text field (likewise `question__combobox-expand-icon`, `-listbox`, `-option`, `-message`).
 * @csspart question__liveness-frame - Re-exported: the box of Sumsub's check (likewise `question__liveness-status`, `-retry-button`, `-link`, `-qr-code`).
 * @csspart question__upload - Re-exported: a document's file box (likewise `question__upload-files`, `-file`, `-thumbnail`, `-progress`, `-message`, `-actions`, `-button-choose`, `-button-camera`, `-button-remove`, `-button-cancel`, `-button-retry`).
 * @csspart signature__base - Re-exported from `<kyc-signature-prompt>`: the panel.
 * @csspart signature__title - Re-exported: the prompt's heading.
 * @csspart signature__progress - Re-exported: "Code 1 of 2".
 * @csspart signature__form - Re-exported: the form of the current stage.
 * @csspart signature__code - Re-exported: the one-time code input.
 * @csspart signature__error - Re-exported: the message of a refused code.
 * @csspart signature__actions - Re-exported: the prompt's row of buttons.
 * @csspart signature__button-send - Re-exported: "Send code".
 * @csspart signature__button-confirm - Re-exported: "Confirm".
 * @csspart signature__button-resend - Re-exported: "Send a new code".
 * @csspart signature__button-cancel - Re-exported: "Cancel".
 *
 */
export class KycOnboarding extends KycElement {
  static override styles = [formControlStyles, rootThemeStyles, onboardingStyles];
  static override dependencies = { 'kyc-question': KycQuestion };
  /** @internal Loaded when first needed (chunks of their own in the CDN build). */
  static override lazyDependencies = {
    'kyc-signature-prompt': () => import('../signature-prompt/signature-prompt.js').then((module) => module.KycSignaturePrompt),
  };

  // ── public properties ─────────────────────────────────────────────────────

  /** Base URL of the host endpoint (the partner's proxy), e.g. `/kyc`. Required. */
  @property() endpoint = '';
  /** Sent as `legal_entity_uuid` (the proxy may overwrite it). */
  @property({ attribute: 'legal-entity-uuid' }) legalEntityUuid: string | null = null;
  /** Sent as `client_uuid` (the proxy may overwrite it). */
  @property({ attribute: 'client-uuid' }) clientUuid: string | null = null;
  /**
   * Resume this application (otherwise the client's last open one). The host proxy lets a person
   * open only their latest application unless the partner's `authorizeApplication` allows others.
   */
  @property({ attribute: 'application-uuid' }) applicationUuid: string | null = null;
  /** Preselect this level on the level choice. */
  @property({ attribute: 'level-uuid' }) levelUuid: string | null = null;
  /** URL answering POST with `{token, expires_in?}`, for a bearer token (cross-origin embeds). */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint: string | null = null;
  /** Gives a bearer token; wins over `token-endpoint`. */
  @property({ attribute: false }) tokenProvider: (() => Promise<string>) | null = null;
  /** Path of the send-code endpoint when the platform's differs from `/v1/signatures/send-code/`. */
  @property({ attribute: 'sign-code-path' }) signCodePath: string | null = null;
  /** `light` (default), `dark`, or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** First interval of the review polling, in milliseconds. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 5000;
  /**
   * What the widget schedules by (the review polling, the resend countdown, the wait for Sumsub's
   * check): the system's clock by default. A host or a test that controls time gives its own (`now`, `setTimeout`,
   * `clearTimeout`).
   */
  @property({ attribute: false }) clock: KycClock = systemClock;
  /**
   * Per-language overrides of the texts: `{ de: { continue: 'Weiter' } }`, for the widget and every
   * element inside it (one that has `translations` of its own keeps them).
   */
  @property({ attribute: false }) translations: TranslationOverrides | undefined;
  /** Largest document file accepted, in bytes (64 MiB, Sumsub's limit, by default). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize: number = DEFAULT_MAX_FILE_BYTES;
  /** Longest side of a document photo after the fix-up, in pixels. */
  @property({ type: Number, attribute: 'photo-max-side' }) photoMaxSide: number = DEFAULT_PHOTO_MAX_SIDE;
  /** Send document photos exactly as chosen (no turning, scaling or re-encoding). */
  @property({ type: Boolean, attribute: 'original-photos' }) originalPhotos = false;

  // ── state ─────────────────────────────────────────────────────────────────

  readonly #localize = new LocalizeController(this);
  readonly #flow = new FlowController(this);
  #client: KycClient | null = null;
  /** Problems shown in the error summary (client-side checks or the platform's refusal). */
  @state() private summary: SummaryItem[] = [];
  #chosenLevel: string | null = null;
  /** The settings last given to the questions (the same object while nothing changed). */
  #settings: FileUploadSettings | null = null;
  #lastScreen: FlowScreen['name'] | null = null;
  #lastStepIndex: number | null = null;
  #screenChanged = false;
  /** The flow's notice the summary was last derived from. */
  #lastNotice: KycApiError | null = null;
  /** The language of the live region's last announcement. */
  #announcedIn = '';
  /** A refusal just filled the summary: focus it after the render. */
  #summaryArrived = false;
  /**
   * Whether the person is working in the widget: focus came in, and neither moved to something
   * else of the page nor did the person press elsewhere. A control disabled or removed while its
   * request runs drops the focus to the body, which is not leaving.
   */
  #engaged = false;

  constructor() {
    super();
    // What the elements inside take by context (an element may have its own set instead, see
    // InheritedProperty): the flow, the client, the text overrides and the clock.
    new ProvidedValue(this, flowContext, () => this.#flow, { everyUpdate: true });
    new ProvidedValue(this, clientContext, () => this.#client);
    new ProvidedValue(this, translationsContext, () => this.translations);
    new ProvidedValue(this, clockContext, () => this.clock);
    this.addEventListener('focusin', () => (this.#engaged = true));
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && next !== this && !this.contains(next)) this.#engaged = false;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onPagePointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onPagePointerDown, true);
  }

  /** The flow's state (read-only for hosts and tests). */
  get flow(): FlowController {
    return this.#flow;
  }

  /**
   * Asks the platform now instead of at the next poll, while the widget waits for it: for the
   * review's decision, or for a liveness check taken on another device. Call it when your backend
   * learns of a decision (a webhook, say). Elsewhere it does nothing: the person's answers are on
   * screen, and nothing they typed is replaced.
   */
  refresh(): void {
    this.#flow.checkNow();
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#flow.documents.configure({ maxFileSize: this.maxFileSize, photoMaxSide: this.photoMaxSide, originalPhotos: this.originalPhotos });
    // The code prompt's code arrives with the first request for a code (tried again if it failed).
    if (this.#flow.signature) this.need('kyc-signature-prompt').catch(() => undefined);
    const settings = [
      'endpoint',
      'legalEntityUuid',
      'clientUuid',
      'applicationUuid',
      'tokenEndpoint',
      'tokenProvider',
      'signCodePath',
      'pollInterval',
      'clock',
    ] as const;
    if (settings.some((name) => changed.has(name))) this.#restart();
    const { screen } = this.#flow;
    const index = screen.name === 'step' ? screen.index : null;
    this.#screenChanged = screen.name !== this.#lastScreen || index !== this.#lastStepIndex;
    if (this.#screenChanged) {
      this.#lastScreen = screen.name;
      this.#lastStepIndex = index;
      this.summary = [];
    }
    // A refusal of the platform on a step (after Continue, a signed save or the submission) is
    // listed in the error summary, whichever move brought it.
    const { notice } = this.#flow;
    if (notice !== this.#lastNotice) {
      this.#lastNotice = notice;
      if (notice?.code === 'validation' && screen.name === 'step') {
        this.summary = this.#summaryOf(notice);
        this.#summaryArrived = true;
      }
    }
  }

  protected override updated(): void {
    const lang = this.#localize.lang();
    if (lang !== this.#announcedIn) {
      // An announcement made in another language must not stay in a region now marked with this one.
      this.#announcedIn = lang;
      const status = this.renderRoot.querySelector('#status');
      if (status) status.textContent = '';
    }
    if (this.#summaryArrived) {
      this.#summaryArrived = false;
      this.#screenChanged = false;
      this.#focusSummary();
      return;
    }
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (!this.#screenChanged) {
      // Same screen, but the button that had focus was disabled or removed (a failed save, a
      // closed code prompt): give focus back where the person can go on.
      // Checked again once the current task is over: a control being edited (a date field moving
      // between its segments) may report no focus for a moment, and must not lose it.
      if (this.#engaged && dropped && !this.#flow.busy) {
        setTimeout(() => {
          const active = document.activeElement;
          if (!this.isConnected || !this.#engaged || this.#flow.busy || (active !== null && active !== document.body)) return;
          const target =
            this.renderRoot.querySelector<HTMLElement>('#notice') ??
            this.renderRoot.querySelector<HTMLElement>('[part~="button-continue"]:not([disabled])') ??
            this.renderRoot.querySelector<HTMLElement>('#heading');
          target?.focus();
        });
      }
      return;
    }
    this.#screenChanged = false;
    // A new screen: focus its heading when the person is working in the widget; otherwise (the
    // first render, a change found by polling while they are elsewhere) only announce it.
    const heading = this.renderRoot.querySelector<HTMLElement>('#heading');
    if (this.matches(':focus-within') || (this.#engaged && dropped)) heading?.focus();
    else {
      const status = this.renderRoot.querySelector('#status');
      if (status) status.textContent = heading?.textContent?.trim() ?? '';
    }
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const { screen } = this.#flow;
    return html`
      <section
        part="base"
        class="base"
        dir=${this.#localize.dir()}
        lang=${this.#localize.lang()}
        aria-busy=${this.#flow.busy ? 'true' : 'false'}
        aria-labelledby="heading"
      >
        ${screen.name === 'step' ? this.#renderProgress(screen.index) : nothing}
        ${this.#renderScreen(screen)}
        <div id="status" class="visually-hidden" role="status" aria-live="polite"></div>
      </section>
    `;
  }

  #renderScreen(screen: FlowScreen): TemplateResult {
    if (!this.endpoint) {
      // Misconfigured by the page (reported to it as kyc-error `configuration`): say so, never "Loading…".
      return html`${this.#heading(this.#localize.term('errorSummaryTitle'))}
        <p part="body">${this.#localize.term('errorUnknown')}</p>`;
    }
    switch (screen.name) {
      case 'loading':
        return this.#heading(this.#localize.term('loading'));
      case 'failed':
        return html`
          ${this.#heading(this.#localize.term('errorSummaryTitle'))}
          <p part="body">${errorText(this.#localize, screen.error)}</p>
          <div class="actions" part="actions">
            <button class="button button--primary" part="button-continue" @click=${() => this.#flow.retry()}>
              ${this.#localize.term('retry')}
            </button>
          </div>
        `;
      case 'not-allowed':
        return html`${this.#heading(this.#localize.term('notAllowedTitle'))}
          <p part="body">${this.#localize.term('notAllowedBody')}</p>`;
      case 'levels':
        return this.#renderLevels(screen);
      case 'step':
        return this.#renderStep(screen.index);
      case 'review':
        return this.#renderReview();
      case 'waiting':
        return html`
          ${this.#heading(this.#localize.term('inReviewTitle'))}
          <div class="stack" part="body">
            <p>${this.#localize.term('inReviewBody')}</p>
            ${this.#renderNotice()}
          </div>
        `;
      case 'outcome':
        return this.#renderOutcome(screen.status);
    }
  }

  #heading(text: string): TemplateResult {
    // dir=auto: a heading may be the platform's text (a step title) in another script than the widget's.
    return html`<h2 id="heading" part="title" tabindex="-1" dir="auto">${text}</h2>`;
  }

  #renderProgress(index: number): TemplateResult {
    const steps = this.#flow.steps;
    return html`
      <nav class="progress" part="progress" aria-label=${this.#localize.term('stepsLabel')}>
        <p class="muted">${this.#localize.term('stepOf', index + 1, steps.length)}</p>
        <progress max=${steps.length} value=${index + 1} aria-hidden="true"></progress>
        <ol>
          ${steps.map(
            (step, i) => html`<li class=${i < index ? 'done' : ''} aria-current=${i === index ? 'step' : 'false'} dir="auto">
              ${step.title}
            </li>`,
          )}
        </ol>
      </nav>
    `;
  }

  #renderLevels(screen: Extract<FlowScreen, { name: 'levels' }>): TemplateResult {
    if (screen.levels.length === 0) {
      return html`${this.#heading(this.#localize.term('chooseLevelTitle'))}
        <p part="body">${this.#localize.term('noLevels')}</p>`;
    }
    const chosen =
      screen.levels.find((level) => level.uuid === this.#chosenLevel) ??
      screen.levels.find((level) => level.uuid === this.levelUuid) ??
      screen.levels[0];
    return html`
      ${this.#heading(this.#localize.term('chooseLevelTitle'))}
      <div class="stack" part="body">
        ${screen.currentLevel?.name ? html`<p>${this.#localize.term('currentLevel', screen.currentLevel.name)}</p>` : nothing}
        <fieldset class="levels">
          <legend class="muted">${this.#localize.term('chooseLevelIntro')}</legend>
          ${screen.levels.map(
            (level, index) => html`
              <label class="level">
                <input
                  type="radio"
                  name="level"
                  .value=${level.uuid}
                  .checked=${level.uuid === chosen.uuid}
                  @change=${() => (this.#chosenLevel = level.uuid)}
                />
                <strong dir="auto">${level.name ?? this.#localize.term('unnamedLevel', index + 1)}</strong>
                ${level.description ? html`<span class="muted" dir="auto">${level.description}</span>` : nothing}
              </label>
            `,
          )}
        </fieldset>
        ${this.#renderNotice()}
      </div>
      <div class="actions" part="actions">
        <button
          class="button button--primary"
          part="button-continue"
          ?disabled=${this.#flow.busy !== null}
          @click=${() => this.#flow.selectLevel(this.#chosenLevel ?? chosen.uuid)}
        >
          ${this.#localize.term('startVerification')}
        </button>
      </div>
    `;
  }

  #renderStep(index: number): TemplateResult {
    const flow = this.#flow;
    const step = flow.steps[index];
    const application = flow.application!;
    const busy = flow.busy !== null;
    const backSides = backSideKeys(step.questions); // asked beside their front side
    return html`
      ${this.#heading(step.title)}
      <div class="stack" part="body">
        ${step.description ? html`<p class="muted" dir="auto">${step.description}</p>` : nothing}
        ${application.status === 'pending' ? this.#renderCorrection() : nothing} ${this.#renderSummary()}
        ${this.summary.length > 0 ? nothing : this.#renderNotice()}
        ${
          flow.unsavedAnswers
            ? html`<div class="panel panel--warning" role="alert"><p>${this.#localize.term('unsavedAnswers')}</p></div>`
            : nothing
        }
        <div
          class="questions"
          @input=${this.#onAnswer}
          @change=${this.#onAnswer}
          @kyc-liveness-complete=${() => this.#flow.checkNow()}
        >
          ${repeat(
            step.questions.filter((question) => !backSides.has(question.attribute.key)),
            (question) => question.attribute.key,
            (question) => this.#renderQuestionOrSides(question, step.questions),
          )}
        </div>
        ${this.#renderSignature()}
      </div>
      <div class="actions" part="actions">
        ${
          index > 0
            ? html`<button class="button button--secondary" part="button-back" ?disabled=${busy} @click=${() => flow.back()}>
              ${this.#localize.term('back')}
            </button>`
            : nothing
        }
        ${
          flow.signature
            ? nothing
            : html`<button
              class="button button--primary"
              part="button-continue"
              ?disabled=${busy}
              @click=${this.#onContinue}
            >
              ${flow.busy === 'saving' ? this.#localize.term('saving') : this.#localize.term('continue')}
            </button>`
        }
      </div>
    `;
  }

  /** The one-time code prompt, while a save or the submission waits for codes. */
  #renderSignature(): TemplateResult | typeof nothing {
    const flow = this.#flow;
    if (!flow.signature) return nothing;
    return html`<kyc-signature-prompt
      exportparts=${SIGNATURE_EXPORTPARTS}
      .request=${flow.signature}
      .busy=${flow.busy !== null}
      .error=${flow.notice?.code === 'signature_invalid' ? errorText(this.#localize, flow.notice) : ''}
      @kyc-code-send=${(event: CustomEvent<{ provider: 'sms' | 'email'; destination?: string }>) =>
        this.#flow.sendCode(event.detail.provider, event.detail.destination)}
      @kyc-code-submit=${(event: CustomEvent<{ code: string }>) => this.#flow.confirmCode(event.detail.code)}
      @kyc-signature-cancel=${() => this.#flow.cancelSignature()}
    ></kyc-signature-prompt>`;
  }

  /** A question; a document's front side with its back side (from `questions`) beside it. */
  #renderQuestionOrSides(question: KycApplicationQuestion, questions: readonly KycApplicationQuestion[]): TemplateResult {
    const back = backSideOf(question, questions);
    if (!back) return this.#renderQuestion(question);
    const frontKey = question.attribute.key;
    const { documents } = this.#flow;
    const single = documents.noBackSide.has(frontKey);
    // No back side: the front picture goes again as the back side (unless the flow needs it asked).
    const reuse = documents.backFromFront(question, back);
    return html`<div class="sides">
      <div class="sides__pair">
        ${this.#renderQuestion(question)} ${reuse ? nothing : this.#renderQuestion(back)}
      </div>
      <label class="choice">
        <input
          type="checkbox"
          .checked=${single}
          ?disabled=${!this.#flow.editable || this.#flow.busy !== null}
          @change=${(event: Event) => documents.setNoBackSide(frontKey, (event.target as HTMLInputElement).checked)}
        />
        <span>${this.#localize.term('noBackSide')}</span>
      </label>
      ${single ? html`<p class="muted">${this.#localize.term(reuse ? 'noBackSideHelp' : 'noBackSideFrontAgain')}</p>` : nothing}
      ${
        single && documents.backSideError
          ? html`<p class="message message--danger" role="alert">${errorText(this.#localize, documents.backSideError)}</p>`
          : nothing
      }
    </div>`;
  }

  #renderQuestion(question: KycApplicationQuestion): TemplateResult {
    const { attribute } = question;
    return html`<kyc-question
      data-key=${attribute.key}
      exportparts=${QUESTION_EXPORTPARTS}
      .question=${question}
      .value=${this.#flow.valueOf(attribute) ?? ''}
      .errors=${this.#flow.errorsOf(attribute)}
      .upload=${this.#uploadSettings()}
      .documentFiles=${attribute.type === 'document' ? this.#flow.documents.filesOf(attribute.key) : null}
      application-uuid=${this.#flow.application?.uuid ?? ''}
      sumsub-theme=${this.#sumsubTheme()}
      ?disabled=${!this.#flow.editable}
    ></kyc-question>`;
  }

  #renderCorrection(): TemplateResult {
    const application = this.#flow.application!;
    const remarks = application.steps.flatMap((step) => step.questions).filter((q) => q.attribute.errors.length > 0).length;
    return html`
      <div class="panel panel--warning" role="note">
        <h3>${this.#localize.term('pendingTitle')}</h3>
        <p>${this.#localize.term(remarks > 0 || !application.comment ? 'pendingBody' : 'pendingBodyNoRemarks')}</p>
        ${
          application.comment
            ? html`<p><strong>${this.#localize.term('reviewerComment')}</strong></p>
              <p class="comment" dir="auto">${application.comment}</p>`
            : nothing
        }
        ${remarks > 0 ? html`<p class="muted">${this.#localize.term('remarksCount', remarks)}</p>` : nothing}
      </div>
    `;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (this.summary.length === 0) return nothing;
    return html`
      <div class="panel panel--danger" part="error-summary" id="error-summary" tabindex="-1" aria-labelledby="summary-title">
        <h3 id="summary-title">${this.#localize.term('errorSummaryTitle')}</h3>
        <ul>
          ${this.summary.map(
            (item) => html`<li>
              ${
                item.key
                  ? html`<button class="link" @click=${() => this.#focusQuestion(item.key!)}>
                    ${item.title ? this.#localize.term('errorSummaryItem', item.title, item.message) : item.message}
                  </button>`
                  : item.message
              }
            </li>`,
          )}
        </ul>
      </div>
    `;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const notice = this.#flow.notice;
    if (!notice || notice.code === 'signature_invalid') return nothing;
    return html`<div id="notice" class="panel panel--danger" role="alert" tabindex="-1"><p>${errorText(this.#localize, notice)}</p></div>`;
  }

  #renderReview(): TemplateResult {
    const flow = this.#flow;
    return html`
      ${this.#heading(this.#localize.term('reviewTitle'))}
      <div class="stack" part="body">
        <p class="muted">${this.#localize.term('reviewIntro')}</p>
        ${flow.application?.status === 'pending' ? this.#renderCorrection() : nothing} ${this.#renderNotice()}
        ${flow.steps.map(
          (step, index) => html`
            <h3 dir="auto">${step.title}</h3>
            <dl class="review">
              ${step.questions.map(
                (question) => html`<div>
                  <dt dir="auto">${question.title}</dt>
                  <dd class="answer" dir="auto">${this.#answerText(question)}</dd>
                  <dd>
                    ${
                      question.attribute.readOnly || !flow.editable
                        ? nothing
                        : html`<button
                          class="link"
                          aria-label=${this.#localize.term('changeAnswer', question.title)}
                          @click=${() => this.#change(index, question.attribute.key)}
                        >
                          ${this.#localize.term('change')}
                        </button>`
                    }
                  </dd>
                </div>`,
              )}
            </dl>
          `,
        )}
        ${this.#renderSignature()}
      </div>
      <div class="actions" part="actions">
        <button class="button button--secondary" part="button-back" ?disabled=${flow.busy !== null} @click=${() => flow.back()}>
          ${this.#localize.term('back')}
        </button>
        ${
          flow.signature
            ? nothing
            : html`<button
              class="button button--primary"
              part="button-continue"
              ?disabled=${flow.busy !== null || !flow.editable}
              @click=${() => flow.submit()}
            >
              ${flow.busy === 'submitting' ? this.#localize.term('saving') : this.#localize.term('sendForReview')}
            </button>`
        }
      </div>
    `;
  }

  #renderOutcome(status: 'approved' | 'rejected' | 'unknown'): TemplateResult {
    const flow = this.#flow;
    if (status === 'approved') {
      return html`${this.#heading(this.#localize.term('approvedTitle'))}
        <div class="panel panel--success" part="body"><p>${this.#localize.term('approvedBody')}</p></div>`;
    }
    if (status === 'rejected') {
      return html`
        ${this.#heading(this.#localize.term('rejectedTitle'))}
        <div class="stack" part="body">
          <p>${this.#localize.term('rejectedBody')}</p>
          ${
            flow.application?.comment
              ? html`<p><strong>${this.#localize.term('reviewerComment')}</strong></p>
                <p class="comment" dir="auto">${flow.application.comment}</p>`
              : nothing
          }
        </div>
        ${
          flow.levelInfo?.allowedToCreateKycApplication
            ? html`<div class="actions" part="actions">
              <button class="button button--primary" part="button-continue" @click=${() => flow.startNewApplication()}>
                ${this.#localize.term('startNewApplication')}
              </button>
            </div>`
            : nothing
        }
      `;
    }
    return html`${this.#heading(this.#localize.term('unknownStatusTitle'))}
      <p part="body">${this.#localize.term('unknownStatusBody', flow.application?.rawStatus ?? '')}</p>`;
  }

  // ── handlers ──────────────────────────────────────────────────────────────

  readonly #onPagePointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.#engaged = false;
  };

  readonly #onAnswer = (event: Event): void => {
    const question = event.target;
    if (!(question instanceof KycQuestion) || !question.question) return;
    this.#flow.setAnswer(question.question.attribute.key, question.value);
  };

  readonly #onContinue = async (): Promise<void> => {
    const questions = [...this.renderRoot.querySelectorAll<KycQuestion>('kyc-question')];
    const invalid = questions.filter((question) => !question.checkValidity());
    if (invalid.length > 0) {
      this.summary = invalid.map((question) => ({
        key: question.question!.attribute.key,
        title: question.question!.title,
        message: question.validationMessage,
      }));
      for (const question of invalid) question.reportValidity();
      await this.updateComplete;
      this.#focusSummary();
      return;
    }
    await this.#flow.continue();
    // A document that could not be made is shown by its question, which takes the focus.
    const failed = this.#flow.documents.failed;
    if (failed) this.#focusQuestion(failed);
  };

  /** Sumsub's theme: the widget's, with `auto` resolved from the system's preference. */
  #sumsubTheme(): 'light' | 'dark' {
    if (this.theme === 'dark') return 'dark';
    return this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  #uploadSettings(): FileUploadSettings {
    const settings = {
      maxFileSize: this.maxFileSize,
      photoMaxSide: this.photoMaxSide,
      originalPhotos: this.originalPhotos,
      locked: this.#flow.busy !== null,
    };
    const cached = this.#settings;
    if (cached && Object.entries(settings).every(([name, value]) => cached[name as keyof FileUploadSettings] === value)) return cached;
    return (this.#settings = settings);
  }

  #change(index: number, key: string): void {
    this.#flow.goToStep(index);
    void this.updateComplete.then(() => this.#focusQuestion(key));
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  #restart(): void {
    if (!this.endpoint) {
      this.dispatchEvent(
        new KycErrorEvent({
          code: 'configuration',
          message: '<kyc-onboarding> needs an endpoint attribute: the URL of the host proxy.',
          recoverable: false,
        }),
      );
      return;
    }
    this.#client = createKycClient({
      endpoint: this.endpoint,
      ...(this.legalEntityUuid ? { legalEntityUuid: this.legalEntityUuid } : {}),
      ...(this.clientUuid ? { clientUuid: this.clientUuid } : {}),
      ...(this.tokenProvider ? { tokenProvider: this.tokenProvider } : {}),
      ...(this.tokenEndpoint ? { tokenEndpoint: this.tokenEndpoint } : {}),
      ...(this.signCodePath ? { paths: { sendCode: this.signCodePath } } : {}),
    });
    void this.#flow.start(this.#client, {
      applicationUuid: this.applicationUuid,
      pollIntervalMs: this.pollInterval,
      clock: this.clock,
    });
  }

  /** The platform's refusal as summary items: per question where it names one, else general. */
  #summaryOf(error: KycApiError): SummaryItem[] {
    const items: SummaryItem[] = [];
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const question = this.#flow.questionOf(key);
      for (const message of messages) items.push({ key: question ? key : null, title: question?.title ?? null, message });
    }
    for (const message of error.nonFieldErrors) items.push({ key: null, title: null, message });
    return items.length > 0 ? items : [{ key: null, title: null, message: errorText(this.#localize, error) }];
  }

  #answerText(question: KycApplicationQuestion): string {
    const value = this.#flow.valueOf(question.attribute) ?? '';
    return answerText(this.#localize, question, value, this.#flow.labels[question.attribute.key]?.[value] ?? null);
  }

  #focusSummary(): void {
    this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  /** Focuses a question, going first to its step when it is on another one. */
  #focusQuestion(key: string): void {
    const field = this.renderRoot.querySelector<KycQuestion>(`kyc-question[data-key="${CSS.escape(key)}"]`);
    if (field) {
      field.focus();
      return;
    }
    const { screen } = this.#flow;
    const index = this.#flow.stepOf(key);
    if (index !== null && !(screen.name === 'step' && screen.index === index)) this.#change(index, key);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-onboarding': KycOnboarding;
  }
}
