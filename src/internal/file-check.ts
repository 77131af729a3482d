/**
 * Checks a file the person chose before any byte of it is sent: what Sumsub would refuse (empty,
 * too big, not a format it takes, not what its name says, damaged) and what would hurt the page
 * (a decompression bomb), with a real decode in the browser as the last word on images.
 *
 * Never throws and never rejects: hostile input resolves with a problem. Reads only what it
 * needs: nothing for an empty or oversized file, the first 4 KiB to tell the format, the whole
 * file for the formats whose structure is walked (JPEG, PNG, WebP, HEIC), the first 4 KiB and the
 * last 1 KiB of a PDF (its header and `%%EOF`).
 */
import {
  claimedFileKinds,
  DEFAULT_MAX_IMAGE_PIXELS,
  imageDimensions,
  isStructurallyComplete,
  PDF_EOF_WINDOW,
  sniffFileType,
  type FileKind,
  type ImageDimensions,
  type StructureCheckedKind,
} from '../shared/file-type.js';
import { DEFAULT_ACCEPTED_KINDS, DEFAULT_MAX_FILE_BYTES } from './upload-limits.js';

export { DEFAULT_ACCEPTED_KINDS, DEFAULT_MAX_FILE_BYTES };

/**
 * Why a file is refused:
 * - `empty`: 0 bytes (Sumsub's 1003);
 * - `too-big`: over `maxBytes` (Sumsub's 1002 beyond 64 MB, decimal);
 * - `unsupported`: its bytes are no known format, or one not in `accept` (Sumsub's 1004 / 1005);
 * - `mismatch`: its name or declared type claims another format than its bytes are (Sumsub's
 *   1004, "PDF file is uploaded as JPEG");
 * - `corrupted`: cut or damaged (Sumsub's 1004), or it could not be read;
 * - `too-many-pixels`: its header declares more than `maxPixels` (checked before decoding);
 * - `undecodable`: whole by its structure, yet the browser cannot decode it.
 */
export type FileProblem = 'empty' | 'too-big' | 'unsupported' | 'mismatch' | 'corrupted' | 'undecodable' | 'too-many-pixels';

/** Options of {@link checkFile}. */
export interface FileCheckOptions {
  /** Largest accepted size in bytes (default DEFAULT_MAX_FILE_BYTES = 64,000,000, Sumsub's 1002 limit). */
  maxBytes?: number;
  /** Accepted real formats (default DEFAULT_ACCEPTED_KINDS = ['jpeg','png','pdf','heic','webp']). */
  accept?: readonly FileKind[];
  /** Largest accepted image in pixels, width × height (default DEFAULT_MAX_PIXELS, 100 megapixels). */
  maxPixels?: number;
}

/**
 * The verdict on a file. When accepted: its real format, and its dimensions as its header stores
 * them (before any Exif orientation), or `null` for formats without readable ones (PDF, HEIC,
 * AVIF). When refused: why, and its real format when known (`null` when it was not read that far
 * or is no known format).
 */
export type FileCheck =
  { ok: true; kind: FileKind; width: number | null; height: number | null } | { ok: false; problem: FileProblem; kind: FileKind | null };

/** The formats Sumsub takes for documents. */
/** 100 megapixels: a 12 MP (or 50 MP) phone photo passes, a 30000 × 30000 bomb does not. */
export const DEFAULT_MAX_PIXELS: number = DEFAULT_MAX_IMAGE_PIXELS;

/** Enough leading bytes to tell every known format (an ISO `ftyp` box may take 4 KiB). */
const HEAD_BYTES = 4096;
const STRUCTURE_CHECKED: ReadonlySet<FileKind> = new Set<StructureCheckedKind>(['jpeg', 'png', 'pdf', 'heic', 'webp']);
/** Formats Chromium, Firefox and Safari decode (not HEIC, which Chromium cannot, nor TIFF, nor PDF). */
const DECODED: ReadonlySet<FileKind> = new Set<FileKind>(['jpeg', 'png', 'webp', 'gif', 'bmp', 'avif']);

/** Checks `file` before it is uploaded. Resolves with the verdict; never rejects. */
export async function checkFile(file: File, options: FileCheckOptions = {}): Promise<FileCheck> {
  const maxBytes = limit(options.maxBytes, DEFAULT_MAX_FILE_BYTES);
  const maxPixels = limit(options.maxPixels, DEFAULT_MAX_PIXELS);
  const accept = options.accept ?? DEFAULT_ACCEPTED_KINDS;
  let kind: FileKind | null = null;
  const refuse = (problem: FileProblem): FileCheck => ({ ok: false, problem, kind });
  try {
    if (file.size === 0) return refuse('empty');
    if (file.size > maxBytes) return refuse('too-big');

    const head = await read(file.slice(0, HEAD_BYTES));
    kind = sniffFileType(head);
    if (kind === null || !accept.includes(kind)) return refuse('unsupported');
    if (claimedFileKinds(file.name, file.type).some((claimed) => claimed !== kind)) return refuse('mismatch');

    let bytes = head;
    if (kind === 'pdf') {
      if (file.size > HEAD_BYTES) bytes = concat(head, await read(file.slice(Math.max(HEAD_BYTES, file.size - PDF_EOF_WINDOW))));
    } else if (STRUCTURE_CHECKED.has(kind) && file.size > HEAD_BYTES) {
      bytes = await read(file);
    }
    if (STRUCTURE_CHECKED.has(kind) && !isStructurallyComplete(kind as StructureCheckedKind, bytes)) return refuse('corrupted');

    let dimensions = imageDimensions(kind, bytes);
    if (dimensions === null && (kind === 'jpeg' || kind === 'png' || kind === 'webp')) return refuse('corrupted');
    if (dimensions !== null && dimensions.width * dimensions.height > maxPixels) return refuse('too-many-pixels');

    if (DECODED.has(kind) && typeof createImageBitmap === 'function') {
      // Decode the bytes that were checked (not the file again, which may have changed since).
      const whole = bytes.length === file.size ? bytes : await read(file);
      const decoded = await decode(whole);
      if (decoded === null) return refuse('undecodable');
      // A format without header dimensions (AVIF) is held to the limit once decoded.
      if (dimensions === null && decoded.width * decoded.height > maxPixels) return refuse('too-many-pixels');
      dimensions ??= decoded;
    }
    return { ok: true, kind, width: dimensions?.width ?? null, height: dimensions?.height ?? null };
  } catch {
    return refuse('corrupted'); // the file could not be read (gone, changed, no permission)
  }
}

/** The size of a decoded image, or `null` when the browser cannot decode it. */
async function decode(bytes: Uint8Array<ArrayBuffer>): Promise<ImageDimensions | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]));
  } catch {
    return null;
  }
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

function limit(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value >= 0 ? value : fallback; // NaN fails `>= 0`
}

async function read(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(first.length + second.length);
  out.set(first);
  out.set(second, first.length);
  return out;
}
