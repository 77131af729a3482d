import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { KycApiError, KycClient } from '../../api/index.js';
import type { FileProblem } from '../../internal/file-check.js';
import { shapeOf, type QualityThresholds } from '../../internal/photo-quality.js';
import { photoExample } from '../../internal/photo-example.js';
import { QUALITY_TERMS } from '../../internal/quality-terms.js';
import { FILE_KIND_MIME_TYPES, type FileKind } from '../../shared/file-kinds.js';
import { drawn } from '../../internal/drawn.js';
import { KycElement } from '../../internal/kyc-element.js';
import { errorText } from '../../internal/error-text.js';
import { DEFAULT_ACCEPTED_KINDS, DEFAULT_MAX_FILE_BYTES, DEFAULT_PHOTO_MAX_SIDE } from '../../internal/upload-limits.js';
import { DEFAULT_MAX_FILES, DocumentFiles, type DocumentFile, type DocumentFilesChange } from '../../flow/document-files.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { photoExampleStyles } from '../../styles/photo-example.styles.js';
import type { KycDocumentCapture, KycCaptureCloseDetail } from '../document-capture/document-capture.js';
import { LocalizeController, type TextTermKey, type KycTranslationOverrides } from '../../utilities/localize.js';
import '../../translations/en-file-upload.js'; // this element's English words
import { clientContext } from '../../context/client-context.js';
import { InheritedProperty } from '../../context/controllers.js';
import { translationsContext } from '../../context/translations-context.js';
import { fileUploadStyles } from './file-upload.styles.js';

const PROBLEM_TERMS: Readonly<Record<Exclude<FileProblem, 'too-big'>, TextTermKey>> = {
  empty: 'fileEmpty',
  unsupported: 'fileUnsupported',
  mismatch: 'fileMismatch',
  corrupted: 'fileCorrupted',
  undecodable: 'fileUndecodable',
  'too-many-pixels': 'fileTooManyPixels',
};

/** The parts of `<kyc-document-capture>` re-exported as `capture-<part>` (its `base` as `capture`). */
const CAPTURE_EXPORTPARTS = [
  'base: capture',
  ...[
    'title',
    'viewfinder',
    'video',
    'frame',
    'guidance',
    'preview',
    'problems',
    'example',
    'actions',
    'button-shutter',
    'button-use',
    'button-retake',
    'button-close',
    'button-choose',
    'button-retry',
    'button-open',
  ].map((part) => `${part}: capture-${part}`),
].join(', ');

/** Sumsub's upload errors (platform-api.md, "Upload limits") as messages (1002, too big, has its limit). */
const UPLOAD_ERROR_TERMS: Readonly<Record<number, TextTermKey>> = {
  1000: 'fileDuplicate',
  1001: 'fileTooMany',
  1003: 'fileEmpty',
  1004: 'fileCorrupted',
  1005: 'fileUnsupported',
};

/**
 * @summary Chooses, checks, fixes and uploads the files of one identity document (or one side of it).
 * @tag kyc-file-upload
 * @status experimental
 * @since 0.1
 *
 * Files come from a keyboard-operable "Choose a file" button, from a drop anywhere on the element,
 * and on touch devices from a separate "Take a photo" button (the camera is offered, never forced).
 * "Take a photo" opens `<kyc-document-capture>` (loaded then): the camera in the page, with a frame,
 * guidance, auto-capture and a review; where the browser has no camera API, the phone's own camera
 * app. When the camera cannot be used, the person is told and offered the file chooser.
 * Each file is checked before any byte is sent (empty, over `max-file-size`, real type by its
 * bytes against its name, damaged, too many pixels, not decodable); photos are turned upright,
 * scaled down to `photo-max-side` and re-encoded as JPEG when that makes them smaller (unless
 * `original-photos`); then uploaded at once, with a progress bar, cancel, and the client's retry of
 * a dropped connection. The document itself is made by {@link KycFileUpload.commit} (the step's
 * Continue), from every uploaded file: a document is made once, never twice for one set.
 *
 * The files' state is a `DocumentFiles` (see `src/flow/document-files.ts`): inside `<kyc-onboarding>`
 * the flow's, given by `<kyc-question>` (so chosen files outlive a move to another step, and the
 * flow makes the document when the step is saved); used on its own, the element keeps its own.
 *
 * Nothing about a file is stored or put into an event: `kyc-upload-progress` carries the attribute
 * key and byte counts only. Thumbnails are drawn on canvases (no object URLs, no `blob:` images,
 * so a strict CSP needs nothing more).
 *
 * @event input - The chosen files changed (read `pending`, `hasFiles`).
 * @event change - A document was made from the files (read `value`).
 * @event {KycCaptureStartEvent} kyc-capture-start - From the camera: its picture shows. Detail: `{attributeKey, shape, side}`.
 * @event {KycCaptureResultEvent} kyc-capture-result - From the camera: a photo was taken and checked. Detail: `{attributeKey, shape, side, auto, problems, accepted}`.
 * @event {KycUploadProgressEvent} kyc-upload-progress - Bytes of an upload sent. Detail: `{attributeKey, loaded, total}`.
 * @event {KycErrorEvent} kyc-error - An upload or the document's creation failed; the element shows why. Detail: `{code, message, recoverable, correlationId?}`.
 *
 * @csspart base - The element's box (the drop target).
 * @csspart files - The list of chosen files.
 * @csspart file - One chosen file.
 * @csspart thumbnail - A file's picture or PDF icon.
 * @csspart progress - A file's upload progress bar.
 * @csspart message - A file's problem or status.
 * @csspart actions - The row of buttons.
 * @csspart button-choose - "Choose a file" / "Add a page" / "Replace".
 * @csspart button-camera - "Take a photo".
 * @csspart capture - The camera (`<kyc-document-capture>`) while it is open; its parts are
 *   re-exported as `capture-<part>` (`capture-title`, `-viewfinder`, `-video`, `-frame`, `-guidance`,
 *   `-preview`, `-problems`, `-example`, `-actions`, `-button-shutter`, `-button-use`, `-button-retake`,
 *   `-button-close`, `-button-choose`, `-button-retry`, `-button-open`).
 * @csspart example - The example of a good photo beside a photo's quality problems.
 * @csspart button-remove - A file's remove button.
 * @csspart button-cancel - An upload's cancel button.
 * @csspart button-retry - A failed upload's retry button.
 * @csspart button-retake - "Take it again", beside a photo the quality checks found fault with.
 *
 * @cssproperty --kyc-file-upload-thumbnail-size - Size of a thumbnail (4rem).
 *
 * @cssstate dragover - Files are dragged over the element.
 */
export class KycFileUpload extends KycElement {
  static override styles = [formControlStyles, photoExampleStyles, fileUploadStyles];

  /** @internal The camera is loaded the first time "Take a photo" is pressed. */
  static override lazyDependencies = {
    'kyc-document-capture': () => import('../document-capture/document-capture.js').then((module) => module.KycDocumentCapture),
  };

  // ── public properties ─────────────────────────────────────────────────────

  /** The attribute key the document is for (e.g. `passport`). Required. */
  @property({ attribute: 'attribute-key' }) attributeKey = '';
  /** What the document is, for the buttons' names ("Remove Passport", "Remove page 2 of Passport"). */
  @property() label = '';
  /** The stored document's uuid; a new one once {@link commit} made it. */
  @property() value = '';
  /** Uploads the files and makes the document: the enclosing `<kyc-onboarding>`'s client unless set here. */
  @property({ attribute: false })
  get client(): KycClient | null {
    return this.#client.value;
  }
  set client(value: KycClient | null) {
    this.#client.set(value);
  }
  /** Several files (the pages of one document) may be given. */
  @property({ type: Boolean }) multiple = false;
  /** Most pages one document may have (the platform takes 10 files a request). */
  @property({ type: Number, attribute: 'max-files' }) maxFiles: number = DEFAULT_MAX_FILES;
  /** Largest file accepted, in bytes (Sumsub's limit, 64 MB, by default). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize: number = DEFAULT_MAX_FILE_BYTES;
  /** Accepted formats, by their real type. */
  @property({ attribute: false }) accept: readonly FileKind[] = DEFAULT_ACCEPTED_KINDS;
  /** Longest side of a photo after the fix-up, in pixels. */
  @property({ type: Number, attribute: 'photo-max-side' }) photoMaxSide: number = DEFAULT_PHOTO_MAX_SIDE;
  /** Send photos exactly as chosen (no turning, scaling or re-encoding). */
  @property({ type: Boolean, attribute: 'original-photos' }) originalPhotos = false;
  /** "Take a photo": `auto` on touch devices only, `always`, or `never`. */
  @property() camera: 'auto' | 'always' | 'never' = 'auto';
  @property({ type: Boolean, reflect: true }) disabled = false;
  /**
   * What a photo's quality checks (resolution, blur, dark, over-exposed, glare, the document cut
   * off or too small) lead to: `warn` (default) says what to fix and lets the person send it;
   * `strict` refuses it until retaken; `off` checks nothing.
   */
  @property() quality: 'strict' | 'warn' | 'off' = 'warn';
  /** The quality checks' thresholds where the host's differ (see `QualityThresholds`). */
  @property({ attribute: false }) qualityThresholds: Partial<QualityThresholds> = {};
  /**
   * The stored document has a note from the identity check (it could not be read): it is shown as
   * stored with a note, never as done (no tick, not in the success colour). The note itself is the
   * question's.
   */
  @property({ type: Boolean }) flagged = false;
  /**
   * What describes the field (the question's help and messages), given to the choose button as
   * its description (ids cannot reach across shadow roots).
   */
  @property() description = '';
  /** Per-language overrides of the texts: the enclosing `<kyc-onboarding>`'s unless set here. */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  /**
   * @internal The files' state to show: the flow's for this document (given by `<kyc-question>`),
   * else one of the element's own.
   */
  @property({ attribute: false }) documentFiles: DocumentFiles | null = null;

  /**
   * @internal The back side of this (front) side, asked beside it: the camera takes it after the
   * front, and its photo goes to the back side's files.
   */
  @property({ attribute: false }) captureBack: { label: string; files: DocumentFiles } | null = null;

  // ── state ─────────────────────────────────────────────────────────────────

  /** What the live region says: the last upload that finished (failures are alerts of their own). */
  @state() private announcement = '';
  /** The camera is open (in place of the buttons). */
  @state() private capturing = false;

  @query('#choose') private chooseButton!: HTMLButtonElement | null;
  @query('#picker') private picker!: HTMLInputElement;
  @query('#camera-picker') private cameraPicker!: HTMLInputElement;

  readonly #localize = new LocalizeController(this);
  readonly #client = new InheritedProperty(this, 'client', clientContext, { fallback: null });
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });
  readonly #internals = this.attachInternals();
  /** The files' state of the element's own (used on its own), made when first needed. */
  #own: DocumentFiles | null = null;
  /** The state listened to, and how to stop. */
  #listening: { files: DocumentFiles; stop: () => void } | null = null;
  /** The document last seen made (a new one is the element's new `value`). */
  #seenDocument: string | null = null;

  constructor() {
    super();
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', this.#onDragLeave);
    this.addEventListener('drop', this.#onDrop);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listening?.stop();
    this.#listening = null;
    // Its own files go with the element; the flow's stay with the flow.
    this.#own?.clear();
    this.#own = null;
  }

  // ── reading the state ─────────────────────────────────────────────────────

  /** Files are being checked or uploaded (the document cannot be made yet). */
  get pending(): boolean {
    return this.#files.pending;
  }

  /** Files were uploaded and wait for {@link commit}. */
  get hasFiles(): boolean {
    return this.#files.hasFiles;
  }

  /** Some chosen file was refused or failed to upload (it must be removed, replaced or retried). */
  get hasProblems(): boolean {
    return this.#files.hasProblems;
  }

  /** The uploaded files, as sent. */
  get files(): File[] {
    return this.#files.files;
  }

  /** The state shown: the one given, else the element's own. */
  get #files(): DocumentFiles {
    if (this.documentFiles) return this.documentFiles;
    this.#own ??= new DocumentFiles(this.attributeKey, { client: () => this.client, events: this }, this.#settings());
    return this.#own;
  }

  #settings() {
    return {
      quality: this.quality,
      multiple: this.multiple,
      maxFiles: this.maxFiles,
      maxFileSize: this.maxFileSize,
      accept: this.accept,
      photoMaxSide: this.photoMaxSide,
      originalPhotos: this.originalPhotos,
      qualityThresholds: this.qualityThresholds,
    };
  }

  // ── public methods ────────────────────────────────────────────────────────

  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLElement>('[data-focus-first]') ?? this.chooseButton)?.focus(options);
  }

  /** Takes files as if the person had chosen them (a drop, the pickers). */
  async addFiles(files: readonly File[]): Promise<void> {
    if (this.disabled || files.length === 0) return;
    const state = this.#files;
    state.configure(this.#settings());
    await state.add(files);
  }

  /**
   * Makes the document from the uploaded files and takes its uuid as `value` (fires `change`).
   * Nothing is made when no file was uploaded, or when these files already made `value`.
   * `reuse`: make it from these files instead, sent as they are. Resolves with the value; rejects
   * with the `KycApiError` it also shows.
   */
  async commit(reuse?: readonly File[]): Promise<string> {
    const state = this.#files;
    if (reuse && reuse.length > 0) await state.commitCopyOf(reuse);
    else await state.commit();
    return this.value;
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another document (or another attribute) in this element: the files of its own do not belong to it.
    if (changed.has('attributeKey') && changed.get('attributeKey') !== undefined && this.#own) {
      this.#own.clear();
      this.#own = null;
    }
    // The settings of the state shown follow the element's (its own state is made with them).
    (this.documentFiles ?? this.#own)?.configure(this.#settings());
    if (changed.has('documentFiles') || changed.has('attributeKey')) this.#listen();
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const state = this.#files;
    const { items } = state;
    const stored = this.value !== '' && (items.length === 0 || state.committed);
    const canAdd = (this.multiple && items.length < this.maxFiles) || items.length === 0 || stored;
    const chooseTerm = stored || (!this.multiple && items.length > 0) ? 'fileReplace' : items.length > 0 ? 'fileAddPage' : 'fileChoose';
    return html`
      <div class="base" part="base">
        ${
          stored && items.length === 0
            ? this.flagged
              ? html`<p class="status status--warning" part="message"><span aria-hidden="true">!</span> ${this.#localize.term('fileStoredWithNote')}</p>`
              : html`<p class="status status--done" part="message"><span aria-hidden="true">✓</span> ${this.#localize.term('questionDocumentUploaded')}</p>`
            : nothing
        }
        ${
          items.length > 0
            ? html`<ul class="files" part="files" aria-label=${this.label}>
              ${repeat(
                items,
                (item) => item.id,
                (item) => this.#renderItem(item),
              )}
            </ul>`
            : nothing
        }
        ${
          state.commitError
            ? html`<p class="message message--danger" part="message" role="alert">${this.#errorText(state.commitError)}</p>`
            : nothing
        }
        ${
          state.tooMany && this.multiple
            ? html`<p class="message message--danger" part="message" role="alert">${this.#localize.term('fileTooManyPages', this.maxFiles)}</p>`
            : nothing
        }
        ${
          this.capturing
            ? html`<kyc-document-capture
                exportparts=${CAPTURE_EXPORTPARTS}
                attribute-key=${this.attributeKey}
                label=${this.label}
                back-label=${this.captureBack && this.captureBack.files.items.length === 0 ? this.captureBack.label : ''}
                quality=${this.quality}
                .qualityThresholds=${this.qualityThresholds}
                @change=${this.#onCaptured}
                @kyc-capture-close=${this.#onCaptureClosed}
              ></kyc-document-capture>`
            : nothing
        }
        <div class="actions" part="actions" ?hidden=${this.capturing}>
          ${
            canAdd || chooseTerm === 'fileReplace'
              ? html`<button
                id="choose"
                type="button"
                class="button button--secondary"
                part="button-choose"
                ?disabled=${this.disabled || this.#files.committing}
                aria-label=${this.#localize.term(chooseTerm === 'fileChoose' ? 'fileChooseFor' : chooseTerm === 'fileAddPage' ? 'fileAddPageFor' : 'fileReplaceFor', this.label)}
                aria-description=${this.description || nothing}
                @click=${() => this.picker.click()}
              >
                ${this.#localize.term(chooseTerm)}
              </button>`
              : nothing
          }
          ${
            this.#cameraOffered()
              ? html`<button
                type="button"
                class="button button--secondary"
                part="button-camera"
                ?disabled=${this.disabled || this.#files.committing}
                aria-label=${this.#localize.term('fileTakePhotoFor', this.label)}
                @click=${this.#openCamera}
              >
                ${this.#localize.term('fileTakePhoto')}
              </button>`
              : nothing
          }
          <span class="hint">${this.#localize.term('fileDropHint')}</span>
        </div>
        <div id="status" class="visually-hidden" role="status">${this.announcement}</div>
        <input
          id="picker"
          type="file"
          class="picker"
          tabindex="-1"
          aria-hidden="true"
          accept=${this.#acceptAttribute()}
          ?multiple=${this.multiple}
          @change=${this.#onPicked}
        />
        <input
          id="camera-picker"
          type="file"
          class="picker"
          tabindex="-1"
          aria-hidden="true"
          accept="image/*"
          capture="environment"
          @change=${this.#onPicked}
        />
      </div>
    `;
  }

  /** What a file is for, in words: the document, or its page. */
  #roleOf(item: DocumentFile): string {
    const index = this.#files.items.indexOf(item);
    return this.multiple ? this.#localize.term('filePageOf', index + 1, this.label) : this.label;
  }

  #renderItem(item: DocumentFile): TemplateResult {
    const role = this.#roleOf(item);
    const percent = item.total > 0 ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
    return html`<li class="file file--${item.status}" part="file">
      <span class="thumbnail" part="thumbnail">
        ${
          item.thumbnail
            ? html`<canvas
              width=${item.thumbnail.width}
              height=${item.thumbnail.height}
              aria-hidden="true"
              ${drawn(item.thumbnail)}
            ></canvas>`
            : html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M6 2h8l6 6v14H6z" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M14 2v6h6" fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>`
        }
      </span>
      <span class="details">
        <span class="role" dir="auto">${role}</span>
        ${item.pages !== null ? html`<span class="muted">${this.#localize.term('filePages', item.pages)}</span>` : nothing}
        ${item.status === 'checking' ? html`<span class="muted" part="message">${this.#localize.term('fileChecking')}</span>` : nothing}
        ${
          item.status === 'uploading'
            ? html`<progress
                part="progress"
                max="100"
                .value=${percent}
                aria-label=${this.#localize.term('fileUploadingFor', role)}
              ></progress>
              <span class="muted" aria-hidden="true">${this.#localize.number(percent / 100, { style: 'percent' })}</span>`
            : nothing
        }
        ${
          item.status === 'uploaded'
            ? this.flagged && this.#files.committed
              ? html`<span class="status status--warning" part="message">${this.#localize.term('fileStoredWithNote')}</span>`
              : html`<span class="status status--done" part="message">${this.#localize.term('questionDocumentUploaded')}</span>`
            : nothing
        }
        ${
          item.status === 'refused' || item.status === 'failed'
            ? html`<span class="message message--danger" part="message" role="alert">${this.#itemProblem(item)}</span>`
            : nothing
        }
        ${
          item.status !== 'refused' && item.quality.length > 0
            ? html`<span class="message message--warning" part="message quality" role="status">
                ${this.#qualityText(item)} ${this.#localize.term('qualityMaySend')}
              </span>`
            : nothing
        }
        ${item.quality.length > 0 ? this.#renderExample() : nothing}
      </span>
      <span class="file-actions">
        ${
          item.status === 'uploading'
            ? html`<button type="button" class="button button--secondary" part="button-cancel" aria-label=${this.#localize.term('fileCancelFor', role)} @click=${() => this.#remove(item)}>
              ${this.#localize.term('fileCancel')}
            </button>`
            : nothing
        }
        ${
          item.status === 'failed' && item.error && canRetry(item.error)
            ? html`<button type="button" class="button button--secondary" part="button-retry" data-focus-first aria-label=${this.#localize.term('fileRetryFor', role)} @click=${() => this.#retry(item)}>
              ${this.#localize.term('fileRetry')}
            </button>`
            : nothing
        }
        ${
          item.quality.length > 0 && (item.status === 'uploaded' || item.status === 'refused')
            ? html`<button
              type="button"
              class="button button--secondary"
              part="button-retake"
              ?disabled=${this.disabled || this.#files.committing}
              aria-label=${this.#localize.term('fileRetakeFor', role)}
              @click=${() => this.#retake(item)}
            >
              ${this.#localize.term('fileRetake')}
            </button>`
            : nothing
        }
        ${
          item.status !== 'uploading'
            ? html`<button
              type="button"
              class="button button--secondary"
              part="button-remove"
              ?disabled=${this.disabled || this.#files.committing}
              aria-label=${this.#localize.term('fileRemoveFor', role)}
              @click=${() => this.#remove(item)}
            >
              ${this.#localize.term('fileRemove')}
            </button>`
            : nothing
        }
      </span>
    </li>`;
  }

  /** What a good photo looks like, beside what the checks found. */
  #renderExample(): TemplateResult {
    return html`<figure class="example" part="example">
      ${photoExample(shapeOf(this.attributeKey), this.#localize.term('qualityExample'))}
      <figcaption>${this.#localize.term('qualityExampleCaption')}</figcaption>
    </figure>`;
  }

  // ── handlers ──────────────────────────────────────────────────────────────

  /** "Take a photo": the camera in the page (loaded now), else the phone's camera app. */
  readonly #openCamera = async (): Promise<void> => {
    if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      this.cameraPicker.click();
      return;
    }
    this.capturing = true;
    try {
      await this.need('kyc-document-capture');
    } catch {
      // The camera's code did not arrive (offline): the phone's camera app, or the chooser, instead.
      this.capturing = false;
      this.cameraPicker.click();
      return;
    }
    await this.updateComplete;
    this.#capture?.focus();
  };

  get #capture(): KycDocumentCapture | null {
    return this.renderRoot.querySelector('kyc-document-capture');
  }

  /** The photos were used: the front (or only) one is this document's, a back one its back side's. */
  readonly #onCaptured = (event: Event): void => {
    event.stopPropagation(); // the element's own `change` means a document was made
    const [photo, back] = (event.currentTarget as KycDocumentCapture).files;
    this.capturing = false;
    if (back && this.captureBack) void this.captureBack.files.add([back]);
    if (photo) void this.addFiles([photo]);
    void this.updateComplete.then(() => this.focus());
  };

  /** The camera was closed; "Choose a file instead" opens the chooser (still in the click). */
  readonly #onCaptureClosed = (event: CustomEvent<KycCaptureCloseDetail>): void => {
    event.stopPropagation(); // the camera's own business: the host sees the files, or the chooser
    // A front side already used stays, though the back was not taken.
    const [used] = (event.currentTarget as KycDocumentCapture).files;
    this.capturing = false;
    if (event.detail.reason === 'choose-file') this.picker.click();
    if (used) void this.addFiles([used]);
    void this.updateComplete.then(() => this.focus());
  };

  readonly #onPicked = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file may be chosen again after a removal
    void this.addFiles(files);
  };

  readonly #onDragOver = (event: DragEvent): void => {
    if (this.disabled || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.#internals.states.add('dragover');
  };

  readonly #onDragLeave = (): void => {
    this.#internals.states.delete('dragover');
  };

  readonly #onDrop = (event: DragEvent): void => {
    this.#internals.states.delete('dragover');
    if (this.disabled || !event.dataTransfer) return;
    event.preventDefault();
    void this.addFiles([...event.dataTransfer.files]);
  };

  // ── internals ─────────────────────────────────────────────────────────────

  /** A photo the checks found fault with goes, and the camera (or the chooser) opens for another, in the same click. */
  #retake(item: DocumentFile): void {
    this.#files.remove(item);
    if (this.#cameraOffered()) void this.#openCamera();
    else {
      this.picker.click();
      void this.updateComplete.then(() => this.focus()); // the focused button went with the photo
    }
  }

  #retry(item: DocumentFile): void {
    void this.#files.retry(item).then(() => this.focus());
  }

  #remove(item: DocumentFile): void {
    const state = this.#files;
    const index = state.items.indexOf(item);
    state.remove(item);
    // The focus goes to the next file's remove button, else to the choose button.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part~="button-remove"]');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.chooseButton)?.focus();
    });
  }

  /** Follows the state shown: renders its changes, and says them with `input` and `change`. */
  #listen(): void {
    if (!this.isConnected) return;
    const files = this.#files;
    if (this.#listening?.files === files) return;
    this.#listening?.stop();
    this.#seenDocument = files.document;
    this.#listening = { files, stop: files.subscribe((change) => this.#onFilesChange(files, change)) };
    this.requestUpdate();
  }

  #onFilesChange(files: DocumentFiles, change: DocumentFilesChange): void {
    this.requestUpdate();
    if (change === 'files') {
      const last = files.lastUploaded;
      if (last && last.status === 'uploaded' && last !== this.#announced) {
        this.#announced = last;
        this.announcement = this.#localize.term('fileUploadedFor', this.#roleOf(last));
      }
      // The files' state changed: the owner re-validates.
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    if (change === 'document' && files.document !== this.#seenDocument) {
      this.#seenDocument = files.document;
      this.value = files.document ?? '';
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }

  /** The upload last announced. */
  #announced: DocumentFile | null = null;

  #cameraOffered(): boolean {
    if (this.camera === 'never') return false;
    if (this.camera === 'always') return true;
    return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  }

  #acceptAttribute(): string {
    const extensions: Partial<Record<FileKind, string>> = {
      jpeg: '.jpg,.jpeg',
      png: '.png',
      pdf: '.pdf',
      heic: '.heic,.heif',
      webp: '.webp',
    };
    return this.accept
      .flatMap((kind) => [FILE_KIND_MIME_TYPES[kind], extensions[kind] ?? ''])
      .filter(Boolean)
      .join(',');
  }

  /** What to fix in the photo, one sentence per problem its checks found. */
  #qualityText(item: DocumentFile): string {
    return item.quality.map((problem) => this.#localize.term(QUALITY_TERMS[problem])).join(' ');
  }

  #itemProblem(item: DocumentFile): string {
    if (item.quality.length > 0 && item.status === 'refused') return this.#qualityText(item);
    if (item.problem) {
      return item.problem === 'too-big'
        ? this.#localize.term('fileTooBig', megabytes(this.maxFileSize))
        : this.#localize.term(PROBLEM_TERMS[item.problem]);
    }
    return item.error ? this.#errorText(item.error) : '';
  }

  #errorText(error: KycApiError): string {
    const code = error.uploadError?.errorCode;
    if (code === 1002) return this.#localize.term('fileTooBig', megabytes(DEFAULT_MAX_FILE_BYTES));
    const term = code === undefined ? undefined : UPLOAD_ERROR_TERMS[code];
    if (term) return this.#localize.term(term);
    // A DRF refusal of the upload or of the document: its fields are ours, not the person's.
    return errorText(this.#localize, error, { validation: 'errorUploadRejected' });
  }
}

/** Whether sending the same file again may work (not when the platform refused the file itself). */
function canRetry(error: KycApiError): boolean {
  return error.recoverable && error.code !== 'upload_rejected' && error.code !== 'validation';
}

/** A size limit in whole megabytes (decimal, as Sumsub and file managers write them). */
function megabytes(bytes: number): number {
  return Math.max(1, Math.floor(bytes / 1_000_000));
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-file-upload': KycFileUpload;
  }
}
