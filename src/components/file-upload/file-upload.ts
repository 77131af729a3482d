import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import { KycApiError, type KycClient } from '../../api/index.js';
import { KycErrorEvent, KycUploadProgressEvent } from '../../events/events.js';
import { checkFile, DEFAULT_ACCEPTED_KINDS, DEFAULT_MAX_FILE_BYTES, type FileProblem } from '../../internal/file-check.js';
import { FILE_KIND_MIME_TYPES, type FileKind } from '../../shared/file-type.js';
import { KycElement } from '../../internal/kyc-element.js';
import { errorText } from '../../internal/error-text.js';
import { DEFAULT_PHOTO_MAX_SIDE, fixUpPhoto } from '../../internal/photo-fixup.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { LocalizeController, type TextTermKey, type TranslationOverrides } from '../../utilities/localize.js';
import '../../translations/en-file-upload.js'; // this element's English words
import { clientContext } from '../../context/client-context.js';
import { InheritedProperty } from '../../context/controllers.js';
import { translationsContext } from '../../context/translations-context.js';
import { fileUploadStyles } from './file-upload.styles.js';

/** Where a chosen file stands. */
type ItemStatus = 'checking' | 'refused' | 'uploading' | 'uploaded' | 'failed';

/** A file the person chose in this session (kept in memory only; its name is never shown in an event). */
interface Item {
  readonly id: number;
  /** The file as sent (after the photo fix-up), or as chosen until checked. */
  file: File;
  kind: FileKind | null;
  status: ItemStatus;
  /** Why it was refused (before upload) or failed (the upload). */
  problem: FileProblem | null;
  error: KycApiError | null;
  loaded: number;
  total: number;
  /** The platform's uuid of the uploaded file. */
  uploaded: string | null;
  /** Pages of a PDF, when cheap to count. */
  pages: number | null;
  /** A small picture of an image, drawn once decoded. */
  thumbnail: ImageBitmap | null;
  abort: AbortController;
}

const PROBLEM_TERMS: Readonly<Record<Exclude<FileProblem, 'too-big'>, TextTermKey>> = {
  empty: 'fileEmpty',
  unsupported: 'fileUnsupported',
  mismatch: 'fileMismatch',
  corrupted: 'fileCorrupted',
  undecodable: 'fileUndecodable',
  'too-many-pixels': 'fileTooManyPixels',
};

/** Sumsub's upload errors (platform-api.md, "Upload limits") as messages (1002, too big, has its limit). */
const UPLOAD_ERROR_TERMS: Readonly<Record<number, TextTermKey>> = {
  1000: 'fileDuplicate',
  1001: 'fileTooMany',
  1003: 'fileEmpty',
  1004: 'fileCorrupted',
  1005: 'fileUnsupported',
};

const THUMBNAIL_SIZE = 96;
const DEFAULT_MAX_FILES = 10;
/** How much of a PDF is read to count its pages (larger ones show no count). */
const PDF_PAGE_COUNT_LIMIT = 4 * 1024 * 1024;

let nextItemId = 1;

/**
 * @summary Chooses, checks, fixes and uploads the files of one identity document (or one side of it).
 * @tag kyc-file-upload
 * @status experimental
 * @since 0.1
 *
 * Files come from a keyboard-operable "Choose a file" button, from a drop anywhere on the element,
 * and on touch devices from a separate "Take a photo" button (the camera is offered, never forced).
 * Each file is checked before any byte is sent (empty, over `max-file-size`, real type by its
 * bytes against its name, damaged, too many pixels, not decodable); photos are turned upright,
 * scaled down to `photo-max-side` and re-encoded as JPEG when that makes them smaller (unless
 * `original-photos`); then uploaded at once, with a progress bar, cancel, and the client's retry of
 * a dropped connection. The document itself is made by {@link KycFileUpload.commit} (the step's
 * Continue), from every uploaded file: a document is made once, never twice for one set.
 *
 * Nothing about a file is stored or put into an event: `kyc-upload-progress` carries the attribute
 * key and byte counts only. Thumbnails are drawn on canvases (no object URLs, no `blob:` images,
 * so a strict CSP needs nothing more).
 *
 * @event input - The chosen files changed (read `pending`, `hasFiles`).
 * @event change - A document was made from the files (read `value`).
 * @event {KycUploadProgressEvent} kyc-upload-progress - Bytes of an upload sent. Detail: `{attributeKey, loaded, total}`.
 * @event {KycErrorEvent} kyc-error - An upload or the document's creation failed; the element shows why. Detail: `{code, message, recoverable}`.
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
 * @csspart button-remove - A file's remove button.
 * @csspart button-cancel - An upload's cancel button.
 * @csspart button-retry - A failed upload's retry button.
 *
 * @cssproperty --kyc-file-upload-thumbnail-size - Size of a thumbnail (4rem).
 *
 * @cssstate dragover - Files are dragged over the element.
 */
export class KycFileUpload extends KycElement {
  static override styles = [formControlStyles, fileUploadStyles];

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
  /** Largest file accepted, in bytes (Sumsub's limit, 64 MiB, by default). */
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
   * What describes the field (the question's help and messages), given to the choose button as
   * its description (ids cannot reach across shadow roots).
   */
  @property() description = '';
  /** Per-language overrides of the texts: the enclosing `<kyc-onboarding>`'s unless set here. */
  @property({ attribute: false })
  get translations(): TranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: TranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  // ── state ─────────────────────────────────────────────────────────────────

  @state() private items: Item[] = [];
  /** The last failure of {@link commit}. */
  @state() private commitError: KycApiError | null = null;
  @state() private committing = false;
  /** The last files chosen were more than the document may have. */
  @state() private tooMany = false;
  /** What the live region says: the last upload that finished (failures are alerts of their own). */
  @state() private announcement = '';

  @query('#choose') private chooseButton!: HTMLButtonElement | null;
  @query('#picker') private picker!: HTMLInputElement;
  @query('#camera-picker') private cameraPicker!: HTMLInputElement;

  readonly #localize = new LocalizeController(this);
  readonly #client = new InheritedProperty(this, 'client', clientContext, { fallback: null });
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });
  readonly #internals = this.attachInternals();
  /** The uploaded files the current `value` was made from (a commit with the same set makes nothing). */
  #committedUuids = '';

  constructor() {
    super();
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', this.#onDragLeave);
    this.addEventListener('drop', this.#onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const item of this.items) this.#discard(item);
    this.items = [];
  }

  // ── reading the state ─────────────────────────────────────────────────────

  /** Files are being checked or uploaded (the document cannot be made yet). */
  get pending(): boolean {
    return this.committing || this.items.some((item) => item.status === 'checking' || item.status === 'uploading');
  }

  /** Files were uploaded in this session and wait for {@link commit}. */
  get hasFiles(): boolean {
    return this.items.some((item) => item.status === 'uploaded');
  }

  /** Some chosen file was refused or failed to upload (it must be removed, replaced or retried). */
  get hasProblems(): boolean {
    return this.items.some((item) => item.status === 'refused' || item.status === 'failed');
  }

  /** The files chosen in this session, as sent (for a single-sided document's back side). */
  get files(): File[] {
    return this.items.filter((item) => item.status === 'uploaded').map((item) => item.file);
  }

  // ── public methods ────────────────────────────────────────────────────────

  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLElement>('[data-focus-first]') ?? this.chooseButton)?.focus(options);
  }

  /** Takes files as if the person had chosen them (a drop, the pickers, or another side's files). */
  async addFiles(files: readonly File[]): Promise<void> {
    if (this.disabled || files.length === 0) return;
    const room = this.multiple ? Math.max(0, this.maxFiles - this.items.length) : 1;
    const chosen = files.slice(0, room);
    // Beyond the pages a document may have: said, not silently dropped.
    this.tooMany = files.length > room;
    if (chosen.length === 0) return;
    if (!this.multiple) for (const item of this.items) this.#discard(item);
    const fresh = chosen.map((file) => this.#newItem(file));
    this.items = this.multiple ? [...this.items, ...fresh] : fresh;
    this.commitError = null;
    this.#changed();
    await Promise.all(fresh.map((item) => this.#process(item)));
  }

  /**
   * Makes the document from the uploaded files and takes its uuid as `value` (fires `change`).
   * Nothing is made when no file was uploaded, or when these files already made `value`.
   * `reuse`: upload these files first (a single-sided document's front picture sent again as its
   * back side). Resolves with the value; rejects with the `KycApiError` it also shows.
   */
  async commit(reuse?: readonly File[]): Promise<string> {
    if (reuse && reuse.length > 0) {
      for (const item of this.items) this.#discard(item);
      this.items = [];
      await this.addFiles(reuse);
      if (this.hasProblems)
        throw this.items.find((item) => item.error)?.error ?? new KycApiError('upload_rejected', 'The file was refused.');
    }
    const uuids = this.items.filter((item) => item.status === 'uploaded').map((item) => item.uploaded!);
    const set = uuids.join(',');
    if (uuids.length === 0 || set === this.#committedUuids) return this.value;
    const client = this.#requireClient();
    this.committing = true;
    this.commitError = null;
    try {
      const document = await client.createDocument(this.attributeKey, uuids);
      this.#committedUuids = set;
      this.value = document.uuid;
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return document.uuid;
    } catch (error) {
      const failure = asApiError(error);
      this.commitError = failure;
      this.#report(failure);
      throw failure;
    } finally {
      this.committing = false;
    }
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another document (or another attribute) in this element: the session's files do not belong to it.
    if (changed.has('attributeKey') && changed.get('attributeKey') !== undefined) {
      for (const item of this.items) this.#discard(item);
      this.items = [];
      this.#committedUuids = '';
    }
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const { items } = this;
    const stored = this.value !== '' && (items.length === 0 || this.#isCommitted());
    const canAdd = (this.multiple && items.length < this.maxFiles) || items.length === 0 || stored;
    const chooseTerm = stored || (!this.multiple && items.length > 0) ? 'fileReplace' : items.length > 0 ? 'fileAddPage' : 'fileChoose';
    return html`
      <div class="base" part="base">
        ${
          stored && items.length === 0
            ? html`<p class="status status--done" part="message"><span aria-hidden="true">✓</span> ${this.#localize.term('questionDocumentUploaded')}</p>`
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
          this.commitError
            ? html`<p class="message message--danger" part="message" role="alert">${this.#errorText(this.commitError)}</p>`
            : nothing
        }
        ${
          this.tooMany && this.multiple
            ? html`<p class="message message--danger" part="message" role="alert">${this.#localize.term('fileTooManyPages', this.maxFiles)}</p>`
            : nothing
        }
        <div class="actions" part="actions">
          ${
            canAdd || chooseTerm === 'fileReplace'
              ? html`<button
                id="choose"
                type="button"
                class="button button--secondary"
                part="button-choose"
                ?disabled=${this.disabled || this.committing}
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
                ?disabled=${this.disabled || this.committing}
                aria-label=${this.#localize.term('fileTakePhotoFor', this.label)}
                @click=${() => this.cameraPicker.click()}
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
  #roleOf(item: Item): string {
    const index = this.items.indexOf(item);
    return this.multiple ? this.#localize.term('filePageOf', index + 1, this.label) : this.label;
  }

  #renderItem(item: Item): TemplateResult {
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
            ? html`<span class="status status--done" part="message">${this.#localize.term('questionDocumentUploaded')}</span>`
            : nothing
        }
        ${
          item.status === 'refused' || item.status === 'failed'
            ? html`<span class="message message--danger" part="message" role="alert">${this.#itemProblem(item)}</span>`
            : nothing
        }
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
          item.status !== 'uploading'
            ? html`<button
              type="button"
              class="button button--secondary"
              part="button-remove"
              ?disabled=${this.disabled || this.committing}
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

  // ── handlers ──────────────────────────────────────────────────────────────

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

  #newItem(file: File): Item {
    return {
      id: nextItemId++,
      file,
      kind: null,
      status: 'checking',
      problem: null,
      error: null,
      loaded: 0,
      total: file.size,
      uploaded: null,
      pages: null,
      thumbnail: null,
      abort: new AbortController(),
    };
  }

  /** Checks, fixes and uploads one chosen file. */
  async #process(item: Item): Promise<void> {
    const check = await checkFile(item.file, { maxBytes: this.maxFileSize, accept: this.accept });
    if (!this.items.includes(item)) return; // removed meanwhile
    if (!check.ok) {
      this.#update(item, { status: 'refused', problem: check.problem, kind: check.kind });
      // Bad input is reported like a refusal of the platform (the file's name stays out of it).
      this.dispatchEvent(
        new KycErrorEvent({ code: 'upload_rejected', message: `The file was refused before upload: ${check.problem}.`, recoverable: true }),
      );
      return;
    }
    item.kind = check.kind;
    if (!this.originalPhotos) {
      try {
        const fixed = await fixUpPhoto(item.file, check.kind, { maxSide: this.photoMaxSide });
        item.file = fixed.file;
      } catch {
        // A photo the fix-up cannot handle goes as it is: the platform judges it.
      }
    }
    const [thumbnail, pages] = await Promise.all([thumbnailOf(item.file, item.kind), pageCountOf(item.file, item.kind)]);
    if (!this.items.includes(item)) {
      thumbnail?.close();
      return;
    }
    this.#update(item, { thumbnail, pages });
    await this.#upload(item);
  }

  async #upload(item: Item): Promise<void> {
    const client = this.#requireClient();
    this.#update(item, { status: 'uploading', loaded: 0, total: item.file.size, error: null });
    try {
      const [uploaded] = await client.uploadFiles([item.file], {
        signal: item.abort.signal,
        onProgress: ({ loaded, total }) => {
          this.#update(item, { loaded, total });
          this.dispatchEvent(new KycUploadProgressEvent({ attributeKey: this.attributeKey, loaded, total }));
        },
      });
      if (!uploaded) throw new KycApiError('malformed_response', 'The platform answered the upload without a file.');
      this.#update(item, { status: 'uploaded', uploaded: uploaded.uuid, loaded: item.total });
      this.announcement = this.#localize.term('fileUploadedFor', this.#roleOf(item));
    } catch (error) {
      if (error instanceof KycApiError && error.code === 'aborted') return; // cancelled: the item is gone
      const failure = asApiError(error);
      this.#update(item, { status: 'failed', error: failure });
      this.#report(failure);
    }
  }

  #retry(item: Item): void {
    item.abort = new AbortController();
    void this.#upload(item).then(() => this.focus());
  }

  #remove(item: Item): void {
    const index = this.items.indexOf(item);
    this.tooMany = false;
    this.#discard(item);
    this.items = this.items.filter((candidate) => candidate !== item);
    this.#changed();
    // The focus goes to the next file's remove button, else to the choose button.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part~="button-remove"]');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.chooseButton)?.focus();
    });
  }

  #discard(item: Item): void {
    item.abort.abort();
    item.thumbnail?.close();
    item.thumbnail = null;
  }

  #update(item: Item, changes: Partial<Item>): void {
    Object.assign(item, changes);
    this.items = [...this.items];
    if (changes.status) this.#changed();
  }

  /** The files' state changed: the owner re-validates. */
  #changed(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  #isCommitted(): boolean {
    const uuids = this.items.filter((item) => item.status === 'uploaded').map((item) => item.uploaded!);
    return uuids.length > 0 && uuids.join(',') === this.#committedUuids;
  }

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

  #itemProblem(item: Item): string {
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

  #report(error: KycApiError): void {
    this.dispatchEvent(KycErrorEvent.of(error));
  }

  #requireClient(): KycClient {
    if (!this.client) throw new Error('<kyc-file-upload> needs a client.');
    return this.client;
  }
}

/** Whether sending the same file again may work (not when the platform refused the file itself). */
function canRetry(error: KycApiError): boolean {
  return error.recoverable && error.code !== 'upload_rejected' && error.code !== 'validation';
}

/** A size limit in whole megabytes, as people read it. */
function megabytes(bytes: number): number {
  return Math.max(1, Math.floor(bytes / (1024 * 1024)));
}

function asApiError(error: unknown): KycApiError {
  return error instanceof KycApiError ? error : new KycApiError('malformed_response', 'The upload failed in an unexpected way.');
}

/** A small picture of an image file (none for PDFs, HEIC, or what cannot be decoded). */
async function thumbnailOf(file: File, kind: FileKind | null): Promise<ImageBitmap | null> {
  if (kind !== 'jpeg' && kind !== 'png' && kind !== 'webp') return null;
  try {
    const size = THUMBNAIL_SIZE * Math.min(2, globalThis.devicePixelRatio || 1);
    const full = await createImageBitmap(file);
    const scale = Math.min(1, size / Math.max(full.width, full.height));
    const width = Math.max(1, Math.round(full.width * scale));
    const height = Math.max(1, Math.round(full.height * scale));
    full.close();
    return await createImageBitmap(file, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
  } catch {
    return null;
  }
}

/** The pages of a PDF, counted from its page objects (null when too large to read, or unknown). */
async function pageCountOf(file: File, kind: FileKind | null): Promise<number | null> {
  if (kind !== 'pdf' || file.size > PDF_PAGE_COUNT_LIMIT) return null;
  try {
    const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
    const count = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    return count > 0 ? count : null;
  } catch {
    return null;
  }
}

/** Draws a bitmap on the canvas it is placed on (once per bitmap). */
class DrawnDirective extends Directive {
  #drawn: ImageBitmap | null = null;
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('drawn() goes on a <canvas>.');
  }
  override render(_bitmap: ImageBitmap): unknown {
    return nothing;
  }
  override update(part: ElementPart, [bitmap]: [ImageBitmap]): unknown {
    if (bitmap !== this.#drawn && part.element instanceof HTMLCanvasElement) {
      this.#drawn = bitmap;
      part.element.getContext('2d')?.drawImage(bitmap, 0, 0);
    }
    return nothing;
  }
}
const drawn = directive(DrawnDirective);

declare global {
  interface HTMLElementTagNameMap {
    'kyc-file-upload': KycFileUpload;
  }
}
