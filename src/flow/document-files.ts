import { KycApiError, type KycClient } from '../api/index.js';
import { KycErrorEvent, KycUploadProgressEvent } from '../events/events.js';
import type { FileProblem } from '../internal/file-check.js';
import { DEFAULT_ACCEPTED_KINDS, DEFAULT_MAX_FILE_BYTES, DEFAULT_PHOTO_MAX_SIDE } from '../internal/upload-limits.js';
import type { FileKind } from '../shared/file-kinds.js';
import type { QualityProblem, QualityThresholds } from '../internal/photo-quality.js';

/** Where a chosen file stands. */
export type DocumentFileStatus = 'checking' | 'refused' | 'uploading' | 'uploaded' | 'failed';

/** A file the person chose (kept in memory only; its name is never put into an event). */
export interface DocumentFile {
  readonly id: number;
  /** The file as sent (after the photo fix-up), or as chosen until checked. */
  readonly file: File;
  readonly kind: FileKind | null;
  readonly status: DocumentFileStatus;
  /** Why it was refused before upload. */
  readonly problem: FileProblem | null;
  /** What the photo's quality checks found (none: nothing, or nothing checked). */
  readonly quality: readonly QualityProblem[];
  /** Why its upload failed. */
  readonly error: KycApiError | null;
  readonly loaded: number;
  readonly total: number;
  /** The platform's uuid of the uploaded file. */
  readonly uploaded: string | null;
  /** Pages of a PDF, when cheap to count. */
  readonly pages: number | null;
  /** A small picture of an image, drawn once decoded. */
  readonly thumbnail: ImageBitmap | null;
}

/** How files are taken, checked and fixed (`<kyc-file-upload>`'s settings of the same names). */
export interface DocumentFilesSettings {
  /** Several files (the pages of one document) may be given. */
  multiple: boolean;
  /** Most pages one document may have. */
  maxFiles: number;
  /** Largest file accepted, in bytes. */
  maxFileSize: number;
  /** Accepted formats, by their real type. */
  accept: readonly FileKind[];
  /** Longest side of a photo after the fix-up, in pixels. */
  photoMaxSide: number;
  /** Send photos exactly as chosen. */
  originalPhotos: boolean;
  /**
   * What a photo's quality checks lead to: `strict`, a photo they find fault with is refused (the
   * person retakes it); `warn`, it is said and the person may send it anyway; `off`, no check.
   */
  quality: 'strict' | 'warn' | 'off';
  /** The checks' thresholds, where the host's differ. */
  qualityThresholds: Partial<QualityThresholds>;
}

/** What changed: the files or their statuses, an upload's progress, the document made. */
export type DocumentFilesChange = 'files' | 'progress' | 'document';

/** Where a {@link DocumentFiles} works: its client, and where its events go. */
export interface DocumentFilesHost {
  /** The API client that uploads and makes the document (null: not yet). */
  client(): KycClient | null;
  /** Where `kyc-upload-progress` and `kyc-error` are fired. */
  readonly events: EventTarget;
}

export const DEFAULT_MAX_FILES = 10;
const THUMBNAIL_SIZE = 96;
/** How much of a PDF is read to count its pages (larger ones show no count). */
const PDF_PAGE_COUNT_LIMIT = 4 * 1024 * 1024;

let nextId = 1;

/** A file and what is private to it (the way to stop its upload). */
interface Entry extends DocumentFile {
  abort: AbortController;
}

/**
 * The files of one identity document (or one side of it) on their way to becoming a document:
 * chosen, checked before any byte is sent (empty, too big, real type by its bytes, damaged, too many
 * pixels, not decodable), fixed (photos turned upright, scaled to `photoMaxSide`, re-encoded as
 * JPEG when smaller, unless `originalPhotos`), uploaded at once with progress, and made into the
 * document by {@link DocumentFiles.commit} — once per set of uploaded files, never twice.
 *
 * State, not an element: the flow keeps one per document question of the application (so what a
 * person chose survives a move to another step), and `<kyc-file-upload>` renders the one it is
 * given (or one of its own, used on its own). Listeners hear every change synchronously.
 */
export class DocumentFiles {
  readonly attributeKey: string;
  settings: DocumentFilesSettings = {
    multiple: false,
    maxFiles: DEFAULT_MAX_FILES,
    maxFileSize: DEFAULT_MAX_FILE_BYTES,
    accept: DEFAULT_ACCEPTED_KINDS,
    photoMaxSide: DEFAULT_PHOTO_MAX_SIDE,
    originalPhotos: false,
    quality: 'warn',
    qualityThresholds: {},
  };
  /** The chosen files, in order. */
  items: readonly DocumentFile[] = [];
  /** The document last made from these files (its uuid), or null. */
  document: string | null = null;
  /** The last failure of {@link commit}. */
  commitError: KycApiError | null = null;
  committing = false;
  /** The last files chosen were more than the document may have. */
  tooMany = false;
  /** The file whose upload ended last (for the live region), or null. */
  lastUploaded: DocumentFile | null = null;

  readonly #host: DocumentFilesHost;
  readonly #listeners = new Set<(change: DocumentFilesChange) => void>();
  /** The uploaded files the current {@link document} was made from. */
  #committed = '';

  constructor(attributeKey: string, host: DocumentFilesHost, settings: Partial<DocumentFilesSettings> = {}) {
    this.attributeKey = attributeKey;
    this.#host = host;
    this.configure(settings);
  }

  /** Changes how files are taken from now on (files already taken stay as they are). */
  configure(settings: Partial<DocumentFilesSettings>): void {
    this.settings = { ...this.settings, ...definedOnly(settings) };
  }

  /** Hears every change; returns the way to stop. */
  subscribe(listener: (change: DocumentFilesChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ── reading the state ─────────────────────────────────────────────────────

  /** Files are being checked or uploaded, or the document made (it cannot be made now). */
  get pending(): boolean {
    return this.committing || this.items.some((item) => item.status === 'checking' || item.status === 'uploading');
  }

  /** Files were uploaded and wait for {@link commit}. */
  get hasFiles(): boolean {
    return this.items.some((item) => item.status === 'uploaded');
  }

  /** Some chosen file was refused or failed to upload (it must be removed, replaced or retried). */
  get hasProblems(): boolean {
    return this.items.some((item) => item.status === 'refused' || item.status === 'failed');
  }

  /** The uploaded files, as sent. */
  get files(): File[] {
    return this.items.filter((item) => item.status === 'uploaded').map((item) => item.file);
  }

  /** Whether {@link document} was made from exactly the files uploaded now. */
  get committed(): boolean {
    const set = this.#uploadedSet();
    return set !== '' && set === this.#committed;
  }

  // ── moves ─────────────────────────────────────────────────────────────────

  /** Takes files (the pickers, a drop): checks, fixes and uploads each. */
  async add(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const { multiple, maxFiles } = this.settings;
    const room = multiple ? Math.max(0, maxFiles - this.items.length) : 1;
    const chosen = files.slice(0, room);
    // Beyond the pages a document may have: said, not silently dropped.
    this.tooMany = files.length > room;
    if (chosen.length === 0) {
      this.#changed('files');
      return;
    }
    if (!multiple) for (const item of this.items) discard(item as Entry);
    const fresh = chosen.map((file) => newEntry(file));
    this.items = multiple ? [...this.items, ...fresh] : fresh;
    this.commitError = null;
    this.#changed('files');
    await Promise.all(fresh.map((item) => this.#process(item, !this.settings.originalPhotos)));
  }

  /** Removes a file (cancelling its upload). */
  remove(file: DocumentFile): void {
    this.tooMany = false;
    discard(file as Entry);
    this.items = this.items.filter((candidate) => candidate !== file);
    this.#changed('files');
  }

  /** Uploads a failed file again. */
  async retry(file: DocumentFile): Promise<void> {
    const entry = file as Entry;
    if (!this.items.includes(entry)) return;
    entry.abort = new AbortController();
    await this.#upload(entry);
  }

  /**
   * Makes the document from the uploaded files and keeps its uuid as {@link document}. Nothing is
   * made when no file was uploaded, or when these files made it already. Resolves with the
   * document (null when none); rejects with the `KycApiError` it also keeps and reports.
   */
  async commit(): Promise<string | null> {
    const uuids = this.items.filter((item) => item.status === 'uploaded').map((item) => item.uploaded!);
    const set = uuids.join(',');
    if (uuids.length === 0 || set === this.#committed) return this.document;
    const client = this.#requireClient();
    this.committing = true;
    this.commitError = null;
    this.#changed('files');
    try {
      const made = await client.createDocument(this.attributeKey, uuids);
      this.#committed = set;
      this.document = made.uuid;
      this.committing = false;
      this.#changed('document');
      return made.uuid;
    } catch (error) {
      const failure = asApiError(error);
      this.commitError = failure;
      this.committing = false;
      this.#changed('files');
      this.#report(failure);
      throw failure;
    }
  }

  /**
   * Makes the document from other files, sent as they are (a single-sided document's front picture
   * sent again as its back side): what was chosen here is replaced.
   */
  async commitCopyOf(files: readonly File[]): Promise<string | null> {
    this.clear();
    const fresh = files.map((file) => newEntry(file));
    this.items = fresh;
    this.#changed('files');
    await Promise.all(fresh.map((item) => this.#process(item, false)));
    if (this.hasProblems) {
      throw this.items.find((item) => item.error)?.error ?? new KycApiError('upload_rejected', 'The file was refused.');
    }
    return this.commit();
  }

  /** Drops every file (cancelling uploads) and forgets the document made. */
  clear(): void {
    for (const item of this.items) discard(item as Entry);
    this.items = [];
    this.#committed = '';
    this.document = null;
    this.commitError = null;
    this.tooMany = false;
    this.lastUploaded = null;
    this.#changed('files');
  }

  // ── internals ─────────────────────────────────────────────────────────────

  /** Checks, fixes (when `fix`) and uploads one chosen file. */
  async #process(item: Entry, fix: boolean): Promise<void> {
    const { maxFileSize, accept, photoMaxSide, quality, qualityThresholds } = this.settings;
    // The checks and the fix-up arrive with the first file (a chunk of their own in the CDN build).
    const { checkFile, fixUpPhoto, problemsOf } = await import('../internal/file-processing.js');
    const check = await checkFile(item.file, { maxBytes: maxFileSize, accept });
    if (!this.items.includes(item)) return; // removed meanwhile
    if (!check.ok) {
      this.#update(item, { status: 'refused', problem: check.problem, kind: check.kind });
      // Bad input is reported like a refusal of the platform (the file's name stays out of it).
      this.#host.events.dispatchEvent(
        new KycErrorEvent({ code: 'upload_rejected', message: `The file was refused before upload: ${check.problem}.`, recoverable: true }),
      );
      return;
    }
    let file = item.file;
    // The quality checks run beside the fix-up, on the photo as chosen (a PDF or HEIC: nothing to check).
    const checked = quality === 'off' ? Promise.resolve([]) : problemsOf(item.file, check.kind, this.attributeKey, qualityThresholds);
    if (fix) {
      try {
        file = (await fixUpPhoto(item.file, check.kind, { maxSide: photoMaxSide })).file;
      } catch {
        // A photo the fix-up cannot handle goes as it is: the platform judges it.
      }
    }
    const problems = await checked;
    if (!this.items.includes(item)) return;
    if (problems.length > 0 && quality === 'strict') {
      this.#update(item, { status: 'refused', quality: problems, kind: check.kind });
      this.#host.events.dispatchEvent(
        new KycErrorEvent({
          code: 'upload_rejected',
          message: `The photo was refused before upload: ${problems.join(', ')}.`,
          recoverable: true,
        }),
      );
      return;
    }
    const [thumbnail, pages] = await Promise.all([thumbnailOf(file, check.kind), pageCountOf(file, check.kind)]);
    if (!this.items.includes(item)) {
      thumbnail?.close();
      return;
    }
    this.#update(item, { file, kind: check.kind, thumbnail, pages, quality: problems }, 'progress');
    await this.#upload(item);
  }

  async #upload(item: Entry): Promise<void> {
    const client = this.#requireClient();
    this.#update(item, { status: 'uploading', loaded: 0, total: item.file.size, error: null });
    try {
      const [uploaded] = await client.uploadFiles([item.file], {
        signal: item.abort.signal,
        onProgress: ({ loaded, total }) => {
          this.#update(item, { loaded, total }, 'progress');
          this.#host.events.dispatchEvent(new KycUploadProgressEvent({ attributeKey: this.attributeKey, loaded, total }));
        },
      });
      if (!uploaded) throw new KycApiError('malformed_response', 'The platform answered the upload without a file.');
      this.lastUploaded = item;
      this.#update(item, { status: 'uploaded', uploaded: uploaded.uuid, loaded: item.total });
    } catch (error) {
      if (error instanceof KycApiError && error.code === 'aborted') return; // cancelled: the item is gone
      const failure = asApiError(error);
      this.#update(item, { status: 'failed', error: failure });
      this.#report(failure);
    }
  }

  #update(item: Entry, changes: Partial<Entry>, change: DocumentFilesChange = 'files'): void {
    Object.assign(item, changes);
    this.items = [...this.items];
    this.#changed(changes.status ? 'files' : change);
  }

  #uploadedSet(): string {
    return this.items
      .filter((item) => item.status === 'uploaded')
      .map((item) => item.uploaded!)
      .join(',');
  }

  #changed(change: DocumentFilesChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  #report(error: KycApiError): void {
    this.#host.events.dispatchEvent(KycErrorEvent.of(error));
  }

  #requireClient(): KycClient {
    const client = this.#host.client();
    if (!client) throw new Error('The document files have no API client.');
    return client;
  }
}

function newEntry(file: File): Entry {
  return {
    id: nextId++,
    file,
    kind: null,
    status: 'checking',
    problem: null,
    quality: [],
    error: null,
    loaded: 0,
    total: file.size,
    uploaded: null,
    pages: null,
    thumbnail: null,
    abort: new AbortController(),
  };
}

function discard(item: Entry): void {
  item.abort.abort();
  item.thumbnail?.close();
  (item as { thumbnail: ImageBitmap | null }).thumbnail = null;
}

function definedOnly<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function asApiError(error: unknown): KycApiError {
  return error instanceof KycApiError ? error : new KycApiError('malformed_response', 'The upload failed in an unexpected way.');
}

/** A small picture of an image file (none for PDFs, HEIC, or what cannot be decoded). */
async function thumbnailOf(file: File, kind: FileKind | null): Promise<ImageBitmap | null> {
  if ((kind !== 'jpeg' && kind !== 'png' && kind !== 'webp') || typeof createImageBitmap !== 'function') return null;
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
