import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createKycClient, type KycClient, type KycPlatformProfile } from '../../api/index.js';
import { KycErrorEvent } from '../../events/events.js';
import { KycElement } from '../../internal/kyc-element.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { rootThemeStyles } from '../../styles/tokens.styles.js';
import { LocalizeController, type KycTranslationOverrides } from '../../utilities/localize.js';
import type { FileUploadSettings } from '../question/question.js';
import type { QualityThresholds } from '../../internal/photo-quality.js';
import type { KycContent } from './content.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_PHOTO_MAX_SIDE } from '../../internal/upload-limits.js';
import { errorText } from '../../internal/error-text.js';
import { clientContext } from '../../context/client-context.js';
import { clockContext } from '../../context/clock-context.js';
import { ProvidedValue } from '../../context/controllers.js';
import { flowContext } from '../../context/flow-context.js';
import { translationsContext } from '../../context/translations-context.js';
import { FlowController, type FlowScreen } from '../../flow/flow-controller.js';
import { heading } from './screens/parts.js';
import { GoToQuestionEvent } from './screens/screen.js';
import { FocusController } from './focus-controller.js';
import { onboardingStyles } from './onboarding.styles.js';
import { qrCodeStyles } from '../../styles/qr-code.styles.js';

/** The screens that are elements of their own, by the flow's screen; each loaded when first shown. */
const SCREEN_TAGS: Partial<Record<FlowScreen['name'], string>> = {
  levels: 'kyc-levels-screen',
  welcome: 'kyc-welcome-screen',
  step: 'kyc-step-screen',
  review: 'kyc-review-screen',
  waiting: 'kyc-outcome-screen',
  outcome: 'kyc-outcome-screen',
};

/**
 * @summary The whole KYC onboarding flow: level choice, the server-defined questionnaire,
 * signatures, review, sending to review and the outcome. Talks only to the host's `endpoint`.
 * @tag kyc-onboarding
 * @status experimental
 * @since 0.1
 *
 * @event {KycReadyEvent} kyc-ready - The first load is done. Detail: `{applicationUuid, levelUuid, status}`.
 * @event {KycLevelSelectEvent} kyc-level-select - The person chose a level. Detail: `{levelUuid}`.
 * @event {KycHandoffEvent} kyc-handoff - The person continues on their phone: the link is shown. Detail: `{applicationUuid, url}` (the url is a key: never log it).
 * @event {KycConsentEvent} kyc-consent - The person agreed to the consent text (`consent`), before anything of theirs was sent. Detail: `{applicationUuid, levelUuid}`.
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
 * @event {KycCaptureStartEvent} kyc-capture-start - The document camera's picture shows. Detail: `{attributeKey, shape, side}`.
 * @event {KycCaptureResultEvent} kyc-capture-result - The document camera took a photo and checked it (no image data). Detail: `{attributeKey, shape, side, auto, problems, accepted}`.
 * @event {KycErrorEvent} kyc-error - Something failed; the person was told. Detail: `{code, message, recoverable, correlationId?}`.
 *
 * @csspart base - The widget's box.
 * @csspart progress - The step indicator.
 * @csspart title - The heading of the current screen.
 * @csspart body - The content of the current screen.
 * @csspart actions - The row of buttons.
 * @csspart button-back - The Back button.
 * @csspart button-continue - The Continue / primary button.
 * @csspart button-cancel - "Stop waiting", while a first load takes long.
 * @csspart error-summary - The list of problems shown after a refused step.
 * @csspart handoff - On a document step: the hand-off to a phone (its link, QR code and wait).
 * @csspart handoff-qr-code - The QR code of the hand-off link.
 * @csspart handoff-link - The hand-off link.
 * @csspart button-handoff - "Continue on your phone".
 * @csspart button-handoff-stop - "Go on here instead".
 * @csspart missing - On the review: the list of required items not done yet.
 * @csspart needs - On the welcome: what the person will need.
 * @csspart privacy-link - On the welcome: the link to the partner's privacy notice (`privacy-url`).
 * @csspart consent - On the welcome: the consent (`consent`), its checkbox and message.
 * @csspart consent-checkbox - The consent's checkbox.
 * @csspart consent-error - The message when Start was pressed without the consent.
 *
 * @slot consent - The consent text (links allowed), instead of the term `consent` names.
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
 * @csspart question__stop-button - Re-exported: "Stop waiting", while options or a document take long.
 * @csspart question__combobox-input - Re-exported: a long list's text field (likewise `question__combobox-expand-icon`, `-listbox`, `-option`, `-message`).
 * @csspart question__liveness-frame - Re-exported: the box of Sumsub's check (likewise `question__liveness-status`, `-retry-button`, `-link`, `-qr-code`).
 * @csspart question__upload - Re-exported: a document's file box (likewise `question__upload-files`, `-file`, `-thumbnail`, `-progress`, `-message`, `-actions`, `-button-choose`, `-button-camera`, `-button-remove`, `-button-cancel`, `-button-retry`, `-button-retake`, `-example`; the camera as `question__upload-capture`, its parts as `question__upload-capture-<part>`).
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
  static override styles = [formControlStyles, rootThemeStyles, qrCodeStyles, onboardingStyles];
  /** @internal The screens, loaded when the first of them is shown (a chunk of their own in the CDN build). */
  static override lazyDependencies = {
    'kyc-levels-screen': () => import('./screens/screens.js').then((module) => module.KycLevelsScreen),
    'kyc-step-screen': () => import('./screens/screens.js').then((module) => module.KycStepScreen),
    'kyc-welcome-screen': () => import('./screens/screens.js').then((module) => module.KycWelcomeScreen),
    'kyc-review-screen': () => import('./screens/screens.js').then((module) => module.KycReviewScreen),
    'kyc-outcome-screen': () => import('./screens/screens.js').then((module) => module.KycOutcomeScreen),
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
  /**
   * URL answering POST with `{token, expires_in?}`, for a bearer token (cross-origin embeds). A
   * page opened from a hand-off link (`#kyc-handoff=…&kyc-application=…`, see the proxy's
   * `handoff`) exchanges the link's single-use token here, and opens its application.
   */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint: string | null = null;
  /** Gives a bearer token; wins over `token-endpoint`. */
  @property({ attribute: false }) tokenProvider: (() => Promise<string>) | null = null;
  /** Path of the send-code endpoint when the platform's differs from `/v1/signatures/send-code/`. */
  @property({ attribute: 'sign-code-path' }) signCodePath: string | null = null;
  /**
   * What the widget should know of the platform that its guide leaves open: status words, type
   * names, document keys, liveness result words, the upload field, a signed submission, legal
   * document keys (see `KycPlatformProfile`; `npx kyc-onboarding doctor` prints one that fits).
   */
  @property({ attribute: false }) platform: KycPlatformProfile | null = null;
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
  @property({ attribute: false }) translations: KycTranslationOverrides | undefined;
  /**
   * The host's words for the platform's steps and questions, by language: `{ de: { questions: {
   * first_name: { title: 'Vorname', description: '…' } }, steps: { 'Personal data': { title:
   * 'Angaben zur Person' } } } }` (questions by attribute key, steps by the platform's title). They
   * win over the platform's and the widget's own (which name the guide's documents and the
   * liveness check in the person's language when the platform's words are missing or technical).
   */
  @property({ attribute: false }) content: KycContent | undefined;
  /**
   * `on` (default): before the first step of an application nothing was answered in, a welcome
   * says what the person will need (from the level's questions: documents, a phone for codes, a
   * camera), about how long it takes, and links the partner's privacy notice. `off`: straight to
   * the first step (the welcome still comes when `consent` asks for it).
   */
  @property() welcome: 'on' | 'off' = 'on';
  /**
   * `on` (default): answers the person typed that are valid and need no code are stored two
   * seconds after their last change, so that a reload, a lost connection or a closed tab loses
   * nothing (code-signed answers wait for Continue and the code). `off`: only Continue stores.
   * Either way the browser asks before the page is left while something typed is not stored.
   */
  @property() autosave: 'on' | 'off' = 'on';
  /**
   * The partner's page that continues on a phone: on a step with documents, at a desk, "Continue
   * on your phone" shows a link to it (and its QR code) carrying a single-use hand-off token, and
   * fires `kyc-handoff`; the phone's widget (on that page, with the same `token-endpoint`) opens the
   * application, and this one goes on once the phone stored the documents. Needs `token-endpoint`
   * and the proxy's `handoff`.
   */
  @property({ attribute: 'handoff-url' }) handoffUrl: string | null = null;
  /** The partner's privacy notice, linked from the welcome (opens in a new tab). */
  @property({ attribute: 'privacy-url' }) privacyUrl: string | null = null;
  /**
   * Ask the person's consent on the welcome before anything of theirs (an answer, a file, a code,
   * the liveness check) is sent to the platform; `kyc-consent` is fired when they agree. The value
   * names the term of the consent text in `translations` (e.g. `consent="partnerConsent"` with
   * `{ en: { partnerConsent: '…' } }`); empty, the widget's own text. Or give the text (links
   * allowed) as a child with `slot="consent"`. Asked while the application may be changed, once
   * for each application each time the widget starts: drop the attribute once your backend
   * recorded the consent (the widget goes on, nothing is restarted).
   */
  @property() consent: string | null = null;
  /** Largest document file accepted, in bytes (64 MB, Sumsub's limit, by default). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize: number = DEFAULT_MAX_FILE_BYTES;
  /** Longest side of a document photo after the fix-up, in pixels. */
  @property({ type: Number, attribute: 'photo-max-side' }) photoMaxSide: number = DEFAULT_PHOTO_MAX_SIDE;
  /** Send document photos exactly as chosen (no turning, scaling or re-encoding). */
  @property({ type: Boolean, attribute: 'original-photos' }) originalPhotos = false;
  /**
   * What a document photo's quality checks (too few pixels, blur, dark, over-exposed, glare, the
   * document cut off or too small) lead to: `warn` (default) says what to fix and lets the person
   * send it; `strict` refuses it until retaken; `off` checks nothing.
   */
  @property() quality: 'strict' | 'warn' | 'off' = 'warn';
  /** The quality checks' thresholds where yours differ (see `QualityThresholds`: each is optional). */
  @property({ attribute: false }) qualityThresholds: Partial<QualityThresholds> = {};
  /**
   * "Take a photo" beside a document's file chooser, which opens the camera in the page (with a
   * frame, guidance and auto-capture): `auto` on touch devices only, `always`, or `never`.
   */
  @property() camera: 'auto' | 'always' | 'never' = 'auto';

  // ── state ─────────────────────────────────────────────────────────────────

  readonly #localize = new LocalizeController(this);
  readonly #flow = new FlowController(this);
  #client: KycClient | null = null;
  /** The settings last given to the document questions (the same object while nothing changed). */
  #settings: FileUploadSettings | null = null;
  readonly #focus = new FocusController(this, this.#flow, this.#localize, (tag) => this.need(tag));

  constructor() {
    super();
    // What the elements inside take by context (an element may have its own set instead, see
    // InheritedProperty): the flow, the client, the text overrides and the clock.
    new ProvidedValue(this, flowContext, () => this.#flow, { everyUpdate: true });
    new ProvidedValue(this, clientContext, () => this.#client);
    new ProvidedValue(this, translationsContext, () => this.translations);
    new ProvidedValue(this, clockContext, () => this.clock);
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

  override connectedCallback(): void {
    this.#takeHandoff();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#guardLeaving(false);
  }

  /**
   * A hand-off link opened this page (on the person's phone): its single-use token and the
   * application, from the address's fragment (`#kyc-handoff=…&kyc-application=…`), taken out of
   * the address bar at once (it stays out of history and of what is shared or bookmarked). The
   * first client exchanges the token for this page's session.
   */
  #handoff: { token: string; application: string | null } | null = null;
  /**
   * This page was opened from a hand-off link: it has no session of the host, so a refused token
   * means the link (or the session it gave, 30 minutes) is spent, and only the desk makes another.
   */
  #fromHandoff = false;

  #takeHandoff(): void {
    if (typeof location === 'undefined' || typeof history === 'undefined' || !location.hash.includes('kyc-handoff=')) return;
    const fragment = new URLSearchParams(location.hash.slice(1));
    const token = fragment.get('kyc-handoff');
    const application = fragment.get('kyc-application');
    fragment.delete('kyc-handoff');
    fragment.delete('kyc-application');
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    if (token) this.#handoff = { token, application: application && /^[\w-]{1,256}$/.test(application) ? application : null };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#guardLeaving(this.#flow.unsaved);
  }

  /** The beforeunload listener is there only while something is not stored (it keeps a page out of the back/forward cache). */
  #guarding = false;

  #guardLeaving(on: boolean): void {
    if (on === this.#guarding || typeof addEventListener !== 'function') return;
    this.#guarding = on;
    if (on) addEventListener('beforeunload', this.#onBeforeUnload);
    else removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /** Leaving the page with answers or files the platform does not hold yet: the browser asks first. */
  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.#flow.unsaved) return;
    event.preventDefault();
    event.returnValue = ''; // browsers that predate preventDefault() here
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#flow.documents.configure({
      maxFileSize: this.maxFileSize,
      photoMaxSide: this.photoMaxSide,
      originalPhotos: this.originalPhotos,
      quality: this.quality,
    });
    const settings = [
      'endpoint',
      'legalEntityUuid',
      'clientUuid',
      'applicationUuid',
      'tokenEndpoint',
      'tokenProvider',
      'signCodePath',
      'platform',
      'pollInterval',
      'clock',
    ] as const;
    // What the welcome, the consent and the autosave do changes without a restart (a host drops
    // `consent` once its backend recorded it, in its kyc-consent handler).
    this.#flow.configure({ welcome: this.welcome !== 'off', consent: this.consent !== null, autosave: this.autosave !== 'off' });
    if (settings.some((name) => changed.has(name))) this.#restart();
    // The screen's code is asked for at once (a failed load is tried again at the next update).
    const tag = SCREEN_TAGS[this.#flow.screen.name];
    if (tag && this.endpoint) this.need(tag).catch(() => undefined);
  }

  /** Resolves once the screen shown has rendered too, and the focus is where it belongs. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    // Settling may have asked for another update (a screen's code arrived): wait for that as well.
    for (let settled = this.#focus.settled; ; settled = this.#focus.settled) {
      await settled;
      if (settled === this.#focus.settled && !this.isUpdatePending) return complete;
      complete = await super.getUpdateComplete();
    }
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    return html`
      <section
        part="base"
        class="base"
        dir=${this.#localize.dir()}
        lang=${this.#localize.lang()}
        aria-busy=${this.#flow.busy ? 'true' : 'false'}
        aria-labelledby="heading"
        @kyc-go-to-question=${(event: GoToQuestionEvent) => this.#focus.goToQuestion(event.key)}
      >
        ${this.#renderScreen(this.#flow.screen)}
        <div id="status" class="visually-hidden" role="status" aria-live="polite"></div>
      </section>
    `;
  }

  #renderScreen(screen: FlowScreen): TemplateResult | typeof nothing {
    const localize = this.#localize;
    if (!this.endpoint) {
      // Misconfigured by the page (reported to it as kyc-error `configuration`): say so, never "Loading…".
      return html`${heading(localize.term('errorSummaryTitle'))}
        <p part="body">${localize.term('errorUnknown')}</p>`;
    }
    switch (screen.name) {
      case 'loading':
        // A first load that takes long is said (the client keeps trying), with a way to stop waiting;
        // the region is there from the start, so that what it says then is announced.
        return html`${heading(localize.term('loading'))}
          <p part="body" role="status">${this.#flow.slow ? localize.term('loadingSlow') : nothing}</p>
          ${
            this.#flow.slow
              ? html`<div class="actions" part="actions">
                  <button class="button button--secondary" part="button-cancel" @click=${() => this.#flow.stopWaiting()}>
                    ${localize.term('stopWaiting')}
                  </button>
                </div>`
              : nothing
          }`;
      case 'failed':
        // A spent hand-off link: another try would be refused again; the desk makes a new link.
        if (this.#fromHandoff && screen.error.code === 'unauthorized') {
          return html`${heading(localize.term('errorSummaryTitle'))}
            <p part="body">${localize.term('errorHandoffLink')}</p>`;
        }
        return html`
          ${heading(localize.term('errorSummaryTitle'))}
          <p part="body">${errorText(localize, screen.error)}</p>
          <div class="actions" part="actions">
            <button class="button button--primary" part="button-continue" @click=${() => this.#flow.retry()}>
              ${localize.term('retry')}
            </button>
          </div>
        `;
      case 'not-allowed':
        return html`${heading(localize.term('notAllowedTitle'))}
          <p part="body">${localize.term('notAllowedBody')}</p>`;
      case 'levels':
        return html`<kyc-levels-screen class="screen" .preselected=${this.levelUuid}></kyc-levels-screen>`;
      case 'welcome':
        return html`<kyc-welcome-screen
          class="screen"
          .privacyUrl=${this.privacyUrl}
          .consentTerm=${this.consent ?? ''}
          .client=${this.#client}
        ></kyc-welcome-screen>`;
      case 'step':
        return html`<kyc-step-screen
          class="screen"
          .upload=${this.#uploadSettings()}
          .sumsubTheme=${this.#sumsubTheme()}
          .content=${this.content}
          .handoffUrl=${this.handoffUrl && this.tokenEndpoint ? this.handoffUrl : null}
        ></kyc-step-screen>`;
      case 'review':
        return html`<kyc-review-screen class="screen" .content=${this.content}></kyc-review-screen>`;
      case 'waiting':
      case 'outcome':
        return html`<kyc-outcome-screen class="screen"></kyc-outcome-screen>`;
    }
  }

  // ── helpers ───────────────────────────────────────────────────────────────

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
      quality: this.quality,
      qualityThresholds: this.qualityThresholds,
      camera: this.camera,
      locked: this.#flow.busy !== null,
    };
    const cached = this.#settings;
    if (cached && Object.entries(settings).every(([name, value]) => cached[name as keyof FileUploadSettings] === value)) return cached;
    return (this.#settings = settings);
  }

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
      ...(this.platform ? { platform: this.platform } : {}),
      ...(this.#handoff ? { handoffToken: this.#handoff.token } : {}),
    });
    const handoff = this.#handoff;
    this.#handoff = null; // one exchange: a client made again later asks for its token as usual
    if (handoff) this.#fromHandoff = true;
    void this.#flow.start(this.#client, {
      applicationUuid: this.applicationUuid ?? handoff?.application ?? null,
      pollIntervalMs: this.pollInterval,
      clock: this.clock,
      welcome: this.welcome !== 'off',
      autosave: this.autosave !== 'off',
      consent: this.consent !== null,
    });
    // Whatever the first screen after the load is, it is one of the screens: their code comes
    // while the first requests are on the network, not after them.
    this.need('kyc-step-screen').catch(() => undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-onboarding': KycOnboarding;
  }
}
