// How the widget adapts to the person's settings, on every screen of the flow (children's shadow
// roots included):
// - reflow (WCAG 2.2 SC 1.4.10): at 320 CSS pixels wide — a phone, or 1280 px zoomed to 400 % —
//   nothing reaches past the viewport's edges, so nothing needs scrolling sideways (English, and
//   right-to-left Arabic);
// - text spacing (SC 1.4.12): with line height 1.5, letter spacing 0.12em, word spacing 0.16em and
//   paragraph spacing 2em forced on every element, no text is cut off by a box that clips, and no
//   text spills out of its box sideways (English, and German for its long words);
// - focus visible (SC 2.4.7): every stop of the keyboard's Tab order shows a focus ring at least
//   2 px wide.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  acceptAgreements,
  composedNodes,
  describeElement,
  fillPersonal,
  focusChain,
  loadedControlOf,
  pickFiles,
  primary,
  proceed,
  promptOf,
  question,
  reload,
  settled,
  signWith,
  standardBeforeDocuments,
  startLevel,
  type,
  uploadOf,
  widget,
  type Widget,
} from '../helpers/onboarding.js';
import { validSamples } from '../helpers/corpus.js';
import { loggedInClient, logout, setStatus } from '../helpers/sandbox.js';

type Check = (el: Widget, screen: string) => Promise<void>;

const elementsOf = (root: Node) => [...composedNodes(root)].filter((node): node is Element => node instanceof Element);

/** Seen on the screen: displayed, visible, and not visually hidden text for screen readers (1 px, clipped). */
function seen(element: Element): boolean {
  const style = getComputedStyle(element);
  return element.getBoundingClientRect().width > 1 && style.visibility !== 'hidden' && style.clipPath === 'none';
}

/**
 * Walks the Basic level from the level choice to the wait, then a return for correction and a
 * rejection, checking each screen on the way.
 */
async function walkBasic(lang: string, check: Check): Promise<void> {
  const el = await widget({ lang });
  await check(el, 'level choice');
  await startLevel(el, 'Basic');
  await check(el, 'personal data');

  primary(el).click(); // nothing answered: the problems are listed and shown at each question
  await settled(el);
  await check(el, 'personal data with its problems');

  const citizenship = await loadedControlOf(el, 'citizenship');
  expect(citizenship.localName, 'a long list').to.equal('kyc-combobox');
  question(el, 'citizenship').focus();
  await sendKeys({ type: 'a' });
  await waitUntil(() => citizenship.shadowRoot?.querySelector('.popup:not([hidden]) [role="option"]'), 'the list is open');
  await check(el, 'a long list open');
  await sendKeys({ press: 'Escape' });

  await fillPersonal(el);
  await proceed(el);
  await type(el, 'email', 'jane@example.com');
  await type(el, 'phone', '+37120000009');
  await proceed(el);
  await promptOf(el);
  await check(el, 'code prompt');
  await signWith(el);
  await check(el, 'agreements');
  await acceptAgreements(el);
  await check(el, 'review');
  await proceed(el);
  await signWith(el);
  expect(el.flow.screen.name).to.equal('waiting');
  await check(el, 'waiting for the review');

  const uuid = el.flow.application!.uuid;
  await setStatus(uuid, 'pending', 'Your last name does not match the one in your identity document, please check it.', {
    last_name: ['Spell it exactly as in your identity document, with every accent and hyphen.'],
  });
  await waitUntil(() => el.flow.screen.name === 'step', 'returned for correction', { timeout: 5000 });
  await check(el, 'returned for correction, with a comment and a remark');
  await setStatus(uuid, 'in_review');
  await setStatus(uuid, 'rejected', 'The application cannot be accepted.');
  const again = await reload(el, { lang }); // a person editing is not interrupted by polling: they come back later
  expect(again.flow.screen).to.deep.equal({ name: 'outcome', status: 'rejected' });
  await check(again, 'rejected');
}

/** Opens the identity document step of a Standard application and chooses a photo, checking both. */
async function documentStep(lang: string, check: Check): Promise<void> {
  await standardBeforeDocuments();
  const el = await widget({ lang, pollInterval: 60_000 });
  el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Identity document'));
  await el.updateComplete;
  await waitUntil(() => uploadOf(el, 'id_card_front_side')?.matches(':defined'), 'the file chooser is loaded');
  await check(el, 'document step');
  const { jpeg } = await validSamples();
  pickFiles(
    el,
    'id_card_front_side',
    new File([jpeg], 'IMG-20261125-a-rather-long-file-name-from-a-phone-camera.jpg', { type: 'image/jpeg' }),
  );
  await waitUntil(() => uploadOf(el, 'id_card_front_side').shadowRoot.querySelector('canvas'), 'a thumbnail', { timeout: 10_000 });
  await check(el, 'document step with a photo');
}

async function rendered(el: Widget): Promise<void> {
  await el.updateComplete;
  await new Promise(requestAnimationFrame);
}

const WIDTH = 320;

/** Reflow: nothing seen reaches past the viewport's edges, every text fits its box, and the page does not scroll sideways. */
const reflows: Check = async (el, screen) => {
  await rendered(el);
  const past = elementsOf(el)
    .filter(seen)
    .map((element) => [element, element.getBoundingClientRect()] as const)
    .filter(([, rect]) => rect.right > WIDTH + 0.5 || rect.left < -0.5)
    .map(([element, rect]) => `${describeElement(element)} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
  expect(past, `${screen}: elements past the viewport's edges`).to.deep.equal([]);
  expect(textNotFitting(el), `${screen}: text that does not fit its box`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, `${screen}: the page scrolls sideways`).to.be.at.most(WIDTH);
  expect(bulletsOffFirstLine(el), `${screen}: list bullets not on their item's first line`).to.deep.equal([]);
};

/**
 * Items of a list whose bullet is not on the item's first line (an item that wraps). A bullet sits
 * on the baseline of its item's first line box, which an empty probe put first in the item shares.
 */
function bulletsOffFirstLine(el: Widget): string[] {
  const items = [...el.shadowRoot.querySelectorAll<HTMLElement>('.panel li')].filter(
    (item) => getComputedStyle(item).display === 'list-item',
  );
  return items.flatMap((item) => {
    const texts = document.createRange();
    texts.selectNodeContents(item);
    const lines = [...texts.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top);
    const probe = document.createElement('span');
    probe.textContent = '\u200b';
    item.prepend(probe);
    const box = probe.getBoundingClientRect();
    probe.remove();
    const first = Math.min(...lines);
    return Math.abs(box.top - first) > box.height / 2
      ? [`"${item.textContent.trim().slice(0, 40)}…" (bullet ${Math.round(box.top - first)} px below)`]
      : [];
  });
}

const SPACING = new CSSStyleSheet();
SPACING.replaceSync(`
  *, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`);

/** The text spacing of SC 1.4.12 forced on the page and in every shadow root (a user style sheet does not reach those). */
function forceSpacing(root: Node): void {
  for (const scope of [document, ...[...composedNodes(root)].filter((node) => node instanceof ShadowRoot)]) {
    if (!scope.adoptedStyleSheets.includes(SPACING)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, SPACING];
  }
}

/**
 * Boxes whose text does not fit: one that clips (overflow hidden or clip) with more content than
 * room, or text spilling out of its box sideways. Form fields scroll their own text: left out.
 */
function textNotFitting(root: Node): string[] {
  return elementsOf(root)
    .filter((element) => seen(element) && !element.matches('input, textarea, select, canvas, svg *'))
    .flatMap((element) => {
      const style = getComputedStyle(element);
      const clips = [style.overflowX, style.overflowY].some((overflow) => overflow === 'hidden' || overflow === 'clip');
      const name = describeElement(element);
      if (clips && (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)) {
        return [
          `${name} cuts its content (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`,
        ];
      }
      if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1 && style.overflowX === 'visible') {
        return [`${name} spills sideways (${element.scrollWidth} in ${element.clientWidth})`];
      }
      return [];
    });
}

/** Text spacing: with the spacing forced, every text still fits its box. */
const keepsTextWithSpacing: Check = async (el, screen) => {
  forceSpacing(el);
  await rendered(el);
  forceSpacing(el); // shadow roots a re-render made
  await rendered(el);
  expect(textNotFitting(el), `${screen}, with text spacing`).to.deep.equal([]);
};

/** Focus visible: Tab from the screen's heading through the widget; each stop shows a ring of 2 px or more. */
const showsFocusEverywhere: Check = async (el, screen) => {
  if (screen === 'a long list open') return; // Tab would close the list: its options are not Tab stops anyway
  await rendered(el);
  el.shadowRoot.querySelector<HTMLElement>('#heading')!.focus();
  const stops: string[] = [];
  const unringed: string[] = [];
  for (let presses = 0; presses < 60; presses++) {
    await sendKeys({ press: 'Tab' });
    const chain = focusChain();
    if (chain[0] !== el) break; // out of the widget
    const focused = chain.at(-1)!;
    const name = describeElement(focused);
    stops.push(name);
    const style = getComputedStyle(focused);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    if (!ring) unringed.push(`${name}${(chain[1] as HTMLElement).dataset['key'] ? ` in ${(chain[1] as HTMLElement).dataset['key']}` : ''}`);
  }
  // The wait has nothing to operate (its heading holds the focus); every other screen has controls.
  if (screen !== 'waiting for the review') expect(stops.length, `${screen}: Tab stops`).to.be.above(0);
  expect(unringed, `${screen}: Tab stops without a visible focus ring`).to.deep.equal([]);
};

for (const lang of ['en', 'ar']) {
  describe(`Reflow at ${WIDTH} CSS pixels (${lang})`, () => {
    before(() => setViewport({ width: WIDTH, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));
    beforeEach(() => loggedInClient());
    afterEach(logout);

    it('the level choice, a step with its problems and a long list open, the code prompt, the agreements, the review, the wait, a return for correction and a rejection', () =>
      walkBasic(lang, reflows));
    it('a document step with a photo chosen, its thumbnail and its buttons', () => documentStep(lang, reflows));
  });
}

for (const lang of ['en', 'de']) {
  describe(`Text spacing (${lang})`, () => {
    beforeEach(() => loggedInClient());
    afterEach(() => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== SPACING);
      return logout();
    });

    it('the level choice, a step with its problems and a long list open, the code prompt, the agreements, the review, the wait, a return for correction and a rejection', () =>
      walkBasic(lang, keepsTextWithSpacing));
    it('a document step with a photo chosen, its thumbnail and its buttons', () => documentStep(lang, keepsTextWithSpacing));
  });
}

describe('Focus visible', () => {
  beforeEach(() => loggedInClient());
  afterEach(logout);

  it('on every Tab stop of the level choice, a step with its problems, the code prompt, the agreements, the review, the wait, a return for correction and a rejection', () =>
    walkBasic('en', showsFocusEverywhere));
  it('on every Tab stop of a document step, before and after a photo is chosen', () => documentStep('en', showsFocusEverywhere));
});
