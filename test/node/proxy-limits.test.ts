import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createKycProxy, createMemoryStore, type KycIdentity, type KycProxyStore } from '../../src/server/proxy/index.js';
import {
  APPLICATION,
  chunkedBody,
  fakePlatform,
  IDENTITY,
  json,
  LEGAL_ENTITY,
  MULTIPART,
  proxyFor,
  request,
  streamed,
} from './proxy-harness.js';

const SEND_CODE = '/kyc/v1/signatures/send-code/';
const OTHER_CLIENT: KycIdentity = { legalEntityUuid: LEGAL_ENTITY, clientUuid: '44444444-4444-4444-8444-444444444444' };

/** A clock the test moves; the memory store reads it. */
function fakeClock(start = Date.UTC(2026, 11, 7, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A proxy with the default limits on (only the ones named in `limits` changed), counting in `store`. */
function limitedProxy(
  platform: ReturnType<typeof fakePlatform>,
  store: KycProxyStore,
  options: { identity?: () => KycIdentity; limits?: Record<string, unknown> } = {},
) {
  const defaults = {
    codesPerIdentity: { max: 10, windowSeconds: 3600 },
    codesPerDestination: { max: 5, windowSeconds: 3600 },
    codeAttemptsPerApplication: { max: 20, windowSeconds: 900 },
    uploadsPerIdentity: { max: 60, windowSeconds: 3600 },
    uploadBytesPerIdentity: { max: 512 * 1024 * 1024, windowSeconds: 3600 },
  };
  return proxyFor(platform, {
    store,
    authorize: options.identity ?? (() => IDENTITY),
    limits: { ...defaults, ...options.limits },
  });
}

const sendCode = (destination?: string) =>
  request(SEND_CODE, json('POST', { object_uuid: APPLICATION, provider_type: 'sms', ...(destination ? { destination } : {}) }));

describe('proxy: rate limits', () => {
  test('are on by default: the 11th code of a person in an hour is 429 with Retry-After, and is not sent', async () => {
    const platform = fakePlatform();
    // The harness turns limits off; here only ownership is granted, the limits are the defaults.
    const proxy = createKycProxy({
      upstream: 'https://platform.example/api',
      fetch: platform.fetch,
      credentials: {},
      authorize: () => IDENTITY,
      authorizeApplication: () => true,
    });
    for (let sent = 1; sent <= 10; sent += 1) {
      assert.equal((await proxy(sendCode(`+3712000000${sent % 10}`))).status, 200, `code ${sent}`);
    }
    const refused = await proxy(sendCode('+37129999999'));
    assert.equal(refused.status, 429);
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait > 3500 && wait <= 3600, String(wait));
    assert.match((await refused.json()).detail, /Too many codes/);
    assert.equal(platform.received.length, 10);
  });

  test('codes per identity: each person counts alone, and the window ends', async () => {
    const clock = fakeClock();
    const platform = fakePlatform();
    const store = createMemoryStore({ now: clock.now });
    let who = IDENTITY;
    const proxy = limitedProxy(platform, store, {
      identity: () => who,
      limits: { codesPerIdentity: { max: 3, windowSeconds: 600 }, codesPerDestination: false },
    });
    for (let sent = 0; sent < 3; sent += 1) assert.equal((await proxy(sendCode())).status, 200);
    assert.equal((await proxy(sendCode())).status, 429);
    who = OTHER_CLIENT;
    assert.equal((await proxy(sendCode())).status, 200, 'another person has codes of their own');
    who = IDENTITY;
    clock.advance(599_000);
    const late = await proxy(sendCode());
    assert.equal(late.status, 429);
    assert.equal(late.headers.get('retry-after'), '1');
    clock.advance(1_000);
    assert.equal((await proxy(sendCode())).status, 200, 'a new window');
    assert.equal(platform.received.length, 5);
  });

  test('codes per destination: 40 people cannot send 40 codes to one number (toll fraud)', async () => {
    const platform = fakePlatform();
    const store = createMemoryStore();
    let index = 0;
    const proxy = limitedProxy(platform, store, {
      identity: () => ({ legalEntityUuid: LEGAL_ENTITY, clientUuid: `55555555-5555-4555-8555-${String(index).padStart(12, '0')}` }),
    });
    const statuses: number[] = [];
    for (index = 0; index < 40; index += 1) {
      // The same number as people write it differently.
      const destination = ['+371 2000-0000', '+37120000000', '+371 (2000) 0000', ' +371.2000.0000 '][index % 4];
      statuses.push((await proxy(sendCode(destination))).status);
    }
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.deepEqual(new Set(statuses.slice(5)), new Set([429]));
    assert.equal(platform.received.length, 5);
    // E-mail addresses too, without case.
    for (const address of ['Jane@Example.com', 'jane@example.com ', 'JANE@EXAMPLE.COM', 'jane@example.com', 'Jane@example.COM']) {
      index += 1;
      assert.equal((await proxy(sendCode(address))).status, 200);
    }
    index += 1;
    assert.equal((await proxy(sendCode('jane@EXAMPLE.com'))).status, 429);
  });

  test('the store never holds a phone number or an address, only hashes and uuids', async () => {
    const keys: string[] = [];
    const inner = createMemoryStore();
    const spy: KycProxyStore = {
      increment: (key, amount, windowMs) => (keys.push(key), inner.increment(key, amount, windowMs)),
      add: (key, member, ttlMs) => (keys.push(`${key} ${member}`), inner.add(key, member, ttlMs)),
      has: (key, member) => inner.has(key, member),
    };
    await limitedProxy(fakePlatform(), spy)(sendCode('+371 2000 0001'));
    await limitedProxy(fakePlatform(), spy)(sendCode('jane.doe@example.com'));
    assert.ok(keys.length >= 4);
    for (const key of keys) {
      assert.equal(/2000|0001|jane|example/i.test(key), false, key);
      assert.match(key, /^limit:codes(-to)?:[0-9a-f:-]+$/);
    }
  });

  test('code attempts per application: guessing stops at the limit, whichever code is tried', async () => {
    const platform = fakePlatform(() => Response.json({ sms_sign_code: ['Invalid code.'] }, { status: 400 }));
    const proxy = limitedProxy(platform, createMemoryStore(), { limits: { codeAttemptsPerApplication: { max: 5, windowSeconds: 900 } } });
    const attempt = (code: string, path = `/kyc/v1/kyc/${APPLICATION}/`, method = 'PATCH') =>
      proxy(request(path, json(method, { attribute_changes: [] }, { 'kyc-sms-sign-code': code })));
    const statuses: number[] = [];
    for (let code = 0; code < 4; code += 1) statuses.push((await attempt(String(100000 + code))).status);
    statuses.push((await attempt('100004', `/kyc/v1/kyc/${APPLICATION}/send-to-review/`, 'POST')).status);
    statuses.push((await attempt('100005')).status, (await attempt('111111')).status);
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429, 429]);
    assert.equal(platform.received.length, 5);
    // A save without a code is no attempt: it still goes through.
    assert.equal((await proxy(request(`/kyc/v1/kyc/${APPLICATION}/`, json('PATCH', { attribute_changes: [] })))).status, 400);
    assert.equal(platform.received.length, 6);
  });

  test('uploads per identity, counted and in bytes (declared, or as read)', async () => {
    const platform = fakePlatform(() => Response.json([{ uuid: 'f' }], { status: 201 }));
    const limits = { uploadsPerIdentity: { max: 3, windowSeconds: 3600 }, uploadBytesPerIdentity: { max: 10_000, windowSeconds: 3600 } };
    const upload = (proxy: ReturnType<typeof limitedProxy>, bytes: number, declared = true) =>
      proxy(
        request('/kyc/v1/documents/files/', {
          method: 'POST',
          body: new Uint8Array(bytes),
          headers: { ...MULTIPART, ...(declared ? { 'content-length': String(bytes) } : {}) },
        }),
      );
    const proxy = limitedProxy(platform, createMemoryStore(), { limits });
    assert.equal((await upload(proxy, 4000)).status, 201);
    assert.equal((await upload(proxy, 4000)).status, 201);
    const tooMuch = await upload(proxy, 4000);
    assert.equal(tooMuch.status, 429, 'over 10 000 bytes an hour');
    assert.match((await tooMuch.json()).detail, /Too much was uploaded/);
    assert.equal((await upload(proxy, 10)).status, 429, 'the fourth upload of the hour');
    assert.equal(platform.received.length, 2);
    // A body of no declared size counts once it has been read.
    const another = limitedProxy(platform, createMemoryStore(), { limits });
    assert.equal((await upload(another, 8000, false)).status, 201);
    assert.equal((await upload(another, 4000)).status, 429);
  });

  test('a phone number counts once however it is written; a send with no destination counts for the one on file', async () => {
    let index = 0;
    const platform = fakePlatform();
    const proxy = limitedProxy(platform, createMemoryStore(), {
      identity: () => ({ legalEntityUuid: LEGAL_ENTITY, clientUuid: `55555555-5555-4555-8555-${String((index += 1)).padStart(12, '0')}` }),
      limits: { codesPerDestination: { max: 1, windowSeconds: 3600 } },
    });
    const forms = [
      '+7 999 123-45-67',
      '0079991234567',
      'tel:+79991234567',
      '＋７９９９１２３４５６７',
      '+7999\u200b1234567',
      '(+7) 999.123.4567',
    ];
    const statuses = [];
    for (const destination of forms) statuses.push((await proxy(sendCode(destination))).status);
    assert.deepEqual(statuses, [200, 429, 429, 429, 429, 429]);
    // No destination: the platform sends to the number on file for the application and provider.
    assert.equal((await proxy(sendCode())).status, 200);
    assert.equal((await proxy(sendCode())).status, 429);
    const byEmail = request(SEND_CODE, json('POST', { object_uuid: APPLICATION, provider_type: 'email' }));
    assert.equal((await proxy(byEmail)).status, 200, 'the address on file is another destination');
  });

  test('a send-code whose object_uuid is not an application uuid is 400, never forwarded', async () => {
    const platform = fakePlatform();
    const proxy = limitedProxy(platform, createMemoryStore());
    for (const object of [[APPLICATION], { uuid: APPLICATION }, 42, null, 'not-a-uuid', undefined]) {
      const response = await proxy(request(SEND_CODE, json('POST', { object_uuid: object, provider_type: 'sms' })));
      assert.equal(response.status, 400, JSON.stringify(object));
    }
    assert.equal(platform.received.length, 0);
  });

  test('uploads of no declared size count as their bytes pass: concurrency and oversized bodies do not slip through', async () => {
    const MiB = 1024 * 1024;
    // The fake platform reads each body whole before answering (a broken one fails its call).
    const platform = fakePlatform(() => Response.json([{ uuid: 'f' }], { status: 201 }));
    const limits = { uploadsPerIdentity: false as const, uploadBytesPerIdentity: { max: 3 * MiB, windowSeconds: 3600 } };
    const chunkedUpload = (proxy: ReturnType<typeof limitedProxy>, bytes: number) =>
      proxy(request('/kyc/v1/documents/files/', streamed('POST', chunkedBody(bytes, 64 * 1024), MULTIPART)));
    const proxy = limitedProxy(platform, createMemoryStore(), { limits });
    const statuses = await Promise.all(Array.from({ length: 10 }, () => chunkedUpload(proxy, 900 * 1024).then((r) => r.status)));
    assert.equal(statuses.filter((status) => status === 201).length, 3, statuses.join(' '));
    assert.deepEqual(new Set(statuses.filter((status) => status !== 201)), new Set([429]));
    // A body over the size limit is refused (413), and what passed before it counts.
    const another = createKycProxy({
      upstream: 'https://platform.example/api',
      fetch: platform.fetch,
      credentials: {},
      authorize: () => IDENTITY,
      authorizeApplication: () => true,
      store: createMemoryStore(),
      limits: { ...limits, uploadBytes: 2 * MiB + 10 },
    });
    assert.equal((await chunkedUpload(another, 5 * MiB)).status, 413);
    assert.equal((await chunkedUpload(another, 900 * 1024)).status, 201);
    assert.equal((await chunkedUpload(another, 900 * 1024)).status, 429, '2 MiB counted from the refused one, then 0.9 + 0.9');
  });

  test('a store that fails refuses with 503 and forwards nothing (anti-automation does not fail open)', async () => {
    const platform = fakePlatform();
    const errors: unknown[] = [];
    const broken: KycProxyStore = {
      increment: () => Promise.reject(new Error('ECONNREFUSED')),
      add: () => Promise.reject(new Error('ECONNREFUSED')),
      has: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const proxy = proxyFor(platform, {
      store: broken,
      limits: { codesPerIdentity: { max: 10, windowSeconds: 60 } },
      onUpstreamError: (error) => errors.push(error),
    });
    const response = await proxy(sendCode());
    assert.equal(response.status, 503);
    assert.equal(platform.received.length, 0);
    assert.equal(errors.length, 1);
  });

  test('refuses a limit that is neither false nor positive whole numbers', () => {
    for (const rate of [{ max: 0, windowSeconds: 60 }, { max: 1, windowSeconds: 0.5 }, { max: '5', windowSeconds: 60 }, true]) {
      assert.throws(() => proxyFor(fakePlatform(), { limits: { codesPerIdentity: rate as never } }), TypeError, JSON.stringify(rate));
    }
  });
});
