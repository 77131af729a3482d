// The page side of the photo figures of `npm run bench` (scripts/bench.mjs bundles this file with
// esbuild, serves it on a loopback port under a strict Content-Security-Policy, records its CSP
// violations and calls `window.benchPhotoFixup()` through Playwright): makes a 12-megapixel photo,
// runs fixUpPhoto on it a few times, and answers the figures; then the quality checks' figures.
import { fixUpPhoto } from '../../src/internal/photo-fixup.js';
import { assessPhoto, greyCopy, judge, measurePixels, type QualityProblem } from '../../src/internal/photo-quality.js';
import { guidanceFor, measureFrame, type Guidance } from '../../src/internal/capture-guidance.js';
import { syntheticPhoto } from '../helpers/corpus.js';
import { CAMERA_HEIGHT, CAMERA_SCENES, CAMERA_WIDTH, cameraPicture, documentCorpus, type CameraScene } from '../helpers/document-corpus.js';

const WARM_UPS = 1;
const RUNS = 5;

async function benchPhotoFixup() {
  const photo = await syntheticPhoto(4000, 3000, { quality: 0.95 });
  const times: number[] = [];
  let last = await fixUpPhoto(photo, 'jpeg');
  for (let run = 1; run < WARM_UPS + RUNS; run += 1) {
    const start = performance.now();
    last = await fixUpPhoto(photo, 'jpeg');
    times.push(performance.now() - start);
  }
  return {
    source: { width: 4000, height: 3000, quality: 0.95 },
    before: last.before,
    after: last.after,
    changed: last.changed,
    width: last.width,
    height: last.height,
    times,
  };
}

/**
 * The quality checks: their time on the same 12-megapixel photo (the whole check; its decoding and
 * scaling to the analysis copy; the measures on that copy), and their hits, misses and false alarms
 * on the project's corpus of document pictures, check by check.
 */
async function benchPhotoQuality() {
  const photo = await syntheticPhoto(4000, 3000, { quality: 0.95 });
  const whole: number[] = [];
  const decode: number[] = [];
  const measure: number[] = [];
  await assessPhoto(photo, 'card');
  for (let run = 0; run < RUNS; run += 1) {
    let start = performance.now();
    await assessPhoto(photo, 'card');
    whole.push(performance.now() - start);

    start = performance.now();
    const bitmap = await createImageBitmap(photo);
    const copy = greyCopy(bitmap)!;
    bitmap.close();
    decode.push(performance.now() - start);

    start = performance.now();
    judge(measurePixels(copy.grey, copy.width, copy.height), 4000, 'card');
    measure.push(performance.now() - start);
  }
  const checks: QualityProblem[] = ['resolution', 'cut-off', 'too-small', 'blur', 'dark', 'bright', 'glare'];
  const tally = Object.fromEntries(checks.map((check) => [check, { hits: 0, misses: 0, falseAlarms: 0 }]));
  const corpus = await documentCorpus();
  for (const picture of corpus) {
    const found = (await assessPhoto(picture.file, picture.shape))?.problems ?? [];
    for (const check of checks) {
      const expected = picture.expected.includes(check);
      const got = found.includes(check);
      if (expected && got) tally[check].hits += 1;
      else if (expected) tally[check].misses += 1;
      else if (got) tally[check].falseAlarms += 1;
    }
  }
  return { whole, decode, measure, pictures: corpus.length, tally };
}

/** What the live guidance should say of each scene of the fake camera (scripts/fake-camera.mjs). */
const SCENE_GUIDANCE: Readonly<Record<CameraScene, Guidance>> = {
  sharp: 'ready',
  blurred: 'blur',
  dark: 'dark',
  glare: 'glare',
  far: 'closer',
};

/**
 * The document camera's live measure (src/internal/capture-guidance.ts), as the element runs it
 * every 200 ms: the frame's part of a 1280 × 720 camera picture copied, scaled, measured and
 * judged; and what it says of each scene of the fake camera.
 */
async function benchLiveGuidance() {
  const scenes = CAMERA_SCENES.map((name) => ({ name, canvas: cameraPicture(name) }));
  const times: number[] = [];
  const sharp = scenes[0].canvas;
  await measureFrame(sharp, CAMERA_WIDTH, CAMERA_HEIGHT, 'card');
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const frame = await measureFrame(sharp, CAMERA_WIDTH, CAMERA_HEIGHT, 'card');
    guidanceFor(frame!.measures, 0, 'card');
    times.push(performance.now() - start);
  }
  const said: { scene: string; expected: Guidance; got: Guidance | null }[] = [];
  for (const { name, canvas } of scenes) {
    const frame = await measureFrame(canvas, CAMERA_WIDTH, CAMERA_HEIGHT, 'card');
    said.push({ scene: name, expected: SCENE_GUIDANCE[name], got: frame ? guidanceFor(frame.measures, 0, 'card') : null });
  }
  return { times, said };
}

declare global {
  interface Window {
    benchPhotoFixup: typeof benchPhotoFixup;
    benchPhotoQuality: typeof benchPhotoQuality;
    benchLiveGuidance: typeof benchLiveGuidance;
  }
}
window.benchPhotoFixup = benchPhotoFixup;
window.benchPhotoQuality = benchPhotoQuality;
window.benchLiveGuidance = benchLiveGuidance;
