// The welcome before a new application's first step, and the host's consent gate: what the person
// will need (from the level's questions), how long it takes, the privacy notice, and no answer,
// file, code or liveness check sent before the person agrees. Against the real chain.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { record, stopRecording } from '../../../test/helpers/events.js';
import {
  $,
  applicationOf,
  englishLeft,
  composedTexts,
  fillPersonal,
  heading,
  primary,
  proceed,
  settled,
  startLevel,
  widget,
  type Widget,
} from '../../../test/helpers/onboarding.js';
import { ENDPOINT, loggedInClient, logout, platformRequests, type SandboxClient } from '../../../test/helpers/sandbox.js';
import en from '../../translations/en.js';
import ar from '../../translations/ar.js';

const needs = (el: Widget) => [...$(el, '[part~="needs"]')!.querySelectorAll('li')].map((li) => li.textContent.trim());

let sandbox: SandboxClient;

describe('<kyc-onboarding> welcome and consent', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
  });
  afterEach(async () => {
    stopRecording();
    await logout();
  });

  it('says what the level will need and how long it takes, links the privacy notice, then starts at the first step', async () => {
    const el = await widget({ welcome: 'on', privacyUrl: 'https://partner.example/privacy' });
    await startLevel(el, 'Advanced');
    expect(heading(el)).to.equal(en.welcomeTitle);
    expect(needs(el)).to.deep.equal([
      en.needAnswers,
      en.needIdentityDocument,
      en.needProofOfAddress,
      en.needProofOfFunds,
      en.needPhone,
      en.needEmail,
      en.needCamera,
    ]);
    const time = composedTexts($(el, '[part~="body"]')!).find((text) => text.startsWith('It takes about'))!;
    const minutes = Number(/about (\d+) minutes/.exec(time)![1]);
    expect(minutes, 'an honest estimate for documents, codes and a liveness check').to.be.within(8, 30);
    const link = $<HTMLAnchorElement>(el, '[part~="privacy-link"]')!;
    expect(link.href).to.equal('https://partner.example/privacy');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    await expectAccessible(el);
    await proceed(el);
    expect(heading(el)).to.equal('Personal data');
  });

  it('asks less of a level that asks less, and comes only once per application', async () => {
    const el = await widget({ welcome: 'on' });
    await startLevel(el, 'Basic');
    expect(needs(el)).to.deep.equal([en.needAnswers, en.needPhone, en.needEmail]);
    const time = composedTexts($(el, '[part~="body"]')!).find((text) => text.startsWith('It takes about'))!;
    expect(Number(/about (\d+) minutes/.exec(time)![1]), 'a few minutes').to.be.within(3, 7);
    await proceed(el);
    expect(heading(el)).to.equal('Personal data');
    await el.flow.retry(); // the same application, still untouched, loaded again
    await settled(el);
    expect(heading(el), 'not again after it').to.equal('Personal data');
  });

  it('welcome="off" goes straight to the first step', async () => {
    const el = await widget({ welcome: 'off' });
    await startLevel(el, 'Basic');
    expect(heading(el)).to.equal('Personal data');
  });

  it('sends nothing of the person before consent, refuses Start unticked, then fires kyc-consent with no personal data', async () => {
    const uuid = await applicationOf('Basic');
    /** Requests that send something, or make a liveness token (the attribute's endpoint). */
    const writes = async () =>
      (await platformRequests(sandbox)).filter((request) => request.method !== 'GET' || request.path.includes('/attributes/')).length;
    const made = await writes(); // the application, made by the test
    const consents = record('kyc-consent');
    const el = await widget({ consent: '' });
    expect(heading(el)).to.equal(en.welcomeTitle);
    el.flow.goToStep(1); // not even the host can go past it
    await el.updateComplete;
    expect(heading(el)).to.equal(en.welcomeTitle);

    primary(el).click();
    await el.updateComplete;
    const box = $<HTMLInputElement>(el, '#consent')!;
    expect($(el, '#consent-error')!.textContent.trim()).to.equal(en.consentRequired);
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => el.shadowRoot.activeElement === box, 'the box takes the focus');
    expect(composedTexts(box.closest('label')!)).to.include(en.consentDefault);
    await expectAccessible(el);
    expect(consents).to.deep.equal([]);
    expect(await writes(), 'nothing but reads before consent').to.equal(made);

    await sendKeys({ press: 'Space' });
    await proceed(el);
    expect(heading(el)).to.equal('Personal data');
    expect(consents).to.deep.equal([{ applicationUuid: uuid, levelUuid: el.flow.application!.kycLevel!.uuid }]);
    await fillPersonal(el);
    await proceed(el);
    expect(heading(el), 'the answers go once agreed').to.equal('Contact details');
  });

  it("takes the host's consent text by its term, or from the consent slot", async () => {
    await applicationOf('Basic');
    const el = await fixture<Widget>(html`<kyc-onboarding
      endpoint=${ENDPOINT}
      lang="en"
      consent="partnerConsent"
      .translations=${{ en: { partnerConsent: 'I agree to the Partner’s data terms.' } }}
    ></kyc-onboarding>`);
    await waitUntil(() => $(el, '#consent'), 'the consent');
    expect(composedTexts($(el, '[part~="consent"]')!)).to.include('I agree to the Partner’s data terms.');
    el.remove();

    const slotted = await fixture<Widget>(html`<kyc-onboarding endpoint=${ENDPOINT} lang="en" consent>
      <span slot="consent">I accept the <a href="https://partner.example/terms">partner terms</a>.</span>
    </kyc-onboarding>`);
    await waitUntil(() => $(slotted, '#consent'), 'the consent');
    const slot = $<HTMLSlotElement>(slotted, 'slot[name="consent"]')!;
    expect(slot.assignedElements().map((element) => element.textContent)).to.deep.equal(['I accept the partner terms.']);
    await expectAccessible(slotted);
  });

  it('in Arabic, on a phone, right to left and with no English left', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      await applicationOf('Advanced');
      const el = await widget({ consent: '', lang: 'ar', privacyUrl: 'https://partner.example/privacy' });
      await settled(el);
      expect(heading(el)).to.equal(ar.welcomeTitle);
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect(needs(el)).to.include(ar.needCamera);
      expect(document.documentElement.scrollWidth).to.be.at.most(390);
      expect(await englishLeft(el, 'ar')).to.deep.equal([]);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
