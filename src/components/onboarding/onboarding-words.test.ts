// The words a person reads for the platform's steps and questions: the widget's own for the keys
// the guide defines (when the platform's are technical, missing, or not in the person's language),
// and the host's `content`, which wins over both. Against the real chain (proxy → sandbox).
import { expect, waitUntil } from '@open-wc/testing';
import {
  $,
  advancedBeforeLiveness,
  applicationOf,
  composedTexts,
  heading,
  question,
  standardBeforeDocuments,
  widget,
  type Widget,
} from '../../../test/helpers/onboarding.js';
import { ENDPOINT, injectFault, loggedInClient, logout, type SandboxClient } from '../../../test/helpers/sandbox.js';
import { createKycClient } from '../../api/index.js';
import { expectAccessible } from '../../../test/helpers/axe.js';
import de from '../../translations/de.js';
import en from '../../translations/en.js';
import type { KycContent } from './content.js';

/** A question's label without its required marker. */
const labelOf = (el: Widget, key: string) =>
  question(el, key).shadowRoot!.querySelector('[part~="label"]')!.textContent.replace('*', '').trim();
const helpOf = (el: Widget, key: string) => question(el, key).shadowRoot!.querySelector('[part~="help"]')?.textContent.trim() ?? null;

async function toStep(el: Widget, title: string): Promise<void> {
  el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === title));
  await el.updateComplete;
  await question(el, el.flow.steps.find((step) => step.title === title)!.questions[0].attribute.key).updateComplete;
}

async function toReview(el: Widget): Promise<void> {
  el.flow.review();
  await el.updateComplete;
  await waitUntil(() => $(el, 'kyc-review-screen dl'), 'the review');
}

describe('<kyc-onboarding> words', () => {
  let client: SandboxClient;
  beforeEach(async () => {
    client = await loggedInClient();
  });
  afterEach(logout);

  it('names the liveness check as a person would, on its step and on the review, never as a token', async () => {
    await advancedBeforeLiveness();
    const el = await widget({ pollInterval: 60_000 });
    await toStep(el, 'Liveness check');
    expect(labelOf(el, 'sumsub_liveness_check_token')).to.equal(en.guideLiveness);
    expect(helpOf(el, 'sumsub_liveness_check_token'), "the platform's plain description stays").to.equal(
      'Turn on your camera and follow the instructions.',
    );
    expect(composedTexts(el.shadowRoot).join(' ')).to.not.contain('token');
    await expectAccessible(el);
    await toReview(el);
    const terms = [...el.shadowRoot.querySelectorAll('dt')].map((dt) => dt.textContent.trim());
    expect(terms).to.include(en.guideLiveness);
    expect(composedTexts(el.shadowRoot).join(' ')).to.not.contain('SumSub liveness check token');
  });

  it("in German, names the guide's documents in German, on the step and the review", async () => {
    await standardBeforeDocuments();
    const el = await widget({ pollInterval: 60_000, lang: 'de' });
    await toStep(el, 'Identity document');
    expect(labelOf(el, 'id_card_front_side')).to.equal(de.guideIdCardFront);
    expect(labelOf(el, 'id_card_back_side')).to.equal(de.guideIdCardBack);
    expect(helpOf(el, 'id_card_front_side')).to.equal(de.guideFrontHelp);
    await toReview(el);
    const terms = [...el.shadowRoot.querySelectorAll('dt')].map((dt) => dt.textContent.trim());
    expect(terms).to.include.members([de.guideIdCardFront, de.guideIdCardBack]);
    expect(terms, "the platform's English title").to.not.include('ID card: front side');
  });

  it("finds a legal document by the platform's title, whatever words the host shows for its question", async () => {
    const api = createKycClient({ endpoint: ENDPOINT });
    const uuid = await applicationOf('Basic');
    await api.updateApplication(uuid, [
      { key: 'first_name', value: 'Jane' },
      { key: 'last_name', value: 'Doe' },
      { key: 'date_of_birth', value: '1990-01-01' },
      { key: 'citizenship', value: 'LV' },
    ]);
    // It opens on the contacts: the agreements are read once the host's words are set.
    // A platform that ignores the key filter and lists the terms under another key: found by title.
    const list = (results: object[]) => JSON.stringify({ count: results.length, next: null, previous: null, results });
    const document = (uuid: string, key: string, title: string) => ({ uuid, key, title, url: null, text: 'Text.', version: '1' });
    const body = list([
      document('b2f5c8e4-8a43-4f4a-9a4e-3f1e2d6c7b10', 'tos', 'Terms of service'),
      document('c3a6d9f5-9b54-4a5b-8b5f-4a2f3e7d8c21', 'privacy_policy', 'Privacy policy'),
    ]);
    await injectFault(client, { method: 'GET', path_contains: '/v1/legal_documents/', status: 200, body, times: 10 });
    const el = await widget({ pollInterval: 60_000 });
    el.content = { en: { questions: { terms_of_service: { title: 'Our terms' } } } };
    await toStep(el, 'Agreements');
    const terms$ = question(el, 'terms_of_service');
    await waitUntil(() => terms$.shadowRoot!.querySelector('.document, [part~="retry-button"]'), 'the document, or a failure');
    expect(labelOf(el, 'terms_of_service')).to.equal('Our terms');
    expect(terms$.shadowRoot!.querySelector('.document'), 'the document found').to.not.equal(null);
  });

  it("takes the host's content for any step or question, by language, over the platform's and its own", async () => {
    await standardBeforeDocuments();
    const content: KycContent = {
      de: {
        steps: { 'Identity document': { title: 'Ihr Ausweis', description: 'Beide Seiten, bitte.' } },
        questions: {
          id_card_front_side: { title: 'Vorderseite Ihres Ausweises' },
          first_name: { title: 'Vorname', description: 'Wie im Pass.' },
        },
      },
    };
    const el = await widget({ pollInterval: 60_000, lang: 'de-AT' });
    el.content = content;
    await toStep(el, 'Identity document');
    expect(heading(el), "a regional language takes its language's words").to.equal('Ihr Ausweis');
    expect(composedTexts($(el, '[part~="body"]')!)).to.include('Beide Seiten, bitte.');
    expect(labelOf(el, 'id_card_front_side')).to.equal('Vorderseite Ihres Ausweises');
    expect(helpOf(el, 'id_card_front_side'), 'what the host leaves out is the widget’s').to.equal(de.guideFrontHelp);
    expect([...$(el, '[part~="progress"] ol')!.querySelectorAll('li')].map((li) => li.textContent.trim())).to.include('Ihr Ausweis');
    await toStep(el, 'Personal data');
    expect(labelOf(el, 'first_name')).to.equal('Vorname');
    expect(helpOf(el, 'first_name')).to.equal('Wie im Pass.');
    await toReview(el);
    const review = composedTexts(el.shadowRoot);
    expect(review).to.include.members(['Ihr Ausweis', 'Vorname', 'Vorderseite Ihres Ausweises']);

    el.lang = 'en';
    await el.updateComplete;
    await el.updateComplete;
    expect(composedTexts(el.shadowRoot), 'another language: the platform’s words').to.include('First name');
  });
});
