// `npm run e2e`: the demo page driven in Chromium as a person would (test/e2e/run.ts): the Advanced
// level with documents, signatures and the liveness stand-in to approval, two returns for
// correction, the demo page's controls; no console error, no CSP violation. Builds dist/cdn/ first
// when it is missing or stale (`--build` forces, `--no-build` skips). With KYC_TEST_SUMMARY set,
// writes {"passed","failed","skipped"} there.
import { prepareAndRun } from '../test/e2e/prepare.mjs';

await prepareAndRun('test/e2e/run.ts');
