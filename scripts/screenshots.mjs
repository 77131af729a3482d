// `npm run screenshots`: light, dark, phone-width and right-to-left screenshots of the demo page
// with the widget on a document step, into docs/screenshots/ (test/e2e/screenshots.ts). Builds
// dist/cdn/ first when it is missing or stale (`--build` forces, `--no-build` skips).
import { prepareAndRun } from '../test/e2e/prepare.mjs';

await prepareAndRun('test/e2e/screenshots.ts');
