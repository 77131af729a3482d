/**
 * Quality checks of a document photo, captured or chosen, before it is sent: too few pixels for its
 * kind of document, blurred, too dark or over-exposed, glare, and the document cut off or too small
 * in the picture. What a reviewer would refuse days later is said while the person still holds the
 * document.
 *
 * The measures run on a copy scaled to {@link ANALYSIS_SIDE} px (a 12-megapixel photo is not read
 * pixel by pixel): canvas only, no worker, no eval (strict CSP). {@link measurePixels} is the pure
 * part, on grey levels; {@link assessPhoto} decodes and scales.
 */

/** The kinds of document the checks know (their frame and their resolution floor differ). */
export type DocumentShape = 'card' | 'passport' | 'page';

/** What a check found wrong, in the order the person is told. */
export type QualityProblem = 'resolution' | 'cut-off' | 'too-small' | 'blur' | 'dark' | 'bright' | 'glare';

/** Where each check draws the line; every one may be overridden. */
export interface QualityThresholds {
  /** The fewest pixels on the photo's long side, by shape. */
  minLongSide: Record<DocumentShape, number>;
  /** The least sharpness (variance of the Laplacian of the analysis copy). */
  minSharpness: number;
  /** Mean grey level (0–255) below which the photo is too dark. */
  minBrightness: number;
  /** Mean grey level above which it is over-exposed. */
  maxBrightness: number;
  /** The largest share of blown-out pixels (glare) in a photo that is not over-exposed as a whole. */
  maxGlare: number;
  /** The share of blown-out pixels from which the whole photo is over-exposed (not a spot of glare). */
  maxBlown: number;
  /** The least share of the picture the document should fill. */
  minFill: number;
  /** The largest share of the picture's detail that may touch its edges (more: the document is cut off). */
  maxEdgeDetail: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  minLongSide: { card: 1000, passport: 1000, page: 1200 },
  minSharpness: 60,
  minBrightness: 60,
  maxBrightness: 215,
  maxGlare: 0.02,
  maxBlown: 0.2,
  minFill: 0.2,
  maxEdgeDetail: 0.02,
};

/** The long side of the copy the measures run on. */
export const ANALYSIS_SIDE = 1024;

/** What the checks measured, and what they found wrong. */
export interface QualityReport {
  /** The photo's own size, upright. */
  width: number;
  height: number;
  sharpness: number;
  brightness: number;
  /** Share of blown-out pixels. */
  glare: number;
  /** Share of the picture the document's detail spans. */
  fill: number;
  /** Share of the detail that lies on the picture's edges. */
  edgeDetail: number;
  problems: QualityProblem[];
}

/** The measures without the verdict, on grey levels of a `width` × `height` copy. */
export interface QualityMeasures {
  sharpness: number;
  brightness: number;
  glare: number;
  /** Median grey level (an over-all bright page is no glare). */
  median: number;
  fill: number;
  edgeDetail: number;
}

/** Gradient strength (0–255 grey) from which a pixel is detail (an edge, a letter). */
const DETAIL = 40;
/** The strip along each side of the picture, as a share of its side, where detail means "cut off". */
const EDGE_STRIP = 0.02;

/** Measures grey levels (one byte a pixel, row by row). */
export function measurePixels(grey: Uint8Array | Uint8ClampedArray, width: number, height: number): QualityMeasures {
  const histogram = new Uint32Array(256);
  let sum = 0;
  for (const value of grey) {
    histogram[value] += 1;
    sum += value;
  }
  const count = grey.length;
  let median = 0;
  for (let seen = 0; median < 255 && seen + histogram[median] < count / 2; median += 1) seen += histogram[median];
  let blown = 0;
  for (let value = 250; value < 256; value += 1) blown += histogram[value];

  // The Laplacian's variance (sharpness), and where the detail is (fill, cut off).
  let lapSum = 0;
  let lapSquares = 0;
  let lapCount = 0;
  let detail = 0;
  let onEdges = 0;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  const stripX = Math.max(1, Math.round(width * EDGE_STRIP));
  const stripY = Math.max(1, Math.round(height * EDGE_STRIP));
  for (let y = 1; y < height - 1; y += 1) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 1) {
      const at = row + x;
      const centre = grey[at];
      const lap = grey[at - 1] + grey[at + 1] + grey[at - width] + grey[at + width] - 4 * centre;
      lapSum += lap;
      lapSquares += lap * lap;
      lapCount += 1;
      const gradient = Math.max(Math.abs(grey[at + 1] - grey[at - 1]), Math.abs(grey[at + width] - grey[at - width]));
      if (gradient < DETAIL) continue;
      detail += 1;
      if (x < stripX || x >= width - stripX || y < stripY || y >= height - stripY) onEdges += 1;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  const mean = lapCount > 0 ? lapSum / lapCount : 0;
  return {
    sharpness: lapCount > 0 ? lapSquares / lapCount - mean * mean : 0,
    brightness: count > 0 ? sum / count : 0,
    glare: count > 0 ? blown / count : 0,
    median,
    fill: detail > 0 ? ((right - left + 1) * (bottom - top + 1)) / (width * height) : 0,
    edgeDetail: detail > 0 ? onEdges / detail : 0,
  };
}

/** The verdict on measures of a photo whose long side is `longSide` px. */
export function judge(
  measures: QualityMeasures,
  longSide: number,
  shape: DocumentShape,
  thresholds: Partial<QualityThresholds> = {},
): QualityProblem[] {
  const limits = { ...DEFAULT_QUALITY_THRESHOLDS, ...thresholds };
  const floor = { ...DEFAULT_QUALITY_THRESHOLDS.minLongSide, ...thresholds.minLongSide }[shape];
  const problems: QualityProblem[] = [];
  if (longSide < floor) problems.push('resolution');
  const dark = measures.brightness < limits.minBrightness;
  const bright = measures.brightness > limits.maxBrightness || measures.glare > limits.maxBlown;
  // A dark or blown-out photo has little detail to be sharp with: that is said, not blur.
  const blurred = !dark && !bright && measures.sharpness < limits.minSharpness;
  // Where the document is, is read from its detail: not from a blurred photo.
  if (!blurred && measures.edgeDetail > limits.maxEdgeDetail) problems.push('cut-off');
  else if (!blurred && measures.fill < limits.minFill) problems.push('too-small');
  if (blurred) problems.push('blur');
  if (dark) problems.push('dark');
  else if (bright) problems.push('bright');
  else if (measures.glare > limits.maxGlare && measures.median < 200) problems.push('glare');
  return problems;
}

/** The copy the measures run on: `bitmap` scaled to {@link ANALYSIS_SIDE} (never up), in grey levels, one byte a pixel. */
export function greyCopy(bitmap: ImageBitmap): { grey: Uint8Array; width: number; height: number } | null {
  const scale = Math.min(1, ANALYSIS_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  const rgba = context.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < grey.length; i += 4, j += 1) grey[j] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8;
  return { grey, width, height };
}

/**
 * Checks a photo: decoded (a file the browser cannot decode, such as a PDF or a HEIC image, gives
 * null: nothing to check), scaled to {@link ANALYSIS_SIDE}, measured and judged.
 */
export async function assessPhoto(
  source: Blob | ImageBitmap,
  shape: DocumentShape,
  thresholds: Partial<QualityThresholds> = {},
): Promise<QualityReport | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = source instanceof Blob ? await createImageBitmap(source, { imageOrientation: 'from-image' }) : source;
  } catch {
    return null;
  }
  try {
    const { width, height } = bitmap;
    const copy = greyCopy(bitmap);
    if (!copy) return null;
    const measures = measurePixels(copy.grey, copy.width, copy.height);
    return {
      width,
      height,
      sharpness: measures.sharpness,
      brightness: measures.brightness,
      glare: measures.glare,
      fill: measures.fill,
      edgeDetail: measures.edgeDetail,
      problems: judge(measures, Math.max(width, height), shape, thresholds),
    };
  } finally {
    if (source instanceof Blob) bitmap.close();
  }
}

/** The formats the checks decode (a PDF or a HEIC image has nothing they can check). */
const PHOTO_KINDS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp']);

/** The shape of the document an attribute asks for: a passport page, a card's side, or a page (a proof). */
export function shapeOf(attributeKey: string): DocumentShape {
  if (attributeKey.startsWith('passport')) return 'passport';
  return attributeKey.endsWith('_side') ? 'card' : 'page';
}

/**
 * The problems of a chosen file of real type `kind` for the document `attributeKey` asks for: none
 * for what the checks cannot decode, or when they fail.
 */
export async function problemsOf(
  file: Blob,
  kind: string,
  attributeKey: string,
  thresholds: Partial<QualityThresholds> = {},
): Promise<QualityProblem[]> {
  if (!PHOTO_KINDS.has(kind)) return [];
  const report = await assessPhoto(file, shapeOf(attributeKey), thresholds).catch(() => null);
  return report?.problems ?? [];
}
