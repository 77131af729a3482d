// The page side of `npm run bench` (scripts/bench.mjs bundles it with esbuild and serves it under a
// strict Content-Security-Policy): makes a 12-megapixel photo, runs fixUpPhoto on it a few times,
// and posts the figures back to the script.
import { fixUpPhoto } from '../../src/internal/photo-fixup.js';
import { syntheticPhoto } from '../helpers/corpus.js';

const WARM_UPS = 1;
const RUNS = 5;

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));

async function report(result: unknown): Promise<void> {
  await fetch('/result', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) });
}

async function main(): Promise<void> {
  const photo = await syntheticPhoto(4000, 3000, { quality: 0.95 });
  const times: number[] = [];
  let last = await fixUpPhoto(photo, 'jpeg');
  for (let run = 1; run < WARM_UPS + RUNS; run += 1) {
    const start = performance.now();
    last = await fixUpPhoto(photo, 'jpeg');
    times.push(performance.now() - start);
  }
  await report({
    browser: navigator.userAgent,
    source: { width: 4000, height: 3000, quality: 0.95 },
    before: last.before,
    after: last.after,
    changed: last.changed,
    width: last.width,
    height: last.height,
    times,
    violations,
  });
}

main().catch((error: unknown) => report({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
