import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { createKycClient } from '../../src/api/index.js';
import { createKycProxy, toNodeListener, type KycIdentity } from '../../src/server/proxy/index.js';
import { createSandbox } from '../../src/server/sandbox/index.js';

const API_KEY = 'sandbox-key-for-proxy-tests';
const SITE = 'https://shop.example';

const sandbox = createSandbox({ apiKey: API_KEY, pageSize: 4 });
const identityOf = (index: number): KycIdentity => {
  const client = sandbox.demoClients[index];
  return { legalEntityUuid: client.legal_entity_uuid, clientUuid: client.client_uuid };
};
/** "Draft in progress" and "Returned for correction": two clients of one legal entity, each with an application. */
const CLIENT_A = identityOf(1);
const CLIENT_B = identityOf(2);

const proxyFor = (identity: KycIdentity) =>
  createKycProxy({
    upstream: sandbox.fetch,
    credentials: { authorization: `Bearer ${API_KEY}` },
    authorize: () => identity,
  });

async function applicationOf(identity: KycIdentity): Promise<string> {
  const response = await proxyFor(identity)(new Request(`${SITE}/kyc/v1/clients/kyc-level-info/`));
  assert.equal(response.status, 200);
  const { last_kyc_application_uuid: uuid } = await response.json();
  assert.equal(typeof uuid, 'string');
  return uuid;
}

/** The application endpoints (3–6), as client `identity` would call them on `uuid`, claiming `claim` in the query. */
function applicationCalls(uuid: string, claim: KycIdentity): Array<[string, Request]> {
  const query = `?legal_entity_uuid=${claim.legalEntityUuid}&client_uuid=${claim.clientUuid}`;
  const json = (method: string, body: unknown) => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return [
    ['GET application', new Request(`${SITE}/kyc/v1/kyc/${uuid}/${query}`)],
    [
      'PATCH application',
      new Request(`${SITE}/kyc/v1/kyc/${uuid}/${query}`, json('PATCH', { attribute_changes: [{ key: 'city', value: 'Rīga' }] })),
    ],
    ['GET attribute', new Request(`${SITE}/kyc/v1/kyc/${uuid}/attributes/first_name/${query}`)],
    ['POST send-to-review', new Request(`${SITE}/kyc/v1/kyc/${uuid}/send-to-review/${query}`, json('POST', {}))],
  ];
}

describe('proxy over the sandbox: identity binding', () => {
  test("client A gets 404 on every application endpoint with client B's application, whatever it claims", async () => {
    const applicationB = await applicationOf(CLIENT_B);
    const proxyA = proxyFor(CLIENT_A);
    for (const [name, request] of applicationCalls(applicationB, CLIENT_B)) {
      const response = await proxyA(request);
      assert.equal(response.status, 404, name);
      assert.equal(typeof (await response.json()).detail, 'string', name);
    }
  });

  test("client A cannot have a code sent for client B's application: 404, as on the other endpoints", async () => {
    const applicationB = await applicationOf(CLIENT_B);
    const response = await proxyFor(CLIENT_A)(
      new Request(`${SITE}/kyc/v1/signatures/send-code/?client_uuid=${CLIENT_B.clientUuid}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          object_uuid: applicationB,
          provider_type: 'email',
          legal_entity_uuid: CLIENT_B.legalEntityUuid,
        }),
      }),
    );
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { detail: 'Not found.' });
  });

  test('client B reaches its own application through the same calls (the 404s above are about ownership)', async () => {
    const applicationB = await applicationOf(CLIENT_B);
    const proxyB = proxyFor(CLIENT_B);
    const [getApplication, , getAttribute] = applicationCalls(applicationB, CLIENT_A);
    for (const [name, request] of [getApplication, getAttribute]) {
      const response = await proxyB(request);
      assert.equal(response.status, 200, name);
    }
  });

  test('the sandbox refuses calls without the platform credentials, which only the proxy holds', async () => {
    const query = `legal_entity_uuid=${CLIENT_A.legalEntityUuid}&client_uuid=${CLIENT_A.clientUuid}`;
    const direct = await sandbox.fetch(new Request(`http://kyc-platform.invalid/v1/clients/kyc-level-info/?${query}`));
    assert.equal(direct.status, 401);
  });
});

describe('proxy over the sandbox: pagination', () => {
  test('pages of definitions link back through the proxy, and following them collects the whole list', async () => {
    const proxy = proxyFor(CLIENT_A);
    const keys: string[] = [];
    let next: string | null = '/kyc/v1/attributes/citizenship/definitions/';
    let pages = 0;
    while (next !== null) {
      assert.ok(next.startsWith('/kyc/v1/attributes/citizenship/definitions/'), next);
      assert.equal(next.includes('legal_entity_uuid'), false);
      const response = await proxy(new Request(new URL(next, SITE)));
      assert.equal(response.status, 200);
      const page: { next: string | null; results: Array<{ key: string }> } = await response.json();
      keys.push(...page.results.map(({ key }) => key));
      next = page.next;
      pages += 1;
      assert.ok(pages < 200, 'pagination ends');
    }
    assert.ok(pages > 1, 'the list spans several pages');
    assert.equal(new Set(keys).size, keys.length, 'no page is repeated');
    assert.ok(keys.includes('LV'));
  });
});

describe('proxy over the sandbox: the platform pages by limit/offset or by cursor', () => {
  /** A fresh client of its own legal entity in `dialect` (`POST /sandbox/v1/clients/`). */
  async function freshClient(dialect: Record<string, unknown>): Promise<KycIdentity> {
    const response = await sandbox.fetch(
      new Request('http://sandbox.test/sandbox/v1/clients/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dialect }),
      }),
    );
    assert.equal(response.status, 201);
    const { legal_entity_uuid: legalEntityUuid, client_uuid: clientUuid } = await response.json();
    return { legalEntityUuid, clientUuid };
  }

  /** A proxy in front of the sandbox for `identity`, recording the URL of every call that reaches the sandbox. */
  function recordingProxy(identity: KycIdentity) {
    const reached: URL[] = [];
    const proxy = createKycProxy({
      upstream: (request: Request) => {
        reached.push(new URL(request.url));
        return sandbox.fetch(request);
      },
      credentials: { authorization: `Bearer ${API_KEY}` },
      authorize: () => identity,
    });
    return { proxy, reached };
  }

  /** The keys of every reference-data option of `citizenship`, as the API client reads them through `proxy`. */
  async function citizenshipThrough(proxy: (request: Request) => Promise<Response>): Promise<string[]> {
    const client = createKycClient({ endpoint: `${SITE}/kyc`, fetch: (input, init) => proxy(new Request(input, init)) });
    return (await client.getDefinitions('citizenship')).map((definition) => definition.key);
  }

  test('the API client reads every option of an attribute, as it does when the platform pages by page number', async () => {
    const direct = await sandbox.fetch(
      new Request(`http://sandbox.test/v1/attributes/citizenship/definitions/?legal_entity_uuid=${CLIENT_A.legalEntityUuid}`, {
        headers: { authorization: `Bearer ${API_KEY}` },
      }),
    );
    const { count } = await direct.json();
    const canonical = await citizenshipThrough(recordingProxy(CLIENT_A).proxy);
    assert.equal(canonical.length, count);
    assert.ok(count > 200, 'every country');
    for (const pagination of ['limit_offset', 'cursor']) {
      const { proxy, reached } = recordingProxy(await freshClient({ pagination, page_size: 2 }));
      assert.deepEqual(await citizenshipThrough(proxy), canonical, pagination);
      assert.equal(reached.length, Math.ceil(count / 2), `${pagination}: one call a page, none repeated`);
    }
  });

  test('a page request keeps limit and offset and passes no other parameter on', async () => {
    const identity = await freshClient({ pagination: 'limit_offset', page_size: 2 });
    const { proxy, reached } = recordingProxy(identity);
    const response = await proxy(
      new Request(`${SITE}/kyc/v1/attributes/citizenship/definitions/?limit=3&offset=6&search=LV&format=api&page_size=9`),
    );
    assert.equal(response.status, 200);
    const page: { next: string; previous: string; results: unknown[] } = await response.json();
    assert.equal(page.results.length, 3);
    assert.deepEqual(Object.fromEntries(reached[0].searchParams), {
      legal_entity_uuid: identity.legalEntityUuid,
      page_size: '9',
      limit: '3',
      offset: '6',
    });
    assert.equal(page.next, '/kyc/v1/attributes/citizenship/definitions/?page_size=9&limit=3&offset=9');
    assert.equal(page.previous, '/kyc/v1/attributes/citizenship/definitions/?page_size=9&limit=3&offset=3');
  });
});

describe('proxy over the sandbox, over real HTTP', () => {
  test('a connection the platform cuts mid-body reaches the browser as a body that fails to read', async () => {
    const server = createServer(toNodeListener(proxyFor(CLIENT_A)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const cut = async (path: string) => {
      const fault = await sandbox.fetch(
        new Request('http://sandbox.test/sandbox/v1/faults/', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ client_uuid: CLIENT_A.clientUuid, kind: 'cut', path_contains: path }),
        }),
      );
      assert.equal(fault.status, 201);
    };
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const info = await fetch(`${base}/kyc/v1/clients/kyc-level-info/`);
      const application = (await info.json()).last_kyc_application_uuid;
      await cut('/v1/kyc/');
      const response = await fetch(`${base}/kyc/v1/kyc/${application}/`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/json');
      await assert.rejects(response.text());
      // The level info is read whole by the proxy (it learns the client's application from it):
      // a cut there is the platform's fault, answered as such.
      await cut('/kyc-level-info/');
      assert.equal((await fetch(`${base}/kyc/v1/clients/kyc-level-info/`)).status, 502);
      const next = await fetch(`${base}/kyc/v1/clients/kyc-level-info/`);
      assert.equal(next.status, 200, 'the server keeps serving');
      assert.equal(typeof (await next.json()).allowed_to_create_kyc_application, 'boolean');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
