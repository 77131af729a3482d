// `npm run e2e`: the demo page (as `npm start` serves it) driven in Chromium as a person would, by
// test/e2e/demo.ts. One line per check; exit code 1 on any failure; with KYC_TEST_SUMMARY set,
// {"passed":n,"failed":n,"skipped":n} is written to that path. A failure saves a screenshot and the
// page's text to a temp folder, named in the output. `--only=<text>` runs the scenarios whose name
// holds the text (e.g. `npm run e2e -- --only=advanced`).
//
// Each scenario has its own sandbox (startSandboxServer on a free port: a fresh seed) and browser
// context; the checks of the demo page's switches skip while the page has none of them.
import type { Browser } from 'playwright-core';
import { expectAccessiblePage } from '../../scripts/axe.mjs';
import { CheckRun, messageOf, secondsSince } from '../../scripts/checks.mjs';
import { describeProblem, launchChromium } from '../../scripts/chromium.mjs';
import { Demo, JANE, documentPhoto, poll, startDemoServer, type Person } from './demo.js';

/** The whole run may not take longer than this (it takes about 20 s, plus a build when dist/cdn/ is stale). */
const RUN_TIMEOUT = 180_000;

const run = new CheckRun();

/** One scenario: its own sandbox (a fresh seed), browser context and demo page. */
class Scenario {
  failed = false;
  private evidence: string | null = null;

  constructor(
    readonly name: string,
    readonly demo: Demo,
  ) {}

  /** Runs one check; a failure is reported and the scenario goes on when it can (`fatal` ends it). */
  async check(name: string, body: () => Promise<string | void>, { fatal = true } = {}): Promise<void> {
    const passed = await run.check(`${this.name}: ${name}`, body, {
      describe: async (error) => {
        this.evidence ??= await this.demo.saveEvidence(this.name);
        // (Playwright's call log, after "=====", is left out.)
        return `${messageOf(error).split('\n=====')[0]}\nscreenshot and page text: ${this.evidence}`;
      },
    });
    if (!passed) {
      this.failed = true;
      if (fatal) throw new ScenarioEnded();
    }
  }

  /** The last check of every scenario: nothing went wrong on the page. */
  async cleanPage(): Promise<void> {
    await this.check('no console errors, page errors or CSP violations', async () => {
      const { unexpected, expected } = await this.demo.checkedProblems();
      if (unexpected.length > 0) {
        throw new Error(unexpected.map(describeProblem).join('\n'));
      }
      return expected.length ? `expected by the protocol, not counted: ${expected.join('; ')}` : '';
    });
  }
}

class ScenarioEnded extends Error {}

/** `--only=<text>`: run the scenarios whose name holds the text. */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .toLowerCase();

async function scenario(
  browser: Browser,
  name: string,
  body: (s: Scenario) => Promise<void>,
  demoOptions = {},
  serverOptions: Parameters<typeof startDemoServer>[0] = {},
): Promise<void> {
  if (only && !name.toLowerCase().includes(only)) return;
  const started = performance.now();
  const server = await startDemoServer(serverOptions);
  let demo: Demo;
  try {
    demo = await Demo.open(browser, server, demoOptions);
  } catch (error) {
    run.report('FAIL', `${name}: the demo page opens`, { started, detail: messageOf(error) });
    await server.close();
    return;
  }
  const s = new Scenario(name, demo);
  try {
    await body(s);
  } catch (error) {
    if (!(error instanceof ScenarioEnded)) {
      s.failed = true;
      const folder = await demo.saveEvidence(name);
      run.report('FAIL', `${name}: unexpected error`, {
        started,
        detail: `${error instanceof Error ? error.stack : String(error)}\nscreenshot and page text: ${folder}`,
      });
    }
  }
  await s.cleanPage().catch(() => undefined);
  console.log(`${s.failed ? '-- FAILED' : '-- passed'}: ${name} (${secondsSince(started)} s)\n`);
  await demo.close();
  await server.close();
}

// ── the scenarios ──────────────────────────────────────────────────────────

/** Basic level: personal data, contacts (two codes), agreements, review, sent. */
async function sendBasic(s: Scenario, person: Person): Promise<void> {
  const { demo } = s;
  await s.check('Basic level: personal data, contacts signed with 111111, agreements, sent for review', async () => {
    await demo.startWithContacts('Basic', person, 'Agreements');
    await demo.acceptAgreements();
    await demo.proceed('Check your answers');
    await demo.sendForReview();
    return `${demo.codesSigned} codes typed`;
  });
}

async function advancedToApproval(s: Scenario): Promise<void> {
  const { demo } = s;
  await s.check('signed in as "New client": the level choice', async () => {
    await demo.signIn('New client');
    await demo.onScreen('Choose a verification level');
  });
  await s.check(
    'event log: kyc-ready',
    async () => {
      await poll(async () => (await demo.loggedEvents()).includes('kyc-ready'), 'kyc-ready in #event-log', 5000);
    },
    { fatal: false },
  );
  await s.check('Advanced level: personal data, contacts, address, financial profile (codes 111111)', async () => {
    await demo.advancedToPassport(JANE);
    return `${demo.codesSigned} codes typed`;
  });
  await s.check('documents: a passport photo and a proof of address chosen in the file chooser, uploaded, stored', async () => {
    const passport = await documentPhoto(demo.page, 'Passport', 1);
    await demo.upload('Passport', passport);
    await demo.proceed('Proofs');
    const bill = await documentPhoto(demo.page, 'Utility bill', 2);
    await demo.upload('Proof of address', bill);
    await demo.widget.getByRole('button', { name: 'Continue', exact: true }).click();
    return `JPEGs of ${Math.round(passport.buffer.length / 1024)} and ${Math.round(bill.buffer.length / 1024)} KiB`;
  });
  await s.check("the document note: Sumsub's note on the stored proof of address, shown on its step at once, no tick", async () => {
    await demo.widget.getByText('There is no available data to recognize from image').first().waitFor();
    await demo.onScreen('Proofs');
    await demo.widget.getByRole('alert').filter({ hasText: 'the identity check has a note on it' }).waitFor();
    await demo.widget.getByText('Uploaded, with a note from the identity check').first().waitFor();
    await demo.proceed('Liveness check');
  });
  await s.check('a skipped liveness check: Continue says it is needed, and the widget stays', async () => {
    await demo.livenessFrame();
    await demo.widget.getByRole('button', { name: 'Continue', exact: true }).click();
    await demo.widget.getByText('Take the liveness check to go on.').first().waitFor();
    await demo.onScreen('Liveness check');
  });
  await s.check('liveness: Sumsub\'s WebSDK with the sandbox stand-in, "Pass (simulated)" in its frame, the widget moves on', async () => {
    await demo.passLiveness();
    await demo.onScreen('Agreements');
  });
  await s.check('agreements, review, sent for review with the SMS code', async () => {
    const before = demo.codesSigned;
    await demo.acceptAgreements();
    await demo.proceed('Check your answers');
    for (const answer of ['Jane', 'Doe', 'Latvia', 'jane@example.com', '+37120000009', 'Riga', 'Employed']) {
      await demo.widget.getByRole('definition').filter({ hasText: answer }).first().waitFor();
    }
    const answerTo = (question: string) =>
      demo.widget
        .locator('dl > div')
        .filter({ has: demo.page.getByRole('term').getByText(question, { exact: true }) })
        .getByRole('definition')
        .first();
    const shown = [];
    for (const question of ['Passport', 'Proof of address', 'Liveness check'])
      shown.push(`${question}: ${((await answerTo(question).textContent()) ?? '').trim()}`);
    if (!shown[0].endsWith('Uploaded') || !shown[1].endsWith('Uploaded') || !shown[2].endsWith('Done'))
      throw new Error(`the review shows ${shown.join('; ')}`);
    await demo.sendForReview();
    if (demo.codesSigned === before) throw new Error('send-to-review asked no code (the Advanced level asks an SMS code)');
    return shown.join('; ');
  });
  await s.check('reviewer console: Approve → the widget shows the approval', async () => {
    await demo.review('Approve');
    await demo.onScreen('Your application has been approved', 20_000);
    await demo.widget.getByText('Thank you, your verification is complete.').waitFor();
  });
  await s.check(
    "event log: the flow's events",
    async () => {
      const wanted = [
        'kyc-ready',
        'kyc-level-select',
        'kyc-application-create',
        'kyc-save',
        'kyc-signature-request',
        'kyc-upload-progress',
        'kyc-liveness-ready',
        'kyc-liveness-complete',
        'kyc-submit',
        'kyc-status-change',
        'kyc-complete',
      ];
      let missing: string[] = [];
      await poll(
        async () => {
          const logged = new Set(await demo.loggedEvents());
          missing = wanted.filter((type) => !logged.has(type));
          return missing.length === 0;
        },
        'the events in #event-log',
        3000,
      ).catch(() => {
        throw new Error(`missing from #event-log: ${missing.join(', ')}`);
      });
      const newest = (await demo.loggedEvents())[0];
      if (newest !== 'kyc-complete' && newest !== 'kyc-status-change')
        throw new Error(`the newest event is ${newest}, not the outcome (newest first)`);
    },
    { fatal: false },
  );
}

const COMMENT_ONLY = 'Please check your answers once more.';
const RETURN_COMMENT = 'Please check your phone number.';
const PHONE_REMARK = 'This number does not answer.';
const NEW_PHONE = '+37120000008';

async function returnedThroughConsole(s: Scenario): Promise<void> {
  const { demo } = s;
  await s.check('signed in as "New client"', () => demo.signIn('New client'));
  await sendBasic(s, JANE);

  // A return with a comment alone (no remark on any answer).
  await s.check('reviewer console: Return for correction with a comment only → the widget leaves the waiting screen', async () => {
    await demo.review('Return for correction', { comment: COMMENT_ONLY });
    await demo.heading.filter({ hasNotText: 'Your application is being reviewed' }).waitFor({ timeout: 20_000 });
    return `now on "${await demo.screen()}"`;
  });
  await s.check(
    "comment only: the widget says answers need a correction and shows the reviewer's comment",
    async () => {
      await demo.widget
        .getByText(COMMENT_ONLY, { exact: true })
        .waitFor({ timeout: 3000 })
        .catch(async () => {
          throw new Error(
            `the widget shows "${await demo.screen()}" without the reviewer's comment (nor "Some answers need a correction")`,
          );
        });
      await demo.widget.getByText('Some answers need a correction').waitFor({ timeout: 1000 });
    },
    { fatal: false },
  );
  await s.check('comment only: the person sends the application again', async () => {
    if ((await demo.screen()) !== 'Check your answers') {
      for (let hops = 0; (await demo.screen()) !== 'Check your answers'; hops++) {
        if (hops > 3) throw new Error(`the review is not reachable from "${await demo.screen()}"`);
        const from = await demo.screen();
        await demo.widget.getByRole('button', { name: 'Continue', exact: true }).click();
        await demo.heading.filter({ hasNotText: from }).waitFor();
      }
    }
    await demo.sendForReview();
  });

  // A return with a comment and a remark on the phone number.
  await s.check('reviewer console: Return for correction with a comment and a remark on the phone number', async () => {
    await demo.review('Return for correction', {
      comment: RETURN_COMMENT,
      remark: { question: 'Contact details: Mobile phone number', text: PHONE_REMARK },
    });
    await demo.onScreen('Contact details', 20_000);
  });
  await s.check('the widget shows the comment, and the remark on the phone number', async () => {
    await demo.widget.getByText('Some answers need a correction').waitFor();
    await demo.widget.getByText(RETURN_COMMENT, { exact: true }).waitFor();
    await demo.widget.getByText(PHONE_REMARK, { exact: true }).waitFor();
    if ((await demo.field('Mobile phone number').getAttribute('aria-invalid')) !== 'true')
      throw new Error('the phone number is not marked invalid');
  });
  await s.check('the person corrects the phone number (signed again with 111111) and sends again', async () => {
    const before = demo.codesSigned;
    await demo.type('Mobile phone number', NEW_PHONE);
    await demo.proceed('Agreements');
    if (demo.codesSigned === before) throw new Error('the changed phone number was saved without a code');
    await demo.proceed('Check your answers');
    await demo.widget.getByRole('definition').filter({ hasText: NEW_PHONE }).waitFor();
    await demo.sendForReview();
  });
  await s.check('reviewer console: Approve → the widget shows the approval', async () => {
    await demo.review('Approve');
    await demo.onScreen('Your application has been approved', 20_000);
  });
}

async function seededReturn(s: Scenario): Promise<void> {
  const { demo } = s;
  await s.check('signed in as "Returned for correction": the remarked step, the comment, the remarks on the questions', async () => {
    await demo.signIn('Returned for correction');
    await demo.passWelcome();
    await demo.onScreen('Personal data');
    await demo.widget.getByText('Some answers need a correction').waitFor();
    await demo.widget.getByText('Your date of birth and last name do not match your identity document.', { exact: false }).waitFor();
    await demo.widget.getByText('Spell it exactly as in your identity document.').waitFor();
    await demo.widget.getByText('Does not match the date in your identity document.').waitFor();
    for (const label of ['Last name', 'Date of birth']) {
      if ((await demo.field(label).getAttribute('aria-invalid')) !== 'true') throw new Error(`${label} is not marked invalid`);
    }
  });
  await s.check(
    'the person types the corrected last name and date of birth',
    async () => {
      await demo.type('Last name', 'Bērziņa');
      const date = demo.field('Date of birth');
      await date.focus();
      await date.pressSequentially('0412');
      const focus = await demo.focusChain();
      await date.pressSequentially('1990');
      const typed = await date.inputValue();
      if (typed !== '1990-04-12') {
        // Go on with the date set at once, to check the rest of the scenario.
        await date.fill('1990-04-12');
        throw new Error(`typed 04 12 1990 into the remarked date field: it holds ${typed}; after "0412" the focus was on ${focus}`);
      }
    },
    { fatal: false },
  );
  await s.check('on to the review, sent again', async () => {
    await demo.proceed('Contact details');
    await demo.proceed('Agreements');
    await demo.proceed('Check your answers');
    await demo.widget.getByRole('definition').filter({ hasText: 'Bērziņa' }).waitFor();
    await demo.widget.getByRole('definition').filter({ hasText: 'April 12, 1990' }).waitFor();
    await demo.sendForReview();
  });
  await s.check('reviewer console: Approve → the widget shows the approval', async () => {
    await demo.review('Approve');
    await demo.onScreen('Your application has been approved', 20_000);
  });
}

// ── the demo page's own controls ───────────────────────────────────────────

async function pageControls(s: Scenario): Promise<void> {
  const { demo } = s;
  const { page } = demo;
  // The page's contract (test/node/demo.test.ts checks its markup too): a missing control fails.
  const need = async (selector: string) => {
    if ((await page.locator(selector).count()) === 0) throw new Error(`the demo page has no ${selector}`);
  };
  const base = demo.widget.locator('[part~="base"]').first();

  await s.check('signed in as "Draft in progress": the widget on a step', async () => {
    await demo.signIn('Draft in progress');
    await demo.passWelcome();
    await demo.widget.getByRole('button', { name: 'Continue', exact: true }).waitFor();
    return `on "${await demo.screen()}"`;
  });
  await s.check(
    "#theme dark, then auto: the widget's background turns dark, light again after, and follows the system",
    async () => {
      await need('#theme');
      const background = () => base.evaluate((element) => getComputedStyle(element).backgroundColor);
      await page.locator('#theme').selectOption('light');
      const light = await background();
      await page.locator('#theme').selectOption('dark');
      let dark = light;
      await poll(async () => (dark = await background()) !== light, 'the background changes');
      if (luminance(dark) >= luminance(light)) throw new Error(`dark background ${dark} is not darker than ${light}`);
      await page.locator('#theme').selectOption('light');
      await poll(async () => (await background()) === light, 'the light background again');
      // `auto` follows the system, the page's own colours with the widget's.
      const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const lightPage = await pageBackground();
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('#theme').selectOption('auto');
      await poll(async () => (await background()) === dark, 'auto with a dark system: the dark widget');
      await poll(async () => luminance(await pageBackground()) < luminance(lightPage), 'auto with a dark system: a dark page');
      await page.emulateMedia({ colorScheme: 'light' });
      await poll(async () => (await background()) === light, 'auto with a light system: the light widget');
      await page.locator('#theme').selectOption('light');
      return `${light} → ${dark}; auto follows the system`;
    },
    { fatal: false },
  );
  await s.check(
    "#brand: the widget's primary button takes the colour",
    async () => {
      await need('#brand');
      const button = demo.widget.getByRole('button', { name: 'Continue', exact: true });
      const colour = () => button.evaluate((element) => getComputedStyle(element).backgroundColor);
      const before = await colour();
      await page.locator('#brand').fill('#0b7a3b');
      let after = before;
      await poll(async () => (after = await colour()) !== before, 'the button colour changes');
      return `${before} → ${after}`;
    },
    { fatal: false },
  );
  await s.check(
    '#lang ar: right to left, Arabic text; English again after',
    async () => {
      await need('#lang');
      const before = await demo.screen();
      await page.locator('#lang').selectOption('ar');
      await poll(async () => (await base.evaluate((element) => getComputedStyle(element).direction)) === 'rtl', 'direction rtl');
      const continueButton = demo.widget.locator('[part~="button-continue"]').first();
      const label = (await continueButton.textContent())?.trim() ?? '';
      if (!/[\u0600-\u06ff]/.test(label)) throw new Error(`the Continue button says "${label}", not Arabic`);
      const dir = await base.getAttribute('dir');
      await page.locator('#lang').selectOption('en');
      await poll(async () => (await base.evaluate((element) => getComputedStyle(element).direction)) === 'ltr', 'direction ltr');
      await demo.onScreen(before);
      return `dir=${dir}, Continue = "${label}"`;
    },
    { fatal: false },
  );
  await s.check(
    '#phone: the phone-width preview narrows the widget, full width again after',
    async () => {
      await need('#phone');
      const width = async () => (await demo.widget.boundingBox())?.width ?? 0;
      const wide = await width();
      await page.locator('#phone').check();
      let narrow = wide;
      await poll(async () => (narrow = await width()) < Math.min(wide - 50, 480), 'the widget narrows to a phone width');
      await page.locator('#phone').uncheck();
      await poll(async () => (await width()) >= wide - 1, 'the widget widens again');
      return `${Math.round(wide)} px → ${Math.round(narrow)} px`;
    },
    { fatal: false },
  );
  await s.check(
    '#snippets: each integration shows its snippet; Copy puts it on the clipboard',
    async () => {
      await need('#snippets');
      const snippets = page.locator('#snippets');
      const shown = async () => ((await snippets.locator('pre:visible, code:visible').first().textContent()) ?? '').trim();
      const texts = new Map<string, string>();
      for (const name of ['Script tag', 'React', 'Vue', 'Angular', 'Host proxy']) {
        await snippets
          .getByRole('button', { name, exact: true })
          .or(snippets.getByRole('tab', { name, exact: true }))
          .click();
        const previous = [...texts.values()].at(-1);
        await poll(async () => (await shown()) !== '' && (await shown()) !== previous, `the ${name} snippet shows`);
        texts.set(name, await shown());
      }
      if (new Set(texts.values()).size !== texts.size) throw new Error('two integrations show the same snippet');
      if (!texts.get('Script tag')!.includes('kyc-onboarding')) throw new Error('the script-tag snippet does not mention kyc-onboarding');
      await snippets.getByRole('button', { name: 'Copy', exact: true }).click();
      let copied = '';
      await poll(
        async () => (copied = await page.evaluate(() => navigator.clipboard.readText())).trim() === texts.get('Host proxy'),
        'the snippet on the clipboard',
        3000,
      ).catch(() => {
        throw new Error(`the clipboard holds ${JSON.stringify(copied.slice(0, 80))}, not the Host proxy snippet`);
      });
      return `${texts.size} snippets, ${copied.length} characters copied`;
    },
    { fatal: false },
  );
  await s.check(
    'accessible (axe, WCAG 2.2 AA): the page and the widget in light, dark, Arabic and at phone width',
    async () => {
      // The brand colour chosen above is green enough for light but not for dark (the page says so
      // under the colour input): audit the widget's own colours.
      await page.locator('#brand-reset').click();
      const settings: [string, () => Promise<unknown>][] = [
        ['light', () => page.locator('#theme').selectOption('light')],
        ['dark', () => page.locator('#theme').selectOption('dark')],
        ['Arabic', () => page.locator('#lang').selectOption('ar')],
        ['phone width', () => page.locator('#phone').check()],
      ];
      for (const [name, apply] of settings) {
        await apply();
        await demo.widget.locator('[part~="button-continue"]').first().waitFor();
        await expectAccessiblePage(page).catch((error: Error) => {
          throw new Error(`${name}: ${error.message}`);
        });
      }
      await page.locator('#phone').uncheck();
      await page.locator('#lang').selectOption('en');
      await page.locator('#theme').selectOption('light');
    },
    { fatal: false },
  );
}

/** Relative luminance of an `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** On a phone's width: the code prompt comes into view with the focus, and a wrong code is said at once. */
async function codesOnPhone(s: Scenario): Promise<void> {
  const { demo } = s;
  await s.check('signed in as "New client" on a 390 px wide page: Basic level, personal data', async () => {
    await demo.signIn('New client');
    await demo.startLevel('Basic');
    await demo.fillPersonal(JANE);
    await demo.proceed('Contact details');
    await demo.fillContacts(JANE);
    await demo.widget.getByRole('button', { name: 'Continue', exact: true }).click();
  });
  await s.check('the code prompt is in view and has the focus', async () => {
    const prompt = demo.widget.locator('kyc-signature-prompt');
    const title = prompt.getByRole('heading').first();
    await title.waitFor();
    await poll(async () => (await title.evaluate((element) => element.matches(':focus'))) === true, 'the prompt focused');
    const box = (await prompt.locator('[part~="base"]').boundingBox())!;
    const height = demo.page.viewportSize()!.height;
    if (box.y < 0 || box.y + box.height > height)
      throw new Error(`the prompt is at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px of ${height}`);
    return `at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px of ${height}`;
  });
  await s.check('a wrong first code is said at once, before the second code is asked', async () => {
    const prompt = demo.widget.locator('kyc-signature-prompt');
    await prompt.getByRole('button', { name: 'Send code', exact: true }).click();
    const code = prompt.getByRole('textbox', { name: 'One-time code' });
    await code.pressSequentially('000000');
    await code.press('Enter');
    await prompt.getByText('This code is not correct or has expired.', { exact: false }).waitFor();
    await prompt.getByText('Code 1 of 2').waitFor();
    await code.fill('');
    await demo.signUntil('Agreements');
  });
}

// ── continue on the phone ──────────────────────────────────────────────────

const PHONE = { viewport: { width: 390, height: 844 }, mobile: true };
const SPENT_LINK = 'This link has expired or was used already';

/** The demo server's clock, moved on to see a hand-off link expire (the token endpoint's `now`). */
const serverClock = { offset: 0, now: () => Date.now() + serverClock.offset };

/**
 * A phone opens a hand-off link that must be refused: the widget says the link is spent; nothing
 * else goes wrong on its page (the token endpoint's 401 is the refusal itself).
 */
async function refusedOnPhone(browser: Browser, server: Demo['server'], link: string): Promise<string> {
  const phone = await Demo.open(browser, server, { ...PHONE, url: link });
  try {
    await phone.widget.getByText(SPENT_LINK, { exact: false }).waitFor();
    if (await phone.widget.getByRole('button', { name: 'Try again', exact: true }).count())
      throw new Error('a retry is offered for a spent link');
    const others = phone.problems.filter((problem) => !/status of 401\b/.test(problem.text) || !problem.url.includes('/kyc-token'));
    if (others.length > 0) throw new Error(others.map(describeProblem).join('\n'));
    if (phone.page.url().includes('kyc-handoff')) throw new Error(`the token stays in the address bar: ${phone.page.url()}`);
    return 'refused, and said';
  } finally {
    await phone.close();
  }
}

/** The link the desk's widget shows after "Continue on your phone". */
async function handoffLink(desk: Demo): Promise<string> {
  await desk.widget.getByRole('button', { name: 'Continue on your phone', exact: true }).click();
  const anchor = desk.widget.getByRole('link', { name: 'The link to open on your phone', exact: true });
  await anchor.waitFor();
  const link = (await anchor.getAttribute('href')) ?? '';
  if (!new URL(link).hash.includes('kyc-handoff=')) throw new Error(`the link has no hand-off token: ${link}`);
  return link;
}

/** Two browser contexts through the demo's proxy: the desk hands the passport step to a phone. */
function handoffToPhone(browser: Browser): (s: Scenario) => Promise<void> {
  return async (s) => {
    const { demo: desk } = s;
    await s.check('desk: signed in as "New client", the Advanced level up to the passport', async () => {
      await desk.signIn('New client');
      await desk.advancedToPassport(JANE);
    });
    let link = '';
    await s.check('desk: "Continue on your phone" shows the link and its QR code, kyc-handoff in the log', async () => {
      link = await handoffLink(desk);
      await desk.widget.getByRole('img', { name: 'QR code of the link to continue on your phone', exact: true }).waitFor();
      await poll(async () => (await desk.loggedEvents()).includes('kyc-handoff'), 'kyc-handoff in #event-log');
      const url = new URL(link);
      return `${url.origin}${url.pathname} with #kyc-handoff=…&kyc-application=…`;
    });
    const phone = await Demo.open(browser, desk.server, { ...PHONE, url: link });
    try {
      await s.check('phone (another context, no sign-in): the link opens the application; the token leaves the address bar', async () => {
        await phone.passWelcome(); // the demo asks the consent on every device
        await phone.onScreen('Passport');
        if (phone.page.url().includes('kyc-handoff')) throw new Error(`the address still holds the token: ${phone.page.url()}`);
        return phone.page.url();
      });
      await s.check('phone: the passport photo chosen and stored; the desk follows and goes on by itself', async () => {
        await phone.upload('Passport', await documentPhoto(phone.page, 'Passport', 1));
        await phone.proceed('Proofs');
        await desk.onScreen('Proofs', 20_000);
      });
      await s.check('phone: no console error, page error or CSP violation', async () => {
        const { unexpected } = await phone.checkedProblems();
        if (unexpected.length > 0) throw new Error(unexpected.map(describeProblem).join('\n'));
      });
    } finally {
      await phone.close();
    }
    await s.check('the same link on another phone: refused (a hand-off link works once)', () => refusedOnPhone(browser, desk.server, link));
    await s.check('a new link opened after its 10 minutes (the server’s clock moved on): refused', async () => {
      const fresh = await handoffLink(desk);
      serverClock.offset = 601_000;
      try {
        return await refusedOnPhone(browser, desk.server, fresh);
      } finally {
        serverClock.offset = 0;
      }
    });
  };
}

// ── the run ────────────────────────────────────────────────────────────────

const started = performance.now();
const watchdog = run.watchdog(RUN_TIMEOUT);
const browser = await launchChromium();
try {
  await scenario(browser, 'Advanced to approval', advancedToApproval);
  await scenario(browser, 'Returned for correction (reviewer console)', returnedThroughConsole);
  await scenario(browser, 'Returned for correction (seeded client, remarks)', seededReturn);
  await scenario(browser, 'Demo page controls', pageControls);
  await scenario(browser, 'One-time codes on a phone', codesOnPhone, { viewport: { width: 390, height: 844 } });
  await scenario(browser, 'Hand-off to a phone (desk and phone)', handoffToPhone(browser), {}, { now: serverClock.now });
} finally {
  await browser.close();
  clearTimeout(watchdog);
}
console.log(`${run.summary} (${secondsSince(started)} s)`);
process.exitCode = run.end();
