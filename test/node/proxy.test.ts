import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { createKycProxy, type KycRequestLog } from '../../src/server/proxy/index.js';
import {
  APPLICATION,
  chunked,
  chunkedBody,
  CLIENT,
  fakePlatform,
  IDENTITY,
  json,
  JSON_TYPE,
  LEGAL_ENTITY,
  MULTIPART,
  OTHER,
  PLATFORM,
  PLATFORM_KEY,
  proxyFor,
  request,
  SITE,
  streamed,
} from './proxy-harness.js';

describe('proxy: allow-list', () => {
  const endpoints: Array<[string, string, RequestInit?]> = [
    ['GET', '/v1/clients/kyc-level-info/'],
    ['POST', '/v1/clients/kyc-level-info/', json('POST', { kyc_level_uuid: OTHER })],
    ['GET', `/v1/kyc/${APPLICATION}/`],
    ['PATCH', `/v1/kyc/${APPLICATION}/`, json('PATCH', { attribute_changes: [] })],
    ['GET', `/v1/kyc/${APPLICATION}/attributes/sumsub_liveness_check_token/`],
    ['POST', `/v1/kyc/${APPLICATION}/send-to-review/`, json('POST', {})],
    ['GET', '/v1/attributes/citizenship/definitions/'],
    ['GET', '/v1/legal_documents/'],
    ['POST', '/v1/documents/files/', { method: 'POST', body: new FormData() }],
    ['POST', '/v1/documents/', json('POST', { attribute_key: 'passport', files: [] })],
    ['POST', '/v1/signatures/send-code/', json('POST', { object_uuid: APPLICATION, provider_type: 'sms' })],
  ];

  for (const [method, path, init] of endpoints) {
    test(`forwards ${method} ${path.replace(APPLICATION, '{uuid}')} to the platform`, async () => {
      const platform = fakePlatform();
      const response = await proxyFor(platform)(request(`/kyc${path}`, { method, ...init }));
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { ok: true });
      assert.equal(platform.received.length, 1);
      const [sent] = platform.received;
      assert.equal(sent.method, method);
      assert.equal(`${sent.url.origin}${sent.url.pathname}`, `${PLATFORM}${path}`);
    });
  }

  const refused = [
    '/kyc/v1/admin/',
    '/kyc/v1/../admin/',
    '/kyc/../v1/clients/kyc-level-info/',
    '/kyc/v1/%2e%2e/admin/',
    `/kyc/v1/kyc/${APPLICATION}%2Fsend-to-review/`,
    `/kyc/v1/kyc/${APPLICATION}%2fattributes%2fx/`,
    '/kyc/v1/kyc/not-a-uuid/',
    `/kyc/v1/kyc/${APPLICATION}`,
    `/kyc/v1/kyc/${APPLICATION}//`,
    `/kyc/v1//kyc/${APPLICATION}/`,
    `/kyc/v1/kyc/${APPLICATION}/attributes/Citizenship/`,
    `/kyc/v1/kyc/${APPLICATION}/attributes/a%20b/`,
    `/kyc/v1/kyc/${APPLICATION}/extra/`,
    '/kyc/v1/attributes/%2E%2E%2F/definitions/',
    '/kyc/v1/clients/kyc-level-info/x/',
    '/kyc/',
    '/kyc',
    '/kycv1/clients/kyc-level-info/',
    '/v1/clients/kyc-level-info/',
  ];
  for (const path of refused) {
    test(`answers 404 to ${path} without contacting the platform`, async () => {
      const platform = fakePlatform();
      const response = await proxyFor(platform)(request(path));
      assert.equal(response.status, 404);
      assert.deepEqual(await response.json(), { detail: 'Not found.' });
      assert.equal(platform.received.length, 0);
    });
  }

  test('answers 405 with Allow to a method a known path does not take, without contacting the platform', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    const cases: Array<[string, string, string]> = [
      ['DELETE', `/kyc/v1/kyc/${APPLICATION}/`, 'GET, PATCH'],
      ['PUT', '/kyc/v1/clients/kyc-level-info/', 'GET, POST'],
      ['GET', '/kyc/v1/documents/files/', 'POST'],
      ['POST', '/kyc/v1/legal_documents/', 'GET'],
      ['HEAD', `/kyc/v1/kyc/${APPLICATION}/`, 'GET, PATCH'],
      ['OPTIONS', '/kyc/v1/documents/', 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await proxy(request(path, { method }));
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get('allow'), allow);
    }
    assert.equal(platform.received.length, 0);
  });

  test('serves the send-code endpoint on the configured path instead of the default one', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { paths: { sendCode: '/v2/otp/send/' } });
    const body = json('POST', { object_uuid: APPLICATION, provider_type: 'email' });
    assert.equal((await proxy(request('/kyc/v1/signatures/send-code/', body))).status, 404);
    const response = await proxy(request('/kyc/v2/otp/send/', json('POST', { object_uuid: APPLICATION, provider_type: 'email' })));
    assert.equal(response.status, 200);
    assert.equal(platform.received[0].url.pathname, '/api/v2/otp/send/');
    assert.equal(JSON.parse(platform.received[0].body!).legal_entity_uuid, LEGAL_ENTITY);
  });

  test('honours basePath, including a root mount', async () => {
    const platform = fakePlatform();
    const status = async (basePath: string, path: string) => (await proxyFor(platform, { basePath })(request(path))).status;
    assert.equal(await status('/partner/kyc/', '/partner/kyc/v1/legal_documents/'), 200);
    assert.equal(await status('', '/v1/legal_documents/'), 200);
    assert.equal(await status('/partner/kyc', '/kyc/v1/legal_documents/'), 404);
    assert.equal(platform.received.length, 2);
  });

  test('addresses a function upstream at an origin that can never resolve', async () => {
    const platform = fakePlatform();
    const proxy = createKycProxy({ upstream: platform.fetch, credentials: {}, authorize: () => IDENTITY });
    await proxy(request('/kyc/v1/legal_documents/'));
    assert.equal(platform.received[0].url.origin, 'http://kyc-platform.invalid');
    assert.equal(platform.received[0].url.pathname, '/v1/legal_documents/');
  });

  test('refuses invalid options at construction', () => {
    const base = { upstream: PLATFORM, credentials: {}, authorize: () => null };
    assert.throws(() => createKycProxy({ ...base, upstream: 'ftp://platform.example/' }), TypeError);
    assert.throws(() => createKycProxy({ ...base, upstream: 'https://platform.example/api?key=1' }), TypeError);
    assert.throws(() => createKycProxy({ ...base, upstream: 'not a url' }), TypeError);
    assert.throws(() => createKycProxy({ ...base, upstream: fakePlatform().fetch, fetch: fakePlatform().fetch }), TypeError);
    assert.throws(() => createKycProxy({ ...base, basePath: 'kyc' }), TypeError);
    assert.throws(() => createKycProxy({ ...base, basePath: '/../kyc' }), TypeError);
    assert.throws(() => createKycProxy({ ...base, paths: { sendCode: '/v1/send-code' } }), TypeError);
    assert.throws(() => createKycProxy({ ...base, paths: { sendCode: '/v1/{uuid}/send/' } }), TypeError);
    assert.throws(() => createKycProxy({ ...base, paths: { sendCode: '/v1/documents/' } }), TypeError);
    assert.throws(() => createKycProxy({ ...base, limits: { jsonBytes: 0 } }), TypeError);
    assert.throws(() => createKycProxy({ ...base, timeoutMs: -1 }), TypeError);
    assert.throws(() => createKycProxy({ ...base, cors: { origins: ['https://shop.example/'] } }), TypeError);
    assert.throws(() => createKycProxy({ ...base, cors: { origins: ['*'] } }), TypeError);
  });
});

describe('proxy: session and identity', () => {
  test('answers 401 without a session and forwards nothing', async () => {
    const platform = fakePlatform();
    const response = await proxyFor(platform, { authorize: async () => null })(request('/kyc/v1/clients/kyc-level-info/'));
    assert.equal(response.status, 401);
    assert.equal(typeof (await response.json()).detail, 'string');
    assert.equal(platform.received.length, 0);
  });

  test('lets an error thrown by authorize reach the framework', async () => {
    const proxy = proxyFor(fakePlatform(), {
      authorize: () => {
        throw new Error('session store down');
      },
    });
    await assert.rejects(proxy(request('/kyc/v1/legal_documents/')), /session store down/);
  });

  test('refuses an identity that is not two non-empty strings', async () => {
    const proxy = proxyFor(fakePlatform(), { authorize: () => ({ legalEntityUuid: '', clientUuid: CLIENT }) });
    await assert.rejects(proxy(request('/kyc/v1/legal_documents/')), TypeError);
  });

  test('overwrites legal_entity_uuid and client_uuid sent by the browser with the session', async () => {
    const platform = fakePlatform();
    const claim = `legal_entity_uuid=${OTHER}&client_uuid=${OTHER}&client_uuid=${OTHER}`;
    const proxy = proxyFor(platform);
    await proxy(request(`/kyc/v1/clients/kyc-level-info/?${claim}`));
    await proxy(request(`/kyc/v1/kyc/${APPLICATION}/?${claim}`, json('PATCH', { attribute_changes: [] })));
    await proxy(request(`/kyc/v1/documents/?${claim}`, json('POST', {})));
    for (const { url } of platform.received) {
      assert.deepEqual(url.searchParams.getAll('legal_entity_uuid'), [LEGAL_ENTITY]);
      assert.deepEqual(url.searchParams.getAll('client_uuid'), [CLIENT]);
    }
  });

  test('sends only legal_entity_uuid to definitions and legal documents', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    const claim = `legal_entity_uuid=${OTHER}&client_uuid=${OTHER}`;
    await proxy(request(`/kyc/v1/attributes/citizenship/definitions/?${claim}`));
    await proxy(request(`/kyc/v1/legal_documents/?${claim}`));
    for (const { url } of platform.received) {
      assert.deepEqual(url.searchParams.getAll('legal_entity_uuid'), [LEGAL_ENTITY]);
      assert.equal(url.searchParams.has('client_uuid'), false);
    }
  });

  test('overwrites legal_entity_uuid in the send-code body and keeps the rest', async () => {
    const platform = fakePlatform();
    const body = { legal_entity_uuid: OTHER, object_uuid: APPLICATION, provider_type: 'sms', destination: '+37120000000' };
    await proxyFor(platform)(request('/kyc/v1/signatures/send-code/', json('POST', body)));
    const [sent] = platform.received;
    assert.deepEqual(JSON.parse(sent.body!), { ...body, legal_entity_uuid: LEGAL_ENTITY });
    assert.equal(sent.headers.get('content-length'), String(new TextEncoder().encode(sent.body!).byteLength));
    assert.equal(sent.url.searchParams.get('client_uuid'), CLIENT);
  });

  test('adds legal_entity_uuid to a send-code body that lacks it', async () => {
    const platform = fakePlatform();
    await proxyFor(platform)(request('/kyc/v1/signatures/send-code/', json('POST', { object_uuid: APPLICATION, provider_type: 'sms' })));
    assert.equal(JSON.parse(platform.received[0].body!).legal_entity_uuid, LEGAL_ENTITY);
  });

  test('answers 400 to a send-code body that is not a JSON object, without contacting the platform', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    for (const body of ['{"provider_type":', '[1, 2]', 'null', '"sms"', '', '\xff\xfe']) {
      const init = { method: 'POST', body, headers: { 'content-type': 'application/json' } };
      const response = await proxy(request('/kyc/v1/signatures/send-code/', init));
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof (await response.json()).detail, 'string');
    }
    assert.equal(platform.received.length, 0);
  });
});

describe('proxy: query parameters', () => {
  test('keeps only the parameters each endpoint is documented to take', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    const codes = { 'kyc-sms-sign-code': '111111', 'kyc-email-sign-code': '222222' };
    const cases: Array<[string, RequestInit | undefined, Record<string, string>]> = [
      [
        `/kyc/v1/kyc/${APPLICATION}/?empty_volatile_fields=true` +
          '&sumsub_liveness_check_token.ttl_min=600&sumsub_liveness_check_token.ttl_max=3600' +
          '&sumsub_liveness_check_token.ttl_renew=false&ttl_min=1&debug=1',
        { headers: codes },
        {
          empty_volatile_fields: 'true',
          'sumsub_liveness_check_token.ttl_min': '600',
          'sumsub_liveness_check_token.ttl_max': '3600',
          'sumsub_liveness_check_token.ttl_renew': 'false',
        },
      ],
      [
        `/kyc/v1/kyc/${APPLICATION}/?empty_volatile_fields=true`,
        json('PATCH', { attribute_changes: [] }, codes),
        { sms_sign_code: '111111', email_sign_code: '222222' },
      ],
      [
        `/kyc/v1/kyc/${APPLICATION}/attributes/sumsub_liveness_check_token/?ttl_min=600&ttl_max=3600&ttl_renew=true&page=2`,
        undefined,
        { ttl_min: '600', ttl_max: '3600', ttl_renew: 'true' },
      ],
      [
        `/kyc/v1/kyc/${APPLICATION}/send-to-review/?format=api`,
        json('POST', {}, { 'kyc-sms-sign-code': '111111' }),
        { sms_sign_code: '111111' },
      ],
      ['/kyc/v1/attributes/citizenship/definitions/?page=2&page_size=50&search=x', undefined, { page: '2', page_size: '50' }],
      ['/kyc/v1/attributes/citizenship/definitions/?limit=50&offset=100&ordering=key', undefined, { limit: '50', offset: '100' }],
      ['/kyc/v1/legal_documents/?key=terms&cursor=bz0xMDA%3D&search=x', undefined, { key: 'terms', cursor: 'bz0xMDA=' }],
      [
        '/kyc/v1/legal_documents/?client_type=individual&key=terms&page=1&page_size=10&ordering=-id',
        undefined,
        { client_type: 'individual', key: 'terms', page: '1', page_size: '10' },
      ],
      ['/kyc/v1/clients/kyc-level-info/?page=2&limit=5&offset=5&cursor=x&expand=all', undefined, {}],
      ['/kyc/v1/documents/', json('POST', {}, codes), {}],
    ];
    for (const [path, init] of cases) assert.equal((await proxy(request(path, init))).status, 200, path);
    platform.received.forEach(({ url }, index) => {
      const query = Object.fromEntries(url.searchParams);
      delete query['legal_entity_uuid'];
      delete query['client_uuid'];
      assert.deepEqual(query, cases[index][2], cases[index][0]);
    });
  });

  test('refuses one-time codes in the URL (access logs keep URLs), without contacting the platform', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    for (const [path, init] of [
      [`/kyc/v1/kyc/${APPLICATION}/?sms_sign_code=111111`, json('PATCH', { attribute_changes: [] })],
      [`/kyc/v1/kyc/${APPLICATION}/send-to-review/?email_sign_code=111111`, json('POST', {})],
      [`/kyc/v1/kyc/${APPLICATION}/?sms_sign_code=1`, undefined],
      ['/kyc/v1/documents/?sms_sign_code=1', json('POST', {})],
    ] as const) {
      const response = await proxy(request(path, init));
      assert.equal(response.status, 400, path);
      assert.match((await response.json()).detail, /Kyc-Sms-Sign-Code/);
    }
    assert.equal(platform.received.length, 0);
  });

  test('refuses a code header that is no code, and ignores code headers where no code is taken', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    for (const code of ['1 1', '111111&client_uuid=x', 'x'.repeat(33)]) {
      const response = await proxy(request(`/kyc/v1/kyc/${APPLICATION}/`, json('PATCH', {}, { 'kyc-sms-sign-code': code })));
      assert.equal(response.status, 400, code);
    }
    assert.equal(platform.received.length, 0);
  });

  test('keeps the first of repeated values only', async () => {
    const platform = fakePlatform();
    await proxyFor(platform)(request('/kyc/v1/legal_documents/?page=2&page=9&key=a&key=b'));
    assert.deepEqual(platform.received[0].url.searchParams.getAll('page'), ['2']);
    assert.deepEqual(platform.received[0].url.searchParams.getAll('key'), ['a']);
  });
});

describe('proxy: headers', () => {
  test('forwards only content headers and adds the credentials', async () => {
    const platform = fakePlatform();
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': 'lv',
      cookie: 'partner_session=abc',
      authorization: 'Bearer browser-token',
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'evil.example',
      origin: SITE,
      referer: `${SITE}/onboarding`,
      'x-api-key': 'browser-sent',
      'user-agent': 'Test/1',
    };
    await proxyFor(platform)(request(`/kyc/v1/kyc/${APPLICATION}/`, json('PATCH', { attribute_changes: [] }, headers)));
    const sent = Object.fromEntries(platform.received[0].headers);
    assert.deepEqual(sent, {
      'content-type': 'application/json',
      'content-length': String(JSON.stringify({ attribute_changes: [] }).length),
      accept: 'application/json',
      'accept-language': 'lv',
      authorization: PLATFORM_KEY,
    });
  });

  test('never forwards the browser cookie or authorization, even without credentials of the same name', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { credentials: { 'x-platform-key': 'k' } });
    await proxy(request('/kyc/v1/legal_documents/', { headers: { cookie: 'a=b', authorization: 'Bearer t' } }));
    assert.equal(platform.received[0].headers.has('cookie'), false);
    assert.equal(platform.received[0].headers.has('authorization'), false);
    assert.equal(platform.received[0].headers.get('x-platform-key'), 'k');
  });

  test('takes credentials from an async function given the identity', async () => {
    const platform = fakePlatform();
    const seen: unknown[] = [];
    const proxy = proxyFor(platform, {
      credentials: async (identity) => {
        seen.push(identity);
        return [['authorization', `Bearer key-of-${identity.legalEntityUuid}`]];
      },
    });
    await proxy(request('/kyc/v1/clients/kyc-level-info/'));
    assert.deepEqual(seen, [{ legalEntityUuid: LEGAL_ENTITY, clientUuid: CLIENT }]);
    assert.equal(platform.received[0].headers.get('authorization'), `Bearer key-of-${LEGAL_ENTITY}`);
  });

  test('does not forward a content-type without a body', async () => {
    const platform = fakePlatform();
    await proxyFor(platform)(request('/kyc/v1/legal_documents/', { headers: { 'content-type': 'text/plain' } }));
    assert.equal(platform.received[0].headers.has('content-type'), false);
  });

  test('passes back only content-type and retry-after, adding no-store, nosniff and a CSP', async () => {
    const answer = () =>
      new Response('{"detail":"Slow down."}', {
        status: 429,
        headers: [
          ['content-type', 'application/json'],
          ['retry-after', '7'],
          ['set-cookie', 'platform_session=1'],
          ['connection', 'keep-alive'],
          ['keep-alive', 'timeout=5'],
          ['x-powered-by', 'Django'],
          ['server', 'gunicorn'],
          ['access-control-allow-origin', '*'],
        ],
      });
    const response = await proxyFor(fakePlatform(answer))(request('/kyc/v1/legal_documents/'));
    assert.equal(response.status, 429);
    assert.deepEqual(Object.fromEntries(response.headers), {
      'content-type': 'application/json',
      'retry-after': '7',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    assert.deepEqual(await response.json(), { detail: 'Slow down.' });
  });

  test('marks every answer no-store, nosniff and no document, its own refusals and preflights included', async () => {
    const platform = fakePlatform((request) =>
      request.url.includes('/documents/') ? new Response(null, { status: 204 }) : Response.json({ ok: true }),
    );
    const answers: Array<[string, Response]> = [
      ['forwarded', await proxyFor(platform)(request('/kyc/v1/legal_documents/'))],
      ['forwarded 204', await proxyFor(platform)(request('/kyc/v1/documents/', json('POST', {})))],
      ['paginated', await proxyFor(platform)(request('/kyc/v1/attributes/citizenship/definitions/'))],
      ['404', await proxyFor(platform)(request('/kyc/v1/unknown/'))],
      ['405', await proxyFor(platform)(request('/kyc/v1/legal_documents/', { method: 'DELETE' }))],
      ['401', await proxyFor(platform, { authorize: () => null })(request('/kyc/v1/legal_documents/'))],
      ['403', await proxyFor(platform)(request('/kyc/v1/legal_documents/', { headers: { origin: 'https://evil.example' } }))],
      [
        'preflight',
        await proxyFor(platform, { cors: { origins: ['https://page.example'] } })(
          request('/kyc/v1/legal_documents/', {
            method: 'OPTIONS',
            headers: { origin: 'https://page.example', 'access-control-request-method': 'GET' },
          }),
        ),
      ],
      ['413', await proxyFor(platform, { limits: { jsonBytes: 2 } })(request('/kyc/v1/documents/', json('POST', { a: 1 })))],
      ['502', await proxyFor(fakePlatform(() => Promise.reject(new TypeError('fetch failed'))))(request('/kyc/v1/legal_documents/'))],
    ];
    for (const [name, response] of answers) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', name);
      assert.equal(response.headers.get('cache-control'), 'no-store', name);
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", name);
    }
    assert.deepEqual(
      answers.map(([, response]) => response.status),
      [200, 204, 200, 404, 405, 401, 403, 204, 413, 502],
    );
  });

  test("replaces the platform's own cache-control: answers are per person, no cache may keep them", async () => {
    for (const cacheControl of ['public, max-age=600', 'private, max-age=60']) {
      const answer = () => Response.json({ ok: true }, { headers: { 'cache-control': cacheControl } });
      for (const path of ['/kyc/v1/attributes/citizenship/definitions/', `/kyc/v1/kyc/${APPLICATION}/`]) {
        const response = await proxyFor(fakePlatform(answer))(request(path));
        assert.equal(response.headers.get('cache-control'), 'no-store', `${cacheControl} on ${path}`);
      }
    }
  });

  test('passes a 204 through without a body', async () => {
    const answer = () => new Response(null, { status: 204 });
    const response = await proxyFor(fakePlatform(answer))(
      request('/kyc/v1/signatures/send-code/', json('POST', { object_uuid: APPLICATION, provider_type: 'sms' })),
    );
    assert.equal(response.status, 204);
    assert.equal(response.body, null);
  });
});

describe('proxy: size limits', () => {
  test('answers 413 to a JSON body over the limit announced by Content-Length, without reading it', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { limits: { jsonBytes: 100 } });
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1000));
        controller.close();
      },
    });
    const response = await proxy(
      request('/kyc/v1/documents/', streamed('POST', body, { 'content-length': '1000', 'content-type': 'application/json' })),
    );
    assert.equal(response.status, 413);
    assert.equal(typeof (await response.json()).detail, 'string');
    assert.ok(pulled <= 1);
    assert.equal(platform.received.length, 0);
  });

  test('answers 413 to a chunked JSON body without Content-Length once it passes the limit', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { limits: { jsonBytes: 1000 } });
    let delivered = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        delivered += 300;
        controller.enqueue(new Uint8Array(300));
      },
    });
    const response = await proxy(request(`/kyc/v1/kyc/${APPLICATION}/`, streamed('PATCH', endless, JSON_TYPE)));
    assert.equal(response.status, 413);
    assert.equal(platform.received.length, 0);
    assert.ok(delivered < 10_000, 'stopped reading soon after the limit');
  });

  test('lets a JSON body of exactly the limit through', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { limits: { jsonBytes: 1000 } });
    const text = JSON.stringify({ attribute_key: 'a'.repeat(1000 - '{"attribute_key":""}'.length) });
    const response = await proxy(request('/kyc/v1/documents/', streamed('POST', chunked(text, 300), JSON_TYPE)));
    assert.equal(response.status, 200);
    assert.equal(platform.received[0].body, text);
  });

  test('answers 413 to an upload announced over the limit, without contacting the platform', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { limits: { uploadBytes: 10_000 } });
    const response = await proxy(
      request('/kyc/v1/documents/files/', streamed('POST', chunkedBody(20_000), { 'content-length': '20000', ...MULTIPART })),
    );
    assert.equal(response.status, 413);
    assert.equal(platform.received.length, 0);
  });

  test('answers 413 to a chunked upload once it passes the limit, even if the platform answers', async () => {
    // The platform reads what it gets and reports a broken body: the proxy still answers 413.
    const platform = fakePlatform(() => Response.json({ detail: 'never' }));
    const reader = async (request: Request): Promise<Response> => {
      try {
        await request.arrayBuffer();
      } catch {
        return Response.json({ files: ['Malformed multipart.'] }, { status: 400 });
      }
      return platform.fetch(request);
    };
    const proxy = createKycProxy({
      upstream: reader,
      credentials: {},
      authorize: () => IDENTITY,
      limits: { uploadBytes: 100_000 },
    });
    const response = await proxy(
      request('/kyc/v1/documents/files/', streamed('POST', chunkedBody(1_000_000), { 'content-type': 'multipart/form-data; boundary=x' })),
    );
    assert.equal(response.status, 413);
    assert.equal(platform.received.length, 0);
  });

  test('answers 413 when the platform reading a chunked upload fails on the limit', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { limits: { uploadBytes: 100_000 } });
    const response = await proxy(request('/kyc/v1/documents/files/', streamed('POST', chunkedBody(1_000_000), MULTIPART)));
    assert.equal(response.status, 413);
  });

  test('streams an upload of a 64 MiB + 1 byte file to the platform under the default limit', async () => {
    let received = 0;
    const counting = async (request: Request): Promise<Response> => {
      const reader = request.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.byteLength;
      return Response.json({ files: ['File is larger than 64 MB.'] }, { status: 400 });
    };
    const proxy = createKycProxy({
      upstream: counting,
      credentials: {},
      authorize: () => IDENTITY,
    });
    const size = 64 * 1024 * 1024 + 1 + 300; // the file plus multipart framing
    const response = await proxy(
      request(
        '/kyc/v1/documents/files/',
        streamed('POST', chunkedBody(size, 1024 * 1024), { 'content-length': String(size), ...MULTIPART }),
      ),
    );
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { files: ['File is larger than 64 MB.'] });
    assert.equal(received, size);
  });

  test('forwards a valid Content-Length of an upload and drops an invalid one', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    await proxy(request('/kyc/v1/documents/files/', streamed('POST', chunkedBody(10), { 'content-length': '10', ...MULTIPART })));
    await proxy(request('/kyc/v1/documents/files/', streamed('POST', chunkedBody(10), { 'content-length': '1e1', ...MULTIPART })));
    assert.equal(platform.received[0].headers.get('content-length'), '10');
    assert.equal(platform.received[1].headers.has('content-length'), false);
  });
});

describe('proxy: time and failures', () => {
  test('answers 504 and aborts the platform call when the platform is too slow', async () => {
    let platformSignal: AbortSignal | undefined;
    const hanging = (request: Request) => {
      platformSignal = request.signal;
      return new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    };
    const proxy = createKycProxy({
      upstream: PLATFORM,
      fetch: hanging,
      credentials: {},
      authorize: () => IDENTITY,
      timeoutMs: 20,
    });
    const response = await proxy(request('/kyc/v1/clients/kyc-level-info/'));
    assert.equal(response.status, 504);
    assert.equal(typeof (await response.json()).detail, 'string');
    assert.equal(platformSignal?.aborted, true);
  });

  test('answers 504 even when a function upstream ignores the abort', async () => {
    const proxy = createKycProxy({
      upstream: () => new Promise<Response>(() => undefined),
      credentials: {},
      authorize: () => IDENTITY,
      timeoutMs: 20,
    });
    assert.equal((await proxy(request('/kyc/v1/legal_documents/'))).status, 504);
  });

  test('uses the upload deadline for uploads', async () => {
    const slow = async (request: Request) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await request.arrayBuffer();
      return Response.json([]);
    };
    const proxy = createKycProxy({
      upstream: slow,
      credentials: {},
      authorize: () => IDENTITY,
      timeoutMs: 10,
      uploadTimeoutMs: 10_000,
    });
    assert.equal((await proxy(request('/kyc/v1/documents/files/', { method: 'POST', body: 'x', headers: MULTIPART }))).status, 200);
    assert.equal((await proxy(request('/kyc/v1/documents/', json('POST', {})))).status, 504);
  });

  test('answers 502 when the platform cannot be reached, and reports the cause', async () => {
    // A port that was just free: nothing listens there any more.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const errors: unknown[] = [];
    const proxy = createKycProxy({
      upstream: `http://127.0.0.1:${port}/api`,
      credentials: {},
      authorize: () => IDENTITY,
      onUpstreamError: (error) => errors.push(error),
    });
    const response = await proxy(request('/kyc/v1/legal_documents/'));
    assert.equal(response.status, 502);
    assert.equal(typeof (await response.json()).detail, 'string');
    assert.equal(errors.length, 1);
  });

  test('answers 502 when the platform refuses the proxy credentials, not 401 (the session is fine)', async () => {
    const errors: unknown[] = [];
    const answer = () => Response.json({ detail: 'Invalid API key.' }, { status: 401 });
    const response = await proxyFor(fakePlatform(answer), { onUpstreamError: (error) => errors.push(error) })(
      request('/kyc/v1/legal_documents/'),
    );
    assert.equal(response.status, 502);
    assert.equal(errors.length, 1);
  });

  test('aborts the platform call when the browser goes away', async () => {
    let platformSignal: AbortSignal | undefined;
    let reached!: () => void;
    const reachedPlatform = new Promise<void>((resolve) => (reached = resolve));
    const hanging = (request: Request) => {
      platformSignal = request.signal;
      reached();
      return new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    };
    const browser = new AbortController();
    const proxy = proxyFor(fakePlatform(), { fetch: hanging });
    const answer = proxy(request('/kyc/v1/legal_documents/', { signal: browser.signal }));
    await reachedPlatform;
    browser.abort();
    const response = await answer;
    assert.equal(platformSignal?.aborted, true);
    assert.equal(response.status, 499);
  });
});

describe('proxy: pagination links', () => {
  const page =
    (next: string | null, previous: string | null = null) =>
    () =>
      Response.json({ count: 30, next, previous, results: [{ key: 'LV', title: 'Latvia' }] });

  test('rewrites next and previous as paths through the proxy, without identity', async () => {
    const identity = `legal_entity_uuid=${LEGAL_ENTITY}&client_uuid=${CLIENT}`;
    const next = `${PLATFORM}/v1/legal_documents/?client_type=individual&${identity}&page=3`;
    const previous = `${PLATFORM}/v1/legal_documents/?legal_entity_uuid=${LEGAL_ENTITY}&client_type=individual`;
    const response = await proxyFor(fakePlatform(page(next, previous)))(request('/kyc/v1/legal_documents/?client_type=individual&page=2'));
    const body = await response.json();
    assert.equal(body.next, '/kyc/v1/legal_documents/?client_type=individual&page=3');
    assert.equal(body.previous, '/kyc/v1/legal_documents/?client_type=individual');
    assert.equal(body.count, 30);
    assert.deepEqual(body.results, [{ key: 'LV', title: 'Latvia' }]);
    assert.equal(response.headers.get('content-type'), 'application/json');
  });

  test('keeps the limit/offset and cursor parameters of the links, and drops any other', async () => {
    const identity = `legal_entity_uuid=${LEGAL_ENTITY}`;
    const definitions = `${PLATFORM}/v1/attributes/citizenship/definitions/`;
    const next = `${definitions}?${identity}&limit=2&offset=4&ordering=key`;
    const previous = `${definitions}?search=x&limit=2&${identity}`;
    const body = await (await proxyFor(fakePlatform(page(next, previous)))(request('/kyc/v1/attributes/citizenship/definitions/'))).json();
    assert.equal(body.next, '/kyc/v1/attributes/citizenship/definitions/?limit=2&offset=4');
    assert.equal(body.previous, '/kyc/v1/attributes/citizenship/definitions/?limit=2');
    const cursor = `${PLATFORM}/v1/legal_documents/?cursor=cD0yMDIz&${identity}&client_type=individual&format=json`;
    const cursored = await (await proxyFor(fakePlatform(page(cursor)))(request('/kyc/v1/legal_documents/'))).json();
    assert.equal(cursored.next, '/kyc/v1/legal_documents/?client_type=individual&cursor=cD0yMDIz');
  });

  test('rewrites definition pages, and follows them back through the proxy', async () => {
    const link = `${PLATFORM}/v1/attributes/citizenship/definitions/?page=2&legal_entity_uuid=${LEGAL_ENTITY}`;
    const platform = fakePlatform(page(link));
    const proxy = proxyFor(platform);
    const first = await (await proxy(request('/kyc/v1/attributes/citizenship/definitions/'))).json();
    assert.equal(first.next, '/kyc/v1/attributes/citizenship/definitions/?page=2');
    await proxy(request(first.next));
    assert.equal(platform.received[1].url.searchParams.get('page'), '2');
    assert.equal(platform.received[1].url.searchParams.get('legal_entity_uuid'), LEGAL_ENTITY);
  });

  test('rewrites the links of a function upstream', async () => {
    const answer = page('http://kyc-platform.invalid/v1/legal_documents/?page=2');
    const proxy = createKycProxy({
      upstream: fakePlatform(answer).fetch,
      credentials: {},
      authorize: () => IDENTITY,
      basePath: '/partner/kyc',
    });
    const body = await (await proxy(request('/partner/kyc/v1/legal_documents/'))).json();
    assert.equal(body.next, '/partner/kyc/v1/legal_documents/?page=2');
  });

  test('writes absolute links on the configured origin only, never on the Host the request named', async () => {
    const link = `${PLATFORM}/v1/legal_documents/?page=2`;
    const attacker = new Request('https://attacker.example/kyc/v1/legal_documents/');
    const bare = await (await proxyFor(fakePlatform(page(link)))(attacker)).json();
    assert.equal(bare.next, '/kyc/v1/legal_documents/?page=2');
    const configured = await (await proxyFor(fakePlatform(page(link)), { origin: SITE })(attacker)).json();
    assert.equal(configured.next, `${SITE}/kyc/v1/legal_documents/?page=2`);
  });

  test('nulls a link that is not a page of the same endpoint rather than reveal the platform', async () => {
    for (const link of [
      `${PLATFORM}/v1/kyc/${APPLICATION}/?page=2`,
      'https://platform.example/other/v1/legal_documents/?page=2',
      'javascript:alert(1)',
    ]) {
      const body = await (await proxyFor(fakePlatform(page(link)))(request('/kyc/v1/legal_documents/'))).json();
      assert.equal(body.next, null, link);
    }
  });

  test('leaves bare lists and error answers alone', async () => {
    const bare = await proxyFor(fakePlatform(() => Response.json([{ key: 'LV' }])))(request('/kyc/v1/legal_documents/'));
    assert.deepEqual(await bare.json(), [{ key: 'LV' }]);
    const notFound = () => Response.json({ detail: 'Not found.', next: `${PLATFORM}/x` }, { status: 404 });
    const error = await proxyFor(fakePlatform(notFound))(request('/kyc/v1/legal_documents/'));
    assert.equal(error.status, 404);
  });

  test('answers 502 to a list the platform garbled', async () => {
    const garbled = () => new Response('{"next": ', { headers: { 'content-type': 'application/json' } });
    const response = await proxyFor(fakePlatform(garbled))(request('/kyc/v1/legal_documents/'));
    assert.equal(response.status, 502);
  });
});

describe('proxy: CORS', () => {
  const PAGE = 'https://partner-page.example';
  const cors = { origins: [PAGE], maxAgeSeconds: 120, credentials: true };

  test('serves a listed origin with CORS headers', async () => {
    const platform = fakePlatform();
    const response = await proxyFor(platform, { cors })(request('/kyc/v1/legal_documents/', { headers: { origin: PAGE } }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(response.headers.get('vary'), 'Origin');
    assert.equal(platform.received.length, 1);
    assert.equal(platform.received[0].headers.has('origin'), false);
  });

  test('gives CORS headers to the errors of a listed origin too, so the widget can read them', async () => {
    const proxy = proxyFor(fakePlatform(), { cors, authorize: () => null });
    for (const path of ['/kyc/v1/legal_documents/', '/kyc/v1/nothing/']) {
      const response = await proxy(request(path, { headers: { origin: PAGE } }));
      assert.ok([401, 404].includes(response.status));
      assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    }
  });

  test('refuses an origin that is not listed, with 403 and no CORS headers', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { cors });
    for (const origin of ['https://evil.example', 'http://partner-page.example', 'null', `${PAGE}.evil.example`]) {
      const response = await proxy(request('/kyc/v1/legal_documents/', { headers: { origin } }));
      assert.equal(response.status, 403, origin);
      assert.equal(response.headers.has('access-control-allow-origin'), false);
      assert.equal(typeof (await response.json()).detail, 'string');
    }
    assert.equal(platform.received.length, 0);
  });

  test('refuses cross-origin requests when no origin is configured', async () => {
    const platform = fakePlatform();
    const response = await proxyFor(platform)(request('/kyc/v1/legal_documents/', { headers: { origin: PAGE } }));
    assert.equal(response.status, 403);
    assert.equal(platform.received.length, 0);
  });

  test('refuses a request a browser sent from another site without Origin', async () => {
    const platform = fakePlatform();
    const embedded = request('/kyc/v1/legal_documents/', { headers: { 'sec-fetch-site': 'cross-site' } });
    const response = await proxyFor(platform)(embedded);
    assert.equal(response.status, 403);
    assert.equal(platform.received.length, 0);
  });

  test('serves same-origin requests without CORS headers', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { cors });
    const sameOrigin = await proxy(request('/kyc/v1/legal_documents/', { headers: { origin: SITE } }));
    assert.equal(sameOrigin.status, 200);
    assert.equal(sameOrigin.headers.has('access-control-allow-origin'), false);
    // Behind a reverse proxy that rewrites the host, the browser's Sec-Fetch-Site still vouches for it.
    const headers = { origin: SITE, 'sec-fetch-site': 'same-origin' };
    const behindProxy = await proxy(new Request('http://10.0.0.5:8080/kyc/v1/legal_documents/', { headers }));
    assert.equal(behindProxy.status, 200);
    const noOrigin = await proxy(request('/kyc/v1/legal_documents/'));
    assert.equal(noOrigin.status, 200);
    assert.equal(platform.received.length, 3);
  });

  test('answers the preflight of a listed origin', async () => {
    const platform = fakePlatform();
    const response = await proxyFor(platform, { cors })(
      request(`/kyc/v1/kyc/${APPLICATION}/`, {
        method: 'OPTIONS',
        headers: {
          origin: PAGE,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization, content-type',
        },
      }),
    );
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET, PATCH');
    assert.equal(
      response.headers.get('access-control-allow-headers'),
      'authorization, content-type, kyc-sms-sign-code, kyc-email-sign-code',
    );
    assert.equal(response.headers.get('access-control-max-age'), '120');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(response.headers.get('vary'), 'Origin');
    assert.equal(platform.received.length, 0);
  });

  test('refuses the preflight of an origin that is not listed', async () => {
    const response = await proxyFor(fakePlatform(), { cors })(
      request('/kyc/v1/legal_documents/', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      }),
    );
    assert.equal(response.status, 403);
    assert.equal(response.headers.has('access-control-allow-origin'), false);
    assert.equal(response.headers.has('access-control-allow-methods'), false);
  });

  test('omits Allow-Credentials unless asked for', async () => {
    const response = await proxyFor(fakePlatform(), { cors: { origins: [PAGE] } })(
      request('/kyc/v1/legal_documents/', { headers: { origin: PAGE } }),
    );
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.has('access-control-allow-credentials'), false);
  });
});

describe('proxy: request log hook', () => {
  test('reports method, route template, status and duration, and nothing else', async () => {
    const entries: KycRequestLog[] = [];
    const platform = fakePlatform((request) =>
      request.method === 'PATCH' ? Response.json({ attribute_changes: ['bad'] }, { status: 400 }) : Response.json({ ok: true }),
    );
    const proxy = proxyFor(platform, { onRequest: (entry) => entries.push(entry) });
    const personal = { attribute_changes: [{ key: 'first_name', value: 'Jānis Bērziņš' }] };
    const query = `?client_uuid=${OTHER}`;
    await proxy(request(`/kyc/v1/kyc/${APPLICATION}/${query}`, json('PATCH', personal, { cookie: 's=1', 'kyc-sms-sign-code': '123456' })));
    await proxy(request(`/kyc/v1/kyc/${APPLICATION}/attributes/sumsub_liveness_check_token/?ttl_renew=true`));
    await proxy(request(`/kyc/v1/secret-${APPLICATION}/`));
    await proxy(request('/kyc/v1/documents/', { method: 'DELETE' }));
    assert.deepEqual(
      entries.map(({ durationMs, ...rest }) => {
        assert.equal(typeof durationMs, 'number');
        assert.ok(durationMs >= 0);
        return rest;
      }),
      [
        { method: 'PATCH', route: 'PATCH /v1/kyc/{uuid}/', status: 400 },
        { method: 'GET', route: 'GET /v1/kyc/{uuid}/attributes/{key}/', status: 200 },
        { method: 'GET', route: null, status: 404 },
        { method: 'DELETE', route: 'DELETE /v1/documents/', status: 405 },
      ],
    );
    for (const entry of entries) assert.deepEqual(Object.keys(entry).sort(), ['durationMs', 'method', 'route', 'status']);
    const logged = JSON.stringify(entries);
    const secrets = [APPLICATION, OTHER, LEGAL_ENTITY, CLIENT, '123456', 'Jānis', 'first_name', 'sumsub_liveness', 's=1', 'ttl_renew'];
    for (const secret of secrets) assert.equal(logged.includes(secret), false, secret);
  });

  test('a failing hook does not change the answer', async () => {
    const proxy = proxyFor(fakePlatform(), {
      onRequest: () => {
        throw new Error('metrics down');
      },
    });
    assert.equal((await proxy(request('/kyc/v1/legal_documents/'))).status, 200);
  });
});
