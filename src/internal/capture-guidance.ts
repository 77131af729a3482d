/**
 * What the camera's live picture tells the person while they hold their document in the frame:
 * the frame's place in the picture, how much two pictures in a row differ (the hands move), and
 * the one thing to do next ("move closer", "too dark", "hold still", "glare on the document"),
 * from the quality checks' own measures (`src/internal/photo-quality.ts`) on the frame's part.
 * Pure functions: the element measures, these decide.
 */
import { greyCopy, judge, measurePixels, type DocumentShape, type QualityMeasures, type QualityThresholds } from './photo-quality.js';

/** A rectangle in the video's own pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The one thing the person is told to do; `ready` when the picture may be taken. */
export type Guidance = 'dark' | 'bright' | 'glare' | 'fit' | 'closer' | 'still' | 'blur' | 'ready';

/** The shape of each document as width / height: an ID-1 card, a passport's page (ID-3), an A4 page. */
export const SHAPE_ASPECT: Readonly<Record<DocumentShape, number>> = { card: 85.6 / 54, passport: 125 / 88, page: 210 / 297 };

/** The largest share of the picture's width and height the frame takes. */
const FRAME_SHARE = 0.84;
/** What is measured around the frame, as a share of its size on each side (a document a little off still shows as cut off). */
const MARGIN = 0.08;
/**
 * The least share of the measured part the document's detail spans in the live picture: a
 * document that fills the frame spans about three quarters of it; under this, "move closer".
 */
export const LIVE_MIN_FILL = 0.35;
/** Mean grey difference (0–255) between two pictures in a row from which the hands move: "hold still". */
export const MAX_MOTION = 6;

/** The frame for `shape`, centred in a `width` × `height` picture. */
export function frameRect(width: number, height: number, shape: DocumentShape): Rect {
  const aspect = SHAPE_ASPECT[shape];
  let frameWidth = width * FRAME_SHARE;
  let frameHeight = frameWidth / aspect;
  if (frameHeight > height * FRAME_SHARE) {
    frameHeight = height * FRAME_SHARE;
    frameWidth = frameHeight * aspect;
  }
  return { x: (width - frameWidth) / 2, y: (height - frameHeight) / 2, width: frameWidth, height: frameHeight };
}

/** The part of the picture measured: the frame and a margin around it, inside the picture, in whole pixels. */
export function measuredRect(width: number, height: number, shape: DocumentShape): Rect {
  const frame = frameRect(width, height, shape);
  const x = Math.max(0, Math.floor(frame.x - frame.width * MARGIN));
  const y = Math.max(0, Math.floor(frame.y - frame.height * MARGIN));
  return {
    x,
    y,
    width: Math.min(width, Math.ceil(frame.x + frame.width * (1 + MARGIN))) - x,
    height: Math.min(height, Math.ceil(frame.y + frame.height * (1 + MARGIN))) - y,
  };
}

/**
 * Measures the frame's part of a live picture `width` × `height` (a video's current frame): its
 * grey copy (to compare with the next) and the quality checks' measures; null when there is no
 * picture yet.
 */
export async function measureFrame(
  source: ImageBitmapSource,
  width: number,
  height: number,
  shape: DocumentShape,
): Promise<{ grey: Uint8Array; measures: QualityMeasures } | null> {
  const part = measuredRect(width, height, shape);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source, part.x, part.y, part.width, part.height);
  } catch {
    return null;
  }
  try {
    const copy = greyCopy(bitmap);
    return copy ? { grey: copy.grey, measures: measurePixels(copy.grey, copy.width, copy.height) } : null;
  } finally {
    bitmap.close();
  }
}

/** Mean absolute difference of two grey pictures of one size (every fourth pixel); Infinity when their sizes differ. */
export function motionBetween(previous: Uint8Array, current: Uint8Array): number {
  if (previous.length !== current.length || current.length === 0) return Infinity;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < current.length; i += 4) {
    sum += Math.abs(current[i] - previous[i]);
    count += 1;
  }
  return sum / count;
}

/**
 * What to tell the person about the frame's part of the live picture (`measures`) and how much it
 * moved since the last one (`motion`): light first (nothing else can be judged in the dark), then
 * the document's place, then stillness and sharpness.
 */
export function guidanceFor(
  measures: QualityMeasures,
  motion: number,
  shape: DocumentShape,
  thresholds: Partial<QualityThresholds> = {},
): Guidance {
  // No resolution here: the picture is taken at the camera's full size.
  const problems = judge(measures, Infinity, shape, { ...thresholds, minFill: Math.max(LIVE_MIN_FILL, thresholds.minFill ?? 0) });
  if (problems.includes('dark')) return 'dark';
  if (problems.includes('bright')) return 'bright';
  if (problems.includes('glare')) return 'glare';
  if (problems.includes('cut-off')) return 'fit';
  if (problems.includes('too-small')) return 'closer';
  if (motion > MAX_MOTION) return 'still';
  if (problems.includes('blur')) return 'blur';
  return 'ready';
}
