// What the elements inside <kyc-onboarding> take from it by @lit/context (the flow, the API client,
// the text overrides, the clock): each takes its own root's, so two widgets on one page do not
// cross-talk; a value set on an element wins over its root's; and the keys are Symbols, so a
// second copy of the package on the page answers none of this copy's requests.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextEvent, type Context } from '@lit/context';
import { clientContext } from '../../src/context/client-context.js';
import { clockContext } from '../../src/context/clock-context.js';
import { flowContext } from '../../src/context/flow-context.js';
import { translationsContext } from '../../src/context/translations-context.js';
import type { KycCombobox } from '../../src/components/combobox/combobox.js';
import type { KycTranslationOverrides } from '../../src/utilities/localize.js';
import { fakeClock } from '../helpers/clock.js';
import {
  $,
  applicationOf,
  fillPersonalAndContacts,
  loadedControlOf,
  primary,
  promptOf,
  question,
  settled,
  type Widget,
} from '../helpers/onboarding.js';
import { ENDPOINT, loggedInClient, logout } from '../helpers/sandbox.js';

/** The proxy as seen from another origin (same server, another host name), reached with a bearer token. */
const CROSS_ORIGIN_ENDPOINT = `http://127.0.0.1:${location.port}/kyc`;

/** What an element at `node`'s place is given for `context` (undefined: no provider answered). */
function providedAt<V>(node: Element, context: Context<unknown, V>): V | undefined {
  let value: V | undefined;
  node.dispatchEvent(new ContextEvent(context, node, (provided) => (value = provided)));
  return value;
}

/** Two widgets side by side, each with its own endpoint, language, text overrides and clock, both shown. */
async function twoWidgets(): Promise<{ a: Widget; b: Widget; clockA: ReturnType<typeof fakeClock>; clockB: ReturnType<typeof fakeClock> }> {
  const clockA = fakeClock();
  const clockB = fakeClock();
  const translationsA: KycTranslationOverrides = { en: { continue: 'Onwards (A)', fieldRequired: 'A needs this.' } };
  const translationsB: KycTranslationOverrides = { de: { continue: 'Weiter (B)', fieldRequired: 'B braucht das.' } };
  const box = await fixture<HTMLElement>(html`<div>
    <kyc-onboarding id="a" endpoint=${ENDPOINT} lang="en" welcome="off" autosave="off" .translations=${translationsA} .clock=${clockA}></kyc-onboarding>
    <kyc-onboarding
      id="b"
      welcome="off"
      autosave="off"
      endpoint=${CROSS_ORIGIN_ENDPOINT}
      token-endpoint="/kyc-token"
      lang="de"
      .translations=${translationsB}
      .clock=${clockB}
    ></kyc-onboarding>
  </div>`);
  const a = box.querySelector<Widget>('#a')!;
  const b = box.querySelector<Widget>('#b')!;
  for (const el of [a, b])
    await waitUntil(() => el.flow.screen.name === 'step', 'the application opens on its first step', { timeout: 5000 });
  await Promise.all([settled(a), settled(b)]);
  return { a, b, clockA, clockB };
}

describe('@lit/context inside <kyc-onboarding>', () => {
  beforeEach(async () => {
    await loggedInClient();
    await applicationOf('Basic'); // both widgets open it on its first step
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
  });
  afterEach(logout);

  it('two widgets on one page: each element takes its own root’s flow, client, texts and clock', async () => {
    const { a, b, clockA, clockB } = await twoWidgets();
    expect(a.flow, 'two flows').to.not.equal(b.flow);

    for (const [el, clock, other] of [
      [a, clockA, b],
      [b, clockB, a],
    ] as const) {
      const first = question(el, 'first_name');
      const citizenship = question(el, 'citizenship');
      const combobox = (await loadedControlOf(el, 'citizenship')) as KycCombobox;
      const client = providedAt(first, clientContext);
      expect(client, 'a client is provided').to.be.an('object');
      expect(client, 'not the other widget’s client').to.not.equal(providedAt(question(other, 'first_name'), clientContext));
      expect(providedAt(first, flowContext), 'the flow').to.equal(el.flow);
      expect(providedAt(first, clockContext), 'the clock').to.equal(clock);
      expect(providedAt(first, translationsContext), 'the texts').to.equal(el.translations);
      for (const field of [first, citizenship]) {
        expect(field.client, `${field.dataset.key}'s client`).to.equal(client);
        expect(field.translations, `${field.dataset.key}'s texts`).to.equal(el.translations);
      }
      // A child of a child (loaded when first shown) takes the root's too.
      expect(combobox.translations, 'the combobox’s texts').to.equal(el.translations);
      expect(providedAt(combobox, clientContext), 'inside the question').to.equal(client);
    }

    // Each question read its options through its own root's client: B's across origins.
    const reads = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.includes('/v1/attributes/citizenship/definitions/'));
    expect(
      reads.some((url) => url.startsWith(`${location.origin}/kyc/`)),
      'A’s read, on the page’s origin',
    ).to.equal(true);
    expect(
      reads.some((url) => url.startsWith(`${CROSS_ORIGIN_ENDPOINT}/`)),
      'B’s read, on the other origin',
    ).to.equal(true);

    // Each root's texts, in its own language, reach its questions.
    expect(primary(a).textContent.trim()).to.equal('Onwards (A)');
    expect(primary(b).textContent.trim()).to.equal('Weiter (B)');
    for (const el of [a, b]) {
      primary(el).click(); // Continue with nothing answered
      await el.updateComplete;
    }
    expect(question(a, 'first_name').validationMessage).to.equal('A needs this.');
    expect(question(b, 'first_name').validationMessage).to.equal('B braucht das.');
    await question(a, 'first_name').updateComplete;
    expect(question(a, 'first_name').shadowRoot!.textContent).to.contain('A needs this.');

    // The code prompt (loaded when first needed) takes A's clock and texts, not B's.
    await fillPersonalAndContacts(a, { sign: false });
    const prompt = await promptOf(a);
    expect(prompt.clock).to.equal(clockA);
    expect(prompt.translations).to.equal(a.translations);
    expect($(b, 'kyc-signature-prompt'), 'B is still on its first step').to.equal(null);
  });

  it('a value set on an element wins over its root’s, and reaches the controls inside it; unset, the root’s shows again', async () => {
    const { a, b } = await twoWidgets();
    const citizenship = question(a, 'citizenship');
    const combobox = (await loadedControlOf(a, 'citizenship')) as KycCombobox;
    const rootClient = citizenship.client;

    const own: KycTranslationOverrides = { en: { fieldRequired: 'Say where you are from.' } };
    citizenship.translations = own;
    await citizenship.updateComplete;
    expect(citizenship.translations).to.equal(own);
    expect(combobox.translations, 'the question gives its own to its combobox').to.equal(own);
    expect(question(a, 'first_name').translations, 'other questions keep the root’s').to.equal(a.translations);

    // A new value at the root reaches every element without one of its own.
    const later: KycTranslationOverrides = { en: { fieldRequired: 'Still needed.' } };
    a.translations = later;
    await a.updateComplete;
    expect(question(a, 'first_name').translations).to.equal(later);
    expect(citizenship.translations, 'its own value still wins').to.equal(own);
    expect(combobox.translations).to.equal(own);
    expect(question(b, 'first_name').translations, 'the other widget is untouched').to.equal(b.translations);

    citizenship.translations = undefined;
    await citizenship.updateComplete;
    expect(citizenship.translations, 'unset: the root’s again').to.equal(later);
    expect(combobox.translations).to.equal(later);

    const otherClient = question(b, 'first_name').client;
    citizenship.client = otherClient;
    expect(citizenship.client).to.equal(otherClient);
    citizenship.client = null;
    expect(citizenship.client, 'unset: the root’s client again').to.equal(rootClient);
  });

  it('keys are Symbols, one per copy of the package: a second copy answers none of this copy’s requests', async () => {
    for (const context of [flowContext, clientContext, translationsContext, clockContext]) expect(typeof context).to.equal('symbol');
    // The same module under another URL is a second copy, as a second bundle on the page would be.
    const copy = (await import(new URL('../../src/context/client-context.ts?copy=2', import.meta.url).href)) as {
      clientContext: typeof clientContext;
    };
    expect(typeof copy.clientContext).to.equal('symbol');
    expect(copy.clientContext.toString()).to.equal(clientContext.toString());
    expect(copy.clientContext).to.not.equal(clientContext);

    const { a } = await twoWidgets();
    const first = question(a, 'first_name');
    expect(providedAt(first, clientContext), 'this copy’s request is answered').to.equal(first.client);
    expect(providedAt(first, copy.clientContext), 'the other copy’s is not').to.equal(undefined);
  });
});
