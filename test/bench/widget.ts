// The page side of the widget figures of `npm run bench` (scripts/bench.mjs bundles this file with
// esbuild, serves it on the sandbox's loopback origin under the demo's strict CSP, and calls
// `window.bench.*` through Playwright; it records the page's errors and CSP violations). The widget is the production CDN bundle
// (/dist/cdn/kyc-onboarding.js, minified), imported as a partner page would load it; this file
// only imports its types. Each figure is measured in the page with performance.now(); a milestone
// counts once the DOM shows it and style and layout were forced (getBoundingClientRect), painting
// excluded. Milestones are noticed by a MutationObserver on the widget's shadow roots (precise),
// with a 4 ms timer for changes that mutate nothing observed (a lazily defined element upgrading).
import type { KycOnboarding } from '../../src/components/onboarding/onboarding.js';
import type { KycQuestion } from '../../src/components/question/question.js';

const ENDPOINT = '/kyc';
/** A variable, so that esbuild leaves the import to the browser. */
const CDN_URL: string = '/dist/cdn/kyc-onboarding.js';
const BASIC = 'Basic';
const BENCH = 'Bench (200 questions)';
/** The bench level's question left unanswered (resumption opens its step); typed in the page. */
const TYPED_KEY = 'bench_1_01_string';
/** Long enough never to poll during a measurement. */
const POLL_INTERVAL = '600000';

type Widget = KycOnboarding & { shadowRoot: ShadowRoot };
type Lit = HTMLElement & { hasUpdated?: boolean; isUpdatePending?: boolean; updateComplete?: Promise<unknown> };

interface ApiQuestion {
  attribute: { key: string; type: string; required: boolean; read_only: boolean };
}
interface ApiApplication {
  uuid: string;
  kyc_steps: { title: string; questions: ApiQuestion[] }[];
}

// ── the sandbox chain (setup: never timed) ──────────────────────────────────

async function json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A fresh client of its own legal entity, logged in (the demo session the proxy reads). */
async function freshClient(): Promise<void> {
  const client = await json('POST', '/sandbox/v1/clients/', {});
  await json('POST', '/demo/session', client);
}

/** Opens an application of the named level for the logged-in client. */
async function openApplication(levelName: string): Promise<ApiApplication> {
  const info = await json('GET', `${ENDPOINT}/v1/clients/kyc-level-info/`);
  const level = info.available_levels_for_upgrade.find((candidate: { name: string }) => candidate.name === levelName);
  if (!level) throw new Error(`no level "${levelName}" on offer (is the sandbox's benchLevel option on?)`);
  return json('POST', `${ENDPOINT}/v1/clients/kyc-level-info/`, { kyc_level_uuid: level.uuid });
}

/**
 * Stores an answer for every required question of a bench application but `skip`, through the
 * proxy: `values` by the question's type (the sandbox's BENCH_ANSWERS, handed in by scripts/bench.mjs).
 */
async function answerBench(application: ApiApplication, skip: string, values: Readonly<Record<string, string>>): Promise<void> {
  const documents = await json('GET', `${ENDPOINT}/v1/legal_documents/?page_size=100`);
  const legal = new Map<string, string>(documents.results.map((document: { key: string; uuid: string }) => [document.key, document.uuid]));
  const options: Record<string, string> = { country: 'LV', employment: 'employed', funds: 'salary' };
  const changes = application.kyc_steps
    .flatMap((step) => step.questions)
    .filter(({ attribute }) => attribute.required && attribute.key !== skip)
    .map(({ attribute: { key, type } }) => {
      const value =
        type === 'legal_document'
          ? legal.get(key)
          : type === 'reference_data'
            ? options[key.slice(key.lastIndexOf('_') + 1)]
            : values[type];
      if (value === undefined) throw new Error(`no bench answer for ${key} (${type})`);
      return { key, value };
    });
  await json('PATCH', `${ENDPOINT}/v1/kyc/${application.uuid}/`, { attribute_changes: changes });
}

// ── the widget ──────────────────────────────────────────────────────────────

/** The widget on the page (one at a time); dropped when removed, so that nothing here keeps it. */
let current: Widget | null = null;
const failures: string[] = [];

function createWidget(): Widget {
  const el = document.createElement('kyc-onboarding') as Widget;
  el.setAttribute('endpoint', ENDPOINT);
  el.setAttribute('lang', 'en');
  el.setAttribute('theme', 'light');
  el.setAttribute('poll-interval', POLL_INTERVAL);
  // What is measured is the questionnaire: no welcome before it, and only Continue stores (the
  // stores as the person goes would land in the middle of the timed moves).
  el.setAttribute('welcome', 'off');
  el.setAttribute('autosave', 'off');
  el.addEventListener('kyc-error', (event) => failures.push(`kyc-error ${JSON.stringify((event as CustomEvent).detail)}`));
  current = el;
  return el;
}

function removeWidget(): void {
  current?.remove();
  current = null;
  // The page's fetches leave resource-timing entries (Blink's heap grows until the buffer is full):
  // not the widget's to keep, so they do not count in the heap figures.
  performance.clearResourceTimings();
}

/** Throws when the widget reported an error (kyc-error) since the last call. */
function checkWidget(): void {
  if (failures.length > 0) throw new Error(failures.splice(0).join('; '));
}

const upgraded = (el: HTMLElement): el is Widget =>
  customElements.get('kyc-onboarding') !== undefined && 'flow' in el && el.shadowRoot !== null;
const settledLit = (node: Element | null | undefined): boolean =>
  !!node && (node as Lit).hasUpdated === true && (node as Lit).isUpdatePending === false;
/** The questions of the widget a milestone check is looking at (read once per check). */
let checking: { el: Element; questions: KycQuestion[] } | null = null;
const questionsOf = (el: Widget): KycQuestion[] =>
  checking?.el === el ? checking.questions : [...el.shadowRoot.querySelectorAll<KycQuestion>('kyc-question')];

/** The control of a question, rendered and usable (a custom control defined and rendered too), or null. */
function readyControl(question: KycQuestion): HTMLElement | null {
  if (!settledLit(question)) return null;
  const control = question.shadowRoot?.querySelector<HTMLElement>('#control') ?? null;
  if (!control || (control as HTMLInputElement).disabled) return null;
  if (control.localName.includes('-') && (!control.matches(':defined') || !settledLit(control))) return null;
  return control;
}

const onStep = (el: Widget, index: number): boolean =>
  upgraded(el) && el.flow.screen.name === 'step' && el.flow.screen.index === index && settledLit(el);

/** The step's heading and every question rendered (their options and documents may still be loading). */
function stepRendered(el: Widget, index: number): boolean {
  if (!onStep(el, index)) return false;
  const step = el.flow.steps[index];
  if (el.shadowRoot.querySelector('#heading')?.textContent?.trim() !== step.title) return false;
  const questions = questionsOf(el);
  return questions.length === step.questions.length && questions.every(settledLit);
}

/** The step rendered and its first control usable: a person can start answering. */
function stepInteractive(el: Widget, index: number): boolean {
  if (!stepRendered(el, index)) return false;
  const first = questionsOf(el).find((question) => !question.question?.attribute.readOnly);
  return first !== undefined && readyControl(first) !== null;
}

/** The step rendered and every control usable: options and legal documents read, lazy controls defined. */
function stepComplete(el: Widget, index: number): boolean {
  if (!stepRendered(el, index)) return false;
  return questionsOf(el).every((question) => question.question?.attribute.readOnly || readyControl(question) !== null);
}

/** The level choice rendered with its levels and an enabled Start button. */
function levelsInteractive(el: Widget): boolean {
  if (!upgraded(el) || el.flow.screen.name !== 'levels' || !settledLit(el)) return false;
  const start = el.shadowRoot.querySelector<HTMLButtonElement>('[part~="button-continue"]');
  return el.shadowRoot.querySelectorAll('input[name="level"]').length > 0 && !!start && !start.disabled;
}

const headingFocused = (el: Widget): boolean => el.shadowRoot.activeElement?.id === 'heading';

/** What the milestone checks cost (their time is inside the figures they measure). */
const checks = { ms: 0 };
/** The milestone checks' time since the last call, in ms. */
function takeChecks(): number {
  const { ms } = checks;
  checks.ms = 0;
  return ms;
}

const OBSERVE: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

/**
 * Resolves with the time each milestone was reached (after forcing style and layout), checked at
 * every mutation of the widget's shadow roots and every 4 ms; rejects after `timeoutMs`.
 */
function milestones(el: HTMLElement, tests: Record<string, () => boolean>, timeoutMs = 30_000): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const reached: Record<string, number> = {};
    const pending = new Set(Object.keys(tests));
    const observed = new WeakSet<Node>();
    let done = false;
    const observe = (root: Node | null | undefined): void => {
      if (root && !observed.has(root)) {
        observed.add(root);
        observer.observe(root, OBSERVE);
      }
    };
    const finish = (): void => {
      done = true;
      observer.disconnect();
      clearInterval(timer);
      clearTimeout(deadline);
      el.removeEventListener('kyc-ready', check);
    };
    function check(): void {
      if (done) return;
      const entered = performance.now();
      let laidOut = 0;
      try {
        if (el.shadowRoot) {
          observe(el.shadowRoot);
          checking = { el, questions: [...el.shadowRoot.querySelectorAll<KycQuestion>('kyc-question')] };
          for (const question of checking.questions) {
            observe(question.shadowRoot);
            observe(question.shadowRoot?.querySelector('#control')?.shadowRoot);
          }
        }
        for (const name of pending) {
          if (!tests[name]()) continue;
          const unlaid = performance.now();
          el.getBoundingClientRect(); // style and layout, as the next frame would do them
          reached[name] = performance.now();
          laidOut += reached[name] - unlaid;
          pending.delete(name);
        }
      } catch (error) {
        finish();
        reject(error);
        return;
      } finally {
        checking = null;
        checks.ms += performance.now() - entered - laidOut; // the layout is the page's work, not the check's
      }
      if (pending.size === 0) {
        finish();
        resolve(reached);
      }
    }
    const observer = new MutationObserver(check);
    const timer = setInterval(check, 4);
    const deadline = setTimeout(() => {
      finish();
      const state = upgraded(el) ? JSON.stringify(el.flow.screen).slice(0, 200) : 'not upgraded';
      reject(
        new Error(`timed out after ${timeoutMs} ms waiting for ${[...pending].join(', ')} (screen: ${state}; ${failures.join('; ')})`),
      );
    }, timeoutMs);
    el.addEventListener('kyc-ready', check);
    check();
  });
}

/** Two frames and a task: what the last change made is painted and its follow-up work done. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits (untimed) until `test` holds. */
async function until(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    checkWidget();
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function idle(el: Widget): Promise<void> {
  await until(() => el.flow.busy === null && settledLit(el), 'the flow to be idle');
  await quiet();
}

let moduleLoad: Promise<unknown> | null = null;
/** Imports the CDN bundle (once per page). */
function loadModule(): Promise<unknown> {
  moduleLoad ??= import(CDN_URL).catch((error: unknown) => {
    moduleLoad = null;
    throw new Error(`could not import ${CDN_URL}: ${String(error)}`);
  });
  return moduleLoad;
}

// ── figures ─────────────────────────────────────────────────────────────────

export interface FirstScreenTimes {
  /** kyc-ready: the level info and the application arrived. */
  ready: number;
  /** The first screen usable (see {@link firstScreen}). */
  interactive: number;
  /** Every control of the first step usable (step only). */
  complete?: number;
  /** The CDN bundle imported and evaluated (cold only). */
  module?: number;
  /** Time the milestone checks took, inside the figures. */
  overhead: number;
}

/**
 * From `document.body.append(el)` to the first screen being usable. `start: 'step'`: a fresh client
 * whose draft Basic application was just created (untimed): the widget reads the level info and
 * the application, and opens step 1, *Personal data*, which is interactive once its heading and all
 * its questions are rendered and its first control (First name) is usable, and complete once every
 * control is (the 249 countries of Citizenship read, the combobox defined). `start: 'levels'`: a
 * fresh client with no application: the level choice with its Start button. `cold`: the bundle is
 * imported at the moment the (still undefined) element is appended, on a page that never loaded it.
 */
async function firstScreen(options: { cold: boolean; start: 'step' | 'levels' }): Promise<FirstScreenTimes> {
  await freshClient();
  if (options.start === 'step') await openApplication(BASIC);
  if (!options.cold) await loadModule();
  checkWidget();
  const el = createWidget();
  let ready = NaN;
  el.addEventListener('kyc-ready', () => (ready = performance.now()), { once: true });
  let module = NaN;
  const tests: Record<string, () => boolean> =
    options.start === 'step'
      ? { interactive: () => ready > 0 && stepInteractive(el, 0), complete: () => stepComplete(el, 0) }
      : { interactive: () => ready > 0 && levelsInteractive(el) };
  takeChecks();
  const t0 = performance.now();
  document.body.append(el);
  const imported = options.cold ? loadModule().then(() => (module = performance.now())) : null;
  // A failed import fails the run at once (else the milestones would wait for their timeout).
  const [reached] = await Promise.all([milestones(el, tests), imported]);
  const overhead = takeChecks();
  checkWidget();
  await quiet();
  removeWidget();
  return {
    ready: ready - t0,
    interactive: reached['interactive'] - t0,
    ...(reached['complete'] ? { complete: reached['complete'] - t0 } : {}),
    ...(options.cold ? { module: module - t0 } : {}),
    overhead,
  };
}

export interface BigFirstStepTimes {
  ready: number;
  /** From kyc-ready to the 40 questions rendered. */
  renderFromData: number;
  rendered: number;
  interactive: number;
  complete: number;
  overhead: number;
}

/**
 * A fresh client's new draft of the 200-question bench level (untimed setup), the bundle loaded:
 * from `append` to its first step (40 questions) rendered, interactive and complete, and the
 * render alone: from kyc-ready (the application's data arrived, nothing of the step drawn yet) to
 * the 40 questions rendered.
 */
async function bigFirstStep(): Promise<BigFirstStepTimes> {
  await loadModule();
  await freshClient();
  await openApplication(BENCH);
  checkWidget();
  const el = createWidget();
  let ready = NaN;
  el.addEventListener('kyc-ready', () => (ready = performance.now()), { once: true });
  takeChecks();
  const t0 = performance.now();
  document.body.append(el);
  const reached = await milestones(el, {
    rendered: () => ready > 0 && stepRendered(el, 0),
    interactive: () => ready > 0 && stepInteractive(el, 0),
    complete: () => stepComplete(el, 0),
  });
  const overhead = takeChecks();
  checkWidget();
  await quiet();
  removeWidget();
  return {
    overhead,
    ready: ready - t0,
    renderFromData: reached['rendered'] - ready,
    rendered: reached['rendered'] - t0,
    interactive: reached['interactive'] - t0,
    complete: reached['complete'] - t0,
  };
}

/** Opens a bench application answered (`answers` by type) but for one question of step 1, and waits for step 1 complete. */
async function switchSetup(answers: Readonly<Record<string, string>>): Promise<{ steps: number; questions: number }> {
  await loadModule();
  await freshClient();
  const application = await openApplication(BENCH);
  await answerBench(application, TYPED_KEY, answers);
  const el = createWidget();
  document.body.append(el);
  await milestones(el, { complete: () => stepComplete(el, 0) });
  await idle(el);
  checkWidget();
  return { steps: el.flow.steps.length, questions: el.flow.steps.reduce((sum, step) => sum + step.questions.length, 0) };
}

/** Types `text` into a text question as the person's input would (value, `input`, `change`). */
async function typeInto(el: Widget, key: string, text: string): Promise<void> {
  const question = el.shadowRoot.querySelector<KycQuestion>(`kyc-question[data-key="${key}"]`);
  const input = question?.shadowRoot?.querySelector<HTMLInputElement>('#control');
  if (!question || !input) throw new Error(`no text field for ${key}`);
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.blur();
  await (question as unknown as Lit).updateComplete;
  await el.updateComplete;
}

/**
 * Clicks a button of the widget as a person does (focus, then click), and resolves with the time
 * from the click to `arrived` holding with the focus moved to the new screen's heading.
 */
async function clickAndTime(el: Widget, part: 'button-continue' | 'button-back', arrived: () => boolean): Promise<number> {
  const button = el.shadowRoot.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!button || button.disabled) throw new Error(`no enabled ${part}`);
  button.focus();
  const wait = milestones(el, { arrived: () => arrived() && headingFocused(el) });
  takeChecks();
  const t0 = performance.now();
  button.click();
  const { arrived: at } = await wait;
  const took = at - t0;
  overheads.push(takeChecks());
  checkWidget();
  await idle(el);
  return took;
}

/** The milestone checks' time of each step move timed since the last {@link switchRound}. */
const overheads: number[] = [];

export interface SwitchTimes {
  /** Continue from step 1 storing one changed answer (PATCH, the 200-question answer parsed) to step 2. */
  save: number[];
  /** Continue, nothing to store, to a step seen before. */
  next: number[];
  /** Continue to a step shown for the first time (its 8 option lists and 2 legal documents read). */
  firstVisit: number[];
  /** Continue from step 5 to the review of 200 answers. */
  toReview: number[];
  /** Back from the review to step 5. */
  backFromReview: number[];
  /** Back to the previous step. */
  back: number[];
  /** Time the milestone checks took inside each move above. */
  overhead: number[];
}

/**
 * One walk of the bench application from step 1 to the review and back: the answer left out is
 * typed (another text each round) and stored by Continue, the other steps are only passed through.
 * In the first walk (`first`) steps 3 to 5 are shown for the first time: those moves are
 * `firstVisit`, and the review's first reads of labels make its figure not comparable (left out).
 */
async function switchRound(round: number, first: boolean): Promise<SwitchTimes> {
  const el = current;
  if (!el || !onStep(el, 0)) throw new Error('the bench walk must start on step 1');
  const times: SwitchTimes = { save: [], next: [], firstVisit: [], toReview: [], backFromReview: [], back: [], overhead: [] };
  overheads.length = 0;
  const steps = el.flow.steps.length;
  await typeInto(el, TYPED_KEY, `Bench answer, round ${round}`);
  await quiet();
  const saved = await clickAndTime(el, 'button-continue', () => stepComplete(el, 1));
  if (!first) times.save.push(saved);
  for (let index = 2; index < steps; index++) {
    const took = await clickAndTime(el, 'button-continue', () => stepComplete(el, index));
    (first ? times.firstVisit : times.next).push(took);
  }
  const reviewed = await clickAndTime(el, 'button-continue', () => el.flow.screen.name === 'review' && settledLit(el));
  if (!first) times.toReview.push(reviewed);
  times.backFromReview.push(await clickAndTime(el, 'button-back', () => stepComplete(el, steps - 1)));
  for (let index = steps - 2; index >= 0; index--) {
    times.back.push(await clickAndTime(el, 'button-back', () => stepComplete(el, index)));
  }
  times.overhead.push(...overheads);
  return times;
}

/** Waits until a question's control is usable (its options or document read), and returns it. */
async function controlOf(el: Widget, key: string): Promise<HTMLElement> {
  let control: HTMLElement | null = null;
  await until(() => {
    const question = el.shadowRoot.querySelector<KycQuestion>(`kyc-question[data-key="${key}"]`);
    control = question ? readyControl(question) : null;
    return control !== null;
  }, `the control of ${key}`);
  return control!;
}

async function proceed(el: Widget): Promise<void> {
  const button = el.shadowRoot.querySelector<HTMLButtonElement>('[part~="button-continue"]');
  if (!button) throw new Error(`no Continue on ${el.flow.screen.name}`);
  button.focus();
  button.click();
  await idle(el);
}

/** Answers the code prompt: send the code, type 111111, confirm — once per code asked. */
async function sign(el: Widget): Promise<void> {
  while (el.flow.signature) {
    await until(() => customElements.get('kyc-signature-prompt') !== undefined, 'the code prompt');
    const prompt = el.shadowRoot.querySelector<Lit>('kyc-signature-prompt');
    await prompt?.updateComplete;
    const send = prompt?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button-send"]');
    if (!send) throw new Error('no Send code button');
    send.click();
    await idle(el);
    await prompt!.updateComplete;
    const input = prompt!.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]');
    if (!input) throw new Error('no code field');
    input.value = '111111';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await prompt!.updateComplete;
    prompt!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-confirm"]')!.click();
    await idle(el);
    checkWidget();
  }
}

/**
 * A new client's whole Basic flow through the widget's controls (the bundle loaded, no timing):
 * the level choice, Personal data (typed, Citizenship picked in the combobox), Contact details
 * (two codes sent and typed), Agreements (two documents accepted), the review, Send for review,
 * and the waiting screen. The widget stays on the page.
 */
async function basicFlow(): Promise<void> {
  await loadModule();
  await freshClient();
  const el = createWidget();
  document.body.append(el);
  await until(() => upgraded(el) && levelsInteractive(el), 'the level choice');
  el.shadowRoot.querySelector<HTMLInputElement>('input[name="level"]')!.click(); // Basic, the lowest
  await proceed(el);
  await milestones(el, { complete: () => stepComplete(el, 0) });
  await typeInto(el, 'first_name', 'Jane');
  await typeInto(el, 'last_name', 'Doe');
  await typeInto(el, 'date_of_birth', '1990-01-01');
  const combobox = await controlOf(el, 'citizenship');
  const search = combobox.shadowRoot!.querySelector('input')!;
  search.focus();
  search.value = 'Latvia';
  search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  search.blur();
  await idle(el);
  if (el.flow.drafts.get('citizenship') !== 'LV') throw new Error('Citizenship was not picked');
  await proceed(el);
  await until(() => stepComplete(el, 1), 'Contact details');
  await typeInto(el, 'email', 'jane@example.com');
  await typeInto(el, 'phone', '+37120000009');
  await proceed(el);
  await sign(el);
  await until(() => stepComplete(el, 2), 'Agreements');
  for (const key of ['terms_of_service', 'privacy_policy']) (await controlOf(el, key)).click();
  await idle(el);
  await proceed(el);
  await until(() => el.flow.screen.name === 'review', 'the review');
  await proceed(el);
  await until(() => el.flow.screen.name === 'waiting', 'the waiting screen');
  checkWidget();
}

/** Runs `work`, and throws what the widget reported meanwhile. */
function guarded<A extends unknown[], R>(work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    checkWidget();
    const result = await work(...args);
    checkWidget();
    return result;
  };
}

const bench = {
  loadModule: guarded(async () => void (await loadModule())),
  firstScreen: guarded(firstScreen),
  bigFirstStep: guarded(bigFirstStep),
  switchSetup: guarded(switchSetup),
  switchRound: guarded(switchRound),
  basicFlow: guarded(basicFlow),
  removeWidget: async () => {
    removeWidget();
    await quiet();
  },
  browser: () => navigator.userAgent,
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
