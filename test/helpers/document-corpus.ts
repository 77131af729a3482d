// Document photos the project makes, for the quality checks (src/internal/photo-quality.ts): an ID
// card or a passport page on a table, photographed sharp, then blurred at several strengths, dark,
// over-exposed, with glare, cut off, too small in the picture, and with too few pixels. Drawn on a
// canvas in the browser (no file is shipped, no licence to ask); deterministic for a seed.
// The same scenes, held in a camera's frame, are the fake camera's videos (scripts/fake-camera.mjs).
import type { DocumentShape, QualityProblem } from '../../src/internal/photo-quality.js';

/** One picture of the corpus, with what the checks should find in it. */
export interface DocumentPicture {
  name: string;
  shape: DocumentShape;
  expected: QualityProblem[];
  file: File;
}

const WIDTH = 2400;
const HEIGHT = 1800;

/** A seeded random source (the same corpus every run). */
function randomOf(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** The document itself, drawn at `x`, `y`, `w` wide: a card or a passport page, with a photo, text lines and a machine-readable zone. */
function drawDocument(
  context: OffscreenCanvasRenderingContext2D,
  shape: DocumentShape,
  x: number,
  y: number,
  w: number,
  seed: number,
): void {
  const random = randomOf(seed);
  const h = shape === 'card' ? w / 1.586 : w / 1.42;
  context.fillStyle = shape === 'card' ? '#e9efe6' : '#efe9dc';
  context.beginPath();
  context.roundRect(x, y, w, h, w * 0.03);
  context.fill();
  context.fillStyle = shape === 'card' ? '#7aa08c' : '#8b6f4e';
  context.fillRect(x, y + h * 0.04, w, h * 0.1);
  // The holder's photo.
  context.fillStyle = '#6d5a4b';
  context.fillRect(x + w * 0.05, y + h * 0.2, w * 0.26, h * 0.5);
  context.fillStyle = '#c9a68a';
  context.beginPath();
  context.ellipse(x + w * 0.18, y + h * 0.38, w * 0.07, h * 0.12, 0, 0, Math.PI * 2);
  context.fill();
  // Text lines.
  context.fillStyle = '#1d2430';
  context.font = `bold ${Math.round(h * 0.055)}px sans-serif`;
  const words = ['SURNAME', 'GIVEN NAMES', 'NATIONALITY', 'DATE OF BIRTH', 'DOCUMENT NO', 'EXPIRY'];
  for (let line = 0; line < words.length; line += 1) {
    const top = y + h * (0.25 + line * 0.08);
    context.fillText(`${words[line]}  ${Math.floor(random() * 1e8)}`, x + w * 0.36, top);
  }
  // Machine-readable zone.
  context.font = `${Math.round(h * 0.06)}px monospace`;
  context.fillText('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<', x + w * 0.04, y + h * 0.82);
  context.fillText('L898902C36UTO7408122F1204159ZE184226B<<<<<10', x + w * 0.04, y + h * 0.92);
}

/** A table's surface with a little texture. */
function drawTable(context: OffscreenCanvasRenderingContext2D, width: number, height: number): void {
  const wood = context.createLinearGradient(0, 0, width, height);
  wood.addColorStop(0, '#4a4540');
  wood.addColorStop(1, '#3b3733');
  context.fillStyle = wood;
  context.fillRect(0, 0, width, height);
}

type Effect = (context: OffscreenCanvasRenderingContext2D, width: number, height: number) => void;

interface SceneOptions {
  /** Where the document lies, in px of a `width` × `height` scene. */
  place?: { x: number; y: number; w: number };
  filter?: string;
  effect?: Effect;
  size?: { width: number; height: number };
}

/** A scene drawn `width` × `height`: the table, the document placed by `place`, then `effect` over it, `filter` over all, scaled to `size`. */
function scene(shape: DocumentShape, options: SceneOptions, width = WIDTH, height = HEIGHT): OffscreenCanvas {
  const sharp = new OffscreenCanvas(width, height);
  const context = sharp.getContext('2d')!;
  drawTable(context, width, height);
  const place = options.place ?? { x: width * 0.15, y: height * 0.18, w: width * 0.7 };
  drawDocument(context, shape, place.x, place.y, place.w, 11);
  options.effect?.(context, width, height);
  const size = options.size ?? { width, height };
  const out = new OffscreenCanvas(size.width, size.height);
  const final = out.getContext('2d')!;
  if (options.filter) final.filter = options.filter;
  final.drawImage(sharp, 0, 0, size.width, size.height);
  return out;
}

/** A picture of the corpus, encoded as JPEG. */
async function picture(shape: DocumentShape, options: SceneOptions = {}): Promise<File> {
  const blob = await scene(shape, options).convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  return new File([blob], 'document.jpg', { type: 'image/jpeg' });
}

/** A bright spot of reflected light over part of the document. */
const glare: Effect = (context, width, height) => {
  const x = width * 0.55;
  const y = height * 0.45;
  const radius = height * 0.22;
  const spot = context.createRadialGradient(x, y, 0, x, y, radius);
  spot.addColorStop(0, 'rgba(255, 255, 255, 1)');
  spot.addColorStop(0.55, 'rgba(255, 255, 255, 1)');
  spot.addColorStop(1, 'rgba(255, 255, 255, 0)');
  context.fillStyle = spot;
  context.fillRect(x - radius, y - radius, radius * 2, radius * 2);
};

/** The corpus: each kind of picture, with the problem the checks should find (none for the good ones). */
export async function documentCorpus(): Promise<DocumentPicture[]> {
  const entries: [string, DocumentShape, QualityProblem[], Promise<File>][] = [
    ['a sharp ID card', 'card', [], picture('card')],
    ['a sharp passport page', 'passport', [], picture('passport')],
    ['a sharp card, slightly soft (blur 1 px)', 'card', [], picture('card', { filter: 'blur(1px)' })],
    ['a card blurred (4 px)', 'card', ['blur'], picture('card', { filter: 'blur(4px)' })],
    ['a card blurred (8 px)', 'card', ['blur'], picture('card', { filter: 'blur(8px)' })],
    ['a passport blurred (12 px)', 'passport', ['blur'], picture('passport', { filter: 'blur(12px)' })],
    ['a card in the dark', 'card', ['dark'], picture('card', { filter: 'brightness(0.22)' })],
    ['a card over-exposed', 'card', ['bright'], picture('card', { filter: 'brightness(2.4)' })],
    ['a card with glare', 'card', ['glare'], picture('card', { effect: glare })],
    ['a card cut off', 'card', ['cut-off'], picture('card', { place: { x: WIDTH * 0.45, y: HEIGHT * 0.2, w: WIDTH * 0.8 } })],
    ['a card far away', 'card', ['too-small'], picture('card', { place: { x: WIDTH * 0.42, y: HEIGHT * 0.42, w: WIDTH * 0.2 } })],
    ['a card of 160 × 120 pixels', 'card', ['resolution'], picture('card', { size: { width: 160, height: 120 } })],
  ];
  return Promise.all(entries.map(async ([name, shape, expected, file]) => ({ name, shape, expected, file: await file })));
}

/** The fake camera's scenes: an ID card held in the camera's frame, as the capture tests need it (and what they expect it to say). */
export const CAMERA_SCENES = ['sharp', 'blurred', 'dark', 'glare', 'far'] as const;
export type CameraScene = (typeof CAMERA_SCENES)[number];

/** The size of the fake camera's picture (a common webcam's HD mode). */
export const CAMERA_WIDTH = 1280;
export const CAMERA_HEIGHT = 720;

/** A frame of the fake camera's video of `name`, as RGBA pixels of {@link CAMERA_WIDTH} × {@link CAMERA_HEIGHT}. */
export function cameraFrame(name: CameraScene): Uint8ClampedArray {
  return cameraPicture(name).getContext('2d')!.getImageData(0, 0, CAMERA_WIDTH, CAMERA_HEIGHT).data;
}

/** A frame of the fake camera's video of `name`, drawn on a canvas of {@link CAMERA_WIDTH} × {@link CAMERA_HEIGHT}. */
export function cameraPicture(name: CameraScene): OffscreenCanvas {
  const width = CAMERA_WIDTH;
  const height = CAMERA_HEIGHT;
  // A card held in the middle of the frame, filling most of it (the frame takes 84 % of the height).
  const held = { x: width * 0.16, y: (height - (width * 0.68) / 1.586) / 2, w: width * 0.68 };
  const options: Record<CameraScene, SceneOptions> = {
    sharp: { place: held },
    blurred: { place: held, filter: 'blur(8px)' },
    dark: { place: held, filter: 'brightness(0.22)' },
    glare: { place: held, effect: glare },
    far: { place: { x: width * 0.4, y: height * 0.38, w: width * 0.2 } },
  };
  return scene('card', options[name], width, height);
}
