// <kyc-liveness> with the real @sumsub/websdk, whose token (made by the sandbox) points it at the
// sandbox's stand-in on another origin (http://127.0.0.1:8765), which speaks the WebSDK's
// postMessage protocol. The test drives the stand-in with `standin.emit` messages, as Sumsub's
// own frame would talk.
import 'jsqr';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import en from '../../translations/en.js';
import type { QRCode } from 'jsqr';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { fakeClock } from '../../../test/helpers/clock.js';
import { signContacts } from '../../../test/helpers/kyc.js';
import { applicationOf } from '../../../test/helpers/onboarding.js';
import { ENDPOINT, injectFault, loggedInClient, logout, platformRequests, type SandboxClient } from '../../../test/helpers/sandbox.js';
import { createKycClient, type KycClient } from '../../api/index.js';
import { KycLiveness, LIVENESS_TOKEN_KEY, LIVENESS_URL_KEY } from './liveness.js';

KycLiveness.define('kyc-liveness');

declare global {
  // jsQR's UMD build sets a global.
  var jsQR: (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;
}

type Liveness = KycLiveness & { shadowRoot: ShadowRoot };

const STAND_IN = 'http://127.0.0.1:8765';
let sandbox: SandboxClient;
let client: KycClient;
let uuid: string;

async function liveness(key = LIVENESS_TOKEN_KEY): Promise<Liveness> {
  return fixture<Liveness>(html`<kyc-liveness .client=${client} application-uuid=${uuid} attribute-key=${key}></kyc-liveness>`);
}

const frames = (el: Liveness) => [...el.shadowRoot.querySelectorAll('iframe')];

/** Waits for Sumsub's check to be ready (the stand-in initialised by the SDK). */
async function ready(el: Liveness): Promise<void> {
  await waitUntil(() => el.shadowRoot.querySelector('.frame--ready iframe'), 'the check is ready', { timeout: 10_000 });
}

/** Makes the stand-in post `message` to the page as Sumsub's frame would. */
function emit(el: Liveness, message: Record<string, unknown>): void {
  frames(el)[0].contentWindow!.postMessage({ method: 'standin.emit', message }, STAND_IN);
}

/** Messages the stand-in posted to this page. */
function listenToStandIn(): { messages: Record<string, unknown>[]; stop: () => void } {
  const messages: Record<string, unknown>[] = [];
  const listener = (event: MessageEvent) => {
    if (event.origin === STAND_IN) messages.push(event.data);
  };
  window.addEventListener('message', listener);
  return { messages, stop: () => window.removeEventListener('message', listener) };
}

const tokenReads = async () =>
  (await platformRequests(sandbox)).filter(
    (request) => request.method === 'GET' && request.path.includes(`/attributes/${LIVENESS_TOKEN_KEY}/`),
  ) as {
    query?: Record<string, string>;
  }[];

describe('<kyc-liveness>', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
    client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1 } });
    uuid = await applicationOf('Advanced');
  });
  afterEach(logout);

  it('reads the token, loads the SDK and shows a loading state until the check is ready, then fires kyc-liveness-ready', async () => {
    const events: unknown[] = [];
    document.addEventListener('kyc-liveness-ready', (event) => events.push(event.detail), { once: true });
    const el = await liveness();
    expect(el.shadowRoot.querySelector('[part~="status"]')!.textContent).to.contain('Loading the liveness check');
    await expectAccessible(el);
    await ready(el);
    expect(el.shadowRoot.querySelector('[part~="status"]') === null, 'the loading state ended').to.equal(true);
    expect(frames(el)).to.have.length(1);
    expect(frames(el)[0].src.startsWith(`${STAND_IN}/websdk/websdk.html?`)).to.equal(true);
    expect(frames(el)[0].allow).to.contain('camera');
    expect(frames(el)[0].title).to.equal('Liveness check by Sumsub');
    expect(events).to.deep.equal([{ applicationUuid: uuid, attributeKey: LIVENESS_TOKEN_KEY }]);
    const reads = await tokenReads();
    expect(reads).to.have.length(1);
    expect(reads[0].query).to.include({ ttl_min: '600', ttl_max: '3600' });
    expect(document.querySelector('meta[name="viewport"]') === null, 'the page’s viewport tag is left alone').to.equal(true);
    await waitUntil(() => frames(el)[0].getBoundingClientRect().height > 100, 'the frame grows with its content');
    await expectAccessible(el);
  });

  it('follows the widget’s language and theme', async () => {
    const standIn = listenToStandIn();
    try {
      const el = await fixture<Liveness>(
        html`<kyc-liveness lang="de" theme="dark" .client=${client} application-uuid=${uuid}></kyc-liveness>`,
      );
      await ready(el);
      await waitUntil(() => standIn.messages.some((m) => m['method'] === 'standin.config'), 'the SDK’s init');
      expect(standIn.messages.find((m) => m['method'] === 'standin.config')).to.include({ lang: 'de', theme: 'dark' });
    } finally {
      standIn.stop();
    }
  });

  it('an invalid-token error renews the token once (ttl_renew) and hands the new one to the SDK', async () => {
    const el = await liveness();
    await ready(el);
    const standIn = listenToStandIn();
    try {
      emit(el, { method: 'idCheck.onError', code: 'invalid-token' });
      await waitUntil(() => standIn.messages.some((m) => m['method'] === 'standin.tokenUpdated'), 'the new token reached the SDK', {
        timeout: 5000,
      });
      const renewals = (await tokenReads()).filter((read) => read.query?.['ttl_renew'] === 'true');
      expect(renewals).to.have.length(1);
      const current = (await client.getAttribute(uuid, LIVENESS_TOKEN_KEY)).value;
      expect(standIn.messages.find((m) => m['method'] === 'standin.tokenUpdated')!['accessToken']).to.equal(current);
      expect(el.shadowRoot.querySelector('[part~="retry-button"]') === null, 'no error shown for a renewal').to.equal(true);
    } finally {
      standIn.stop();
    }
  });

  it('a renewal that brings the same token back is said, with one kyc-error and a retry, not looped', async () => {
    const same: KycClient = {
      ...client,
      // The platform ignores ttl_renew: the token it renews with is the one it gave.
      getAttribute: (applicationUuid, key, options = {}) => client.getAttribute(applicationUuid, key, { ...options, ttlRenew: false }),
    };
    const el = await fixture<Liveness>(html`<kyc-liveness .client=${same} application-uuid=${uuid}></kyc-liveness>`);
    await ready(el);
    const errors: { code: string }[] = [];
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    emit(el, { method: 'idCheck.onError', code: 'invalid-token' });
    await waitUntil(() => el.shadowRoot.querySelector('[part~="retry-button"]'), 'the failure', { timeout: 10_000 });
    expect(errors.map((error) => error.code)).to.deep.equal(['malformed_response']);
  });

  it("gives Sumsub the platform's contact details of the person to prefill", async () => {
    await signContacts(client, uuid);
    const standIn = listenToStandIn();
    try {
      const el = await liveness();
      await ready(el);
      await waitUntil(() => standIn.messages.some((m) => m['method'] === 'standin.config'), 'the SDK’s init');
      expect(standIn.messages.find((m) => m['method'] === 'standin.config')!['prefilled']).to.deep.equal({ email: true, phone: true });
    } finally {
      standIn.stop();
    }
  });

  it('a renewal the platform refuses is said, with one kyc-error and a retry', async () => {
    const el = await liveness();
    await ready(el);
    const errors: { code: string }[] = [];
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    await injectFault(sandbox, { method: 'GET', path_contains: `/attributes/${LIVENESS_TOKEN_KEY}/`, status: 503, times: 10 });
    emit(el, { method: 'idCheck.onError', code: 'invalid-token' });
    await waitUntil(() => el.shadowRoot.querySelector('[part~="retry-button"]'), 'the failure', { timeout: 10_000 });
    expect(errors.map((error) => error.code)).to.deep.equal(['server']);
  });

  it('when Sumsub says the person finished, fires kyc-liveness-complete (its payload kept inside) and waits for the platform', async () => {
    const el = await liveness();
    await ready(el);
    const completed: unknown[] = [];
    el.addEventListener('kyc-liveness-complete', (event) => completed.push(event.detail));
    emit(el, { method: 'idCheck.onApplicantSubmitted' });
    emit(el, { method: 'idCheck.onApplicantStatusChanged', reviewStatus: 'completed', applicantId: 'secret-applicant' });
    await waitUntil(() => completed.length === 2, 'complete, for each of Sumsub’s messages');
    const detail = { applicationUuid: uuid, attributeKey: LIVENESS_TOKEN_KEY };
    expect(completed).to.deep.equal([detail, detail]);
    expect(el.shadowRoot.querySelector('[part~="status"]')!.textContent).to.contain('Checking the result');
    await expectAccessible(el);
  });

  it('a status change before the person finished is not taken as finished; a word of the platform ends the wait', async () => {
    const el = await liveness();
    await ready(el);
    const completed: unknown[] = [];
    el.addEventListener('kyc-liveness-complete', (event) => completed.push(event.detail));
    emit(el, { method: 'idCheck.onApplicantStatusChanged', reviewStatus: 'init' });
    emit(el, { method: 'idCheck.onApplicantSubmitted' });
    await waitUntil(() => completed.length === 1, 'the submission');
    expect(completed, 'init is no finish').to.have.length(1);
    expect(el.shadowRoot.querySelector('[part~="status"]')!.textContent).to.contain('Checking the result');
    el.platformStatus = 'failed'; // what the owner passes on when the platform answers
    await el.updateComplete;
    expect(el.shadowRoot.querySelector('[part~="status"]') === null, 'back on the check').to.equal(true);
  });

  it('follows a change of language or theme while the check is on screen', async () => {
    const standIn = listenToStandIn();
    try {
      const el = await liveness();
      await ready(el);
      el.lang = 'fr';
      el.theme = 'dark';
      await waitUntil(
        () =>
          standIn.messages.some((m) => m['method'] === 'standin.config' && m['lang'] === 'fr') &&
          standIn.messages.some((m) => m['method'] === 'standin.config' && m['theme'] === 'dark'),
        'Sumsub told',
      );
      expect(frames(el)[0].title).to.equal('Contrôle du vivant par Sumsub');
    } finally {
      standIn.stop();
    }
  });

  it('removed while its token is read: nothing is launched, nothing is left listening', async () => {
    const added: EventListenerOrEventListenerObject[] = [];
    const add = window.addEventListener;
    window.addEventListener = function (
      this: Window,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (type === 'message') added.push(listener);
      return add.call(this, type, listener, options);
    } as typeof window.addEventListener;
    // The token's answer is held until the element is gone.
    let answered!: () => void;
    const held = new Promise<void>((resolve) => (answered = resolve));
    let read!: () => void;
    const reading = new Promise<void>((resolve) => (read = resolve));
    const slow: KycClient = {
      ...client,
      getAttribute: async (...args) => {
        read();
        const attribute = await client.getAttribute(...args);
        await held;
        return attribute;
      },
    };
    try {
      const el = await fixture<Liveness>(html`<kyc-liveness .client=${slow} application-uuid=${uuid}></kyc-liveness>`);
      await reading;
      el.remove();
      answered();
      // What the element would do next: the SDK's import (the same module for the test), then a task.
      await import('@sumsub/websdk');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(frames(el)).to.have.length(0);
      expect(added, 'no SDK listener added').to.have.length(0);
    } finally {
      window.addEventListener = add;
    }
  });

  it('offers a retry and reports one kyc-error "timeout" when Sumsub’s check does not appear within 30 s', async () => {
    const clock = fakeClock();
    // A token that leads the SDK to a frame that never answers (a page of nothing).
    const claims = btoa(JSON.stringify({ url: `${STAND_IN}/nothing-here`, sandbox: true, nonce: '0' })).replace(/=+$/, '');
    const silent: KycClient = {
      ...client,
      getAttribute: async (...args) => ({
        ...(await client.getAttribute(...args)),
        value: `_act-sbx-jwt-eyJhbGciOiJub25lIn0.${claims}.x-v2`,
      }),
    };
    const limited = await fixture<Liveness>(
      html`<kyc-liveness .client=${silent} .clock=${clock} ready-timeout="5000" application-uuid=${uuid}></kyc-liveness>`,
    );
    await waitUntil(() => clock.pending().length === 1, 'the wait for the check is set', { timeout: 10_000 });
    expect(clock.pending(), 'the limit is configurable').to.deep.equal([5000]);
    limited.remove();
    const el = await fixture<Liveness>(html`<kyc-liveness .client=${silent} .clock=${clock} application-uuid=${uuid}></kyc-liveness>`);
    const errors: Array<{ code: string }> = [];
    el.addEventListener('kyc-error', (event) => errors.push((event as CustomEvent<{ code: string }>).detail));
    await waitUntil(() => clock.pending().length === 1, 'the wait for the check is set', { timeout: 10_000 });
    expect(clock.pending()).to.deep.equal([30_000]);
    await clock.advance(29_999);
    expect(el.shadowRoot.querySelector('[part~="retry-button"]'), 'still waiting').to.equal(null);
    await clock.advance(1);
    await el.updateComplete;
    expect(el.shadowRoot.querySelector('[part~="retry-button"]'), 'a retry').to.not.equal(null);
    expect(errors.map((error) => error.code)).to.deep.equal(['timeout']);
    expect(frames(el), 'the silent check is gone').to.have.length(0);
  });

  it('an SDK error Sumsub goes on from (no camera: its own "continue on your phone") is reported, and its frame stays', async () => {
    const el = await liveness();
    await ready(el);
    const errors: unknown[] = [];
    el.addEventListener('kyc-liveness-error', (event) => errors.push(event.detail));
    emit(el, { method: 'idCheck.onError', code: 'camera-not-found', error: 'Jane Doe has no camera' });
    await waitUntil(() => errors.length === 1, 'the error is reported');
    await el.updateComplete;
    expect(errors).to.deep.equal([{ applicationUuid: uuid, attributeKey: LIVENESS_TOKEN_KEY, code: 'camera-not-found' }]);
    expect(JSON.stringify(errors)).to.not.contain('Jane');
    expect(frames(el), "Sumsub's frame and its way on stay").to.have.length(1);
    expect(el.shadowRoot.querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('a fatal SDK error shows a message with a retry and fires kyc-liveness-error with its code only; retry launches one check again', async () => {
    const el = await liveness();
    await ready(el);
    const errors: unknown[] = [];
    el.addEventListener('kyc-liveness-error', (event) => errors.push(event.detail));
    emit(el, { method: 'idCheck.onError', code: 'initialization-error', error: 'Jane Doe could not be loaded' });
    await waitUntil(() => el.shadowRoot.querySelector('[part~="retry-button"]'), 'the error');
    expect(errors).to.deep.equal([{ applicationUuid: uuid, attributeKey: LIVENESS_TOKEN_KEY, code: 'initialization-error' }]);
    expect(JSON.stringify(errors)).to.not.contain('Jane');
    expect(frames(el), 'the failed check is gone').to.have.length(0);
    await expectAccessible(el);
    el.shadowRoot.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await ready(el);
    expect(frames(el)).to.have.length(1);
  });

  it('connect, disconnect, connect (React StrictMode): one frame, and no message listener left behind', async () => {
    const added: EventListenerOrEventListenerObject[] = [];
    const removed: EventListenerOrEventListenerObject[] = [];
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (
      this: Window,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (type === 'message') added.push(listener);
      return add.call(this, type, listener, options);
    } as typeof window.addEventListener;
    window.removeEventListener = function (
      this: Window,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | EventListenerOptions,
    ) {
      if (type === 'message') removed.push(listener);
      return remove.call(this, type, listener, options);
    } as typeof window.removeEventListener;
    try {
      const el = await liveness();
      await ready(el);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await ready(el);
      expect(frames(el)).to.have.length(1);
      el.remove();
      expect(frames(el)).to.have.length(0);
      expect(
        added.filter((listener) => !removed.includes(listener)),
        'listeners still on window',
      ).to.have.length(0);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });

  it('never shows a link of the platform that is not https (a javascript: link is refused, with one kyc-error)', async () => {
    // A faulty platform, injected in the answer of the link's read.
    const faulty: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes(`/attributes/${LIVENESS_URL_KEY}/`)) return response;
      const body = await response.json();
      return new Response(JSON.stringify({ ...body, value: 'javascript:alert(document.cookie)' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    client = createKycClient({ endpoint: ENDPOINT, fetch: faulty });
    const errors: unknown[] = [];
    document.addEventListener('kyc-error', (event) => errors.push(event.detail), { once: true });
    const el = await liveness(LIVENESS_URL_KEY);
    await waitUntil(() => el.shadowRoot.querySelector('[part~="retry-button"]'), 'refused');
    expect(el.shadowRoot.querySelectorAll('a')).to.have.length(0);
    expect(errors).to.have.length(1);
  });

  it('on a phone (a narrow screen): the link to take the check here, and no QR code to scan', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const el = await liveness(LIVENESS_URL_KEY);
      await waitUntil(() => el.shadowRoot.querySelector('[part~="link"]'), 'the link');
      expect(el.shadowRoot.querySelector('[part~="qr-code"]')).to.equal(null);
      expect(el.shadowRoot.querySelector('[part~="link"]')!.textContent.trim()).to.equal(en.livenessOpenHere);
      await setViewport({ width: 1280, height: 800 });
      await waitUntil(() => el.shadowRoot.querySelector('[part~="qr-code"]'), 'at a desk, the QR code');
      expect(el.shadowRoot.querySelector('[part~="link"]')!.textContent.trim()).to.equal(en.livenessOpenLink);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('on another device: a link opening Sumsub’s page in a new tab, and a QR code of it that decodes to the same link', async () => {
    const el = await liveness(LIVENESS_URL_KEY);
    await waitUntil(() => el.shadowRoot.querySelector('[part~="qr-code"]'), 'the QR code');
    const link = el.shadowRoot.querySelector<HTMLAnchorElement>('[part~="link"]')!;
    const expected = (await client.getAttribute(uuid, LIVENESS_URL_KEY)).value!;
    expect(link.href).to.equal(expected);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    // Draw the SVG's path on a canvas as a camera would see it, and decode it.
    const svg = el.shadowRoot.querySelector('svg')!;
    const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const scale = 6;
    const canvas = new OffscreenCanvas(size * scale, size * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.fillStyle = '#000';
    context.fill(new Path2D(svg.querySelector('path')!.getAttribute('d')!));
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    expect(globalThis.jsQR(image.data, image.width, image.height)?.data).to.equal(expected);
    expect(frames(el), 'no SDK frame for the link').to.have.length(0);
    await expectAccessible(el);
  });
});
