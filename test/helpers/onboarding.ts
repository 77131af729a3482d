// The <kyc-onboarding> widget in tests: made against the sandbox, driven as a person would
// (keyboard, clicks), read as a person sees it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import { fillBasic, pdfFile } from './kyc.js';
import { ENDPOINT, setStatus, SIGN_CODE } from './sandbox.js';
import { createKycClient } from '../../src/api/index.js';
import { systemClock, type KycClock } from '../../src/internal/clock.js';
import type { KycFileUpload } from '../../src/components/file-upload/file-upload.js';
import type { KycQuestion } from '../../src/components/question/question.js';
import type { KycSignaturePrompt } from '../../src/components/signature-prompt/signature-prompt.js';
import { KycOnboarding } from '../../src/components/onboarding/onboarding.js';
import en from '../../src/translations/en.js';

KycOnboarding.define('kyc-onboarding');

export type Widget = KycOnboarding & { shadowRoot: ShadowRoot };

/** What a test may set on the widget (the rest as a partner page would have it). */
export interface WidgetOptions {
  lang?: string;
  theme?: string;
  applicationUuid?: string;
  /** The review polling's first interval (40 ms unless set). */
  pollInterval?: number;
  /** What the widget schedules by (a fake clock the test drives; the system's unless set). */
  clock?: KycClock;
  /** The welcome before a new application's first step: `off` unless set (tests of other screens go straight on). */
  welcome?: 'on' | 'off';
  /** Answers stored as the person goes: `off` unless set (other tests count the saves Continue makes). */
  autosave?: 'on' | 'off';
  /** The consent gate (`consent` attribute), when set. */
  consent?: string;
  privacyUrl?: string;
  /** "Take a photo" beside the file choosers (`camera`): `auto` unless set. */
  camera?: 'auto' | 'always' | 'never';
}

/** A widget on the proxy's endpoint, once its first load ended. */
export async function widget(options: WidgetOptions = {}): Promise<Widget> {
  const el = await fixture<Widget>(
    html`<kyc-onboarding
      endpoint=${ENDPOINT}
      poll-interval=${options.pollInterval ?? 40}
      lang=${options.lang ?? 'en'}
      theme=${options.theme ?? 'light'}
      application-uuid=${ifDefined(options.applicationUuid)}
      welcome=${options.welcome ?? 'off'}
      autosave=${options.autosave ?? 'off'}
      consent=${ifDefined(options.consent)}
      privacy-url=${ifDefined(options.privacyUrl)}
      camera=${options.camera ?? 'auto'}
      .clock=${options.clock ?? systemClock}
    ></kyc-onboarding>`,
  );
  await waitUntil(() => el.flow.screen.name !== 'loading', 'the first load ends', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Widget, selector: string) => el.shadowRoot.querySelector<T>(selector);
export const heading = (el: Widget) => $(el, '#heading')!.textContent.trim();
export const primary = (el: Widget) => $<HTMLButtonElement>(el, '[part~="button-continue"]')!;
export const question = (el: Widget, key: string) => $<KycQuestion>(el, `kyc-question[data-key="${key}"]`)!;

/** Waits for the flow to be idle and the widget rendered. */
export async function settled(el: Widget): Promise<void> {
  await waitUntil(() => el.flow.busy === null, 'the flow is idle', { timeout: 5000 });
  await el.updateComplete;
}

/** Clicks the primary button (Continue, Start, Send for review) and waits. */
export async function proceed(el: Widget): Promise<void> {
  primary(el).click();
  await settled(el);
}

/** Types an answer into a question with the keyboard, as a person would. */
export async function type(el: Widget, key: string, text: string): Promise<void> {
  const field = question(el, key);
  field.focus();
  await sendKeys({ type: text });
  field.blur();
  await el.updateComplete;
}

/** The focusable control inside a question, once rendered (legal documents load first). */
export async function controlOf(el: Widget, key: string): Promise<HTMLElement> {
  // `:defined`: a long list's combobox is loaded when first shown.
  await waitUntil(() => question(el, key).shadowRoot?.querySelector('[part~="control"]:defined'), `the control of ${key}`, {
    timeout: 5000,
  });
  const control = question(el, key).shadowRoot!.querySelector<HTMLElement>('[part~="control"]')!;
  await (control as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  return control;
}

/** Ticks a checkbox question (legal document, boolean) with the keyboard, unless it is ticked. */
export async function tick(el: Widget, key: string): Promise<void> {
  if (((await controlOf(el, key)) as HTMLInputElement).checked) return;
  question(el, key).focus();
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
}

/**
 * The control of a reference-data question once its options are read (a long list page by page):
 * until then the question shows a disabled list and says it is loading. A person waits for it, and
 * so do the tests.
 */
export async function loadedControlOf(el: Widget, key: string): Promise<HTMLElement> {
  await waitUntil(
    () => {
      const root = question(el, key)?.shadowRoot;
      return root?.querySelector('[part~="control"]') && !root.querySelector('[part~="status"]');
    },
    `the options of ${key}`,
    { timeout: 10000 },
  );
  return controlOf(el, key);
}

/** The file chooser of a document question. */
export const uploadOf = (el: Widget, key: string) =>
  question(el, key).shadowRoot!.querySelector('kyc-file-upload') as KycFileUpload & { shadowRoot: ShadowRoot };

/** Chooses files in a document question's file dialog, as a person does. */
export function pickFiles(el: Widget, key: string, ...files: File[]): void {
  const picker = uploadOf(el, key).shadowRoot.querySelector<HTMLInputElement>('#picker')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  picker.files = transfer.files;
  picker.dispatchEvent(new Event('change'));
}

/**
 * Picks an option of a reference-data question by typing the start of its label, as a person
 * does: a native select (short lists) takes the typed letters; the combobox (long lists) then
 * wants ArrowDown and Enter. Fails unless an option starting with `text` was chosen.
 */
export async function pick(el: Widget, key: string, text: string): Promise<void> {
  const control = await loadedControlOf(el, key);
  question(el, key).focus();
  await sendKeys({ type: text });
  if (control.localName !== 'select') {
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
  }
  question(el, key).blur();
  await el.updateComplete;
  const chosen =
    control instanceof HTMLSelectElement
      ? control.selectedOptions[0]?.textContent
      : (control.shadowRoot?.querySelector('input')?.value ?? (control as HTMLInputElement).value);
  expect(chosen?.trim(), `the option chosen for ${key}`).to.match(new RegExp(`^${text}`));
}

/** The code prompt, once its element is defined (it loads when first needed) and rendered. */
export async function promptOf(el: Widget): Promise<KycSignaturePrompt> {
  await waitUntil(() => $(el, 'kyc-signature-prompt:defined'), 'the code prompt', { timeout: 5000 });
  const prompt = $<KycSignaturePrompt>(el, 'kyc-signature-prompt')!;
  await prompt.updateComplete;
  return prompt;
}

/** Answers a signature prompt: send the code, type it, confirm — once per code asked. */
export async function signWith(el: Widget, code = SIGN_CODE): Promise<void> {
  while (el.flow.signature) {
    const prompt = await promptOf(el);
    prompt.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-send"]')!.click();
    await settled(el);
    const input = prompt.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
    input.focus();
    await sendKeys({ type: code });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    if (code !== SIGN_CODE) return;
  }
}

export async function startLevel(el: Widget, name: string): Promise<void> {
  const radio = [...el.shadowRoot.querySelectorAll<HTMLInputElement>('input[name="level"]')].find((input) =>
    input.closest('label')!.textContent.includes(name),
  )!;
  radio.click();
  await proceed(el);
}

/** Answers the personal-data step of any level (Jane Doe, born 1 January 1990, Latvian). */
export async function fillPersonal(el: Widget): Promise<void> {
  await type(el, 'first_name', 'Jane');
  await type(el, 'last_name', 'Doe');
  await type(el, 'date_of_birth', '01011990');
  await pick(el, 'citizenship', 'Latv');
}

/** Fills the personal-data and contact steps of any level, and signs them with the code (unless `sign` is false: the code prompt stays open). */
export async function fillPersonalAndContacts(el: Widget, { sign = true } = {}): Promise<void> {
  expect(heading(el)).to.equal('Personal data');
  await fillPersonal(el);
  await proceed(el);
  expect(heading(el)).to.equal('Contact details');
  await type(el, 'email', 'jane@example.com');
  await type(el, 'phone', '+37120000009');
  await proceed(el);
  if (sign) await signWith(el);
}

export async function acceptAgreements(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Agreements');
  for (const key of ['terms_of_service', 'privacy_policy', 'risk_disclosure']) if (question(el, key)) await tick(el, key);
  await proceed(el);
}

export async function sendForReview(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Check your answers');
  await proceed(el);
  await signWith(el);
  expect(el.flow.screen.name).to.equal('waiting');
}

/** Replaces the typed text of a question. */
export async function retype(el: Widget, key: string, text: string): Promise<void> {
  question(el, key).focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  question(el, key).blur();
  await el.updateComplete;
}

/** Fills the address and financial-profile steps (Standard and Advanced). */
export async function fillAddressAndFinances(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Address');
  await pick(el, 'country_of_residence', 'Latv');
  await type(el, 'city', 'Riga');
  await type(el, 'address', 'Brivibas iela 1');
  await proceed(el);
  expect(heading(el)).to.equal('Financial profile');
  await pick(el, 'employment_status', 'Empl');
  await pick(el, 'source_of_funds', 'Sala');
  await type(el, 'annual_income', '50000');
  await proceed(el);
  await signWith(el);
}

/** Stores a fresh PDF document as the answer to `key`, through the API (documents are out of the widget's scope). */
export async function provideDocument(applicationUuid: string, key: string): Promise<void> {
  const client = createKycClient({ endpoint: ENDPOINT });
  const [file] = await client.uploadFiles([pdfFile(`${key}.pdf`, 1024)]);
  const document = await client.createDocument(key, [file.uuid]);
  await client.updateApplication(applicationUuid, [{ key, value: document.uuid }]);
}

/** A new widget on the same page session, as after a reload (with `options` as the page sets them). */
export async function reload(el: Widget, options: WidgetOptions = {}): Promise<Widget> {
  el.remove();
  return widget(options);
}

/** Continues through steps whose answers were given through the API (documents, liveness), checking their titles. */
export async function walkDocumentSteps(el: Widget, titles: string[]): Promise<void> {
  for (const title of titles) {
    expect(heading(el)).to.equal(title);
    await proceed(el);
  }
}

/** Every node of `root`'s composed tree (children's shadow roots included), in document order. */
export function* composedNodes(root: Node): Generator<Node> {
  yield root;
  if (root instanceof Element && root.shadowRoot) yield* composedNodes(root.shadowRoot);
  for (const child of root.childNodes) yield* composedNodes(child);
}

/** An element as a test failure names it: `tag#id[part=…]`. */
export function describeElement(element: Element): string {
  const part = element.getAttribute('part');
  return `${element.localName}${element.id ? `#${element.id}` : ''}${part ? `[part=${part}]` : ''}`;
}

/** The texts a person sees in the widget (text nodes and aria-labels), children's shadow roots included. */
export function composedTexts(root: Node): string[] {
  const parts: string[] = [];
  for (const node of composedNodes(root)) {
    if (node instanceof Text && node.data.trim() && !node.parentElement?.matches('style, script'))
      parts.push(node.data.replace(/\s+/g, ' ').trim());
    if (node instanceof HTMLElement && node.getAttribute('aria-label')) parts.push(node.getAttribute('aria-label')!);
  }
  return parts;
}

/** The focused elements from the document down through the shadow roots, outermost first. */
export function focusChain(): Element[] {
  const chain: Element[] = [];
  let active: Element | null = document.activeElement;
  while (active) {
    chain.push(active);
    active = active.shadowRoot?.activeElement ?? null;
  }
  return chain;
}

/** Presses Tab until `reached` holds for the focus chain (a keyboard user's way to a control). */
export async function tabTo(reached: (chain: Element[]) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if (reached(focusChain())) return;
    await sendKeys({ press: 'Tab' });
  }
  const focus = focusChain().map((e) => e.localName + (e.id ? `#${e.id}` : ''));
  throw new Error(`Tab never reached ${what}; focus: ${focus.join(' > ')}`);
}

export const inQuestion = (key: string) => (chain: Element[]) =>
  chain.some((e) => e.localName === 'kyc-question' && (e as HTMLElement).dataset['key'] === key) &&
  ['input', 'textarea'].includes(chain.at(-1)!.localName);
export const onPart = (part: string) => (chain: Element[]) => chain.at(-1)!.part.contains(part);

/** Asserts the widget's focus is on the heading of the screen titled `title`. */
export function expectHeadingFocused(el: Widget, title: string): void {
  expect(heading(el)).to.equal(title);
  expect(el.shadowRoot.activeElement?.id, `focus after reaching "${title}"`).to.equal('heading');
}

/** Walks the Basic level through the widget and sends it to review. */
export async function sendBasicForReview(el: Widget): Promise<void> {
  await startLevel(el, 'Basic');
  await fillPersonalAndContacts(el);
  await acceptAgreements(el);
  await sendForReview(el);
}

/** Approves the application as the reviewer, and waits for the widget to show it. */
export async function approveAndWait(el: Widget): Promise<void> {
  await setStatus(el.flow.application!.uuid, 'approved');
  await waitUntil(() => heading(el) === 'Your application has been approved', 'approved', { timeout: 5000 });
}

/** Opens an application of the level named `levelName` for the logged-in client, through the API; its uuid. */
export async function applicationOf(levelName: string): Promise<string> {
  const client = createKycClient({ endpoint: ENDPOINT });
  const info = await client.getLevelInfo();
  const level = info.availableLevelsForUpgrade.find((candidate) => candidate.name === levelName);
  if (!level) throw new Error(`No level "${levelName}" on offer`);
  return (await client.createApplication(level.uuid)).uuid;
}

/** A Basic application answered and sent to review through the API (Basic asks no code to be sent); its uuid. */
export async function basicInReview(): Promise<string> {
  const client = createKycClient({ endpoint: ENDPOINT });
  const uuid = await applicationOf('Basic');
  await fillBasic(client, uuid);
  await client.sendToReview(uuid);
  return uuid;
}

/** Waits until the widget and every element of its shadow trees rendered. */
export async function renderedTree(root: Element): Promise<void> {
  const pending = (node: Element): Promise<unknown>[] => [
    ...('updateComplete' in node ? [(node as unknown as { updateComplete: Promise<unknown> }).updateComplete] : []),
    ...[...(node.shadowRoot?.querySelectorAll('*') ?? [])].flatMap(pending),
  ];
  for (let round = 0; round < 3; round++) await Promise.all(pending(root));
}

type Catalog = Record<string, unknown>;
const CATALOGS: Record<string, () => Promise<{ default: unknown }>> = {
  de: () => import('../../src/translations/de.js'),
  fr: () => import('../../src/translations/fr.js'),
  es: () => import('../../src/translations/es.js'),
  ru: () => import('../../src/translations/ru.js'),
  ar: () => import('../../src/translations/ar.js'),
};
/** Stands for every parameter of a function term: a text, a count, and the term's format helpers. */
const SLOT = '\u0001';

/** A function term's text with every parameter a {@link SLOT}, for one plural category (null if it cannot be made). */
function termShape(term: unknown, category: 'one' | 'other'): string | null {
  if (typeof term !== 'function') return null;
  const slot = Object.assign(new String(SLOT), {
    number: () => SLOT,
    plural: (_count: unknown, forms: Record<string, string>) => forms[category] ?? forms['other'],
  });
  try {
    const text = (term as (...args: unknown[]) => unknown)(...Array<unknown>(term.length + 1).fill(slot));
    return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : null;
  } catch {
    return null;
  }
}

/** The English catalog's texts that `lang` says otherwise: plain terms, and function terms as patterns. */
async function englishOnly(lang: string): Promise<{ texts: string[]; patterns: RegExp[] }> {
  const load = CATALOGS[lang];
  if (!load) throw new Error(`No catalog for ${lang}`);
  const other = (await load()).default as Catalog;
  const texts: string[] = [];
  const patterns: RegExp[] = [];
  for (const [key, value] of Object.entries(en as Catalog)) {
    if (key.startsWith('$')) continue;
    if (typeof value === 'string') {
      if (value !== other[key]) texts.push(value);
      continue;
    }
    for (const category of ['one', 'other'] as const) {
      const english = termShape(value, category);
      if (english === null || english === termShape(other[key], category)) continue;
      const parts = english.split(SLOT);
      // Only shapes with words of their own ("Step … of …"), not bare punctuation around parameters.
      if (!parts.some((part) => /\p{L}{3,}/u.test(part))) continue;
      const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      patterns.push(new RegExp(`^${escaped.join('.+?')}$`, 's'));
    }
  }
  return { texts, patterns };
}

/** {@link composedTexts}, leaving out the elements `skip` names (and what they hold). */
function textsShown(node: Node, skip: (element: Element) => boolean): string[] {
  if (node instanceof Text) return node.data.trim() ? [node.data.replace(/\s+/g, ' ').trim()] : [];
  if (node instanceof Element && (skip(node) || node.localName === 'style' || node.localName === 'script')) return [];
  return [
    ...(node instanceof Element && node.shadowRoot ? textsShown(node.shadowRoot, skip) : []),
    ...(node instanceof HTMLElement && node.getAttribute('aria-label') ? [node.getAttribute('aria-label')!] : []),
    ...[...node.childNodes].flatMap((child) => textsShown(child, skip)),
  ];
}

/** Options of {@link englishLeft}. */
export interface EnglishLeftOptions {
  /** Elements whose texts are not looked at (with everything inside them). */
  skip?: (element: Element) => boolean;
}

/**
 * The texts of the widget (its children included) that are English catalog strings although the
 * widget shows `lang`: a plain term (alone, or within a text when it has several words), or a
 * function term ("Step 2 of 3") with any parameters. Texts holding the platform's own words (step
 * and question titles, level descriptions, the reviewer's comment and remarks) may be English.
 */
export async function englishLeft(el: Widget, lang = 'de', options: EnglishLeftOptions = {}): Promise<string[]> {
  const { texts, patterns } = await englishOnly(lang);
  await renderedTree(el);
  const leaked = (text: string) =>
    texts.some((value) => text === value.trim() || (/\s/.test(value.trim()) && text.includes(value))) ||
    patterns.some((pattern) => pattern.test(text));
  const { flow } = el;
  const server = [
    ...flow.steps.flatMap((step) => [step.title, ...step.questions.flatMap((q) => [q.title, ...q.attribute.errors])]),
    ...(flow.screen.name === 'levels' ? flow.screen.levels.map((level) => level.description ?? '') : []),
    flow.application?.comment ?? '',
  ].filter(Boolean);
  const shown = options.skip ? textsShown(el.shadowRoot, options.skip) : composedTexts(el.shadowRoot);
  return shown.filter((text) => leaked(text) && !server.some((title) => text.includes(title)));
}

/** An application of `levelName` answered, through the API, from its first step to its financial profile; its uuid. */
async function answeredThroughFinances(levelName: string): Promise<string> {
  const client = createKycClient({ endpoint: ENDPOINT });
  const uuid = await applicationOf(levelName);
  await fillBasic(client, uuid);
  const [employment] = await client.getDefinitions('employment_status');
  const [funds] = await client.getDefinitions('source_of_funds');
  await client.sendSignCode({ objectUuid: uuid, providerType: 'sms', destination: '+37120000009' });
  await client.updateApplication(
    uuid,
    [
      { key: 'country_of_residence', value: 'LV' },
      { key: 'city', value: 'Riga' },
      { key: 'address', value: 'Brivibas iela 1' },
      { key: 'employment_status', value: employment.key },
      { key: 'source_of_funds', value: funds.key },
      { key: 'annual_income', value: '50000' },
      { key: 'is_pep', value: 'false' },
    ],
    { signCodes: { sms: SIGN_CODE } },
  );
  return uuid;
}

/** A Standard application answered up to its identity document step, through the API; its uuid. */
export function standardBeforeDocuments(): Promise<string> {
  return answeredThroughFinances('Standard');
}

/** An Advanced application answered up to its passport step, through the API; its uuid. */
export function advancedBeforeDocuments(): Promise<string> {
  return answeredThroughFinances('Advanced');
}

/** An Advanced application answered up to its liveness step (documents included), through the API; its uuid. */
export async function advancedBeforeLiveness(): Promise<string> {
  const uuid = await answeredThroughFinances('Advanced');
  for (const key of ['passport', 'proof_of_address']) await provideDocument(uuid, key);
  return uuid;
}
