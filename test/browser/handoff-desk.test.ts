// "Continue on your phone" at a desk: the link to the host's page with a single-use hand-off token
// and its QR code, kyc-handoff fired, and the desk goes on by itself once the phone stored the
// step's documents. The phone's side is test/browser/handoff.test.ts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { setViewport } from '@web/test-runner-commands';
import { expectAccessible } from '../helpers/axe.js';
import { record, stopRecording } from '../helpers/events.js';
import { $, heading, provideDocument, standardBeforeDocuments, type Widget } from '../helpers/onboarding.js';
import { ENDPOINT, loggedInClient, logout } from '../helpers/sandbox.js';
import en from '../../src/translations/en.js';
import { systemClock, type KycClock } from '../../src/internal/clock.js';
import { fakeClock } from '../helpers/clock.js';

/** The widget at the Standard level's document step, with the host's hand-off page (and `tokenEndpoint`, when given). */
async function deskWidget(tokenEndpoint: string | undefined, clock: KycClock = systemClock): Promise<Widget> {
  const el = await fixture<Widget>(html`<kyc-onboarding
    endpoint=${ENDPOINT}
    token-endpoint=${ifDefined(tokenEndpoint)}
    handoff-url="/partner/phone.html"
    poll-interval="40"
    lang="en"
    welcome="off"
    autosave="off"
    .clock=${clock}
  ></kyc-onboarding>`);
  await waitUntil(() => $(el, '#heading')?.textContent.trim() === 'Identity document', 'the document step', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('<kyc-onboarding> continue on your phone', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(async () => {
    stopRecording();
    await logout();
  });

  it('shows the link and its QR code, fires kyc-handoff, and goes on once the phone stored the documents', async () => {
    await loggedInClient();
    const uuid = await standardBeforeDocuments();
    const handoffs = record<{ applicationUuid: string; url: string }>('kyc-handoff');
    const el = await deskWidget('/kyc-token');
    const start = $<HTMLButtonElement>(el, '[part~="button-handoff"]')!;
    expect(start.textContent.trim()).to.equal(en.handoffStart);
    start.click();
    await waitUntil(() => $(el, '[part~="handoff-qr-code"] path'), 'the link and its QR code');

    const link = $<HTMLAnchorElement>(el, '[part~="handoff-link"]')!;
    const url = new URL(link.href);
    expect(url.pathname).to.equal('/partner/phone.html');
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('kyc-application')).to.equal(uuid);
    expect(fragment.get('kyc-handoff')).to.match(/^[\w-]+\.[\w-]+$/);
    expect(handoffs).to.deep.equal([{ applicationUuid: uuid, url: link.href }]);
    await expectAccessible(el);

    // The phone stores both sides; the desk follows.
    await provideDocument(uuid, 'id_card_front_side');
    await provideDocument(uuid, 'id_card_back_side');
    await waitUntil(() => heading(el) === 'Agreements', 'the desk goes on', { timeout: 5000 });
    expect($(el, '[part~="handoff"]'), 'the hand-off closes with the move').to.equal(null);
  });

  it('says when the link expired unused, keeps watching, and makes a new link', async () => {
    await loggedInClient();
    const uuid = await standardBeforeDocuments();
    const handoffs = record<{ url: string }>('kyc-handoff');
    const clock = fakeClock();
    const el = await deskWidget('/kyc-token', clock);
    $<HTMLButtonElement>(el, '[part~="button-handoff"]')!.click();
    await waitUntil(() => $(el, '[part~="handoff-link"]'), 'the link');
    // The demo's token endpoint gives a hand-off token 600 s (its expires_in).
    expect(clock.pending()).to.include(600_000);
    await clock.advance(599_000);
    expect($(el, '[part~="handoff-link"]'), 'still valid a second before').to.exist;
    await clock.advance(1000);
    await el.updateComplete;
    const panel = $(el, '[part~="handoff"]')!;
    expect(panel.querySelector('[role="status"]')!.textContent.trim()).to.equal(en.handoffExpired);
    expect($(el, '[part~="handoff-link"]'), 'no dead link').to.equal(null);
    expect($(el, '[part~="handoff-qr-code"]'), 'no dead QR code').to.equal(null);
    await expectAccessible(el);

    // A phone that opened it in time goes on: the desk still follows.
    await provideDocument(uuid, 'id_card_front_side');
    await provideDocument(uuid, 'id_card_back_side');
    await clock.advance(5_000); // the polling, on the widget's clock
    await waitUntil(() => heading(el) === 'Agreements', 'the desk goes on', { timeout: 5000 });
    expect(handoffs).to.have.length(1);
  });

  it('makes a new link when the first expired', async () => {
    await loggedInClient();
    await standardBeforeDocuments();
    const handoffs = record<{ url: string }>('kyc-handoff');
    const clock = fakeClock();
    const el = await deskWidget('/kyc-token', clock);
    $<HTMLButtonElement>(el, '[part~="button-handoff"]')!.click();
    await waitUntil(() => $(el, '[part~="handoff-link"]'), 'the link');
    await clock.advance(600_000);
    await el.updateComplete;
    const again = $<HTMLButtonElement>(el, '[part~="button-handoff"]')!;
    expect(again.textContent.trim()).to.equal(en.handoffNewLink);
    again.click();
    await waitUntil(() => $(el, '[part~="handoff-link"]'), 'a new link');
    expect(handoffs).to.have.length(2);
    expect(handoffs[1].url).to.not.equal(handoffs[0].url);
    expect($<HTMLAnchorElement>(el, '[part~="handoff-link"]')!.href).to.equal(handoffs[1].url);
    // The widget removed: nothing of it is left on the clock (the link's expiry included).
    el.remove();
    expect(clock.pending()).to.deep.equal([]);
  });

  it('is not offered on a phone (its camera is right there), nor without a token endpoint', async () => {
    await loggedInClient();
    await standardBeforeDocuments();
    await setViewport({ width: 390, height: 800 });
    try {
      expect($(await deskWidget('/kyc-token'), '[part~="button-handoff"]'), 'at phone width').to.equal(null);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
    expect($(await deskWidget(undefined), '[part~="button-handoff"]'), 'no token endpoint').to.equal(null);
    expect($(await deskWidget('/kyc-token'), '[part~="button-handoff"]'), 'at a desk, with one').to.not.equal(null);
  });
});
