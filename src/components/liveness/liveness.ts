import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { KycApiError, type KycClient } from '../../api/index.js';
import { KycErrorEvent, KycLivenessCompleteEvent, KycLivenessErrorEvent, KycLivenessReadyEvent } from '../../events/events.js';
import { LIVENESS_TOKEN_KEY, LIVENESS_URL_KEY } from '../../internal/answer.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import { KycElement } from '../../internal/kyc-element.js';
import { encodeQr, qrPath, type QrCode } from '../../internal/qr-code.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { LocalizeController, type KycTranslationOverrides } from '../../utilities/localize.js';
import '../../translations/en-liveness.js'; // this element's English words
import { clientContext } from '../../context/client-context.js';
import { clockContext } from '../../context/clock-context.js';
import { InheritedProperty } from '../../context/controllers.js';
import { translationsContext } from '../../context/translations-context.js';
import { livenessStyles } from './liveness.styles.js';
import { qrCodeStyles } from '../../styles/qr-code.styles.js';
import { PHONE_SIGNS } from '../../internal/device.js';

export { LIVENESS_TOKEN_KEY, LIVENESS_URL_KEY };

/** Life asked for a token, in seconds (the platform's guide uses these). */
const TTL_MIN = 600;
const TTL_MAX = 3600;
/** How long the check may take to appear before the person is told and offered a retry. */
const READY_TIMEOUT_MS = 30_000;

/**
 * `idCheck.onError` codes after which Sumsub's frame can show nothing more, so the element ends it
 * and offers a retry [assumed: Sumsub documents no list]. Any other error is reported and the frame
 * stays: Sumsub shows its own way on (a camera missing: "continue on your phone").
 */
const FATAL_SDK_ERRORS: ReadonlySet<string> = new Set(['initialization-error', 'init-error', 'invalid-level', 'level-not-found']);

/** The part of `@sumsub/websdk` the element uses (its default export). */
interface SumsubSdk {
  init(
    token: string,
    refresh: () => Promise<string>,
  ): {
    withConf(config: { lang?: string; theme?: string; email?: string; phone?: string }): ReturnType<SumsubSdk['init']>;
    withOptions(options: {
      addViewportTag?: boolean;
      adaptIframeHeight?: boolean;
      enableScrollIntoView?: boolean;
    }): ReturnType<SumsubSdk['init']>;
    onMessage(handler: (type: string, payload: unknown) => void): ReturnType<SumsubSdk['init']>;
    build(): SdkInstance;
  };
}

/** A launched check (the SDK's instance). */
interface SdkInstance {
  launch(container: HTMLElement): void;
  destroy(): void;
  setLanguage(language: string): void;
  setTheme(theme: string): void;
}

/** Sumsub's review statuses that mean the person finished their part. */
const FINISHED: ReadonlySet<string> = new Set(['pending', 'queued', 'completed', 'onhold', 'prechecked']);

type State =
  /** Reading the token or the link, loading the SDK, waiting for the check to appear. */
  | 'loading'
  /** The check is on screen (token) or the link is shown (url). */
  | 'ready'
  /** Sumsub says the person finished: the platform is asked. */
  | 'submitted'
  | 'failed';

/**
 * @summary Sumsub's liveness check inside the flow: its WebSDK embedded with an access token (loaded
 * only here, in its own chunk), or on another device through a link and a QR code drawn locally.
 * @tag kyc-liveness
 * @status experimental
 * @since 0.1
 *
 * With `attribute-key="sumsub_liveness_check_token"` the token is read (endpoint 5) when the
 * element connects, `@sumsub/websdk` is imported, and the check is launched in the element with the
 * widget's language and theme, without touching the page's viewport tag; the frame grows with its
 * content. When Sumsub stops accepting the token, a new one is read with `ttl_renew`. The element
 * shows a loading state until Sumsub says the check is ready, and an error with a retry when it
 * fails. Disconnecting destroys the SDK instance (its frame and listener): connecting again, as
 * React's StrictMode does, launches exactly one.
 *
 * With `attribute-key="sumsub_liveness_check_url"` it shows a link that opens Sumsub's page in a
 * new tab and a QR code of the same link, for a phone.
 *
 * The outcome is never taken from Sumsub's messages: `kyc-liveness-complete` tells the owner to
 * ask the platform, which says whether the check is done.
 *
 * @event {KycLivenessReadyEvent} kyc-liveness-ready - The check is on screen. Detail: `{applicationUuid, attributeKey}`.
 * @event {KycLivenessCompleteEvent} kyc-liveness-complete - Sumsub says the person finished (ask the platform). Detail: `{applicationUuid, attributeKey}`.
 * @event {KycLivenessErrorEvent} kyc-liveness-error - Sumsub reported an error. Detail: `{applicationUuid, attributeKey, code}`.
 * @event {KycErrorEvent} kyc-error - The token or the link could not be read, or the check could not be loaded. Detail: `{code, message, recoverable, correlationId?}`.
 *
 * @csspart base - The element's box.
 * @csspart frame - The box Sumsub's frame is launched in.
 * @csspart status - The loading, waiting or error message.
 * @csspart retry-button - "Try again" after an error.
 * @csspart link - "Open the check in a new tab".
 * @csspart qr-code - The QR code of the link.
 *
 * @cssproperty --kyc-liveness-min-height - Height kept for the check while it loads (24rem).
 */
export class KycLiveness extends KycElement {
  static override styles = [formControlStyles, qrCodeStyles, livenessStyles];

  /** Reads the token or the link: the enclosing `<kyc-onboarding>`'s client unless set here. */
  @property({ attribute: false })
  get client(): KycClient | null {
    return this.#client.value;
  }
  set client(value: KycClient | null) {
    this.#client.set(value);
  }
  @property({ attribute: 'application-uuid' }) applicationUuid = '';
  /** Which path: `sumsub_liveness_check_token` (embedded) or `sumsub_liveness_check_url` (another device). */
  @property({ attribute: 'attribute-key' }) attributeKey: string = LIVENESS_TOKEN_KEY;
  /** Sumsub's theme, following the widget's. */
  @property() theme: 'light' | 'dark' = 'light';
  /** Per-language overrides of the texts: the enclosing `<kyc-onboarding>`'s unless set here. */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }
  /**
   * What the wait for Sumsub's check runs on (30 s, then a retry is offered): the enclosing
   * `<kyc-onboarding>`'s clock unless set here, else the system's.
   */
  @property({ attribute: false })
  get clock(): KycClock {
    return this.#clock.value;
  }
  set clock(value: KycClock) {
    this.#clock.set(value);
  }
  /**
   * What the platform last said of the check (Sumsub's status on the attribute, e.g. `failed`):
   * a new word from it ends the wait that follows Sumsub's "finished".
   */
  @property({ attribute: 'platform-status' }) platformStatus: string | null = null;
  /** How long Sumsub's check may take to appear (`idCheck.onReady`) before a retry is offered, in ms. */
  @property({ type: Number, attribute: 'ready-timeout' }) readyTimeout: number = READY_TIMEOUT_MS;

  @state() private state: State = 'loading';
  @state() private failure: string | null = null;
  @state() private link: string | null = null;

  @query('#frame') private frame!: HTMLElement | null;

  readonly #localize = new LocalizeController(this);
  readonly #client = new InheritedProperty(this, 'client', clientContext, { fallback: null });
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });
  readonly #clock = new InheritedProperty(this, 'clock', clockContext, { fallback: systemClock });
  #sdk: SdkInstance | null = null;
  /** The language and theme the check was launched or last set with. */
  #shown = { lang: '', theme: '' };
  /** The current launch: a later one (retry, reconnection) makes the earlier one's answers stale. */
  #run = 0;
  #readyTimer: unknown;
  /** What would say the device is a phone (see {@link PHONE_SIGNS}), followed while connected. */
  #phoneSigns: MediaQueryList[] = [];
  readonly #onDeskChange = (): void => this.requestUpdate();
  /** The token the check runs with (a renewal must bring another). */
  #token: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#phoneSigns = typeof matchMedia === 'function' ? PHONE_SIGNS.map((query) => matchMedia(query)) : [];
    for (const sign of this.#phoneSigns) sign.addEventListener('change', this.#onDeskChange);
    if (this.hasUpdated) void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const sign of this.#phoneSigns) sign.removeEventListener('change', this.#onDeskChange);
    this.#phoneSigns = [];
    this.#stop();
  }

  protected override firstUpdated(): void {
    void this.#start();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The platform answered (e.g. the check failed): the person is back on the check.
    if (changed.has('platformStatus') && this.state === 'submitted') this.state = 'ready';
  }

  protected override updated(changed: PropertyValues<this>): void {
    const restart = (['client', 'applicationUuid', 'attributeKey'] as const).some(
      (name) => changed.has(name) && changed.get(name) !== undefined,
    );
    if (restart) {
      void this.#start();
      return;
    }
    // The widget's language or theme changed while the check is on screen: Sumsub follows.
    const lang = this.#language();
    if (this.#sdk && lang !== this.#shown.lang) {
      this.#sdk.setLanguage(lang);
      this.#shown.lang = lang;
    }
    // The SDK's frame has no name: screen readers announce it by ours, in the current language.
    const frame = this.frame?.querySelector('iframe');
    const title = this.#localize.term('livenessFrameTitle');
    if (frame && frame.title !== title) frame.title = title;
    if (this.#sdk && this.theme !== this.#shown.theme) {
      this.#sdk.setTheme(this.theme);
      this.#shown.theme = this.theme;
    }
  }

  #language(): string {
    return this.#localize.lang().split('-')[0];
  }

  /** Starts again after an error (the focus, on the retry button that goes, moves to the status). */
  retry(): void {
    const hadFocus = this.shadowRoot?.activeElement !== null && this.shadowRoot?.activeElement !== undefined;
    void this.#start();
    if (hadFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="status"]')?.focus());
  }

  override render(): TemplateResult {
    const url = this.attributeKey === LIVENESS_URL_KEY;
    return html`<div class="base" part="base" aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      ${this.#renderStatus()} ${url ? this.#renderLink() : html`<div id="frame" class="frame frame--${this.state}" part="frame"></div>`}
    </div>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    switch (this.state) {
      case 'loading':
        return html`<p class="status" part="status" role="status" tabindex="-1">${this.#localize.term('livenessLoading')}</p>`;
      case 'submitted':
        return html`<p class="status" part="status" role="status">${this.#localize.term('livenessChecking')}</p>`;
      case 'failed':
        return html`<div class="status status--failed" part="status" role="alert">
          <p>${this.failure}</p>
          <button class="button button--secondary" part="retry-button" @click=${() => this.retry()}>
            ${this.#localize.term('retry')}
          </button>
        </div>`;
      default:
        return nothing;
    }
  }

  #renderLink(): TemplateResult | typeof nothing {
    const link = this.link;
    if (!link || this.state === 'failed') return nothing;
    // A code to scan helps at a desk; on the phone itself, the link is the way.
    const desk = !this.#phoneSigns.some((sign) => sign.matches);
    const code = desk ? qrOf(link) : null;
    const size = code ? code.size + 8 : 0;
    return html`<div class="link-path">
      <p>${this.#localize.term(desk ? 'livenessOnPhone' : 'livenessOnThisDevice')}</p>
      ${
        code
          ? html`<svg class="qr" part="qr-code" viewBox="0 0 ${size} ${size}" role="img" aria-label=${this.#localize.term('livenessQrLabel')}>
            <rect width=${size} height=${size} class="qr__background"></rect>
            <path d=${qrPath(code, 4)} class="qr__modules"></path>
          </svg>`
          : nothing
      }
      <a class="button button--secondary" part="link" href=${link} target="_blank" rel="noopener noreferrer">
        ${this.#localize.term(desk ? 'livenessOpenLink' : 'livenessOpenHere')}
      </a>
    </div>`;
  }

  // ── the check ─────────────────────────────────────────────────────────────

  async #start(): Promise<void> {
    this.#stop();
    const run = ++this.#run;
    const { client, applicationUuid, attributeKey } = this;
    if (!client || !applicationUuid || !this.isConnected) return;
    this.state = 'loading';
    this.failure = null;
    try {
      const attribute = await client.getAttribute(applicationUuid, attributeKey, { ttlMin: TTL_MIN, ttlMax: TTL_MAX });
      if (run !== this.#run) return;
      const value = attribute.value;
      if (!value) throw new KycApiError('malformed_response', `The platform sent no ${attributeKey}.`);
      if (attributeKey === LIVENESS_URL_KEY) {
        this.link = safeLink(value);
        if (!this.link) throw new KycApiError('malformed_response', 'The platform sent a liveness link that is not https.');
        this.state = 'ready';
        return;
      }
      const sdk = ((await import('@sumsub/websdk')) as unknown as { default: SumsubSdk }).default;
      if (run !== this.#run) return;
      await this.updateComplete;
      const frame = this.frame;
      // Disconnected (or restarted) while the SDK loaded: nothing is launched into a removed element.
      if (run !== this.#run || !this.isConnected || !frame) return;
      this.#shown = { lang: this.#language(), theme: this.theme };
      this.#token = value;
      // The platform's contact details of the person, for Sumsub to prefill (never put in an event).
      const { email, phone } = attribute.additionalInfo ?? { email: null, phone: null };
      const instance = sdk
        .init(value, () => this.#renewToken(run))
        .withConf({ ...this.#shown, ...(email ? { email } : {}), ...(phone ? { phone } : {}) })
        .withOptions({ addViewportTag: false, adaptIframeHeight: true, enableScrollIntoView: false })
        .onMessage((type, payload) => this.#onSdkMessage(run, type, payload))
        .build();
      this.#sdk = instance;
      instance.launch(frame);
      this.requestUpdate(); // names the frame
      this.#readyTimer = this.clock.setTimeout(() => {
        if (run === this.#run && this.state === 'loading')
          this.#fail(run, new KycApiError('timeout', 'Sumsub’s check did not appear in time.'));
      }, this.readyTimeout);
    } catch (error) {
      this.#fail(run, error);
    }
  }

  /** Asks the platform for a new token when Sumsub stops accepting the current one. */
  async #renewToken(run: number): Promise<string> {
    const { client, applicationUuid, attributeKey } = this;
    if (!client || run !== this.#run) throw new Error('The liveness check was closed.');
    try {
      const attribute = await client.getAttribute(applicationUuid, attributeKey, { ttlMin: TTL_MIN, ttlMax: TTL_MAX, ttlRenew: true });
      if (!attribute.value) throw new KycApiError('malformed_response', 'The platform sent no new token.');
      // The same token again would be refused again, in a loop: that is a failure to say.
      if (attribute.value === this.#token) throw new KycApiError('malformed_response', 'The platform renewed the token with the same one.');
      this.#token = attribute.value;
      return attribute.value;
    } catch (error) {
      // Sumsub hears of it too (and shows its own words); the person gets ours and a retry.
      this.#fail(run, error);
      throw error;
    }
  }

  /** Sumsub's messages become the element's own events; their payloads stay here. */
  #onSdkMessage(run: number, type: string, payload?: unknown): void {
    if (run !== this.#run) return;
    const detail = { applicationUuid: this.applicationUuid, attributeKey: this.attributeKey };
    switch (type) {
      case 'idCheck.onReady':
      case 'idCheck.onInitialized':
        // Shown once its resources are loaded (onReady), or at the latest its first screen.
        this.clock.clearTimeout(this.#readyTimer);
        if (this.state === 'loading') {
          this.state = 'ready';
          this.dispatchEvent(new KycLivenessReadyEvent(detail));
        }
        break;
      case 'idCheck.onApplicantSubmitted':
      case 'idCheck.onApplicantStatusChanged':
        // Any change of status is told; only one after the person's part means they finished.
        if (type === 'idCheck.onApplicantStatusChanged' && !FINISHED.has(reviewStatusOf(payload))) break;
        // Each time: the platform may not know yet at the first; it is asked again at the next.
        this.state = 'submitted';
        this.dispatchEvent(new KycLivenessCompleteEvent(detail));
        break;
      case 'idCheck.onError': {
        const code = sdkErrorCode(payload);
        this.dispatchEvent(new KycLivenessErrorEvent({ ...detail, code }));
        if (!FATAL_SDK_ERRORS.has(code)) break; // Sumsub's frame goes on with its own way on
        this.clock.clearTimeout(this.#readyTimer);
        this.failure = this.#localize.term('livenessFailed');
        this.state = 'failed';
        this.#sdk?.destroy();
        this.#sdk = null;
        break;
      }
    }
  }

  #fail(run: number, error: unknown): void {
    if (run !== this.#run) return;
    const failure = error instanceof KycApiError ? error : new KycApiError('malformed_response', 'The liveness check could not be loaded.');
    if (failure.code === 'aborted') return;
    this.#stop(false);
    this.failure = this.#localize.term(failure.code === 'network' ? 'errorNetwork' : 'livenessFailed');
    this.state = 'failed';
    this.dispatchEvent(new KycErrorEvent({ code: failure.code, message: failure.message, recoverable: true }));
  }

  /** Ends the current launch: its SDK instance, frame and listener go. */
  #stop(forget = true): void {
    if (forget) this.#run++;
    this.clock.clearTimeout(this.#readyTimer);
    this.#sdk?.destroy();
    this.#sdk = null;
  }
}

/** Sumsub's review status from an `idCheck.onApplicantStatusChanged` payload, lower-cased. */
function reviewStatusOf(payload: unknown): string {
  const status = (payload as { reviewStatus?: unknown } | null)?.reviewStatus;
  return typeof status === 'string' ? status.toLowerCase() : '';
}

/** Sumsub's error code from an `idCheck.onError` payload (never its message, which may quote the person). */
function sdkErrorCode(payload: unknown): string {
  const code = (payload as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[\w-]{1,64}$/.test(code) ? code : 'unknown';
}

/** The QR code of a link, or null when it is too long for one (the link alone is shown then). */
function qrOf(link: string): QrCode | null {
  try {
    return encodeQr(link);
  } catch {
    return null;
  }
}

/** The link when it is an https URL (a page of Sumsub's), else null: never a `javascript:` link. */
function safeLink(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLocal(url.hostname)) ? url.href : null;
  } catch {
    return null;
  }
}

/** A loopback host (the sandbox's stand-in on a developer's machine). */
function isLocal(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-liveness': KycLiveness;
  }
}
