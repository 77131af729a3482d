// The liveness stand-in: tokens Sumsub's WebSDK reads as leading to a local page, the pages
// themselves, the controls they call, and how the platform then shows the check's result.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeApplication, decodeAttribute } from '../../src/api/schemas.js';
import { startSandboxServer, type SandboxServer } from '../../src/server/cli.js';
import { createDemoApp } from '../../src/server/demo/app.js';
import { STAND_IN_LABEL } from '../../src/server/demo/liveness-stand-in.js';
import { createSandbox, type Sandbox } from '../../src/server/sandbox/index.js';
import { call, clientWithApplication, type Scope } from './sandbox-harness.js';

const STAND_IN = 'http://127.0.0.1:8765';
const TOKEN_KEY = 'sumsub_liveness_check_token';
const URL_KEY = 'sumsub_liveness_check_url';
const FAILED_NOTE = 'The liveness check did not pass. Please take it again.';

/**
 * The base URL Sumsub's WebSDK takes from an access token: for `_act-sbx-jwt-…` (or `_act-jwt-…`)
 * tokens, the first dot-separated part that decodes (`JSON.parse(atob(part))`, once the prefix and
 * `-v2` are removed) to an object with a `url`; else Sumsub's own.
 */
function sdkBaseUrl(token: string): string {
  const match = /^_act-(?:sbx-)?jwt-(.*)$/.exec(token);
  if (match) {
    for (const part of match[1].replace('-v2', '').split('.')) {
      const decoded = JSON.parse(atob(part)); // throws on any part the SDK could not read
      if (decoded && typeof decoded === 'object' && typeof decoded.url === 'string') return decoded.url;
    }
  }
  return 'https://in.sumsub.com';
}

/** Every dot-separated part of a stand-in token, decoded as the WebSDK decodes them. */
function tokenParts(token: string): unknown[] {
  return token
    .replace('_act-sbx-jwt-', '')
    .replace('-v2', '')
    .split('.')
    .map((part) => JSON.parse(atob(part)));
}

function readAttribute(sandbox: Sandbox, scope: Scope, uuid: string, key: string, query: Record<string, string> = {}) {
  return call(sandbox, 'GET', `/v1/kyc/${uuid}/attributes/${key}/`, { scope, query });
}

/** The attributes of an application read with endpoint 3, by key. */
async function readApplication(sandbox: Sandbox, scope: Scope, uuid: string, query: Record<string, string> = {}) {
  const answer = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope, query });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const byKey: Record<string, any> = {};
  for (const step of answer.body.kyc_steps) for (const question of step.questions) byKey[question.attribute.key] = question.attribute;
  return { body: answer.body, byKey };
}

const byToken = (sandbox: Sandbox, token: unknown, result: unknown = 'passed') =>
  call(sandbox, 'POST', '/sandbox/v1/liveness-by-token/', { body: { token, result } });
const byUrl = (sandbox: Sandbox, id: unknown, result: unknown = 'passed') =>
  call(sandbox, 'POST', '/sandbox/v1/liveness-by-url/', { body: { id, result } });

describe('liveness stand-in: tokens and URLs', () => {
  it('makes tokens the WebSDK decodes to the stand-in origin, and URLs on the stand-in', async () => {
    const sandbox = createSandbox({ livenessStandIn: { origin: `${STAND_IN}/` } });
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    assert.match(token, /^_act-sbx-jwt-[A-Za-z0-9+/]+\.[A-Za-z0-9+/]+\.[A-Za-z0-9+/]+-v2$/, 'standard base64 parts, no padding');
    assert.equal(sdkBaseUrl(token), STAND_IN);
    const [header, payload, signature] = tokenParts(token) as [any, any, any];
    assert.deepEqual(header, { alg: 'none', typ: 'JWT' });
    assert.deepEqual(Object.keys(payload), ['url', 'sandbox', 'nonce']);
    assert.equal(payload.url, STAND_IN);
    assert.equal(payload.sandbox, true);
    assert.match(payload.nonce, /^[0-9a-f]{32}$/);
    assert.match(signature, /^[0-9a-f]{64}$/);
    assert.equal(new URL(`${sdkBaseUrl(token)}/websdk/websdk.html?_=frame-1`).origin, STAND_IN, 'the frame the WebSDK builds');

    const renewed: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY, { ttl_renew: 'true' })).body.value;
    assert.notEqual(renewed, token);
    assert.equal(sdkBaseUrl(renewed), STAND_IN);

    const url: string = (await readAttribute(sandbox, scope, uuid, URL_KEY)).body.value;
    assert.match(url, /^http:\/\/127\.0\.0\.1:8765\/websdk\/p\/sbx_[0-9a-f]{32}$/);
    const { byKey } = await readApplication(sandbox, scope, uuid);
    assert.equal(byKey[TOKEN_KEY].value, renewed, 'endpoint 3 gives the same current token');
    assert.equal(byKey[URL_KEY].value, url);
  });

  it('keeps Sumsub tokens and URLs without the option', async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    assert.match(token, /^_act-sbx-[0-9a-f]{64}$/);
    assert.equal(sdkBaseUrl(token), 'https://in.sumsub.com');
    assert.match(
      (await readAttribute(sandbox, scope, uuid, URL_KEY)).body.value,
      /^https:\/\/in\.sumsub\.com\/websdk\/p\/sbx_[0-9a-f]{32}$/,
    );
  });

  it('takes an http(s) origin only', () => {
    for (const origin of [
      'ftp://127.0.0.1',
      'http://127.0.0.1:8000/websdk',
      'http://127.0.0.1/?x',
      'not a url',
      'http://user@127.0.0.1',
      '',
    ]) {
      assert.throws(() => createSandbox({ livenessStandIn: { origin } }), TypeError, origin);
    }
    assert.throws(() => createDemoApp({ sandbox: { livenessStandIn: { origin: 'javascript:alert(1)' } } }), TypeError);
    createSandbox({ livenessStandIn: { origin: 'https://sandbox.example' } });
  });
});

describe('liveness stand-in: results by token and by URL', () => {
  it('sets passed or failed by the current token; refuses unknown, renewed and expired tokens', async () => {
    let now = new Date('2030-06-01T12:00:00Z');
    const sandbox = createSandbox({ livenessStandIn: { origin: STAND_IN }, now: () => now });
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const other = await clientWithApplication(sandbox, 'Advanced');
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    const otherToken: string = (await readAttribute(sandbox, other.scope, other.uuid, TOKEN_KEY)).body.value;

    const failed = await byToken(sandbox, token, 'failed');
    assert.equal(failed.status, 200, JSON.stringify(failed.body));
    assert.equal(failed.body.uuid, uuid);
    assert.equal(failed.body.liveness, 'failed');
    assert.equal((await byToken(sandbox, token, 'passed')).body.liveness, 'passed');
    const inspected = await call(sandbox, 'GET', `/sandbox/v1/applications/${other.uuid}/inspect/`);
    assert.equal(inspected.body.liveness, null, "another application's check is untouched");
    assert.equal((await byToken(sandbox, otherToken, 'failed')).body.uuid, other.uuid);

    assert.equal((await byToken(sandbox, 'maybe-a-token')).status, 404);
    assert.equal((await byToken(sandbox, `${token}x`)).status, 404);
    assert.deepEqual((await byToken(sandbox, token, 'maybe')).body, { result: ['Expected "passed" or "failed".'] });
    assert.equal((await byToken(sandbox, '')).status, 400);
    assert.equal((await byToken(sandbox, 42)).status, 400);
    assert.equal((await call(sandbox, 'GET', '/sandbox/v1/liveness-by-token/')).status, 405);

    // The check has a result: the token comes inside Sumsub's diagnostics.
    const renewed: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY, { ttl_renew: 'true' })).body.value.uuid;
    const replaced = await byToken(sandbox, token, 'failed');
    assert.equal(replaced.status, 404, 'a renewed token is no longer current');
    assert.match(replaced.body.detail, /replaced/);
    assert.equal((await byToken(sandbox, renewed, 'failed')).status, 200);

    const short: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY, { ttl_renew: 'true', ttl_max: '60', ttl_min: '0' })).body
      .value.uuid;
    assert.equal((await byToken(sandbox, short, 'passed')).status, 200);
    now = new Date(now.getTime() + 60 * 1000);
    const expired = await byToken(sandbox, short, 'failed');
    assert.equal(expired.status, 404, 'an expired token is refused');
    assert.match(expired.body.detail, /expired/);
    assert.equal((await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).body.liveness, 'passed');
  });

  it('works with the plain tokens too (no stand-in)', async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    assert.equal((await byToken(sandbox, token, 'passed')).body.liveness, 'passed');
  });

  it('sets the result by the id of the current liveness URL; refuses others', async () => {
    const sandbox = createSandbox({ livenessStandIn: { origin: STAND_IN } });
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const url: string = (await readAttribute(sandbox, scope, uuid, URL_KEY)).body.value;
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    const id = url.split('/').pop()!;
    const answer = await byUrl(sandbox, id, 'failed');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.liveness, 'failed');
    assert.equal((await byUrl(sandbox, 'sbx_unknown')).status, 404);
    assert.equal((await byUrl(sandbox, token)).status, 404, 'a token is no URL id');
    assert.equal((await byToken(sandbox, id)).status, 404, 'a URL id is no token');
    assert.equal((await byUrl(sandbox, undefined)).status, 400);
    // After a result the link comes inside Sumsub's diagnostics (its uuid), like the token.
    const renewed: string = (await readAttribute(sandbox, scope, uuid, URL_KEY, { ttl_renew: 'true' })).body.value.uuid;
    assert.equal((await byUrl(sandbox, id)).status, 404, 'the replaced URL');
    assert.equal((await byUrl(sandbox, renewed.split('/').pop())).body.liveness, 'passed');
  });
});

describe('liveness stand-in: the token attribute after a result', () => {
  it('is the bare token or link (or null) before, and inside Sumsub diagnostics after, in every read', async () => {
    const sandbox = createSandbox({ livenessStandIn: { origin: STAND_IN } });
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    assert.equal((await readApplication(sandbox, scope, uuid, { empty_volatile_fields: 'true' })).byKey[TOKEN_KEY].value, null);

    await byToken(sandbox, token, 'failed');
    const failed = { verificator: 'sumsub', status: 'failed', client_note: FAILED_NOTE };
    const endpoint5 = await readAttribute(sandbox, scope, uuid, TOKEN_KEY);
    assert.deepEqual(endpoint5.body.value, { uuid: token, verification: { sumsub: failed } }, 'the token stays reachable for a retry');
    const emptied = await readApplication(sandbox, scope, uuid, { empty_volatile_fields: 'true' });
    assert.deepEqual(emptied.byKey[TOKEN_KEY].value, { uuid: null, verification: { sumsub: failed } });
    assert.deepEqual(emptied.byKey[URL_KEY].value, { uuid: null, verification: { sumsub: failed } }, 'the link carries it too');
    const full = await readApplication(sandbox, scope, uuid);
    assert.deepEqual(full.byKey[TOKEN_KEY].value, { uuid: token, verification: { sumsub: failed } });
    assert.equal(typeof full.byKey[URL_KEY].value.uuid, 'string');

    // As the widget's client reads it: the token as the value, the diagnostics beside it.
    const decoded = decodeAttribute(endpoint5.body, 'attribute');
    assert.equal(decoded.value, token);
    assert.deepEqual(decoded.verification, { verificator: 'sumsub', status: 'failed', clientNote: FAILED_NOTE });
    const question = decodeApplication(emptied.body, 'application')
      .steps.flatMap((step) => step.questions)
      .find((q) => q.attribute.key === TOKEN_KEY)!;
    assert.equal(question.attribute.value, null);
    assert.equal(question.attribute.verification?.status, 'failed');

    // ttl_renew still makes a new token, inside the diagnostics, and that one is current.
    const renewed = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY, { ttl_renew: 'true' })).body.value;
    assert.notEqual(renewed.uuid, token);
    assert.equal(sdkBaseUrl(renewed.uuid), STAND_IN);
    assert.equal((await byToken(sandbox, token, 'passed')).status, 404);
    assert.equal((await byToken(sandbox, renewed.uuid, 'passed')).status, 200);

    const completed = { verificator: 'sumsub', status: 'completed', client_note: null };
    assert.deepEqual((await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value, {
      uuid: renewed.uuid,
      verification: { sumsub: completed },
    });
    assert.deepEqual((await readApplication(sandbox, scope, uuid, { empty_volatile_fields: 'true' })).byKey[TOKEN_KEY].value, {
      uuid: null,
      verification: { sumsub: completed },
    });
    const renewedInRead = await readApplication(sandbox, scope, uuid, { [`${TOKEN_KEY}.ttl_renew`]: 'true' });
    assert.notEqual(renewedInRead.byKey[TOKEN_KEY].value.uuid, renewed.uuid, 'endpoint 3 renews too');
    assert.equal(renewedInRead.byKey[TOKEN_KEY].value.verification.sumsub.status, 'completed');
  });

  it('shows the result set by the application control the same way, in every dialect', async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced', { dialect: { omit_optional: true, extra_fields: true } });
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/liveness/`, { body: { result: 'passed' } });
    const attribute = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body;
    assert.equal(attribute.value.verification.sumsub.status, 'completed');
    const decoded = decodeAttribute(attribute, 'attribute');
    assert.match(decoded.value!, /^_act-sbx-/);
    assert.equal(decoded.verification?.status, 'completed');
  });
});

/**
 * Visits a demo app (an in-process one or a served one), signs in as the visitor's "New client"
 * and opens an Advanced application through the proxy; `read` reads an attribute of it through
 * the proxy.
 */
async function throughProxy(fetcher: (path: string, init?: RequestInit) => Promise<Response>) {
  const visit = await fetcher('/sandbox/v1/clients/');
  assert.equal(visit.status, 200);
  const cookie = visit.headers.get('set-cookie')!.split(';')[0];
  const clientUuid = ((await visit.json()) as { label: string; client_uuid: string }[]).find(
    ({ label }) => label === 'New client',
  )!.client_uuid;
  const login = await fetcher('/demo/session', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ client_uuid: clientUuid }),
  });
  assert.equal(login.status, 200);
  const kyc = async (method: string, path: string, body?: unknown) => {
    const response = await fetcher(`/kyc${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const info = await kyc('GET', '/v1/clients/kyc-level-info/');
  const level = info.body.available_levels_for_upgrade.find((item: { name: string }) => item.name === 'Advanced');
  const created = await kyc('POST', '/v1/clients/kyc-level-info/', { kyc_level_uuid: level.uuid });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const read = async (key: string) => (await kyc('GET', `/v1/kyc/${created.body.uuid}/attributes/${key}/`)).body.value;
  return { uuid: created.body.uuid as string, read };
}

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('liveness stand-in: the pages, served by the demo app', () => {
  const ORIGIN = 'http://demo.test';
  const app = createDemoApp({ origins: [ORIGIN], sandbox: { livenessStandIn: { origin: ORIGIN } } });
  const get = (path: string, init?: RequestInit) => app.fetch(new Request(new URL(path, ORIGIN), init));

  /** Fetches a page and checks its CSP and that it has no inline script or style. */
  async function checkPage(path: string, script: string): Promise<string> {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      'frame-ancestors *',
      "require-trusted-types-for 'script'",
    ]) {
      assert.ok(csp.split('; ').includes(directive), `${path}: ${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-|data:|blob:/);
    const html = await response.text();
    assert.ok(html.includes(`<h1>${STAND_IN_LABEL}</h1>`), 'clearly labelled');
    assert.match(STAND_IN_LABEL, /Simulated liveness check — sandbox only, no camera is used/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'one script');
    assert.match(scripts[0][1], new RegExp(`type="module" src="/websdk/stand-in/${script}"`));
    assert.equal(scripts[0][2].trim(), '', 'no inline script');
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=|javascript:/i, 'no inline style or handlers');
    assert.match(html, /<button type="button" class="pass" data-result="passed"[^>]*>Pass \(simulated\)<\/button>/);
    assert.match(html, /<button type="button" class="fail" data-result="failed"[^>]*>Fail \(simulated\)<\/button>/);
    for (const [, href] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const asset = await get(href);
      assert.equal(asset.status, 200, href);
      assert.match(asset.headers.get('content-type') ?? '', href.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    return html;
  }

  it('serves the WebSDK frame page and the cross-device page with a strict CSP and no inline script', async () => {
    const frame = await checkPage('/websdk/websdk.html?_=frame-1', 'frame.js');
    assert.match(frame, /data-result="passed" disabled/, 'the buttons wait for the token');
    await checkPage('/websdk/p/sbx_0123456789abcdef', 'page.js');
    assert.equal((await get('/websdk/p/sbx_0123/extra')).status, 404);
    assert.equal((await get('/websdk/p/%2e%2e')).status, 404);
    assert.equal((await get('/websdk/other.html')).status, 404);
    assert.equal((await get('/websdk/websdk.html', { method: 'POST' })).status, 405);
    const head = await get('/websdk/websdk.html', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('ships scripts that speak the WebSDK protocol and call the controls on their own origin', async () => {
    const frame = await (await get('/websdk/stand-in/frame.js')).text();
    for (const method of [
      'idCheck.onReady',
      'idCheck.init',
      'idCheck.onInitialized',
      'idCheck.onResize',
      'idCheck.updateAccessToken',
      'standin.tokenUpdated',
      'standin.emit',
      'idCheck.onApplicantSubmitted',
      'idCheck.onApplicantStatusChanged',
      'idCheck.onError',
    ]) {
      assert.ok(frame.includes(`'${method}'`), method);
    }
    assert.ok(frame.includes('fetch(path, {') && frame.includes("'/sandbox/v1/liveness-by-token/'"));
    assert.doesNotMatch(
      frame,
      /innerHTML|eval\(|new Function|https?:\/\//,
      'no sink a strict CSP or Trusted Types refuses, no other origin',
    );
    const page = await (await get('/websdk/stand-in/page.js')).text();
    assert.ok(page.includes("'/sandbox/v1/liveness-by-url/'"));
    assert.doesNotMatch(page, /innerHTML|eval\(|new Function|https?:\/\//);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- parsed, never called: the pages are script code
    for (const source of [frame, page]) new Function(`return async () => {${source}}`);
  });

  it('passes the option through: tokens through the proxy lead to the stand-in, whose control takes the result', async () => {
    const { read } = await throughProxy(get);
    const token = await read(TOKEN_KEY);
    assert.equal(sdkBaseUrl(token), ORIGIN);
    // No cookie: the token is the authority (the stand-in's frame is on another origin, a phone has no cookie).
    assert.equal((await get('/sandbox/v1/liveness-by-token/', postJson({ token, result: 'failed' }))).status, 200);
    assert.deepEqual(await read(TOKEN_KEY), {
      uuid: token,
      verification: { sumsub: { verificator: 'sumsub', status: 'failed', client_note: FAILED_NOTE } },
    });
  });
});

describe('liveness stand-in: npm start', () => {
  let server: SandboxServer;
  before(async () => {
    server = await startSandboxServer({ port: 0 });
  });
  after(() => server.close());

  it('leads the tokens to the served origin, which serves the stand-in', async () => {
    const origin = new URL(server.url).origin;
    const served = (path: string, init?: RequestInit) => fetch(new URL(path, origin), init);
    const { read } = await throughProxy(served);
    const token: string = await read(TOKEN_KEY);
    assert.equal(sdkBaseUrl(token), origin);
    const frame = await fetch(`${sdkBaseUrl(token)}/websdk/websdk.html?_=frame-1`);
    assert.equal(frame.status, 200);
    assert.match(frame.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
    const url: string = await read(URL_KEY);
    assert.equal((await served('/sandbox/v1/liveness-by-token/', postJson({ token, result: 'passed' }))).status, 200);
    assert.equal(new URL(url).origin, origin);
    assert.equal((await fetch(url)).status, 200);
  });
});

describe('liveness dialects', () => {
  it("the timeline: Sumsub's words over a minute on the sandbox's clock, and only then the result", async () => {
    let now = Date.UTC(2026, 11, 7, 12, 0, 0);
    const sandbox = createSandbox({ now: () => new Date(now) });
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced', { dialect: { liveness_timeline: true } });
    const word = async () => {
      const attribute = decodeAttribute((await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body, 'the token');
      return attribute.verification?.status;
    };
    assert.equal(await word(), 'init', 'no result yet');
    const token = decodeAttribute((await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body, 'the token').value;
    assert.ok(token, 'the token is still its value');
    assert.equal((await byToken(sandbox, token, 'passed')).status, 200);
    const seen: (string | null | undefined)[] = [];
    for (const seconds of [0, 19, 20, 59, 60]) {
      now = Date.UTC(2026, 11, 7, 12, 0, 0) + seconds * 1000;
      seen.push(await word());
    }
    assert.deepEqual(seen, ['pending', 'pending', 'queued', 'queued', 'completed']);
  });

  it("the guide's shape: no uuid, and nothing in a read that empties volatile fields", async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced', { dialect: { liveness: 'source' } });
    const token: string = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    await byToken(sandbox, token, 'passed');
    const own = (await readAttribute(sandbox, scope, uuid, TOKEN_KEY)).body.value;
    assert.deepEqual(Object.keys(own), ['verification'], 'diagnostics without uuid');
    assert.equal(own.verification.sumsub.status, 'completed');
    const emptied = await readApplication(sandbox, scope, uuid, { empty_volatile_fields: 'true' });
    assert.equal(emptied.byKey[TOKEN_KEY].value, null, 'the application read says nothing of it');
  });
});
