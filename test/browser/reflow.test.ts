// Reflow (WCAG 2.2 SC 1.4.10): at 320 CSS pixels wide — a phone, or 1280 px zoomed to 400 % — every
// screen of the flow reads without scrolling sideways: nothing of the widget, its children's shadow
// roots included, reaches past the viewport's edges, in English and in right-to-left Arabic.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  $,
  acceptAgreements,
  fillPersonal,
  loadedControlOf,
  proceed,
  promptOf,
  question,
  signWith,
  standardBeforeDocuments,
  startLevel,
  type,
  widget,
  type Widget,
} from '../helpers/onboarding.js';
import { validSamples } from '../helpers/corpus.js';
import { loggedInClient, logout } from '../helpers/sandbox.js';

const WIDTH = 320;

/** Elements of the composed tree (shadow roots included) that stick out of the viewport sideways. */
function overflowing(root: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      const rect = node.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers: it is not seen, so not scrolled to.
      const hidden = rect.width <= 1 || style.clipPath !== 'none' || style.clip !== 'auto';
      if (!hidden && rect.width > 0 && (rect.right > WIDTH + 0.5 || rect.left < -0.5)) {
        found.push(`${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

async function expectReflows(el: Widget, screen: string): Promise<void> {
  await el.updateComplete;
  await new Promise(requestAnimationFrame);
  expect(overflowing(el), `${screen}: elements past the viewport's edges`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, `${screen}: the page scrolls sideways`).to.be.at.most(WIDTH);
}

for (const lang of ['en', 'ar']) {
  describe(`Reflow at ${WIDTH} CSS pixels (${lang})`, () => {
    before(() => setViewport({ width: WIDTH, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));
    beforeEach(() => loggedInClient());
    afterEach(logout);

    it('the level choice, a step with a long list open, the code prompt, the agreements, the review and the wait', async () => {
      const el = await widget({ lang });
      await expectReflows(el, 'level choice');
      await startLevel(el, 'Basic');
      await expectReflows(el, 'personal data');

      const citizenship = await loadedControlOf(el, 'citizenship');
      expect(citizenship.localName, 'a long list').to.equal('kyc-combobox');
      question(el, 'citizenship').focus();
      await sendKeys({ type: 'a' });
      await waitUntil(() => citizenship.shadowRoot?.querySelector('.popup:not([hidden]) [role="option"]'), 'the list is open');
      await expectReflows(el, 'a long list open');
      await sendKeys({ press: 'Escape' });

      await fillPersonal(el);
      await proceed(el);
      await type(el, 'email', 'jane@example.com');
      await type(el, 'phone', '+37120000009');
      await proceed(el);
      await promptOf(el);
      await expectReflows(el, 'code prompt');
      await signWith(el);
      await expectReflows(el, 'agreements');
      await acceptAgreements(el);
      await expectReflows(el, 'review');
      await proceed(el);
      await signWith(el);
      expect(el.flow.screen.name).to.equal('waiting');
      await expectReflows(el, 'waiting for the review');
    });

    it('a document step with a photo chosen, its thumbnail and its buttons', async () => {
      await standardBeforeDocuments();
      const el = await widget({ lang, pollInterval: 60_000 });
      el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Identity document'));
      await el.updateComplete;
      const uploadOf = () => question(el, 'id_card_front_side')?.shadowRoot?.querySelector('kyc-file-upload');
      await waitUntil(() => uploadOf()?.matches(':defined'), 'the file chooser is loaded');
      const upload = uploadOf()!;
      await expectReflows(el, 'document step');
      const picker = upload.shadowRoot!.querySelector<HTMLInputElement>('#picker')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([(await validSamples()).jpeg], 'IMG-20261125-a-rather-long-file-name-from-a-phone-camera.jpg', { type: 'image/jpeg' }));
      picker.files = transfer.files;
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => upload.shadowRoot!.querySelector('canvas'), 'a thumbnail', { timeout: 10_000 });
      await expectReflows(el, 'document step with a photo');
    });
  });
}
