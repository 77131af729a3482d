// `npm run screenshots`: the demo page with the widget on the Advanced level's passport step (a
// photo chosen and uploaded), in light, dark, phone width (the demo's phone preview) and Arabic
// right to left, written to docs/screenshots/ for the README. Driven by test/e2e/demo.ts like the
// end-to-end run; the switches are the demo page's own (#theme, #lang, #phone).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeProblem, launchChromium } from '../../scripts/chromium.mjs';
import { Demo, JANE, documentPhoto, poll, startDemoServer } from './demo.js';

const OUT = 'docs/screenshots';
/** Each file should stay under this (they are committed). */
const MAX_BYTES = 200 * 1024;

const started = performance.now();
mkdirSync(OUT, { recursive: true });
const server = await startDemoServer();
const browser = await launchChromium();
let failed = false;
const demo = await Demo.open(browser, server, { viewport: { width: 1280, height: 1000 } }).catch(async (error: unknown) => {
  console.log(`FAIL ${error instanceof Error ? error.message : String(error)}`);
  await browser.close();
  await server.close();
  process.exit(1);
});
const { page } = demo;
try {
  await demo.signIn('New client');
  await demo.advancedToPassport(JANE);
  await demo.upload('Passport', await documentPhoto(page, 'Passport', 1));

  const stage = page.locator('#stage');
  const base = demo.widget.locator('[part~="base"]').first();
  /** The demo's status toast fades by itself after a few seconds: now, so that it covers nothing. */
  const quiet = async () => {
    await page.evaluate(`document.getElementById('message').classList.add('is-faded')`);
    await page.mouse.move(0, 0);
    await page.evaluate(`document.activeElement && document.activeElement.blur && document.activeElement.blur()`);
  };
  const shoot = async (name: string, clipToDevice = false) => {
    await quiet();
    await stage.scrollIntoViewIfNeeded();
    const path = join(OUT, `${name}.png`);
    if (clipToDevice) {
      const box = (await page.locator('#stage .device').boundingBox())!;
      const margin = 24;
      await page.screenshot({
        path,
        animations: 'disabled',
        clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
      });
    } else {
      await stage.screenshot({ path, animations: 'disabled' });
    }
    const size = statSync(path).size;
    if (size > MAX_BYTES) failed = true;
    console.log(`${size > MAX_BYTES ? 'TOO BIG' : 'wrote'} ${path} (${Math.round(size / 1024)} KiB)`);
  };
  const theme = async (value: 'light' | 'dark') => {
    await page.locator('#theme').selectOption(value);
    const dark = value === 'dark';
    await poll(
      async () =>
        (await base.evaluate((element) => getComputedStyle(element).backgroundColor)) === (dark ? 'rgb(18, 21, 28)' : 'rgb(255, 255, 255)'),
      `the ${value} theme`,
    );
  };
  const lang = async (value: 'en' | 'ar') => {
    await page.locator('#lang').selectOption(value);
    await poll(async () => (await base.getAttribute('lang')) === value, `the widget in ${value}`);
  };

  await theme('light');
  await shoot('widget-light');
  await theme('dark');
  await shoot('widget-dark');
  await theme('light');
  await lang('ar');
  await shoot('widget-rtl');
  await lang('en');
  await page.locator('#phone').check();
  await poll(async () => ((await demo.widget.boundingBox())?.width ?? 0) <= 400, 'the phone-width preview');
  await shoot('widget-phone', true);
  await page.locator('#phone').uncheck();
  const { unexpected } = await demo.checkedProblems();
  for (const problem of unexpected) {
    failed = true;
    console.log(`problem on the page: ${describeProblem(problem)}`);
  }
} catch (error) {
  failed = true;
  console.log(`FAIL ${error instanceof Error ? error.message : String(error)}`);
  console.log(`screenshot and page text: ${await demo.saveEvidence('screenshots')}`);
} finally {
  await demo.close();
  await browser.close();
  await server.close();
}
console.log(`${failed ? 'failed' : 'done'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed ? 1 : 0;
