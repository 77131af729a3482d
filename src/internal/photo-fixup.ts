/**
 * Fixes a photo before it is uploaded: turned upright (its Exif orientation applied to the
 * pixels), scaled down so its longest side fits, and re-encoded as JPEG, which also drops its
 * metadata (GPS position, camera, times). The re-encoded file is kept only when it is smaller
 * than the original, or when the orientation had to be applied (a reviewer must see it upright).
 *
 * Canvas only: no eval, no inline script or style, no worker, so it runs under a strict
 * Content-Security-Policy. Never rejects for a bad image: it then returns the original unchanged
 * (check files first with `checkFile`).
 */
import { imageDimensions, jpegOrientation, type FileKind } from '../shared/file-type.js';
import { DEFAULT_PHOTO_MAX_SIDE } from './upload-limits.js';

export { DEFAULT_PHOTO_MAX_SIDE };

/** Options of {@link fixUpPhoto}. */
export interface PhotoFixupOptions {
  /** Longest side in px after scaling (default DEFAULT_PHOTO_MAX_SIDE, 2560). */
  maxSide?: number;
  /** JPEG quality 0–1 (default 0.85). */
  quality?: number;
}

/**
 * What {@link fixUpPhoto} made of a file: the file to upload (the original when `changed` is
 * false), its size before and after in bytes, and its width and height as seen upright (0 for a
 * file that is not a photo it handles, such as a PDF or a HEIC image).
 */
export interface PhotoFixup {
  file: File;
  changed: boolean;
  before: number;
  after: number;
  width: number;
  height: number;
}

const DEFAULT_QUALITY = 0.85;
/** Formats it re-encodes; PDF and HEIC (which browsers other than Safari cannot decode) are left as they are. */
const FIXED_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['jpeg', 'png', 'webp']);
/** A JPEG's Exif and frame header sit in its first segments (an APP1 segment is at most 64 KiB). */
const HEAD_BYTES = 256 * 1024;

/**
 * Fixes up a photo whose real format (by its bytes, see `checkFile`) is `kind`: JPEG, PNG and
 * WebP are oriented, scaled and re-encoded as JPEG; anything else is returned unchanged.
 */
export async function fixUpPhoto(file: File, kind: FileKind, options: PhotoFixupOptions = {}): Promise<PhotoFixup> {
  const before = file.size;
  const unchanged = (width = 0, height = 0): PhotoFixup => ({ file, changed: false, before, after: before, width, height });
  if (!FIXED_KINDS.has(kind) || typeof createImageBitmap !== 'function') return unchanged();
  const maxSide = typeof options.maxSide === 'number' && options.maxSide >= 1 ? Math.floor(options.maxSide) : DEFAULT_PHOTO_MAX_SIDE;
  const quality = typeof options.quality === 'number' && options.quality >= 0 && options.quality <= 1 ? options.quality : DEFAULT_QUALITY;

  let bitmap: ImageBitmap;
  let stored: { width: number; height: number } | null;
  let orientation: number;
  try {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    orientation = kind === 'jpeg' ? jpegOrientation(head) : 1;
    stored = imageDimensions(kind, head);
    bitmap = await decodeUpright(file);
  } catch {
    return unchanged();
  }
  try {
    const { width, height } = bitmap;
    // Another format's orientation (PNG eXIf, WebP EXIF) shows as width and height swapped.
    const turned = stored !== null && stored.width !== stored.height && stored.width === height && stored.height === width;
    const mustUse = orientation !== 1 || turned;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const target = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
    const blob = await encodeJpeg(bitmap, target, quality);
    if (blob === null || (!mustUse && blob.size >= before)) return unchanged(width, height);
    const fixed = new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
    return { file: fixed, changed: true, before, after: fixed.size, ...target };
  } catch {
    return unchanged(bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/**
 * Decodes with the Exif orientation applied: 'from-image' (verified in Chromium by the tests). A
 * browser that predates that value refuses it (TypeError); its default applies the orientation
 * too (all engines do since 2020).
 */
async function decodeUpright(file: File): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    if (error instanceof TypeError) return await createImageBitmap(file);
    throw error;
  }
}

/** Draws the bitmap at `size` on white (a transparent PNG would turn black in a JPEG) and encodes it; `null` when JPEG encoding is unavailable. */
async function encodeJpeg(bitmap: ImageBitmap, size: { width: number; height: number }, quality: number): Promise<Blob | null> {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(size.width, size.height)
      : Object.assign(document.createElement('canvas'), size);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (context === null) return null;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const blob =
    'convertToBlob' in canvas
      ? await canvas.convertToBlob({ type: 'image/jpeg', quality })
      : await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  canvas.width = canvas.height = 0; // frees the pixels now rather than at the next collection
  return blob?.type === 'image/jpeg' ? blob : null;
}

/** The same base name with a `.jpg` extension (`IMG_1.PNG` → `IMG_1.jpg`, `scan` → `scan.jpg`). */
function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '');
  return `${base || 'photo'}.jpg`;
}
