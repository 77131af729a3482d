// The sandbox's liveness stand-in in a real browser: a token read through the chain leads, the way
// Sumsub's WebSDK reads it, to the stand-in's frame on another origin (http://127.0.0.1:8765), which
// speaks the WebSDK's postMessage protocol with the page. (The Pass/Fail buttons and the controls
// they call are covered by test/node/sandbox-liveness.test.ts: a cross-origin frame's buttons
// cannot be pressed from here.)
import { expect, waitUntil } from '@open-wc/testing';
import { createKycClient } from '../../src/api/index.js';
import { ENDPOINT, loggedInClient, logout } from '../helpers/sandbox.js';

const STAND_IN = 'http://127.0.0.1:8765';
const TOKEN_KEY = 'sumsub_liveness_check_token';

/** The WebSDK's base URL for a token: the first part of an `_act-sbx-jwt-` token with a `url`. */
function sdkBaseUrl(token: string): string {
  if (!token.startsWith('_act-sbx-jwt-')) return 'https://in.sumsub.com';
  for (const part of token.slice('_act-sbx-jwt-'.length).replace('-v2', '').split('.')) {
    const decoded = JSON.parse(atob(part));
    if (decoded && typeof decoded === 'object' && typeof decoded.url === 'string') return decoded.url;
  }
  return 'https://in.sumsub.com';
}

interface Received {
  origin: string;
  data: Record<string, unknown>;
}

describe('liveness stand-in (sandbox): the WebSDK frame', () => {
  let frame: HTMLIFrameElement | null = null;
  let received: Received[] = [];
  const listen = (event: MessageEvent): void => {
    if (frame && event.source === frame.contentWindow) received.push({ origin: event.origin, data: event.data });
  };
  const messages = (method: string) => received.filter((message) => message.data['method'] === method);
  const arrived = (method: string, count = 1) => waitUntil(() => messages(method).length >= count, `${method} arrives`, { timeout: 5000 });
  const send = (message: unknown) => frame!.contentWindow!.postMessage(message, STAND_IN);

  beforeEach(() => {
    received = [];
    window.addEventListener('message', listen);
  });
  afterEach(async () => {
    window.removeEventListener('message', listen);
    frame?.remove();
    frame = null;
    await logout();
  });

  it('is where the token leads, and speaks the WebSDK protocol cross-origin', async () => {
    await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT });
    const level = (await client.getLevelInfo()).availableLevelsForUpgrade.find((item) => item.name === 'Advanced')!;
    const application = await client.createApplication(level.uuid);
    const token = (await client.getAttribute(application.uuid, TOKEN_KEY)).value!;
    expect(sdkBaseUrl(token)).to.equal(STAND_IN);
    expect(new URL(STAND_IN).origin).to.not.equal(location.origin);

    frame = document.createElement('iframe');
    frame.src = `${sdkBaseUrl(token)}/websdk/websdk.html?_=frame-42`;
    document.body.append(frame);
    await arrived('idCheck.onReady');
    const [ready] = messages('idCheck.onReady');
    expect(ready.origin).to.equal(STAND_IN);
    expect(ready.data['frameId']).to.equal('frame-42');
    const sessionId = ready.data['sessionId'];
    expect(sessionId).to.be.a('string').and.not.equal('');

    send({ method: 'idCheck.init', accessToken: token, lang: 'en' });
    await arrived('idCheck.onInitialized');
    await arrived('idCheck.onResize');
    expect(messages('idCheck.onResize')[0].data['height']).to.be.a('number').and.above(0);

    send({ method: 'standin.emit', message: { method: 'idCheck.onError', code: 'invalid-token' } });
    await arrived('idCheck.onError');
    expect(messages('idCheck.onError')[0].data).to.deep.equal({ method: 'idCheck.onError', code: 'invalid-token', sessionId });

    const renewed = (await client.getAttribute(application.uuid, TOKEN_KEY, { ttlRenew: true })).value!;
    expect(renewed).to.not.equal(token);
    send({ method: 'idCheck.updateAccessToken', accessToken: renewed });
    await arrived('standin.tokenUpdated');
    expect(messages('standin.tokenUpdated')[0].data).to.deep.equal({ method: 'standin.tokenUpdated', accessToken: renewed, sessionId });

    for (const message of received) {
      expect(message.origin).to.equal(STAND_IN);
      expect(message.data['sessionId']).to.equal(sessionId);
      expect(message.data['method']).to.be.a('string');
    }
  });

  it('shows the result through the platform: the token in Sumsub diagnostics', async () => {
    await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT });
    const level = (await client.getLevelInfo()).availableLevelsForUpgrade.find((item) => item.name === 'Advanced')!;
    const application = await client.createApplication(level.uuid);
    await fetch(`/sandbox/v1/applications/${application.uuid}/liveness/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ result: 'failed' }),
    });
    const attribute = await client.getAttribute(application.uuid, TOKEN_KEY);
    expect(sdkBaseUrl(attribute.value!)).to.equal(STAND_IN);
    expect(attribute.verification).to.deep.equal({
      verificator: 'sumsub',
      status: 'failed',
      clientNote: 'The liveness check did not pass. Please take it again.',
    });
    const emptied = await client.getApplication(application.uuid, { emptyVolatileFields: true });
    const question = emptied.steps.flatMap((step) => step.questions).find((q) => q.attribute.key === TOKEN_KEY)!;
    expect(question.attribute.value).to.equal(null);
    expect(question.attribute.verification?.status).to.equal('failed');
  });
});
