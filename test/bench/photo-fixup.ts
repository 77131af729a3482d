// The page side of the photo figures of `npm run bench` (scripts/bench.mjs bundles this file with
// esbuild, serves it on a loopback port under a strict Content-Security-Policy, records its CSP
// violations and calls `window.benchPhotoFixup()` through Playwright): makes a 12-megapixel photo,
// runs fixUpPhoto on it a few times, and answers the figures.
import { fixUpPhoto } from '../../src/internal/photo-fixup.js';
import { syntheticPhoto } from '../helpers/corpus.js';

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

declare global {
  interface Window {
    benchPhotoFixup: typeof benchPhotoFixup;
  }
}
window.benchPhotoFixup = benchPhotoFixup;
