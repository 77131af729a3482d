// Drives the sandbox demo page (demo/, served by `npm start`) in Chromium as a person would:
// playwright-core with the system Chromium (scripts/chromium.mjs), locators by role and label (they pierce the widget's
// open shadow roots), typing, the file chooser, the liveness stand-in's frame. Shared by
// `npm run e2e` (test/e2e/run.ts) and `npm run screenshots` (test/e2e/screenshots.ts).
//
// The demo page's selector contract (kept by whoever edits demo/): #clients (sign-in buttons whose
// accessible name starts with the sandbox client's label), #widget kyc-onboarding, #reviewer
// (#comment; buttons "Approve", "Return for correction", "Reject"), #event-log (one li per
// event, newest first, text starting with the event type), #theme, #brand, #lang, #phone,
// #snippets (buttons "Script tag", "React", "Vue", "Angular", "Host proxy", "Copy"), #message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { describeProblem, recordPageProblems, type PageProblem } from '../../scripts/chromium.mjs';
import { startSandboxServer, type SandboxServer } from '../../src/server/cli.js';

export const SIGN_CODE = '111111';
/** How long a person-sized action may take before it counts as stuck (2 cores, a busy machine). */
export const STEP_TIMEOUT = 15_000;

/** The demo page and the whole chain (proxy at /kyc, sandbox, liveness stand-in) on a free port. */
export function startDemoServer(options: { now?: () => number } = {}): Promise<SandboxServer> {
  return startSandboxServer({ port: 0, ...options });
}

/** An answer of 400 or more to a request of the page. */
export interface FailedAnswer {
  method: string;
  url: string;
  status: number;
  body: Promise<string>;
}

/** Options of {@link Demo.open}. */
export interface DemoOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  deviceScaleFactor?: number;
  /** The address to open (a hand-off link); the demo page's own by default. */
  url?: string;
  /** A phone: touch, a coarse pointer, a mobile viewport. */
  mobile?: boolean;
}

/** A browser context with the demo page open, recording every console error, page error and CSP violation. */
export class Demo {
  readonly failedAnswers: FailedAnswer[] = [];
  /** Codes typed into the widget's signature prompt. */
  codesSigned = 0;

  private constructor(
    readonly server: SandboxServer,
    readonly context: BrowserContext,
    readonly page: Page,
    /** Every console error, page error and CSP violation of the page and its frames, as they happen. */
    readonly problems: readonly PageProblem[],
  ) {}

  static async open(browser: Browser, server: SandboxServer, options: DemoOptions = {}): Promise<Demo> {
    const origin = new URL(server.url).origin;
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      colorScheme: options.colorScheme ?? 'light',
      locale: 'en-US',
      timezoneId: 'UTC',
      reducedMotion: 'reduce',
      ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    context.setDefaultTimeout(STEP_TIMEOUT);
    const problems = await recordPageProblems(context);
    const page = await context.newPage();
    const demo = new Demo(server, context, page, problems);
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const body = response.text().catch(() => '');
      demo.failedAnswers.push({ method: response.request().method(), url: response.url(), status: response.status(), body });
    });
    try {
      await page.goto(options.url ?? server.url);
      await demo.clients.getByRole('button').first().waitFor();
    } catch (error) {
      // Most often the page's script did not load (dist/cdn/ missing, or being rebuilt meanwhile).
      const seen = problems.map((problem) => `\n  ${describeProblem(problem)}`).join('');
      await context.close();
      throw new Error(`the demo page did not list the sandbox clients: ${(error as Error).message.split('\n')[0]}${seen}`, {
        cause: error,
      });
    }
    return demo;
  }

  // ── the page ────────────────────────────────────────────────────────────

  get clients(): Locator {
    return this.page.locator('#clients');
  }

  /** The widget (the demo recreates it on every sign-in). */
  get widget(): Locator {
    return this.page.locator('#widget kyc-onboarding');
  }

  get reviewer(): Locator {
    return this.page.locator('#reviewer');
  }

  get message(): Locator {
    return this.page.locator('#message');
  }

  /** The widget's screen title (its first-level heading in the widget). */
  get heading(): Locator {
    return this.widget.locator('#heading');
  }

  /** Signs in as the sandbox client whose label is `label`, and waits for the widget's first screen. */
  async signIn(label: string): Promise<void> {
    await this.clients.getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) }).click();
    await this.message.filter({ hasText: label }).waitFor();
    await this.heading.waitFor();
    await this.notLoading();
  }

  /** Waits until the widget shows the screen titled `title`. */
  async onScreen(title: string, timeout = STEP_TIMEOUT): Promise<void> {
    await this.widget.getByRole('heading', { level: 2, name: title, exact: true }).waitFor({ timeout });
  }

  /** The widget's current screen title. */
  async screen(): Promise<string> {
    return ((await this.heading.textContent()) ?? '').trim();
  }

  private async notLoading(): Promise<void> {
    await poll(async () => (await this.screen()) !== 'Loading…', 'the widget has loaded');
  }

  /** The event types in the demo's event log, newest first. */
  async loggedEvents(): Promise<string[]> {
    const items = await this.page.locator('#event-log li').allTextContents();
    return items.map((text) => /^kyc-[a-z]+(?:-[a-z]+)*/.exec(text.trim())?.[0] ?? text.trim());
  }

  // ── a person in the widget ──────────────────────────────────────────────

  /** Chooses a level on the first screen and starts. */
  async startLevel(name: string): Promise<void> {
    await this.onScreen('Choose a verification level');
    await this.widget.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}\\b`) }).check();
    await this.widget.getByRole('button', { name: 'Start verification' }).click();
    await this.passWelcome();
    await this.onScreen('Personal data');
  }

  /**
   * The welcome (the demo asks the person's consent): checks that nothing but the level's needs and
   * the consent stand before the first step, ticks the consent and starts.
   */
  async passWelcome(): Promise<void> {
    await this.onScreen('Before you start');
    await this.widget.getByRole('list').filter({ hasText: 'A few answers about yourself' }).waitFor();
    await this.widget.getByRole('link', { name: /^How we use your data/ }).waitFor();
    const consent = this.widget.getByRole('checkbox', { name: /^I agree that my personal data/ });
    // Start without the consent: refused, and said.
    await this.widget.getByRole('button', { name: 'Start', exact: true }).click();
    await this.widget.getByText('Tick the box to agree before you start.').waitFor();
    await consent.check();
    await this.widget.getByRole('button', { name: 'Start', exact: true }).click();
    await this.heading.filter({ hasNotText: 'Before you start' }).waitFor();
  }

  /** A text field of the current screen, by its label. */
  field(label: string): Locator {
    return this.widget.getByRole('textbox', { name: label, exact: true });
  }

  /** Types into a field as a person does (focus, keys), replacing what it held. */
  async type(label: string, text: string): Promise<void> {
    const field = this.field(label);
    await field.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await field.pressSequentially(text);
    await field.press('Tab');
  }

  /** Types a date the way the person's browser (en-US) wants it: month, day, year. */
  async typeDate(label: string, isoDate: string): Promise<void> {
    const [year, month, day] = isoDate.split('-');
    const field = this.field(label);
    await field.focus();
    await field.pressSequentially(`${month}${day}${year}`);
    await field.press('Tab');
  }

  /** Where the keyboard focus is, from the document down through the shadow roots (for messages). */
  async focusChain(): Promise<string> {
    return this.page.evaluate<string>(FOCUS_CHAIN);
  }

  /** Picks from a long list (the combobox): types the start of the option, then ArrowDown and Enter. */
  async pickFromList(label: string, typed: string, expected: string): Promise<void> {
    const box = this.widget.locator('kyc-combobox').getByRole('combobox', { name: label, exact: true });
    await box.focus();
    await box.pressSequentially(typed);
    await this.widget.getByRole('option', { name: expected, exact: true }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await poll(async () => (await box.inputValue()) === expected, `${label} shows ${expected}`);
    await box.press('Tab');
  }

  /** Picks an option of a short list (a native select). */
  async select(label: string, option: string): Promise<void> {
    const select = this.widget.getByRole('combobox', { name: label, exact: true });
    await poll(() => select.isEnabled(), `the options of ${label}`);
    await select.selectOption({ label: option });
  }

  async tick(name: string | RegExp): Promise<void> {
    await this.widget.getByRole('checkbox', { name }).check();
  }

  /**
   * Presses the primary button (`Continue`, `Send for review`) and follows the widget to the screen
   * titled `next`, answering every one-time-code prompt on the way: Send code, type 111111, Enter.
   */
  async proceed(next: string, button = 'Continue'): Promise<void> {
    await this.widget.getByRole('button', { name: button, exact: true }).click();
    await this.signUntil(next);
  }

  /** Answers one-time-code prompts until the screen titled `next` shows. */
  async signUntil(next: string, timeout = STEP_TIMEOUT): Promise<void> {
    const target = this.widget.getByRole('heading', { level: 2, name: next, exact: true });
    const prompt = this.widget.locator('kyc-signature-prompt');
    const send = prompt.getByRole('button', { name: 'Send code', exact: true });
    const code = prompt.getByRole('textbox', { name: 'One-time code' });
    const deadline = Date.now() + timeout;
    for (;;) {
      await target
        .or(send)
        .or(code)
        .first()
        .waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      if (await target.isVisible()) return;
      if (await send.isVisible()) {
        await send.click();
        await code.waitFor();
      }
      // (The field may go at any moment: the prompt closes once a code is taken.)
      const empty = async () => (await code.inputValue({ timeout: 1000 }).catch(() => null)) === '';
      if ((await code.isVisible()) && (await empty())) {
        await code.pressSequentially(SIGN_CODE);
        await code.press('Enter');
        this.codesSigned += 1;
        // The prompt closes or asks the next code (its send form again).
        await poll(async () => !(await code.isVisible()) || (await empty()), 'the code is taken');
      }
      if (Date.now() > deadline) throw new Error(`"${next}" never showed; the widget shows "${await this.screen()}"`);
    }
  }

  /** Chooses `level` and fills its first steps, personal data and contacts (signed with codes), on to the screen titled `next`. */
  async startWithContacts(level: string, person: Person, next: string): Promise<void> {
    await this.startLevel(level);
    await this.fillPersonal(person);
    await this.proceed('Contact details');
    await this.fillContacts(person);
    await this.proceed(next);
  }

  /**
   * Chooses the Advanced level and fills its data steps (personal data, contacts signed with
   * codes, address, financial profile), up to its first document step, Passport.
   */
  async advancedToPassport(person: Person): Promise<void> {
    await this.startWithContacts('Advanced', person, 'Address');
    await this.fillAddress(person);
    await this.proceed('Financial profile');
    await this.fillFinances();
    await this.proceed('Passport');
  }

  /** Fills the personal-data step. */
  async fillPersonal(person: Person): Promise<void> {
    await this.onScreen('Personal data');
    await this.type('First name', person.firstName);
    await this.type('Last name', person.lastName);
    await this.typeDate('Date of birth', person.dateOfBirth);
    await this.pickFromList('Citizenship', person.citizenship.slice(0, 4), person.citizenship);
  }

  async fillContacts(person: Person): Promise<void> {
    await this.onScreen('Contact details');
    await this.type('E-mail address', person.email);
    await this.type('Mobile phone number', person.phone);
  }

  async fillAddress(person: Person): Promise<void> {
    await this.onScreen('Address');
    await this.pickFromList('Country of residence', person.country.slice(0, 4), person.country);
    await this.type('City', person.city);
    await this.type('Street address', person.street);
  }

  async fillFinances(): Promise<void> {
    await this.onScreen('Financial profile');
    await this.select('Employment status', 'Employed');
    await this.select('Main source of funds', 'Salary');
    await this.type('Expected annual income (EUR)', '50000');
  }

  /** Chooses a file for a document question in the browser's file chooser, and waits for its upload. */
  async upload(documentLabel: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.widget.getByRole('button', { name: `Choose a file: ${documentLabel}`, exact: true }).click();
    await (await chooser).setFiles(file);
    const list = this.widget.getByRole('list', { name: documentLabel, exact: true });
    await list.getByText('Uploaded', { exact: true }).waitFor({ timeout: 30_000 });
  }

  /** The liveness stand-in's frame, once the widget launched Sumsub's WebSDK with it. */
  async livenessFrame(): Promise<Frame> {
    const iframe = this.widget.locator('kyc-liveness iframe');
    await iframe.waitFor();
    const frame = await iframe.elementHandle().then((handle) => handle?.contentFrame());
    if (!frame) throw new Error('the liveness frame has no document');
    return frame;
  }

  /** Takes the (simulated) liveness check: Pass in the stand-in's frame. */
  async passLiveness(): Promise<void> {
    await this.onScreen('Liveness check');
    const frame = await this.livenessFrame();
    await frame.getByRole('heading', { name: /^Simulated liveness check — sandbox only/ }).waitFor();
    await frame.getByRole('button', { name: 'Pass (simulated)' }).click();
  }

  /** Ticks every legal document of the Agreements step, once each has loaded. */
  async acceptAgreements(): Promise<void> {
    await this.onScreen('Agreements');
    const boxes = this.widget.getByRole('checkbox', { name: /^I have read and accept (the |this document)/ });
    await boxes.first().waitFor();
    await this.loaded();
    const count = await boxes.count();
    for (let index = 0; index < count; index++) await boxes.nth(index).check();
  }

  /** Waits until nothing in the widget says it is loading (options, legal documents). */
  async loaded(): Promise<void> {
    await this.widget
      .getByRole('status')
      .filter({ hasText: /^Loading/ })
      .first()
      .waitFor({ state: 'detached' });
  }

  /** Sends the application from its review screen, signing with 111111 when asked. */
  async sendForReview(): Promise<void> {
    await this.onScreen('Check your answers');
    await this.proceed('Your application is being reviewed', 'Send for review');
  }

  // ── the reviewer console ────────────────────────────────────────────────

  /**
   * Decides as the reviewer (the demo's console): a return for correction may carry a comment and
   * a remark on one answer ("Add a remark on one answer": the question as the console lists it,
   * "<step>: <question>", and the remark).
   */
  async review(
    decision: 'Approve' | 'Return for correction' | 'Reject',
    options: { comment?: string; remark?: { question: string; text: string } } = {},
  ): Promise<void> {
    if (options.comment !== undefined) await this.reviewer.locator('#comment').fill(options.comment);
    if (options.remark) {
      const question = this.reviewer.getByLabel('Question', { exact: true });
      if (!(await question.isVisible())) await this.reviewer.getByText('Add a remark on one answer').click();
      await question.selectOption({ label: options.remark.question });
      await this.reviewer.getByLabel('Remark', { exact: true }).fill(options.remark.text);
    } else {
      // A remark chosen before is sent again unless "No remark" is chosen (the list may be folded away).
      const question = this.reviewer.getByLabel('Question', { exact: true });
      if ((await question.count()) > 0 && (await question.inputValue()) !== '') {
        if (!(await question.isVisible())) await this.reviewer.getByText('Add a remark on one answer').click();
        await question.selectOption({ index: 0 });
      }
    }
    // The console says what it did ("Approved. …", "Returned for correction. …") or what failed, in
    // #message: watched for a new text (it may say the same as after the previous decision).
    await this.page.evaluate(WATCH_MESSAGE);
    await this.reviewer.getByRole('button', { name: decision, exact: true }).click();
    // (Polled from here: waitForFunction with a string would be an eval the page's CSP refuses.)
    await poll(async () => await this.page.evaluate<boolean>('window.__kycE2eMessageSaid === true'), 'the reviewer console answers');
    const said = { Approve: 'Approved', 'Return for correction': 'Returned for correction', Reject: 'Rejected' }[decision];
    const text = ((await this.message.textContent()) ?? '').trim();
    if (!text.startsWith(said)) throw new Error(`the reviewer console says: ${text}`);
  }

  // ── evidence ────────────────────────────────────────────────────────────

  /**
   * The problems recorded, but for Chromium's "Failed to load resource" line about an answer that
   * is the platform's protocol: send-to-review answered 400 because a one-time code is required (the
   * API does not say beforehand which codes a level asks; the widget asks for the code then), or a
   * save answered 400 for a wrong code a check typed on purpose. Those come back as `expected`.
   */
  async checkedProblems(): Promise<{ unexpected: PageProblem[]; expected: string[] }> {
    const unexpected: PageProblem[] = [];
    const expected: string[] = [];
    for (const problem of this.problems) {
      const answer =
        problem.kind === 'console error' && /^Failed to load resource: the server responded with a status of 400\b/.test(problem.text)
          ? this.failedAnswers.find((candidate) => problem.url.startsWith(candidate.url))
          : undefined;
      if (answer && (await asksForCode(answer))) {
        expected.push(`${answer.method} ${new URL(answer.url).pathname} → ${answer.status} (a one-time code is required, or was wrong)`);
      } else unexpected.push(problem);
    }
    return { unexpected, expected };
  }

  /** Saves a screenshot and the page's text (the widget's shadow trees included) to a temp folder; its path. */
  async saveEvidence(name: string): Promise<string> {
    const folder = mkdtempSync(join(tmpdir(), `kyc-e2e-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-`));
    await this.page.screenshot({ path: join(folder, 'page.png'), fullPage: true }).catch(() => undefined);
    const text = await this.page
      .evaluate<string>(PAGE_TEXT)
      .catch((error: unknown) => `(the page's text could not be read: ${String(error)})`);
    const problems = this.problems.map(describeProblem).join('\n');
    writeFileSync(join(folder, 'page.txt'), `${this.page.url()}\n\n${text}\n\n== Problems ==\n${problems || 'none'}\n`);
    return folder;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** A send-to-review answered 400 whose only complaints are missing one-time codes (`sms_sign_code`, `email_sign_code`). */
async function asksForCode(answer: FailedAnswer): Promise<boolean> {
  // A submission asked for its code, or a save refused a wrong code (typed on purpose by a check).
  const path = new URL(answer.url).pathname;
  const submission = answer.method === 'POST' && /\/send-to-review\/?$/.test(path);
  const save = answer.method === 'PATCH' && /\/v1\/kyc\/[^/]+\/?$/.test(path);
  if (answer.status !== 400 || !(submission || save)) return false;
  try {
    const body: unknown = JSON.parse(await answer.body);
    const keys = body && typeof body === 'object' ? Object.keys(body) : [];
    return keys.length > 0 && keys.every((key) => /^(sms|email)_sign_code$/.test(key));
  } catch {
    return false;
  }
}

/** Someone who applies. */
export interface Person {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  citizenship: string;
  email: string;
  phone: string;
  country: string;
  city: string;
  street: string;
}

export const JANE: Person = {
  firstName: 'Jane',
  lastName: 'Doe',
  dateOfBirth: '1990-01-01',
  citizenship: 'Latvia',
  email: 'jane@example.com',
  phone: '+37120000009',
  country: 'Latvia',
  city: 'Riga',
  street: 'Brivibas iela 1',
};

/**
 * The page's visible text, the widget's shadow trees included (what a person could read). A string:
 * functions handed to `page.evaluate` must not hold named inner functions (tsx adds `__name` calls).
 */
const PAGE_TEXT = `(() => {
  const lines = [];
  const walk = (node) => {
    if (node.nodeType === Node.ELEMENT_NODE && ['STYLE', 'SCRIPT'].includes(node.tagName)) return;
    if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) lines.push(node.textContent.replace(/\\s+/g, ' ').trim());
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document.body);
  return lines.join('\\n');
})()`;

/** Sets `window.__kycE2eMessageSaid` once #message is given a text. */
const WATCH_MESSAGE = `(() => {
  window.__kycE2eMessageSaid = false;
  const observer = new MutationObserver(() => {
    window.__kycE2eMessageSaid = true;
    observer.disconnect();
  });
  observer.observe(document.getElementById('message'), { childList: true, characterData: true, subtree: true });
})()`;

const FOCUS_CHAIN = `(() => {
  const chain = [];
  for (let at = document.activeElement; at; at = at.shadowRoot ? at.shadowRoot.activeElement : null) {
    const label = at.localName === 'button' ? '("' + at.textContent.trim() + '")' : at.dataset && at.dataset.key ? '[' + at.dataset.key + ']' : '';
    chain.push(at.localName + (at.id ? '#' + at.id : '') + label);
  }
  return chain.join(' > ');
})()`;

/**
 * A photo of a document, drawn on a canvas in the browser and encoded as JPEG: a real image that
 * the widget checks, turns upright and scales like a camera's, and the sandbox decodes. `seed`
 * makes it distinct (the platform refuses the same picture twice for one kind of document).
 */
export async function documentPhoto(page: Page, title: string, seed: number): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const base64 = await page.evaluate(
    async ({ title, seed }) => {
      const width = 1200;
      const height = 840;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const hue = (seed * 67) % 360;
      const background = context.createLinearGradient(0, 0, width, height);
      background.addColorStop(0, `hsl(${hue}, 45%, 82%)`);
      background.addColorStop(1, `hsl(${(hue + 40) % 360}, 40%, 62%)`);
      context.fillStyle = background;
      context.fillRect(0, 0, width, height);
      context.fillStyle = `hsl(${hue}, 30%, 30%)`;
      context.fillRect(60, 160, 300, 380); // the photo
      context.fillStyle = 'rgba(255, 255, 255, 0.7)';
      context.beginPath();
      context.arc(210, 300, 80, 0, 2 * Math.PI);
      context.fill();
      context.fillStyle = '#1d2430';
      context.font = 'bold 64px sans-serif';
      context.fillText(title.toUpperCase(), 60, 110);
      context.font = '36px sans-serif';
      ['Surname  DOE', 'Given names  JANE', 'Date of birth  01 JAN 1990', `Document no.  SBX${1000 + seed}`].forEach((line, index) =>
        context.fillText(line, 420, 220 + index * 70),
      );
      context.font = '40px monospace';
      context.fillText('P<SBXDOE<<JANE<<<<<<<<<<<<<<<<<<<', 60, 700);
      context.fillText(`SBX${1000 + seed}<<9LVA9001014F3001013<<<<<<<`, 60, 770);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { title, seed },
  );
  return { name: `${title.toLowerCase().replace(/\W+/g, '-')}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

/** Polls `condition` until it holds. */
export async function poll(condition: () => Promise<boolean> | boolean, what: string, timeout = STEP_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
