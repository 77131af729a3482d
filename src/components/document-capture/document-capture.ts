import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { KycCaptureResultEvent, KycCaptureStartEvent, KycErrorEvent, type KycCaptureSide } from '../../events/events.js';
import { frameRect, guidanceFor, measureFrame, motionBetween, type Guidance } from '../../internal/capture-guidance.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import { drawn } from '../../internal/drawn.js';
import { KycElement } from '../../internal/kyc-element.js';
import { photoExample } from '../../internal/photo-example.js';
import { QUALITY_TERMS } from '../../internal/quality-terms.js';
import {
  assessPhoto,
  shapeOf,
  type DocumentShape,
  type QualityProblem,
  type QualityReport,
  type QualityThresholds,
} from '../../internal/photo-quality.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { photoExampleStyles } from '../../styles/photo-example.styles.js';
import { LocalizeController, type KycTranslationOverrides, type TextTermKey } from '../../utilities/localize.js';
import '../../translations/en-file-upload.js'; // the quality checks' words, shared with the file chooser
import '../../translations/en-document-capture.js'; // this element's English words
import { clockContext } from '../../context/clock-context.js';
import { InheritedProperty } from '../../context/controllers.js';
import { translationsContext } from '../../context/translations-context.js';
import { documentCaptureStyles } from './document-capture.styles.js';

/** How often the live picture is measured (at most; see {@link MAX_MEASURE_SHARE}). */
export const ANALYSE_EVERY_MS = 200;
/**
 * The largest share of the time the live measures may take on the main thread: a device on which
 * a measure takes longer than a quarter of {@link ANALYSE_EVERY_MS} measures less often, so that the
 * page stays responsive (a measure takes ~25 ms on a desk, several times that on a slow phone).
 */
const MAX_MEASURE_SHARE = 0.25;
/** Measures in a row the picture must be ready (sharp, steady, in the frame) before it is taken by itself. */
export const STEADY_CHECKS = 3;
/** Measures in a row a guidance must hold before the live region says it. */
const ANNOUNCE_AFTER = 2;
/** The least time between two things the live region says, in ms. */
const ANNOUNCE_GAP_MS = 1500;
/** The long side of a shown shot (the review). */
const PREVIEW_SIDE = 640;

/** Why the camera could not be used. */
export type CameraProblem = 'refused' | 'missing' | 'busy';

/** Where the element is. */
export type CaptureStatus = 'idle' | 'starting' | 'live' | 'checking' | 'review' | 'unavailable' | 'done';

const GUIDANCE_TERMS: Readonly<Record<Guidance, TextTermKey>> = {
  dark: 'captureDark',
  bright: 'captureBright',
  glare: 'captureGlare',
  fit: 'captureFit',
  closer: 'captureCloser',
  still: 'captureStill',
  blur: 'captureBlur',
  ready: 'captureReady',
};

const CAMERA_TERMS: Readonly<Record<CameraProblem, TextTermKey>> = {
  refused: 'captureCameraRefused',
  missing: 'captureCameraMissing',
  busy: 'captureCameraBusy',
};

/** A picture taken, waiting for "use" or "retake". */
interface Shot {
  file: File;
  preview: ImageBitmap;
  problems: QualityProblem[];
}

/** Why the person left the camera: they closed it, or asked for the file chooser. */
export interface KycCaptureCloseDetail {
  readonly reason: 'close' | 'choose-file';
  /** Why the camera could not be used, when it could not. */
  readonly camera: CameraProblem | null;
}

/**
 * @summary Takes a document's photo with the device's camera in the page: a frame shaped for the
 * document, live guidance, auto-capture when the picture is sharp, steady and in the frame, and a
 * review with "use" and "retake"; front then back for a two-sided document.
 * @tag kyc-document-capture
 * @status experimental
 * @since 0.4
 *
 * Loaded only when first used (`<kyc-file-upload>`'s "Take a photo"). On connect it asks for the
 * rear camera (`getUserMedia`, no audio) and shows its picture with a frame for the document's
 * shape (`shape`, else from `attribute-key`: a card's side, a passport page, a page). Every
 * {@link ANALYSE_EVERY_MS} ms (on the `clock`) the frame's part of the picture is measured by the
 * photo quality checks (`src/internal/photo-quality.ts`) and the one thing to do next is said, in
 * words and to screen readers (only when it changes): too dark, too bright, glare, move back, move
 * closer, hold still. After {@link STEADY_CHECKS} good measures in a row the photo is taken by
 * itself; the shutter button takes it at any time. The shot is checked at full size and shown with
 * what the checks found (and an example of a good photo): `quality="strict"` lets the person only
 * retake a photo with problems, `warn` lets them use it anyway, `off` checks nothing.
 *
 * With `back-label`, the back side is taken after the front. When every side is used, `files`
 * holds the photos (JPEG, the camera's full size), `change` is fired and the camera is stopped.
 * The camera refused, missing or busy: said plainly, with "Choose a file instead" (the element
 * fires `kyc-capture-close` with `reason: 'choose-file'` from the click, so the host may open its
 * file chooser) and one `kyc-error` (`camera_unavailable`). The camera's tracks are stopped when
 * the photos are used, when the person closes it, and when the element is removed.
 *
 * The picture is shown by a `<video>` with `srcObject` (no `blob:` URL), the frame is an SVG, the
 * shots are drawn on canvases: a strict CSP needs nothing more. No picture leaves the element but
 * through `files`; the events carry the checks' outcome only.
 *
 * @event {KycCaptureStartEvent} kyc-capture-start - The camera's picture shows: at the start, and again for the back side and after a retake. Detail: `{attributeKey, shape, side}`.
 * @event {KycCaptureResultEvent} kyc-capture-result - A photo was taken and checked. Detail: `{attributeKey, shape, side, auto, problems, accepted}`.
 * @event {CustomEvent<KycCaptureCloseDetail>} kyc-capture-close - The person left without using the photos (closed, or chose a file instead). Detail: `{reason, camera}`.
 * @event change - Every side's photo was used (read `files`).
 * @event {KycErrorEvent} kyc-error - The camera could not be used (`camera_unavailable`, once per try), or a photo was refused by `quality="strict"` (`upload_rejected`).
 *
 * @csspart base - The element's box.
 * @csspart title - What is being photographed.
 * @csspart viewfinder - The camera's picture with the frame over it.
 * @csspart video - The camera's picture.
 * @csspart frame - The frame the document goes in.
 * @csspart guidance - What to do next.
 * @csspart preview - The photo taken.
 * @csspart problems - What the checks found wrong in it.
 * @csspart example - The example of a good photo.
 * @csspart actions - The row of buttons.
 * @csspart button-shutter - "Take the photo".
 * @csspart button-use - "Use this photo" / "Use it anyway".
 * @csspart button-retake - "Take it again".
 * @csspart button-close - "Close the camera".
 * @csspart button-choose - "Choose a file instead".
 * @csspart button-retry - "Try the camera again".
 * @csspart button-open - "Open the camera", after it was stopped.
 *
 * @cssproperty --kyc-document-capture-frame-color - The frame's colour while the picture is not ready (white).
 * @cssproperty --kyc-document-capture-ready-color - The frame's colour when the picture is ready (the success colour).
 *
 * @cssstate live - The camera's picture shows.
 * @cssstate ready - The picture is sharp, steady and in the frame.
 */
export class KycDocumentCapture extends KycElement {
  static override styles = [formControlStyles, photoExampleStyles, documentCaptureStyles];

  // ── public properties ─────────────────────────────────────────────────────

  /** The attribute key the document is for (in the events; gives the shape when `shape` is not set). */
  @property({ attribute: 'attribute-key' }) attributeKey = '';
  /** What the document is (the front side, for a two-sided one). */
  @property() label = '';
  /** The back side's name: set, the back is taken after the front. */
  @property({ attribute: 'back-label' }) backLabel = '';
  /** The frame's shape; from `attribute-key` unless set. */
  @property() shape: DocumentShape | '' = '';
  /** What a photo with problems leads to: `warn` (default) may be used anyway, `strict` only retaken, `off` is not checked. */
  @property() quality: 'strict' | 'warn' | 'off' = 'warn';
  /** The quality checks' thresholds where the host's differ. */
  @property({ attribute: false }) qualityThresholds: Partial<QualityThresholds> = {};
  /** What the live measures are scheduled by: the enclosing `<kyc-onboarding>`'s clock unless set here, else the system's. */
  @property({ attribute: false })
  get clock(): KycClock {
    return this.#clock.value;
  }
  set clock(value: KycClock) {
    this.#clock.set(value);
  }
  /** Per-language overrides of the texts: the enclosing `<kyc-onboarding>`'s unless set here. */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  // ── state ─────────────────────────────────────────────────────────────────

  /** Where the element is. */
  @state() status: CaptureStatus = 'idle';
  /** What the live picture says to do (null until first measured). */
  @state() guidance: Guidance | null = null;
  /** Why the camera could not be used (when `status` is `unavailable`). */
  @state() cameraProblem: CameraProblem | null = null;
  @state() private shot: Shot | null = null;
  /** The side being taken: 0 the front (or the only one), 1 the back. */
  @state() private sideIndex = 0;
  /** What the live region says: the guidance when it changes, the next side. */
  @state() private announcement = '';

  @query('video') private video!: HTMLVideoElement | null;

  readonly #localize = new LocalizeController(this);
  readonly #clock = new InheritedProperty(this, 'clock', clockContext, { fallback: systemClock });
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });
  readonly #internals = this.attachInternals();
  #stream: MediaStream | null = null;
  /** Bumped at every start and stop: a camera that answers after a stop is stopped at once. */
  #generation = 0;
  #timer: unknown = undefined;
  #previous: Uint8Array | null = null;
  #steady = 0;
  #analysing: Promise<void> = Promise.resolve();
  /** The camera's picture being shown (after a start, a use or a retake). */
  #showing: Promise<void> = Promise.resolve();
  /** The shutter's picture being taken and checked. */
  #shooting: Promise<void> = Promise.resolve();
  /** Aborted at every stop: what waits for the picture stops waiting. */
  #stopped = new AbortController();
  #files: File[] = [];
  /** The guidance measured last, how many measures in a row it held, and what the live region last said of it (when). */
  #candidate: Guidance | null = null;
  /** How long the last live measure took, in ms (the next waits for four times that, at least). */
  #measureCost = 0;
  #held = 0;
  #announced: Guidance | null = null;
  #announcedAt = -Infinity;

  /** The photos used, one per side (front, then back), once `change` was fired. */
  get files(): File[] {
    return [...this.#files];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.status === 'idle') void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this.shot?.preview.close();
    this.shot = null;
    if (this.status === 'review') this.status = 'idle'; // the shot is gone: connected again, the camera starts again
  }

  // ── public methods ────────────────────────────────────────────────────────

  /** Asks for the camera and shows its picture (again, after a stop or a refusal). */
  async start(): Promise<void> {
    this.stop();
    const generation = this.#generation;
    this.status = 'starting';
    this.cameraProblem = null;
    this.guidance = null;
    this.announcement = this.#localize.term('captureStarting'); // not kept from the guidance that follows
    let stream: MediaStream;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('No camera API', 'NotFoundError');
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } },
      });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#unavailable(problemOf(error));
      return;
    }
    if (generation !== this.#generation || !this.isConnected) {
      stopTracks(stream);
      return;
    }
    this.#stream = stream;
    await (this.#showing = this.#showPicture());
  }

  /** Shows the camera's picture (a new `<video>` after a review), then measures it. */
  async #showPicture(): Promise<void> {
    const generation = this.#generation;
    this.status = 'live';
    await this.updateComplete;
    const video = this.video;
    if (!video || !this.#stream || generation !== this.#generation) return;
    video.srcObject = this.#stream;
    try {
      await video.play();
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
        // The first picture, unless the camera is stopped first.
        const { signal } = this.#stopped;
        await new Promise((resolve) => {
          video.addEventListener('loadeddata', resolve, { once: true, signal });
          signal.addEventListener('abort', resolve, { once: true });
        });
      }
    } catch {
      // play() is refused only when the element left meanwhile.
    }
    if (generation !== this.#generation || this.status !== 'live') return;
    this.#internals.states.add('live');
    this.requestUpdate(); // the frame follows the picture's size
    this.dispatchEvent(new KycCaptureStartEvent({ attributeKey: this.attributeKey, shape: this.#shape, side: this.#side }));
    this.#schedule();
  }

  /**
   * Stops the camera (its tracks end: the browser's camera light goes off). The element then
   * offers to open it again, unless the photos were used or the camera could not be used.
   */
  stop(): void {
    this.#generation += 1;
    this.#stopped.abort();
    this.#stopped = new AbortController();
    this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#stream) stopTracks(this.#stream);
    this.#stream = null;
    if (this.video) this.video.srcObject = null;
    this.#previous = null;
    this.#steady = 0;
    this.#internals.states.delete('live');
    this.#internals.states.delete('ready');
    if (this.status === 'starting' || this.status === 'live' || this.status === 'checking') this.status = 'idle';
  }

  /** Takes the photo now (the shutter). */
  async capture(): Promise<void> {
    if (this.status !== 'live') return;
    await (this.#shooting = this.#shoot(false));
  }

  /**
   * @internal Resolves when the picture shows and the live measure under way (if any) is done:
   * tests drive the clock, then wait for it.
   */
  async settled(): Promise<void> {
    await this.#showing;
    await this.#analysing;
    await this.#shooting;
    await this.updateComplete;
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus(options);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  protected override updated(changed: PropertyValues<this>): void {
    // A new state takes the focus to its heading or first button.
    if (changed.has('status') && changed.get('status') !== undefined && this.status !== 'live' && this.status !== 'checking') this.focus();
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const localize = this.#localize;
    const label = this.#label;
    return html`<div class="base" part="base" role="group" aria-labelledby="title">
      <h3 id="title" class="title" part="title" tabindex="-1" data-focus dir="auto">
        ${this.status === 'review' ? localize.term('captureReviewTitle', label) : localize.term('captureTitle', label)}
      </h3>
      ${this.#renderBody()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  #renderBody(): TemplateResult {
    const localize = this.#localize;
    switch (this.status) {
      case 'unavailable':
        return html`<p class="message message--danger" part="guidance" role="alert">${localize.term(CAMERA_TERMS[this.cameraProblem ?? 'missing'])}</p>
          <div class="actions" part="actions">
            <button type="button" class="button button--primary" part="button-choose" @click=${() => this.#close('choose-file')}>
              ${localize.term('captureChooseFile')}
            </button>
            ${
              this.cameraProblem === 'missing'
                ? nothing
                : html`<button type="button" class="button button--secondary" part="button-retry" @click=${() => void this.start()}>
                  ${localize.term('captureTryAgain')}
                </button>`
            }
          </div>`;
      case 'review':
      case 'done':
        return this.#renderReview();
      case 'idle':
        return html`<div class="actions" part="actions">
          <button type="button" class="button button--primary" part="button-open" @click=${() => void this.start()}>
            ${localize.term('captureOpen')}
          </button>
        </div>`;
      default:
        return this.#renderLive();
    }
  }

  #renderLive(): TemplateResult {
    const localize = this.#localize;
    const video = this.video;
    const width = video?.videoWidth || 16;
    const height = video?.videoHeight || 9;
    const frame = frameRect(width, height, this.#shape);
    const ready = this.guidance === 'ready';
    const live = this.status === 'live' && this.guidance !== null;
    return html`<p class="muted">${localize.term('captureInstructions')}</p>
      <div class="viewfinder" part="viewfinder">
        <video part="video" autoplay muted playsinline disablepictureinpicture aria-hidden="true"></video>
        ${
          this.status === 'live' && video?.videoWidth
            ? svg`<svg class="overlay" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <path class="shade" fill-rule="evenodd" d="M0 0H${width}V${height}H0Z ${roundedRect(frame)}"></path>
              <path class=${ready ? 'frame frame--ready' : 'frame'} part="frame" d=${roundedRect(frame)}></path>
            </svg>`
            : nothing
        }
        ${this.status === 'starting' ? html`<p class="starting">${localize.term('captureStarting')}</p>` : nothing}
      </div>
      <p class=${ready ? 'guidance guidance--ready' : 'guidance'} part="guidance" aria-hidden="true">
        ${live ? localize.term(GUIDANCE_TERMS[this.guidance!]) : '\u00a0'}
      </p>
      <div class="actions" part="actions">
        <button
          type="button"
          class="button button--primary"
          part="button-shutter"
          aria-disabled=${this.status === 'live' ? 'false' : 'true'}
          aria-label=${localize.term('captureShutterFor', this.#label)}
          @click=${() => void this.capture()}
        >
          ${localize.term('captureShutter')}
        </button>
        <button type="button" class="button button--secondary" part="button-close" @click=${() => this.#close('close')}>
          ${localize.term('captureClose')}
        </button>
      </div>`;
  }

  #renderReview(): TemplateResult {
    const localize = this.#localize;
    const shot = this.shot;
    if (!shot) return html``;
    const refused = shot.problems.length > 0 && this.quality === 'strict';
    return html`<canvas
        class="preview"
        part="preview"
        width=${shot.preview.width}
        height=${shot.preview.height}
        role="img"
        aria-label=${localize.term('capturePreviewLabel', this.#label)}
        ${drawn(shot.preview)}
      ></canvas>
      ${
        shot.problems.length > 0
          ? html`<div class=${refused ? 'problems problems--danger' : 'problems'} part="problems" role="alert">
            <p>${shot.problems.map((problem) => localize.term(QUALITY_TERMS[problem])).join(' ')}</p>
            <p>${refused ? localize.term('captureRefused') : localize.term('qualityMaySend')}</p>
            <figure class="example" part="example">
              ${photoExample(this.#shape, localize.term('qualityExample'))}
              <figcaption>${localize.term('qualityExampleCaption')}</figcaption>
            </figure>
          </div>`
          : html`<p class="muted">${localize.term('captureReviewHint')}</p>`
      }
      <div class="actions" part="actions">
        ${
          refused
            ? nothing
            : html`<button type="button" class="button button--primary" part="button-use" ?disabled=${this.status === 'done'} @click=${this.#use}>
              ${localize.term(shot.problems.length > 0 ? 'captureUseAnyway' : 'captureUse')}
            </button>`
        }
        <button type="button" class="button button--secondary" part="button-retake" ?disabled=${this.status === 'done'} @click=${this.#retake}>
          ${localize.term('captureRetake')}
        </button>
      </div>`;
  }

  // ── internals ─────────────────────────────────────────────────────────────

  get #shape(): DocumentShape {
    return this.shape || shapeOf(this.attributeKey);
  }

  get #side(): KycCaptureSide {
    if (!this.backLabel) return 'single';
    return this.sideIndex === 0 ? 'front' : 'back';
  }

  get #label(): string {
    return this.sideIndex === 1 && this.backLabel ? this.backLabel : this.label;
  }

  #schedule(): void {
    this.clock.clearTimeout(this.#timer);
    this.#timer = this.clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#analysing = this.#analyse();
      },
      Math.max(ANALYSE_EVERY_MS, Math.round(this.#measureCost / MAX_MEASURE_SHARE)),
    );
  }

  /** Measures the frame's part of the live picture, says what to do, and takes the photo when it has been ready long enough. */
  async #analyse(): Promise<void> {
    const generation = this.#generation;
    const video = this.video;
    if (this.status !== 'live' || !video || video.videoWidth === 0) {
      if (this.status === 'live') this.#schedule();
      return;
    }
    const shape = this.#shape;
    // A picture not there yet (the camera starting) is measured next time.
    const began = this.clock.now();
    const frame = await measureFrame(video, video.videoWidth, video.videoHeight, shape);
    this.#measureCost = this.clock.now() - began;
    if (generation !== this.#generation || this.status !== 'live') return;
    if (!frame) {
      this.#schedule();
      return;
    }
    const motion = this.#previous ? motionBetween(this.#previous, frame.grey) : 0;
    this.#previous = frame.grey;
    const guidance = guidanceFor(frame.measures, motion, shape, this.qualityThresholds);
    this.#steady = guidance === 'ready' ? this.#steady + 1 : 0;
    this.guidance = guidance;
    this.#announce(guidance);
    if (guidance === 'ready') this.#internals.states.add('ready');
    else this.#internals.states.delete('ready');
    if (this.#steady >= STEADY_CHECKS) await (this.#shooting = this.#shoot(true));
    else this.#schedule();
  }

  /**
   * Says the guidance to screen readers once it has held for {@link ANNOUNCE_AFTER} measures and
   * {@link ANNOUNCE_GAP_MS} after the last thing said: a hand that shakes does not make the live
   * region speak five times a second, and "now the back side" is heard before the next guidance.
   */
  #announce(guidance: Guidance): void {
    this.#held = guidance === this.#candidate ? this.#held + 1 : 1;
    this.#candidate = guidance;
    if (this.#held < ANNOUNCE_AFTER || guidance === this.#announced) return;
    if (this.clock.now() - this.#announcedAt < ANNOUNCE_GAP_MS) return;
    this.#announced = guidance;
    this.#say(this.#localize.term(GUIDANCE_TERMS[guidance]));
  }

  /** Puts `text` in the live region. */
  #say(text: string): void {
    this.announcement = text;
    this.#announcedAt = this.clock.now();
  }

  /** Takes the picture at the camera's full size, checks it, and shows it for review. */
  async #shoot(auto: boolean): Promise<void> {
    const video = this.video;
    if (!video || video.videoWidth === 0) return;
    const generation = this.#generation;
    this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.status = 'checking';
    let taken: { blob: Blob; preview: ImageBitmap; report: QualityReport | null };
    try {
      taken = await this.#take(video);
    } catch {
      // The picture could not be encoded or checked (out of memory): the person tries again.
      if (generation === this.#generation && this.status === 'checking') {
        this.status = 'live';
        this.#schedule();
      }
      return;
    }
    const { blob, preview, report } = taken;
    if (generation !== this.#generation) {
      preview.close();
      return;
    }
    const side = this.#side;
    const file = new File([blob], `${this.attributeKey || 'document'}${side === 'single' ? '' : `-${side}`}.jpg`, {
      type: 'image/jpeg',
      lastModified: this.clock.now(),
    });
    const problems = report?.problems ?? [];
    const accepted = problems.length === 0 || this.quality !== 'strict';
    this.shot?.preview.close();
    this.shot = { file, preview, problems };
    this.status = 'review';
    this.#internals.states.delete('live');
    this.#internals.states.delete('ready');
    this.dispatchEvent(new KycCaptureResultEvent({ attributeKey: this.attributeKey, shape: this.#shape, side, auto, problems, accepted }));
    if (!accepted) {
      this.dispatchEvent(
        new KycErrorEvent({
          code: 'upload_rejected',
          message: `The photo was refused before upload: ${problems.join(', ')}.`,
          recoverable: true,
        }),
      );
    }
  }

  /** The video's current picture: encoded as JPEG at full size, checked, and scaled for the review. */
  async #take(video: HTMLVideoElement): Promise<{ blob: Blob; preview: ImageBitmap; report: QualityReport | null }> {
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    const preview = await previewOf(canvas);
    try {
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const picture = canvas.transferToImageBitmap();
      try {
        const report = this.quality === 'off' ? null : await assessPhoto(picture, this.#shape, this.qualityThresholds);
        return { blob, preview, report };
      } finally {
        picture.close();
      }
    } catch (error) {
      preview.close();
      throw error;
    }
  }

  readonly #use = (): void => {
    const shot = this.shot;
    if (!shot || this.status !== 'review') return;
    this.#files[this.sideIndex] = shot.file;
    if (this.backLabel && this.sideIndex === 0) {
      // The back side next, with the camera still on.
      this.sideIndex = 1;
      this.#golive();
      this.#say(this.#localize.term('captureNextSide', this.backLabel));
      return;
    }
    this.status = 'done';
    this.stop();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  readonly #retake = (): void => {
    if (this.status !== 'review') return;
    this.#golive();
  };

  /** Back to the live picture (the camera still runs), measuring afresh. */
  #golive(): void {
    this.shot?.preview.close();
    this.shot = null;
    this.guidance = null;
    this.#previous = null;
    this.#steady = 0;
    this.#candidate = null;
    this.#announced = null; // what the picture says is said again
    if (!this.#stream) {
      void this.start();
      return;
    }
    this.#showing = this.#showPicture();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="button-shutter"]')?.focus());
  }

  #unavailable(problem: CameraProblem): void {
    this.cameraProblem = problem;
    this.status = 'unavailable';
    this.dispatchEvent(
      new KycErrorEvent({ code: 'camera_unavailable', message: `The camera could not be used: ${problem}.`, recoverable: true }),
    );
  }

  #close(reason: KycCaptureCloseDetail['reason']): void {
    const camera = this.status === 'unavailable' ? this.cameraProblem : null;
    this.stop();
    this.dispatchEvent(
      new CustomEvent<KycCaptureCloseDetail>('kyc-capture-close', {
        bubbles: true,
        composed: true,
        detail: Object.freeze({ reason, camera }),
      }),
    );
  }
}

/** Why `getUserMedia` failed, as the person is told it. */
export function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  return 'missing'; // NotFoundError, OverconstrainedError, no camera API
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The picture taken, scaled to {@link PREVIEW_SIDE} at most. */
function previewOf(canvas: OffscreenCanvas): Promise<ImageBitmap> {
  const scale = Math.min(1, PREVIEW_SIDE / Math.max(canvas.width, canvas.height));
  return createImageBitmap(canvas, {
    resizeWidth: Math.max(1, Math.round(canvas.width * scale)),
    resizeHeight: Math.max(1, Math.round(canvas.height * scale)),
    resizeQuality: 'medium',
  });
}

/** An SVG path of the frame, corners rounded. */
function roundedRect({ x, y, width, height }: { x: number; y: number; width: number; height: number }): string {
  const r = Math.min(width, height) * 0.04;
  return (
    `M${x + r} ${y}H${x + width - r}A${r} ${r} 0 0 1 ${x + width} ${y + r}V${y + height - r}` +
    `A${r} ${r} 0 0 1 ${x + width - r} ${y + height}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + height - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-document-capture': KycDocumentCapture;
  }
  interface GlobalEventHandlersEventMap {
    'kyc-capture-close': CustomEvent<KycCaptureCloseDetail>;
  }
}
