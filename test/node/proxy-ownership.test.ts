import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createKycProxy, createMemoryStore, type KycProxyOptions } from '../../src/server/proxy/index.js';
import { IDENTITY, json, request, type Received } from './proxy-harness.js';

const OWN = '33333333-3333-4333-8333-333333333333';
const FOREIGN = '66666666-6666-4666-8666-666666666666';
const CREATED = '77777777-7777-4777-8777-777777777777';
const LEVEL_INFO = '/v1/clients/kyc-level-info/';

/**
 * A platform that trusts an application uuid alone (as the platform's guide shows the calls,
 * without `client_uuid`): it answers any application, whoever asks. Only the proxy can refuse.
 */
function trustingPlatform(options: { levelInfo?: () => Response } = {}) {
  const received: Received[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    received.push({ method: request.method, url, headers: request.headers, body: null, signal: request.signal });
    if (url.pathname.endsWith(LEVEL_INFO)) {
      if (request.method === 'POST') return Response.json({ uuid: CREATED, status: 'draft' }, { status: 201 });
      return options.levelInfo?.() ?? Response.json({ last_kyc_application_uuid: OWN, available_levels_for_upgrade: [] });
    }
    return Response.json({ uuid: url.pathname.split('/')[4], status: 'draft', kyc_steps: [] });
  };
  const lookups = () => received.filter((entry) => entry.method === 'GET' && entry.url.pathname.endsWith(LEVEL_INFO)).length;
  const reached = (uuid: string) => received.filter((entry) => entry.url.pathname.includes(uuid)).length;
  return { received, fetch, lookups, reached };
}

function proxyOver(platform: ReturnType<typeof trustingPlatform>, options: Partial<KycProxyOptions> = {}) {
  return createKycProxy({
    upstream: 'https://platform.example/api',
    fetch: platform.fetch,
    credentials: {},
    authorize: () => IDENTITY,
    ...options,
  });
}

/** Every call that names an application, for `uuid`. */
function callsOn(uuid: string): Array<[string, Request]> {
  return [
    ['GET application', request(`/kyc/v1/kyc/${uuid}/`)],
    ['PATCH application', request(`/kyc/v1/kyc/${uuid}/`, json('PATCH', { attribute_changes: [{ key: 'city', value: 'Rīga' }] }))],
    ['GET attribute', request(`/kyc/v1/kyc/${uuid}/attributes/sumsub_liveness_check_token/`)],
    ['POST send-to-review', request(`/kyc/v1/kyc/${uuid}/send-to-review/`, json('POST', {}))],
    ['POST send-code', request('/kyc/v1/signatures/send-code/', json('POST', { object_uuid: uuid, provider_type: 'sms' }))],
  ];
}

describe('proxy: ownership of applications, checked by the proxy', () => {
  test("another client's application is 404 on every call that names it, and never reaches the platform", async () => {
    const platform = trustingPlatform();
    const proxy = proxyOver(platform);
    for (const [name, call] of callsOn(FOREIGN)) {
      const response = await proxy(call);
      assert.equal(response.status, 404, name);
      assert.deepEqual(await response.json(), { detail: 'Not found.' }, name);
    }
    assert.equal(platform.reached(FOREIGN), 0);
    assert.equal(platform.lookups(), 1, 'one look-up of the level info, for the whole period');
  });

  test('the client’s own application passes on every call, upper case too', async () => {
    const platform = trustingPlatform();
    const proxy = proxyOver(platform);
    for (const [name, call] of [...callsOn(OWN), ...callsOn(OWN.toUpperCase())]) {
      assert.equal((await proxy(call)).status, 200, name);
    }
    assert.equal(platform.lookups(), 1);
  });

  test('what the widget reads first teaches the proxy: no extra platform call in a normal flow', async () => {
    const platform = trustingPlatform();
    const proxy = proxyOver(platform);
    assert.equal((await proxy(request(`/kyc${LEVEL_INFO}`))).status, 200);
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 200);
    const created = await proxy(request(`/kyc${LEVEL_INFO}`, json('POST', { kyc_level_uuid: FOREIGN })));
    assert.equal(created.status, 201);
    for (const [name, call] of callsOn(CREATED)) assert.equal((await proxy(call)).status, 200, name);
    assert.equal(platform.lookups(), 1, "only the widget's own read of the level info");
  });

  test('at most one look-up per identity per period, however many requests (concurrent too)', async () => {
    let now = Date.UTC(2026, 11, 7);
    const platform = trustingPlatform();
    const proxy = proxyOver(platform, { store: createMemoryStore({ now: () => now }), ownershipSeconds: 60 });
    const unknown = Array.from({ length: 30 }, (_, index) => `88888888-8888-4888-8888-${String(index).padStart(12, '0')}`);
    const statuses = await Promise.all(unknown.map((uuid) => proxy(request(`/kyc/v1/kyc/${uuid}/`)).then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([404]));
    for (const uuid of unknown.slice(0, 10)) await proxy(request(`/kyc/v1/kyc/${uuid}/`));
    assert.equal(platform.lookups(), 1);
    now += 61_000;
    assert.equal((await proxy(request(`/kyc/v1/kyc/${unknown[0]}/`))).status, 404);
    assert.equal(platform.lookups(), 2, 'a new period, a new look-up');
    // An application created elsewhere becomes known with the next period's look-up.
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 200);
  });

  test('a look-up the platform fails is not counted: the request is 502 and the next one asks again', async () => {
    let failing = true;
    const platform = trustingPlatform({
      levelInfo: () =>
        failing
          ? new Response('<h1>502</h1>', { status: 502, headers: { 'content-type': 'text/html' } })
          : Response.json({ last_kyc_application_uuid: OWN }),
    });
    const proxy = proxyOver(platform);
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 502);
    failing = false;
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 200);
    assert.equal(platform.lookups(), 2);
  });

  test('a look-up answered with a body that does not parse poisons nothing: 502, and the next request asks again', async () => {
    let garbled = true;
    const platform = trustingPlatform({
      levelInfo: () =>
        garbled
          ? new Response('{"last_kyc_application_uuid": "3333', { headers: { 'content-type': 'application/json' } })
          : Response.json({ last_kyc_application_uuid: OWN }),
    });
    const proxy = proxyOver(platform);
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 502);
    garbled = false;
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 200);
    assert.equal(platform.lookups(), 2);
  });

  test('each failure is blamed where it belongs: an unreachable platform 502, a slow one 504, even on a PATCH', async () => {
    const errors: unknown[] = [];
    const unreachable = proxyOver(trustingPlatform(), {
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      onUpstreamError: (error) => errors.push(error),
    });
    assert.equal((await unreachable(request(`/kyc/v1/kyc/${OWN}/`))).status, 502);
    assert.ok(errors[0] instanceof TypeError, String(errors[0]));
    const hanging = proxyOver(trustingPlatform(), { fetch: () => new Promise<Response>(() => undefined), timeoutMs: 30 });
    const patch = await hanging(request(`/kyc/v1/kyc/${OWN}/`, json('PATCH', { attribute_changes: [] })));
    assert.equal(patch.status, 504, 'the platform is slow, not the browser');
  });

  test('instances sharing a store look up once between them', async () => {
    const platform = trustingPlatform();
    const store = createMemoryStore();
    const instances = [proxyOver(platform, { store }), proxyOver(platform, { store }), proxyOver(platform, { store })];
    const statuses = await Promise.all(instances.map((proxy) => proxy(request(`/kyc/v1/kyc/${FOREIGN}/`)).then((r) => r.status)));
    assert.deepEqual(statuses, [404, 404, 404]);
    assert.equal(platform.lookups(), 1);
  });

  test('what a partner function throws reaches the framework, as authorize’s does; only true lets a call through', async () => {
    const platform = trustingPlatform();
    const failing = proxyOver(platform, {
      authorizeApplication: () => {
        throw new Error('ownership service down');
      },
    });
    await assert.rejects(failing(request(`/kyc/v1/kyc/${OWN}/`)), /ownership service down/);
    const failingCredentials = proxyOver(platform, {
      credentials: () => {
        throw new Error('vault sealed');
      },
    });
    await assert.rejects(failingCredentials(request(`/kyc/v1/kyc/${OWN}/`)), /vault sealed/);
    const vague = proxyOver(platform, { authorizeApplication: () => 'no' as unknown as boolean });
    assert.equal((await vague(request(`/kyc/v1/kyc/${OWN}/`))).status, 404);
    assert.equal(platform.reached(OWN), 0);
  });

  test('authorizeApplication lets the partner decide instead, with no look-up of its own', async () => {
    const platform = trustingPlatform();
    const asked: Array<[string, string]> = [];
    const proxy = proxyOver(platform, {
      authorizeApplication: async (identity, uuid) => {
        asked.push([identity.clientUuid, uuid]);
        return uuid === FOREIGN;
      },
    });
    assert.equal((await proxy(request(`/kyc/v1/kyc/${FOREIGN}/`))).status, 200);
    assert.equal((await proxy(request(`/kyc/v1/kyc/${OWN}/`))).status, 404);
    assert.deepEqual(asked, [
      [IDENTITY.clientUuid, FOREIGN],
      [IDENTITY.clientUuid, OWN],
    ]);
    assert.equal(platform.lookups(), 0);
    assert.throws(() => proxyOver(platform, { authorizeApplication: 'yes' as never }), TypeError);
  });
});
