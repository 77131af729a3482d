import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as events from '../../src/events/events.js';
import { createKycClient, type KycApiError } from '../../src/api/index.js';
import { main, startSandboxServer, type SandboxServer, type SandboxServerOptions } from '../../src/server/cli.js';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createDemoApp, DEMO_SESSION_COOKIE, type DemoApp } from '../../src/server/demo/app.js';
import * as proxyExports from '../../src/server/proxy/index.js';
import { createRoutes } from '../../src/server/proxy/routes.js';
import type { DemoClient } from '../../src/server/sandbox/index.js';

const ORIGIN = 'http://demo.test';
const app = createDemoApp({ origins: [ORIGIN] });

/** A browser as the demo app sees it: its visitor cookie and its own scenario clients. */
interface Visitor {
  cookie: string;
  clients: DemoClient[];
  /** Its scenario client of this label. */
  client(label?: string): DemoClient;
}

/** A new visitor: the first visit to the list of clients makes it, and sets its cookie. */
async function visit(target: DemoApp = app, origin = ORIGIN): Promise<Visitor> {
  const response = await target.fetch(new Request(`${origin}/sandbox/v1/clients/`));
  assert.equal(response.status, 200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  const cookie = setCookie.split(';')[0];
  assert.ok(cookie.startsWith(`${DEMO_SESSION_COOKIE}=`));
  const clients = (await response.json()) as DemoClient[];
  return { cookie, clients, client: (label = 'New client') => clients.find((client) => client.label === label)! };
}

/** Signs the visitor in as one of its clients (the answer's status, 200 when it may). */
async function signIn(
  visitor: Pick<Visitor, 'cookie'>,
  client: { client_uuid: string; legal_entity_uuid?: string },
  target: DemoApp = app,
): Promise<number> {
  const response = await target.fetch(
    new Request(`${ORIGIN}/demo/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: visitor.cookie },
      body: JSON.stringify(client),
    }),
  );
  await response.body?.cancel();
  return response.status;
}

/** A visitor signed in as its scenario client of this label. */
async function signedIn(label = 'New client', target: DemoApp = app): Promise<Visitor> {
  const visitor = await visit(target);
  assert.equal(await signIn(visitor, visitor.client(label), target), 200);
  return visitor;
}

const levelInfo = (headers: Record<string, string>, target: DemoApp = app) =>
  target.fetch(new Request(`${ORIGIN}/kyc/v1/clients/kyc-level-info/`, { headers }));

/** A call on the app with the visitor's cookie; JSON bodies. */
async function as(visitor: Pick<Visitor, 'cookie'> | null, method: string, path: string, body?: unknown, target: DemoApp = app) {
  const headers: Record<string, string> = visitor ? { cookie: visitor.cookie } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await target.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** The API client's options for the demo app: its proxy and its token endpoint. */
const CLIENT_OPTIONS = { endpoint: `${ORIGIN}/kyc`, tokenEndpoint: `${ORIGIN}/kyc-token` };

/** A browser's fetch to `target`, with the visitor's `cookie` (none: a phone with no session). */
const browserOf =
  (target: DemoApp, cookie?: string): typeof fetch =>
  (input, init) => {
    const request = new Request(input, init);
    if (cookie) request.headers.set('cookie', cookie);
    return target.fetch(request);
  };

/** The uuid of the application the visitor's client shows (signs the visitor in as it). */
async function applicationOf(visitor: Visitor, label: string, target: DemoApp = app): Promise<string> {
  assert.equal(await signIn(visitor, visitor.client(label), target), 200);
  const info = await as(visitor, 'GET', '/kyc/v1/clients/kyc-level-info/', undefined, target);
  assert.equal(info.status, 200);
  return info.body.last_kyc_application_uuid as string;
}

describe('demo app: partner session → proxy → sandbox', () => {
  test('without a session the proxy answers 401 and reaches nothing', async () => {
    const response = await levelInfo({});
    assert.equal(response.status, 401);
  });

  test('a demo session reaches its own client through the proxy', async () => {
    const { cookie } = await signedIn();
    const response = await levelInfo({ cookie });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(typeof body.allowed_to_create_kyc_application, 'boolean');
  });

  test('a forged visitor cookie is refused', async () => {
    const { cookie } = await signedIn();
    const forged = cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    assert.equal((await levelInfo({ cookie: forged })).status, 401);
    const [id] = cookie.slice(`${DEMO_SESSION_COOKIE}=`.length).split('.');
    assert.equal((await levelInfo({ cookie: `${DEMO_SESSION_COOKIE}=${id}` })).status, 401, 'an id without its signature');
    assert.equal((await levelInfo({ cookie: `${DEMO_SESSION_COOKIE}=${id}.${'A'.repeat(43)}` })).status, 401, 'a made-up signature');
  });

  test("signing in is refused for a malformed client, and for a client that is not the visitor's", async () => {
    const visitor = await visit();
    assert.equal(await signIn(visitor, { client_uuid: 'nope' }), 400);
    assert.equal(await signIn(visitor, { client_uuid: crypto.randomUUID() }), 403);
    assert.equal(await signIn(visitor, app.sandbox.demoClients[0]), 403, "the sandbox's own showcase");
    assert.equal(await signIn({ cookie: '' }, visitor.client()), 403, 'no visitor cookie');
    const mine = visitor.client();
    assert.equal(
      await signIn(visitor, { client_uuid: mine.client_uuid, legal_entity_uuid: crypto.randomUUID() }),
      403,
      'another legal entity',
    );
    assert.equal(await signIn(visitor, { client_uuid: mine.client_uuid, legal_entity_uuid: mine.legal_entity_uuid }), 200);
  });

  test('the token endpoint mints a bearer token for the session, which the proxy accepts', async () => {
    const { cookie } = await signedIn();
    const denied = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST' }));
    assert.equal(denied.status, 401);
    const minted = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST', headers: { cookie } }));
    assert.equal(minted.status, 200);
    const { token, expires_in: expiresIn } = await minted.json();
    assert.ok(expiresIn > 0 && expiresIn <= 3600);
    assert.equal((await levelInfo({ authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await levelInfo({ authorization: 'Bearer not-a-token', cookie })).status, 401);
  });

  test('a hand-off token opens the session once, on a phone with no session (through the API client)', async () => {
    const { cookie } = await signedIn();
    const desk = createKycClient({ ...CLIENT_OPTIONS, fetch: browserOf(app, cookie) });
    const { token, expiresIn } = await desk.requestHandoff();
    assert.ok(expiresIn !== null && expiresIn > 0 && expiresIn <= 600, 'ten minutes at most');

    const phone = createKycClient({ ...CLIENT_OPTIONS, handoffToken: token, fetch: browserOf(app) });
    assert.deepEqual(await phone.getLevelInfo(), await desk.getLevelInfo(), 'the same client on the phone');
    const twice = createKycClient({ ...CLIENT_OPTIONS, handoffToken: token, fetch: browserOf(app) });
    const refused = await twice.getLevelInfo().then(
      () => null,
      (error: unknown) => error as KycApiError,
    );
    assert.equal(refused?.code, 'unauthorized', 'never twice');
    const noSession = createKycClient({ ...CLIENT_OPTIONS, fetch: browserOf(app) });
    await assert.rejects(noSession.requestHandoff(), (error: KycApiError) => error.code === 'unauthorized', 'no session, no hand-off');
  });

  test('a hand-off link opens its own client’s application only, not another client’s', async () => {
    const a = await visit();
    const b = await visit();
    const mine = await applicationOf(a, 'Draft in progress');
    const theirs = await applicationOf(b, 'Draft in progress');
    const { token } = await createKycClient({ ...CLIENT_OPTIONS, fetch: browserOf(app, a.cookie) }).requestHandoff();
    // A link edited to name B's application (its fragment is the person's to change).
    const phone = createKycClient({ ...CLIENT_OPTIONS, handoffToken: token, fetch: browserOf(app) });
    await assert.rejects(phone.getApplication(theirs), (error: KycApiError) => error.code === 'not_found', "B's application");
    assert.equal((await phone.getApplication(mine)).uuid, mine, "A's own");
  });

  test('a hand-off token expires by the app’s clock (now), ten minutes after it was made', async () => {
    let offset = 0;
    const timed = createDemoApp({ origins: [ORIGIN], now: () => Date.now() + offset });
    const visitor = await signedIn('New client', timed);
    const { token } = await createKycClient({ ...CLIENT_OPTIONS, fetch: browserOf(timed, visitor.cookie) }).requestHandoff();
    offset = 600_001;
    const late = createKycClient({ ...CLIENT_OPTIONS, handoffToken: token, fetch: browserOf(timed) });
    await assert.rejects(late.getLevelInfo(), (error: KycApiError) => error.code === 'unauthorized', 'expired');
  });

  test('signing out ends the session but keeps the visitor and its clients; GET tells who is signed in by uuid only', async () => {
    const visitor = await signedIn();
    const who = await as(visitor, 'GET', '/demo/session');
    assert.deepEqual(who.body, { legal_entity_uuid: visitor.client().legal_entity_uuid, client_uuid: visitor.client().client_uuid });
    const out = await as(visitor, 'DELETE', '/demo/session');
    assert.equal(out.status, 204);
    assert.equal((await as(visitor, 'GET', '/demo/session')).body, null);
    assert.equal((await levelInfo({ cookie: visitor.cookie })).status, 401);
    assert.equal(
      (await as(visitor, 'GET', `/sandbox/v1/requests/?client_uuid=${visitor.client().client_uuid}`)).status,
      200,
      'its request log',
    );
    assert.equal(await signIn(visitor, visitor.client()), 200, 'and signs in again');
  });

  test("a client made by the sandbox control is the visitor's, and can be signed in as", async () => {
    const visitor = await visit();
    const made = await as(visitor, 'POST', '/sandbox/v1/clients/', { allowed_to_create_kyc_application: false });
    assert.equal(made.status, 201);
    assert.equal(made.headers.get('set-cookie'), null, 'the visitor is kept');
    assert.equal(await signIn(visitor, made.body), 200);
    assert.equal((await (await levelInfo({ cookie: visitor.cookie })).json()).allowed_to_create_kyc_application, false);
    assert.deepEqual((await as(visitor, 'GET', '/sandbox/v1/clients/')).body, visitor.clients, 'the list stays the scenario clients');
    assert.equal(
      (await as(visitor, 'POST', '/sandbox/v1/clients/', { dialect: { lists: 'sometimes' } })).status,
      400,
      'the sandbox validates the body',
    );
  });

  test('a visitor cookie is no bearer token, and a bearer token no visitor cookie', async () => {
    const { cookie } = await signedIn();
    const cookieValue = decodeURIComponent(cookie.slice(`${DEMO_SESSION_COOKIE}=`.length));
    assert.equal((await levelInfo({ authorization: `Bearer ${cookieValue}` })).status, 401, 'cookie value as a bearer token');
    const minted = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST', headers: { cookie } }));
    const { token } = await minted.json();
    assert.equal((await levelInfo({ authorization: `Bearer ${token}` })).status, 200);
    const asCookie = `${DEMO_SESSION_COOKIE}=${encodeURIComponent(token)}`;
    assert.equal((await levelInfo({ cookie: asCookie })).status, 401, 'bearer token as the cookie');
    const tokenFromToken = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST', headers: { cookie: asCookie } }));
    assert.equal(tokenFromToken.status, 401, 'a bearer token does not mint tokens');
    assert.throws(() => createDemoApp({ sessionSecret: 'x'.repeat(32), tokenSecret: 'x'.repeat(32) }), TypeError);
    assert.throws(() => createDemoApp({ sessionSecret: 'short' }), RangeError);
  });

  test('refuses signing in or out from another origin (login CSRF); the same origin and non-browser calls pass', async () => {
    const visitor = await visit();
    const post = (headers: Record<string, string>) =>
      app.fetch(
        new Request(`${ORIGIN}/demo/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: visitor.cookie, ...headers },
          body: JSON.stringify({ client_uuid: visitor.client().client_uuid }),
        }),
      );
    const forged = await post({ origin: 'https://evil.example' });
    assert.equal(forged.status, 403);
    assert.equal(forged.headers.get('set-cookie'), null);
    assert.equal(typeof (await forged.json()).detail, 'string');
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ origin: ORIGIN })).status, 200);
    const logout = (origin: string) =>
      app.fetch(new Request(`${ORIGIN}/demo/session`, { method: 'DELETE', headers: { origin, cookie: visitor.cookie } }));
    const forgedOut = await logout('https://evil.example');
    assert.equal(forgedOut.status, 403);
    assert.equal((await as(visitor, 'GET', '/demo/session')).body?.client_uuid, visitor.client().client_uuid, 'still signed in');
    assert.equal((await logout(ORIGIN)).status, 204);
  });

  test('the sandbox control is not reachable through the proxy', async () => {
    const { cookie } = await signedIn();
    const response = await app.fetch(new Request(`${ORIGIN}/kyc/sandbox/v1/clients/`, { headers: { cookie } }));
    assert.equal(response.status, 404);
  });
});

describe('demo app: every visitor on its own', () => {
  test('each visitor gets fresh clients, one per scenario, shared with no other visitor', async () => {
    const [a, b] = [await visit(), await visit()];
    assert.notEqual(a.cookie, b.cookie);
    const labels = app.sandbox.demoClients.map(({ label }) => label);
    assert.deepEqual(
      a.clients.map(({ label }) => label),
      labels,
    );
    assert.deepEqual(
      b.clients.map(({ label }) => label),
      labels,
    );
    const uuids = (visitor: Visitor) => new Set(visitor.clients.flatMap((client) => [client.client_uuid, client.legal_entity_uuid]));
    for (const uuid of uuids(a)) assert.ok(!uuids(b).has(uuid), 'no uuid shared between visitors');
    for (const showcase of app.sandbox.demoClients) assert.ok(!uuids(a).has(showcase.client_uuid), 'nor with the showcase');
    assert.deepEqual((await as(a, 'GET', '/sandbox/v1/clients/')).body, a.clients, 'the same list on every visit');
  });

  test('what one visitor typed, no other visitor reads', async () => {
    const a = await visit();
    const b = await visit();
    const uuid = await applicationOf(a, 'Draft in progress');
    const typed = await as(a, 'PATCH', `/kyc/v1/kyc/${uuid}/`, { attribute_changes: [{ key: 'first_name', value: 'Typed-by-A' }] });
    assert.equal(typed.status, 200, JSON.stringify(typed.body));
    assert.equal(await signIn(b, a.client('Draft in progress')), 403, "B cannot sign in as A's client");
    const theirs = await applicationOf(b, 'Draft in progress');
    assert.notEqual(theirs, uuid);
    assert.equal((await as(b, 'GET', `/kyc/v1/kyc/${uuid}/`)).status, 404, "A's application is not B's client's");
    const own = JSON.stringify((await as(b, 'GET', `/kyc/v1/kyc/${theirs}/`)).body);
    assert.ok(!own.includes('Typed-by-A'), 'B sees the seed, not what A typed');
    assert.ok(own.includes('Jānis'));
  });

  test("the control acts on the visitor's own applications only: another's status, review, liveness and inspection are 403", async () => {
    const a = await visit();
    const b = await visit();
    const uuid = await applicationOf(a, 'Waiting for review');
    const attempts: [string, string, unknown?][] = [
      ['POST', `/sandbox/v1/applications/${uuid}/status/`, { status: 'approved' }],
      ['POST', `/sandbox/v1/applications/${uuid}/status/testCompleted`, { reviewAnswer: 'RED', rejectLabels: [] }],
      ['POST', `/sandbox/v1/applications/${uuid}/liveness/`, { result: 'failed' }],
      ['GET', `/sandbox/v1/applications/${uuid}/inspect/`],
    ];
    for (const [method, path, body] of attempts) {
      assert.equal((await as(b, method, path, body)).status, 403, `another visitor: ${method} ${path}`);
      assert.equal((await as(null, method, path, body)).status, 403, `no visitor: ${method} ${path}`);
    }
    const showcase = (
      await app.sandbox.fetch(
        new Request(
          `${ORIGIN}/v1/clients/kyc-level-info/?legal_entity_uuid=${app.sandbox.legalEntityUuid}&client_uuid=${app.sandbox.demoClients[1].client_uuid}`,
          { headers: { authorization: 'Bearer sandbox-platform-key' } },
        ),
      )
    ).json();
    assert.equal(
      (await as(a, 'GET', `/sandbox/v1/applications/${(await showcase).last_kyc_application_uuid}/inspect/`)).status,
      403,
      "the showcase's",
    );
    assert.equal(
      (await as(a, 'GET', `/sandbox/v1/applications/${crypto.randomUUID()}/inspect/`)).status,
      403,
      'an unknown one (no telling which exist)',
    );
    assert.equal((await as(a, 'GET', `/sandbox/v1/applications/%E0%A4%A/inspect/`)).status, 403, 'a malformed one');
    const inspected = await as(a, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`);
    assert.equal(inspected.status, 200);
    assert.equal(inspected.body.status, 'in_review', "B's attempts changed nothing");
    assert.equal(inspected.body.liveness, null);
    assert.equal(
      (await as(a, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { status: 'approved' })).body.status,
      'approved',
      'its own visitor decides',
    );
  });

  test("another visitor's request log and faults are 403, and its faults never reach the owner's requests", async () => {
    const a = await signedIn();
    const b = await visit();
    const client = a.client().client_uuid;
    assert.equal((await as(b, 'GET', `/sandbox/v1/requests/?client_uuid=${client}`)).status, 403);
    assert.equal((await as(null, 'GET', `/sandbox/v1/requests/?client_uuid=${client}`)).status, 403);
    assert.equal((await as(b, 'POST', '/sandbox/v1/faults/', { client_uuid: client, status: 500, times: 10 })).status, 403);
    assert.equal((await as(null, 'POST', '/sandbox/v1/faults/', { client_uuid: client, status: 500 })).status, 403);
    assert.equal((await as(b, 'DELETE', `/sandbox/v1/faults/?client_uuid=${client}`)).status, 403);
    assert.equal((await levelInfo({ cookie: a.cookie })).status, 200, 'no fault was queued for A');
    assert.equal((await as(a, 'POST', '/sandbox/v1/faults/', { client_uuid: client, status: 503 })).status, 201, 'A queues its own');
    assert.equal((await levelInfo({ cookie: a.cookie })).status, 503);
    const log = await as(a, 'GET', `/sandbox/v1/requests/?client_uuid=${client}`);
    assert.equal(log.status, 200);
    assert.equal(log.body.length, 2, "A's own log: its two calls, none of B's attempts");
    assert.equal((await as(a, 'POST', '/sandbox/v1/faults/', { client_uuid: 'nope' })).status, 400, 'the sandbox validates the rest');
    assert.equal((await as(a, 'DELETE', `/sandbox/v1/faults/?client_uuid=${client}`)).status, 204);
  });

  test("a fresh client is its maker's: another visitor can neither sign in as it nor drive it", async () => {
    const a = await visit();
    const b = await visit();
    const made = (await as(a, 'POST', '/sandbox/v1/clients/', {})).body;
    assert.equal(await signIn(b, made), 403);
    assert.equal((await as(b, 'GET', `/sandbox/v1/requests/?client_uuid=${made.client_uuid}`)).status, 403);
    assert.equal(await signIn(a, made), 200);
  });

  test('the liveness results by token and by URL are authorized by the token or link they carry, not by a visitor', async () => {
    const a = await signedIn();
    const levels = (await as(a, 'GET', '/kyc/v1/clients/kyc-level-info/')).body.available_levels_for_upgrade as {
      uuid: string;
      name: string;
    }[];
    const created = await as(a, 'POST', '/kyc/v1/clients/kyc-level-info/', {
      kyc_level_uuid: levels.find(({ name }) => name === 'Advanced')!.uuid,
    });
    const uuid = created.body.uuid as string;
    const read = async (key: string) => (await as(a, 'GET', `/kyc/v1/kyc/${uuid}/attributes/${key}/`)).body.value;
    const token = await read('sumsub_liveness_check_token');
    const link = await read('sumsub_liveness_check_url');
    assert.equal((await as(null, 'POST', '/sandbox/v1/liveness-by-token/', { token, result: 'failed' })).status, 200);
    assert.equal((await as(a, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).body.liveness, 'failed');
    assert.equal(
      (await as(null, 'POST', '/sandbox/v1/liveness-by-url/', { id: String(link).split('/').pop(), result: 'passed' })).status,
      200,
    );
    assert.equal((await as(a, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).body.liveness, 'passed');
    assert.equal((await as(null, 'POST', '/sandbox/v1/liveness-by-token/', { token: '_act-sbx-guess', result: 'passed' })).status, 404);
  });

  test('control paths it does not know are 404, whatever the sandbox behind it may have', async () => {
    const a = await visit();
    for (const path of [
      '/sandbox/v1/',
      '/sandbox/v1/entities/',
      '/sandbox/v1/applications/',
      `/sandbox/v1/clients/${a.client().client_uuid}/`,
    ]) {
      assert.equal((await as(a, 'GET', path)).status, 404, path);
    }
  });

  test('refuses the control from another site, and makes no visitor for it', async () => {
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const response = await app.fetch(new Request(`${ORIGIN}/sandbox/v1/clients/`, { headers }));
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('set-cookie'), null);
    }
    const a = await signedIn();
    const client = a.client().client_uuid;
    const forged = await app.fetch(
      new Request(`${ORIGIN}/sandbox/v1/faults/`, {
        method: 'POST',
        headers: { cookie: a.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ client_uuid: client, status: 500 }),
      }),
    );
    assert.equal(forged.status, 403, "a page elsewhere cannot queue faults with the visitor's cookie");
    assert.equal((await levelInfo({ cookie: a.cookie })).status, 200);
  });
});

describe('demo app: memory stays bounded', () => {
  const platform = (target: DemoApp, client: DemoClient) =>
    target.sandbox.fetch(
      new Request(`${ORIGIN}/v1/clients/kyc-level-info/?legal_entity_uuid=${client.legal_entity_uuid}&client_uuid=${client.client_uuid}`, {
        headers: { authorization: 'Bearer sandbox-platform-key' },
      }),
    );

  test('keeps at most maxVisitors: the least recently seen is forgotten with all of its clients', async () => {
    const small = createDemoApp({ origins: [ORIGIN], maxVisitors: 2 });
    const a = await visit(small);
    const b = await visit(small);
    const aFresh = (await as(a, 'POST', '/sandbox/v1/clients/', {}, small)).body as DemoClient;
    assert.equal(await signIn(a, a.client(), small), 200, 'A is seen again: B is now the least recent');
    const c = await visit(small);
    for (const client of b.clients) assert.equal((await platform(small, client)).status, 404, `B's ${client.label} is forgotten`);
    assert.equal(await signIn(b, b.client(), small), 403, "B's cookie names nobody now");
    assert.equal((await platform(small, a.client())).status, 200, 'A is kept');
    assert.equal((await platform(small, aFresh)).status, 200, "and A's fresh client");
    assert.equal((await levelInfo({ cookie: a.cookie }, small)).status, 200, 'A is still signed in');
    await visit(small);
    await visit(small);
    for (const client of [...a.clients, aFresh, ...c.clients])
      assert.equal((await platform(small, client)).status, 404, 'all forgotten in turn');
    assert.equal((await levelInfo({ cookie: a.cookie }, small)).status, 401, "A's session ended with it");
    const again = await as(b, 'GET', '/sandbox/v1/clients/', undefined, small);
    assert.match(
      again.headers.get('set-cookie') ?? '',
      new RegExp(`^${DEMO_SESSION_COOKIE}=`),
      'a forgotten visitor coming back is a new one',
    );
  });

  test('keeps at most maxClientsPerVisitor fresh clients per visitor, forgetting the least recently used', async () => {
    const small = createDemoApp({ origins: [ORIGIN], maxClientsPerVisitor: 2 });
    const a = await visit(small);
    const make = async () => (await as(a, 'POST', '/sandbox/v1/clients/', {}, small)).body as DemoClient;
    const [first, second] = [await make(), await make()];
    assert.equal(await signIn(a, first, small), 200, 'the first is used again');
    const third = await make();
    assert.equal((await platform(small, second)).status, 404, 'the least recently used is forgotten');
    assert.equal(await signIn(a, second, small), 403);
    for (const client of [first, third, ...a.clients]) assert.equal((await platform(small, client)).status, 200);
    assert.equal((await levelInfo({ cookie: a.cookie }, small)).status, 200, 'still signed in as the first');
  });

  test('refuses bounds that are not whole numbers from 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => createDemoApp({ maxVisitors: bad }), RangeError);
      assert.throws(() => createDemoApp({ maxClientsPerVisitor: bad }), RangeError);
    }
  });
});

describe('demo app: Host is one of the served origins (no DNS rebinding)', () => {
  const served = createDemoApp({ origins: ['http://127.0.0.1:8000', 'http://localhost:8000', 'https://demo.example'] });
  const withHost = (host: string, path = '/sandbox/v1/clients/', target: DemoApp = served) =>
    target.fetch(new Request(`http://127.0.0.1:8000${path}`, { headers: { host } }));

  test('421 for a well-formed Host it does not serve, on every route; nothing is made', async () => {
    for (const host of [
      'evil.example',
      'evil.example:8000',
      '127.0.0.1:8001',
      'localhost',
      '127.0.0.2:8000',
      'demo.example.evil.example',
      'localhost.:8000',
    ]) {
      for (const path of [
        '/sandbox/v1/clients/',
        '/kyc/v1/clients/kyc-level-info/',
        '/demo/session',
        '/kyc-token',
        '/',
        '/websdk/websdk.html',
      ]) {
        const response = await withHost(host, path);
        assert.equal(response.status, 421, `${host} ${path}`);
        assert.equal(response.headers.get('set-cookie'), null);
      }
    }
  });

  test('400 for a malformed Host', async () => {
    for (const host of [
      '',
      ' ',
      'a b',
      '127.0.0.1:8000, evil.example',
      'evil.example/kyc',
      'user@127.0.0.1:8000',
      '[::1',
      'x:y:z',
      '127.0.0.1:',
    ]) {
      assert.equal((await withHost(host)).status, 400, JSON.stringify(host));
    }
  });

  test('serves the listed names, in any case, and marks the cookie Secure on the https one', async () => {
    for (const host of ['127.0.0.1:8000', 'LOCALHOST:8000', 'demo.example']) assert.equal((await withHost(host)).status, 200, host);
    assert.match((await withHost('demo.example')).headers.get('set-cookie') ?? '', /; Secure/);
    assert.doesNotMatch((await withHost('127.0.0.1:8000')).headers.get('set-cookie') ?? '', /Secure/);
  });

  test('without origins: the loopback names on any port, nothing else', async () => {
    const plain = createDemoApp();
    for (const host of ['127.0.0.1:1234', 'localhost:8765', '[::1]:8000'])
      assert.equal((await withHost(host, undefined, plain)).status, 200, host);
    for (const host of ['evil.example:8000', '10.0.0.1:8000']) assert.equal((await withHost(host, undefined, plain)).status, 421, host);
    assert.throws(() => createDemoApp({ origins: ['demo.example'] }), TypeError);
    assert.throws(() => createDemoApp({ origins: ['https://demo.example/path'] }), TypeError);
  });
});

describe('demo app: cross-origin embed (cors option)', () => {
  const PAGE = 'http://localhost:8765';
  const API = 'http://127.0.0.1:8765';
  const crossApp = createDemoApp({ cors: { origins: [PAGE], credentials: false } });

  async function tokenFor(target: ReturnType<typeof createDemoApp>): Promise<string> {
    const visited = await target.fetch(new Request(`${API}/sandbox/v1/clients/`));
    const cookie = (visited.headers.get('set-cookie') ?? '').split(';')[0];
    const [client] = (await visited.json()) as DemoClient[];
    const session = await target.fetch(
      new Request(`${API}/demo/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ client_uuid: client.client_uuid }),
      }),
    );
    assert.equal(session.status, 200);
    const minted = await target.fetch(new Request(`${API}/kyc-token`, { method: 'POST', headers: { cookie, origin: PAGE } }));
    assert.equal(minted.status, 200);
    assert.equal(minted.headers.get('access-control-allow-origin'), PAGE, 'the token endpoint answers the page origin');
    assert.equal(minted.headers.get('access-control-allow-credentials'), null);
    return (await minted.json()).token;
  }

  test('a page on a listed origin calls the proxy with a bearer token, preflight included', async () => {
    const token = await tokenFor(crossApp);
    const preflight = await crossApp.fetch(
      new Request(`${API}/kyc/v1/clients/kyc-level-info/`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      }),
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PAGE);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const answer = await crossApp.fetch(
      new Request(`${API}/kyc/v1/clients/kyc-level-info/`, { headers: { origin: PAGE, authorization: `Bearer ${token}` } }),
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    const tokenPreflight = await crossApp.fetch(
      new Request(`${API}/kyc-token`, { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': 'POST' } }),
    );
    assert.equal(tokenPreflight.status, 204);
    assert.equal(tokenPreflight.headers.get('access-control-allow-origin'), PAGE);
  });

  test('other origins, and every other origin without the option, are refused', async () => {
    const token = await tokenFor(crossApp);
    const call = (target: ReturnType<typeof createDemoApp>, path: string, origin: string, init: RequestInit = {}) =>
      target.fetch(new Request(`${API}${path}`, { ...init, headers: { origin, authorization: `Bearer ${token}` } }));
    assert.equal((await call(crossApp, '/kyc/v1/clients/kyc-level-info/', 'https://evil.example')).status, 403);
    assert.equal((await call(crossApp, '/kyc-token', 'https://evil.example', { method: 'POST' })).status, 403);
    const closed = createDemoApp();
    assert.equal((await call(closed, '/kyc/v1/clients/kyc-level-info/', PAGE)).status, 403);
    assert.equal((await call(closed, '/kyc-token', PAGE, { method: 'POST' })).status, 403);
  });
});

describe('sandbox server (the CLI) over real HTTP', () => {
  let server: SandboxServer;
  before(async () => {
    server = await startSandboxServer({ port: 0 });
  });
  after(() => server.close());

  test('serves the demo page with a strict CSP, and the chain on the same port', async () => {
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Opened as localhost, the page may still frame the liveness stand-in on the served origin.
    assert.match(csp, new RegExp(`frame-src 'self' ${new URL(server.url).origin.replace(/[.]/g, '\\.')} `));
    assert.match(await page.text(), /<title>/);
    const clients = await fetch(new URL('sandbox/v1/clients/', server.url));
    assert.equal(clients.status, 200);
    assert.ok(((await clients.json()) as unknown[]).length >= 3);
    assert.equal((await fetch(new URL('kyc/v1/clients/kyc-level-info/', server.url))).status, 401);
  });

  test('never serves files outside its folders', async () => {
    for (const path of ['/..%2Fpackage.json', '/%2e%2e/package.json', '/dist/../package.json', '/..%5Cpackage.json']) {
      const response = await fetch(new URL(path, server.url));
      assert.equal(response.status, 404, path);
    }
  });

  test('answers only under its own names: 421 for another Host (DNS rebinding), 400 for a malformed one', async () => {
    const { port } = new URL(server.url);
    for (const path of ['/', '/sandbox/v1/clients/', '/kyc/v1/clients/kyc-level-info/']) {
      assert.equal(await statusWithHost(server.url, path, `evil.example:${port}`), 421, path);
      assert.equal(await statusWithHost(server.url, path, `127.0.0.1:${Number(port) + 1}`), 421, `${path}, another port`);
    }
    assert.equal(await statusWithHost(server.url, '/', 'bad host'), 400);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      assert.equal(await statusWithHost(server.url, '/', host), 200, host);
  });
});

/** The status of a GET on the server with this raw `Host` header (fetch does not let one set it). */
function statusWithHost(base: string, path: string, host: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: hostname, port, path, method: 'GET', headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.once('error', reject);
    sent.end();
  });
}

describe('sandbox server: served names, and what binding beyond this machine needs', () => {
  test('serves a --public-origin besides the loopback names, and leads the liveness stand-in there', async () => {
    const server = await startSandboxServer({ port: 0, publicOrigin: 'https://demo.example' });
    try {
      assert.equal(await statusWithHost(server.url, '/', 'demo.example'), 200);
      assert.equal(await statusWithHost(server.url, '/', 'demo.example:8443'), 421);
      const csp = (await fetch(server.url)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-src 'self' https:\/\/demo\.example /);
    } finally {
      await server.close();
    }
  });

  test('refuses a non-loopback address without public: true, before listening', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.1']) {
      await assert.rejects(startSandboxServer({ port: 0, host }), TypeError, host);
    }
    await assert.rejects(startSandboxServer({ port: 0, publicOrigin: 'demo.example' }), TypeError);
  });
});

describe('sandbox server: what it serves of the package', () => {
  let root: string;
  let server: SandboxServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kyc-sandbox-root-'));
    const files: Record<string, string> = {
      'demo/index.html': '<!DOCTYPE html><title>demo</title>',
      'dist/cdn/kyc-onboarding.js': `export const words = ${JSON.stringify('a bundle '.repeat(200))};`,
      'demo/picture.png': 'not really a PNG',
      'demo/demo.js': '// as written\nexport const written = true;\n',
      'dist/server/cli.js': 'export const secret = 1;',
      'dist/index.js': 'export {};',
      'package.json': '{}',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    server = await startSandboxServer({ port: 0, packageRoot: root });
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('sends text compressed, Brotli else gzip, as the browser accepts; pictures as they are', async () => {
    const bundle = readFileSync(join(root, 'dist/cdn/kyc-onboarding.js'));
    const get = (path: string, acceptEncoding?: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
        const request = httpGet(
          new URL(path, server.url),
          { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
          },
        );
        request.on('error', fail);
      });
    const br = await get('dist/cdn/kyc-onboarding.js', 'gzip, deflate, br, zstd');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.deepEqual(brotliDecompressSync(br.body), bundle);
    assert.ok(br.body.length < bundle.length / 4, `${br.body.length} bytes for ${bundle.length}`);
    const gz = await get('dist/cdn/kyc-onboarding.js', 'gzip;q=1, br;q=0');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), bundle);
    const plain = await get('dist/cdn/kyc-onboarding.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, bundle);
    const page = await get('', 'br');
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(brotliDecompressSync(page.body).toString(), /<title>demo<\/title>/);
    const picture = await get('picture.png', 'br');
    assert.equal(picture.headers['content-encoding'], undefined, 'a picture is compressed already');
  });

  test('serves the demo page minified from dist/demo/ once built, else demo/ as written', async () => {
    assert.match(await fetch(new URL('demo.js', server.url)).then((response) => response.text()), /as written/, 'not built: demo/');
    mkdirSync(join(root, 'dist/demo'), { recursive: true });
    writeFileSync(join(root, 'dist/demo/index.html'), '<!DOCTYPE html><title>built demo</title>');
    writeFileSync(join(root, 'dist/demo/demo.js'), 'export const written=!1;');
    const built = await startSandboxServer({ port: 0, packageRoot: root });
    try {
      assert.equal(await fetch(new URL('demo.js', built.url)).then((response) => response.text()), 'export const written=!1;');
      assert.match(await fetch(built.url).then((response) => response.text()), /built demo/);
    } finally {
      await built.close();
      rmSync(join(root, 'dist/demo'), { recursive: true, force: true });
    }
  });

  test('serves demo/ at / and dist/cdn/ at /dist/cdn/, nothing else of dist/', async () => {
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>demo<\/title>/);
    const bundle = await fetch(new URL('dist/cdn/kyc-onboarding.js', server.url));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    for (const path of [
      'dist/server/cli.js',
      'dist/index.js',
      'package.json',
      'dist/cdn/../server/cli.js',
      'dist/cdn/..%2Fserver%2Fcli.js',
    ]) {
      const response = await fetch(new URL(path, server.url));
      assert.equal(response.status, 404, path);
      await response.body?.cancel();
    }
  });
});

describe('command line', () => {
  /** Runs main with stdout and stderr captured, and the server start replaced by a recorder. */
  async function run(argv: string[]): Promise<{ code: number; out: string; err: string; started: SandboxServerOptions[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const capture = (stream: NodeJS.WriteStream, into: string[]) => {
      const original = stream.write.bind(stream);
      stream.write = (chunk: string) => into.push(String(chunk)) > 0;
      return () => (stream.write = original);
    };
    const started: SandboxServerOptions[] = [];
    const start = async (options: SandboxServerOptions): Promise<SandboxServer> => {
      started.push(options);
      return { url: `http://${options.host}:8000/`, app: createDemoApp(), close: async () => undefined };
    };
    const restore = [capture(process.stdout, out), capture(process.stderr, err)];
    let code: number;
    try {
      code = await main(argv, { start });
    } finally {
      restore.forEach((undo) => undo());
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
    }
    return { code, out: out.join(''), err: err.join(''), started };
  }

  test('answers usage errors with exit code 2 and --help with 0, starting nothing', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: kyc-onboarding sandbox \[--port 8000\]/);
    for (const argv of [
      [],
      ['serve'],
      ['sandbox', '--port', 'eighty'],
      ['sandbox', '--port', '70000'],
      ['sandbox', '--bogus'],
      ['sandbox', '--max-visitors', '0'],
      ['sandbox', '--public-origin', 'demo.example'],
      ['sandbox', '--public-origin', 'https://demo.example/path'],
    ]) {
      const { code, started } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.deepEqual(started, [], argv.join(' '));
    }
  });

  test('--help says what the demo is and is not', async () => {
    const { out } = await run(['--help']);
    for (const said of [
      /a demo on made-up data/,
      /no visitor sees or changes another's/,
      /in memory/,
      /at most\s+--max-visitors visitors/,
      /not: a product, a real KYC check/,
      /Do not enter real\s+personal data/,
      /--public\b/,
      /--public-origin <url>/,
    ]) {
      assert.match(out, said);
    }
  });

  test('a non-loopback --host needs --public: exit 2 and nothing started without it', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.1']) {
      const { code, err, started } = await run(['sandbox', '--host', host]);
      assert.equal(code, 2, host);
      assert.deepEqual(started, []);
      assert.match(err, /not a loopback address/);
      assert.match(err, /--public/);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1'])
      assert.equal((await run(['sandbox', '--host', host, '--port', '0'])).code, 0, host);
  });

  test('with --public it starts and says what that exposes', async () => {
    const { code, out, started } = await run([
      'sandbox',
      '--host',
      '0.0.0.0',
      '--public',
      '--public-origin',
      'https://demo.example/',
      '--max-visitors',
      '50',
    ]);
    assert.equal(code, 0);
    assert.deepEqual(started, [{ port: 8000, host: '0.0.0.0', public: true, publicOrigin: 'https://demo.example', maxVisitors: 50 }]);
    assert.match(out, /demo on http:\/\/0\.0\.0\.0:8000\//);
    assert.match(out, /PUBLIC/);
    assert.match(out, /Anyone who reaches/);
    assert.match(out, /visitor sessions/);
    assert.match(out, /at most\s+50 visitors/);
    assert.match(out, /no real personal data/);
    const local = await run(['sandbox']);
    assert.doesNotMatch(local.out, /PUBLIC/, 'said only when public');
    assert.match(local.out, /no real personal data/);
  });
});

// ── the demo page itself (demo/): what it is served with, what it keeps to ──────────────────────

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_DIR = join(ROOT, 'demo');
const demoHtml = () => readFileSync(join(DEMO_DIR, 'index.html'), 'utf8');
/** The page's own scripts (the framework examples in subfolders are not the page). */
const demoScripts = () =>
  readdirSync(DEMO_DIR)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, text: readFileSync(join(DEMO_DIR, file), 'utf8') }));

/** The opening tags of an element in the page, as attribute maps. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map(([, attributes]) =>
    Object.fromEntries(
      [...attributes.matchAll(/([:\w-]+)(?:\s*=\s*"([^"]*)")?/g)].map(([, key, value]) => [key.toLowerCase(), value ?? '']),
    ),
  );
}

describe('demo page: strict CSP and Trusted Types, as written', () => {
  test('no inline script, style, style attribute, event handler attribute or javascript: URL', () => {
    const html = demoHtml();
    const scripts = tags(html, 'script');
    assert.ok(scripts.length > 0);
    for (const script of scripts) assert.ok(script['src'], 'every script is a file');
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /javascript:/i);
  });

  test('its scripts write no HTML as text, evaluate no strings and set no style attribute', () => {
    const scripts = demoScripts();
    assert.ok(scripts.some(({ file }) => file === 'demo.js'));
    const forbidden = [
      /\.(?:inner|outer)HTML\s*\+?=/,
      /insertAdjacentHTML\s*\(/,
      /document\.write/,
      /\beval\s*\(/,
      /new\s+Function\s*\(/,
      /setAttribute\(\s*['"]style['"]/,
      /set(?:Timeout|Interval)\(\s*['"`]/,
    ];
    for (const { file, text } of scripts) for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file}: ${pattern}`);
  });

  test('keeps the selector contract of the end-to-end test', () => {
    const html = demoHtml();
    const byId = (id: string) => {
      const found = ['div', 'form', 'textarea', 'input', 'select', 'ol', 'p', 'section'].flatMap((name) =>
        tags(html, name)
          .filter((attributes) => attributes['id'] === id)
          .map((attributes) => ({ name, attributes })),
      );
      assert.equal(found.length, 1, `one #${id}`);
      return found[0];
    };
    for (const id of ['clients', 'widget', 'event-log', 'snippets']) byId(id);
    assert.equal(byId('reviewer').name, 'form');
    assert.match(html, /<label for="comment">Comment for the person<\/label>/);
    byId('comment');
    const buttons = (html.match(/<form id="reviewer"[\s\S]*?<\/form>/)?.[0] ?? '').match(/<button\b[^>]*>([^<]*)<\/button>/g) ?? [];
    assert.deepEqual(
      buttons.map((button) => button.replace(/<[^>]+>/g, '')),
      ['Approve', 'Return for correction', 'Reject'],
    );
    const options = (id: string) =>
      [...(html.match(new RegExp(`<select id="${id}"[\\s\\S]*?</select>`))?.[0] ?? '').matchAll(/<option value="([^"]*)"/g)].map(
        ([, value]) => value,
      );
    assert.equal(byId('theme').name, 'select');
    assert.deepEqual(options('theme'), ['light', 'dark', 'auto']);
    assert.equal(byId('lang').name, 'select');
    assert.deepEqual(options('lang'), ['en', 'de', 'fr', 'es', 'ru', 'ar']);
    assert.equal(byId('brand').attributes['type'], 'color');
    assert.equal(byId('phone').attributes['type'], 'checkbox');
    assert.match(html, /<label for="phone">Phone-width preview<\/label>/);
    const snippets = html.match(/<div id="snippets"[\s\S]*?<\/section>/)?.[0] ?? '';
    for (const name of ['Script tag', 'React', 'Vue', 'Angular', 'Host proxy', 'Copy']) {
      assert.match(snippets, new RegExp(`<button\\b[^>]*>${name}</button>`), name);
    }
    assert.equal(byId('message').attributes['role'], 'status');
  });
});

describe('demo page: says plainly that it is a demo, with no place for real personal data', () => {
  /** The text of an element of the page with this id (its tags dropped, spaces folded). */
  const textOf = (html: string, id: string) => {
    const match = new RegExp(`<p\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
    assert.ok(match, `#${id}`);
    return match[1]
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  };

  test('at the top, before the first heading', () => {
    const html = demoHtml();
    const notice = textOf(html, 'demo-notice');
    assert.match(notice, /^This is a demo, running on a sandbox\./);
    assert.match(notice, /do not enter real personal data/);
    assert.ok(html.indexOf('id="demo-notice"') < html.indexOf('<h1'), 'above the page title');
    assert.ok(html.indexOf('id="demo-notice"') > html.indexOf('<main'), 'in the main content, not only in a header pill');
  });

  test('beside the widget, before the sign-in and the widget', () => {
    const html = demoHtml();
    const notice = textOf(html, 'widget-notice');
    assert.match(notice, /Demo only, made-up data only\./);
    assert.match(notice, /never a real document or photo/);
    assert.match(notice, /no other visitor sees them/);
    const at = html.indexOf('id="widget-notice"');
    assert.ok(at > html.indexOf('id="demo"') && at < html.indexOf('id="clients"') && at < html.indexOf('id="widget"'));
  });
});

describe('demo page: the snippets match the real API', () => {
  type Snippet = { title: string; intro: string; code: string };
  type SnippetFn = (kind: string, settings: Record<string, unknown>) => Snippet;
  const load = async (): Promise<SnippetFn> => {
    const module = (await import(new URL('../../demo/snippets.js', import.meta.url).href)) as { snippet: SnippetFn };
    return module.snippet;
  };
  const settings = { lang: 'ar', theme: 'dark', brand: '#c2185b', onBrand: '#ffffff' };
  const all = async () => {
    const snippet = await load();
    return [
      ...['script', 'react', 'vue', 'angular'].map((kind) => ({ kind, ...snippet(kind, { ...settings, server: 'node' }) })),
      ...['node', 'express', 'next'].map((server) => ({ kind: `proxy/${server}`, ...snippet('proxy', { ...settings, server }) })),
    ];
  };
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
  };
  const widget = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'kyc-onboarding');
  const tokens = new Set(
    [...readFileSync(join(ROOT, 'src/styles/tokens.styles.ts'), 'utf8').matchAll(/@cssproperty (--kyc-[\w-]+)/g)].map(([, name]) => name),
  );
  const eventNames = new Set<string>(
    Object.values(events as Record<string, unknown>).filter(
      (value): value is string => typeof value === 'string' && value.startsWith('kyc-'),
    ),
  );

  test('import only what the package exports', async () => {
    for (const { kind, code } of await all()) {
      for (const [, names, specifier] of code.matchAll(/import\s+(?:(?:type\s+)?\{([^}]*)\}\s+from\s+)?'(kyc-onboarding[^']*)'/g)) {
        const subpath = `.${specifier.slice('kyc-onboarding'.length)}`;
        assert.ok(subpath in packageJson.exports, `${kind}: ${specifier} is a package export`);
        const imported = (names ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        if (specifier === 'kyc-onboarding/proxy') {
          for (const name of imported) assert.equal(typeof (proxyExports as Record<string, unknown>)[name], 'function', `${kind}: ${name}`);
        } else if (specifier === 'kyc-onboarding') {
          for (const name of imported) assert.equal(typeof (events as Record<string, unknown>)[name], 'function', `${kind}: ${name}`);
        }
      }
    }
  });

  test('use real events, attributes and custom properties, following the switches', async () => {
    assert.ok(widget, 'the manifest describes <kyc-onboarding>');
    const attributes = new Set([...(widget.attributes ?? []).map(({ name }) => name), 'lang', 'dir']);
    for (const { kind, code } of await all()) {
      for (const [, name] of code.matchAll(/(?:'|\bon|@|\()(kyc-[a-z-]+)(?=['=)])/g)) {
        if (name === 'kyc-onboarding') continue;
        assert.ok(eventNames.has(name), `${kind}: event ${name}`);
      }
      for (const [, name] of code.matchAll(/(--kyc-[\w-]+)/g)) assert.ok(tokens.has(name), `${kind}: ${name}`);
      const element = code.match(/<kyc-onboarding\s([\s\S]*?)(?:\/>|><\/kyc-onboarding>)/)?.[1];
      if (kind.startsWith('proxy/')) continue;
      assert.ok(element, `${kind} places the element`);
      for (const [, name] of element.matchAll(/(?:^|\s)([a-z][\w-]*)="/g)) assert.ok(attributes.has(name), `${kind}: attribute ${name}`);
      assert.match(element, /lang="ar"/, kind);
      assert.match(element, /theme="dark"/, kind);
      assert.match(code, /--kyc-color-primary: #c2185b;/, kind);
    }
  });

  test('the proxy snippets mount it where the widget looks and answer every method it forwards', async () => {
    const snippet = await load();
    const methods = new Set(createRoutes({ sendCode: '/v1/signatures/send-code/' }).flatMap((route) => [...route.operations.keys()]));
    const next = snippet('proxy', { ...settings, server: 'next' }).code;
    for (const method of methods) assert.match(next, new RegExp(`handler as ${method}\\b`), method);
    assert.match(next, /skipTrailingSlashRedirect: true/);
    assert.match(
      snippet('proxy', { ...settings, server: 'express' }).code,
      /app\.use\('\/kyc', toNodeListener\(proxy, \{ origin: 'https:\/\/[^']+' \}\)\);[^\n]*\napp\.use\(express\.json\(\)\)/,
    );
    // Every mount names the origin the proxy may trust instead of the browser's Host.
    assert.match(snippet('proxy', { ...settings, server: 'node' }).code, /\{ origin: 'https:\/\/[^']+' \},\n\);/);
    assert.match(next, /\n {2}origin: 'https:\/\/[^']+',\n\}\);/);
    assert.match(snippet('proxy', { ...settings, server: 'node' }).code, /req\.url\.startsWith\('\/kyc\/'\)/);
  });
});

describe('demo page: served with what it needs', () => {
  let server: SandboxServer;
  before(async () => {
    server = await startSandboxServer({ port: 0 });
  });
  after(() => server.close());

  test('every file the page and its scripts load is served, with its type (the bundle aside: built by npm run build)', async () => {
    const html = demoHtml();
    const local = (reference: string) => !/^(?:[a-z]+:|#|\/\/)/i.test(reference);
    const references = [
      ...tags(html, 'script').map((attributes) => attributes['src']),
      ...tags(html, 'link').map((attributes) => attributes['href']),
      // The modules' imports, as TypeScript's scanner sees them (the snippets' import lines are text).
      ...demoScripts().flatMap(({ text }) => ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName)),
    ].filter((reference) => reference && local(reference) && !reference.startsWith('/dist/'));
    assert.ok(references.includes('snippets.js') || references.includes('./snippets.js'));
    for (const reference of new Set(references)) {
      const response = await fetch(new URL(reference, server.url));
      assert.equal(response.status, 200, reference);
      const expected = reference.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
      assert.match(response.headers.get('content-type') ?? '', expected, reference);
      await response.body?.cancel();
    }
  });

  test("the reviewer console's calls: status with a comment and a remark, then inspect", async () => {
    const visited = await fetch(new URL('sandbox/v1/clients/', server.url));
    const cookie = (visited.headers.get('set-cookie') ?? '').split(';')[0];
    const clients = (await visited.json()) as { label: string; client_uuid: string; legal_entity_uuid: string }[];
    const draft = clients.find((client) => client.label === 'Draft in progress')!;
    const login = await fetch(new URL('demo/session', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ client_uuid: draft.client_uuid, legal_entity_uuid: draft.legal_entity_uuid }),
    });
    assert.equal(login.status, 200);
    const info = (await (await fetch(new URL('kyc/v1/clients/kyc-level-info/', server.url), { headers: { cookie } })).json()) as Record<
      string,
      unknown
    >;
    const uuid = String(info['last_kyc_application_uuid']);
    assert.match(uuid, /^[0-9a-f-]{36}$/);
    const decided = await fetch(new URL(`sandbox/v1/applications/${uuid}/status/`, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        status: 'pending',
        comment: 'Please check your name.',
        remarks: { first_name: ['Not as in your passport.'] },
      }),
    });
    assert.equal(decided.status, 200);
    const inspection = (await (
      await fetch(new URL(`sandbox/v1/applications/${uuid}/inspect/`, server.url), { headers: { cookie } })
    ).json()) as Record<string, unknown>;
    assert.equal(inspection['status'], 'pending');
    assert.equal(inspection['comment'], 'Please check your name.');
    assert.deepEqual(inspection['remarks'], { first_name: ['Not as in your passport.'] });
    assert.equal(typeof (inspection['kyc_level'] as { name?: unknown }).name, 'string');
  });
});
