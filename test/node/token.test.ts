import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bearerTokenAuthorizer,
  createKycProxy,
  createKycTokenEndpoint,
  createMemoryStore,
  DEFAULT_KYC_TOKEN_AUDIENCE,
  mintKycToken,
  verifyKycToken,
  type KycIdentity,
} from '../../src/server/proxy/index.js';

const SECRET = 'a-test-secret-that-is-32-bytes!!';
const OTHER_SECRET = 'another-secret-of-32-bytes-long!';
const CLIENT_A: KycIdentity = {
  legalEntityUuid: '11111111-1111-4111-8111-111111111111',
  clientUuid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
};
const CLIENT_B: KycIdentity = {
  legalEntityUuid: '11111111-1111-4111-8111-111111111111',
  clientUuid: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
};
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const SITE = 'https://shop.example';

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
/** Changes one character in the middle of a base64url string (never a no-op). */
const flipMiddle = (part: string) => {
  const index = Math.floor(part.length / 2);
  return `${part.slice(0, index)}${part[index] === 'A' ? 'B' : 'A'}${part.slice(index + 1)}`;
};

describe('tokens: mint and verify', () => {
  test('a fresh token gives back its identity', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(await verifyKycToken(token, { secret: SECRET, now: NOW + 299_000 }), CLIENT_A);
  });

  test('the payload binds audience, legal entity and client, with iat, exp and its own random id', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    const { jti, ...claims } = decode(token.split('.')[0]) as { jti: string };
    assert.match(jti, /^[A-Za-z0-9_-]{22}$/, '128 random bits');
    assert.notEqual(await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW }), token, 'minted twice, two tokens');
    assert.deepEqual(claims, {
      v: 2,
      aud: DEFAULT_KYC_TOKEN_AUDIENCE,
      legal_entity_uuid: CLIENT_A.legalEntityUuid,
      client_uuid: CLIENT_A.clientUuid,
      iat: NOW / 1000,
      exp: NOW / 1000 + 300,
    });
  });

  test('a token minted for another audience, or for none (version 1), is refused with the same secret', async () => {
    const forDemo = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW, audience: 'demo-session' });
    assert.deepEqual(await verifyKycToken(forDemo, { secret: SECRET, now: NOW, audience: 'demo-session' }), CLIENT_A);
    assert.equal(await verifyKycToken(forDemo, { secret: SECRET, now: NOW }), null);
    const forProxy = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    assert.equal(await verifyKycToken(forProxy, { secret: SECRET, now: NOW, audience: 'demo-session' }), null);
    // A well-signed token of the format before audiences: what a service sharing the secret could still mint.
    const payload = base64url(
      JSON.stringify({
        v: 1,
        legal_entity_uuid: CLIENT_A.legalEntityUuid,
        client_uuid: CLIENT_A.clientUuid,
        iat: NOW / 1000,
        exp: NOW / 1000 + 300,
      }),
    );
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`kyc-onboarding/token/v1.${payload}`));
    const legacy = `${payload}.${Buffer.from(mac).toString('base64url')}`;
    assert.equal(await verifyKycToken(legacy, { secret: SECRET, now: NOW }), null);
    await assert.rejects(mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, audience: '' }), TypeError);
  });

  test('accepts a Uint8Array secret', async () => {
    const secret = new Uint8Array(32).fill(7);
    const token = await mintKycToken(CLIENT_A, { secret, ttlSeconds: 60 });
    assert.deepEqual(await verifyKycToken(token, { secret }), CLIENT_A);
  });

  test('an expired token is refused, after a small tolerance for clock skew', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    assert.deepEqual(await verifyKycToken(token, { secret: SECRET, now: NOW + 310_000 }), CLIENT_A);
    assert.equal(await verifyKycToken(token, { secret: SECRET, now: NOW + 330_000 }), null);
    assert.equal(await verifyKycToken(token, { secret: SECRET, now: NOW + 86_400_000 }), null);
  });

  test('a token issued in the future (beyond the tolerance) is refused', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 3600, now: NOW + 120_000 });
    assert.equal(await verifyKycToken(token, { secret: SECRET, now: NOW }), null);
  });

  test('a tampered payload is refused', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    const [payload, signature] = token.split('.') as [string, string];
    const claims = decode(payload);
    const forged = base64url(JSON.stringify({ ...claims, client_uuid: CLIENT_B.clientUuid }));
    assert.equal(await verifyKycToken(`${forged}.${signature}`, { secret: SECRET, now: NOW }), null);
    const extended = base64url(JSON.stringify({ ...claims, exp: claims.exp + 86_400 }));
    assert.equal(await verifyKycToken(`${extended}.${signature}`, { secret: SECRET, now: NOW }), null);
    assert.equal(await verifyKycToken(`${flipMiddle(payload)}.${signature}`, { secret: SECRET, now: NOW }), null);
  });

  test('a tampered signature is refused', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    const [payload, signature] = token.split('.') as [string, string];
    assert.equal(await verifyKycToken(`${payload}.${flipMiddle(signature)}`, { secret: SECRET, now: NOW }), null);
    // The last character of 32 bytes in base64url has 2 unused bits: a second spelling is refused too.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    assert.equal(await verifyKycToken(`${payload}.${signature.slice(0, -1)}${sibling}`, { secret: SECRET, now: NOW }), null);
  });

  test('a token signed with another secret is refused', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: OTHER_SECRET, ttlSeconds: 300, now: NOW });
    assert.equal(await verifyKycToken(token, { secret: SECRET, now: NOW }), null);
  });

  test('malformed tokens are refused', async () => {
    const token = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: NOW });
    const [payload, signature] = token.split('.') as [string, string];
    const malformed = [
      '',
      '.',
      'abc',
      payload,
      `${payload}.`,
      `.${signature}`,
      `${token}.${signature}`,
      `${payload}.${signature}=`,
      `${payload}+.${signature}`,
      `${payload}.${signature.slice(0, 20)}`,
      `${'A'.repeat(5000)}.${signature}`,
      `${base64url('not json')}.${signature}`,
    ];
    for (const candidate of malformed) {
      assert.equal(await verifyKycToken(candidate, { secret: SECRET, now: NOW }), null, candidate.slice(0, 40));
    }
  });

  test('minting refuses an empty or huge identity and a lifetime that is not a positive whole number', async () => {
    const empty = { legalEntityUuid: '', clientUuid: 'x' };
    await assert.rejects(mintKycToken(empty, { secret: SECRET, ttlSeconds: 300 }), TypeError);
    await assert.rejects(mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 0 }), RangeError);
    const huge = { ...CLIENT_A, clientUuid: 'x'.repeat(2000) };
    await assert.rejects(mintKycToken(huge, { secret: SECRET, ttlSeconds: 300 }), RangeError);
    await assert.rejects(mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 1.5 }), RangeError);
  });

  test('a secret shorter than 32 bytes is refused', async () => {
    const short = 'x'.repeat(31);
    await assert.rejects(mintKycToken(CLIENT_A, { secret: short, ttlSeconds: 300 }), RangeError);
    await assert.rejects(verifyKycToken('a.b', { secret: short }), RangeError);
    assert.throws(() => bearerTokenAuthorizer({ secret: short }), RangeError);
    assert.throws(() => createKycTokenEndpoint({ secret: new Uint8Array(16), authorize: () => CLIENT_A }), RangeError);
  });
});

describe('tokens: bearer authorizer', () => {
  const authorize = bearerTokenAuthorizer({ secret: SECRET });
  const withHeader = (value: string) => new Request(`${SITE}/kyc/v1/legal_documents/`, { headers: { authorization: value } });

  test('reads the identity from Authorization: Bearer', async () => {
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300 });
    assert.deepEqual(await authorize(withHeader(`Bearer ${token}`)), CLIENT_B);
    assert.deepEqual(await authorize(withHeader(`bearer ${token}`)), CLIENT_B);
  });

  test('returns null without a valid bearer token', async () => {
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300 });
    assert.equal(await authorize(new Request(SITE)), null);
    assert.equal(await authorize(withHeader(`Basic ${token}`)), null);
    assert.equal(await authorize(withHeader(`Bearer ${token}x`)), null);
    assert.equal(await authorize(withHeader(`Bearer ${token} ${token}`)), null);
    assert.equal(await authorize(withHeader(token)), null);
  });

  test('judges a token by its own clock', async () => {
    const minted = Date.UTC(2026, 0, 15, 12);
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300, now: minted });
    const at = (ms: number) => bearerTokenAuthorizer({ secret: SECRET, now: () => ms });
    assert.deepEqual(await at(minted + 299_000)(withHeader(`Bearer ${token}`)), CLIENT_B);
    // Past its lifetime and the 30 s allowed for clock skew.
    assert.equal(await at(minted + 331_000)(withHeader(`Bearer ${token}`)), null);
  });

  test('ignores a token in the query string', async () => {
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300 });
    for (const name of ['token', 'access_token', 'authorization']) {
      assert.equal(await authorize(new Request(`${SITE}/kyc/v1/legal_documents/?${name}=${token}`)), null);
    }
  });
});

describe('tokens: through the proxy', () => {
  const received: URL[] = [];
  const proxy = createKycProxy({
    upstream: async (request) => {
      received.push(new URL(request.url));
      return Response.json({ ok: true });
    },
    credentials: { authorization: 'Api-Key k' },
    authorize: bearerTokenAuthorizer({ secret: SECRET }),
  });

  test('a token for client B reaches the platform as client B, whatever the browser claims', async () => {
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300 });
    const claim = `legal_entity_uuid=${CLIENT_A.legalEntityUuid}&client_uuid=${CLIENT_A.clientUuid}`;
    const response = await proxy(
      new Request(`${SITE}/kyc/v1/clients/kyc-level-info/?${claim}`, { headers: { authorization: `Bearer ${token}` } }),
    );
    assert.equal(response.status, 200);
    assert.equal(received.at(-1)!.searchParams.get('client_uuid'), CLIENT_B.clientUuid);
  });

  test('a token in the query string does not open the proxy', async () => {
    const before = received.length;
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300 });
    const response = await proxy(new Request(`${SITE}/kyc/v1/clients/kyc-level-info/?token=${token}&access_token=${token}`));
    assert.equal(response.status, 401);
    assert.equal(received.length, before);
  });

  test('the proxy accepts only tokens minted for its audience', async () => {
    const audience = `${SITE}/kyc`;
    const own = createKycProxy({
      upstream: async () => Response.json({ ok: true }),
      credentials: {},
      authorize: bearerTokenAuthorizer({ secret: SECRET, audience }),
    });
    const call = (token: string) =>
      own(new Request(`${SITE}/kyc/v1/clients/kyc-level-info/`, { headers: { authorization: `Bearer ${token}` } }));
    const endpoint = createKycTokenEndpoint({ secret: SECRET, audience, authorize: () => CLIENT_B });
    const { token } = await (await endpoint(new Request(`${SITE}/kyc-token`, { method: 'POST' }))).json();
    assert.equal((await call(token)).status, 200);
    for (const other of [undefined, `${SITE}/other-service`]) {
      const foreign = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 300, ...(other ? { audience: other } : {}) });
      assert.equal((await call(foreign)).status, 401, String(other));
    }
  });

  test('an expired token is answered 401', async () => {
    const token = await mintKycToken(CLIENT_B, { secret: SECRET, ttlSeconds: 60, now: Date.now() - 3_600_000 });
    const response = await proxy(new Request(`${SITE}/kyc/v1/clients/kyc-level-info/`, { headers: { authorization: `Bearer ${token}` } }));
    assert.equal(response.status, 401);
  });
});

describe('tokens: endpoint', () => {
  const PAGE = 'https://partner-page.example';
  const sessionOf = (request: Request) => (request.headers.get('cookie') === 'session=b' ? CLIENT_B : null);
  const endpoint = createKycTokenEndpoint({
    secret: SECRET,
    authorize: sessionOf,
    cors: { origins: [PAGE], credentials: true },
  });
  const post = (headers: Record<string, string> = {}) => endpoint(new Request(`${SITE}/kyc-token`, { method: 'POST', headers }));

  test('mints a token for the session, not cached', async () => {
    const response = await post({ cookie: 'session=b' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['expires_in', 'token']);
    assert.equal(body.expires_in, 300);
    assert.deepEqual(await verifyKycToken(body.token, { secret: SECRET }), CLIENT_B);
    assert.equal(await verifyKycToken(body.token, { secret: SECRET, now: Date.now() + 400_000 }), null);
  });

  test('uses the configured lifetime', async () => {
    const short = createKycTokenEndpoint({ secret: SECRET, authorize: () => CLIENT_A, ttlSeconds: 60 });
    const body = await (await short(new Request(`${SITE}/kyc-token`, { method: 'POST' }))).json();
    assert.equal(body.expires_in, 60);
    assert.equal(decode(body.token.split('.')[0]).exp - decode(body.token.split('.')[0]).iat, 60);
    assert.throws(() => createKycTokenEndpoint({ secret: SECRET, authorize: () => CLIENT_A, ttlSeconds: 0 }), RangeError);
  });

  test('answers 401 without a session', async () => {
    const response = await post();
    assert.equal(response.status, 401);
    assert.equal(typeof (await response.json()).detail, 'string');
  });

  test('answers 405 to other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await endpoint(new Request(`${SITE}/kyc-token`, { method, headers: { cookie: 'session=b' } }));
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST');
    }
  });

  test('serves a listed page origin with credentials, and its preflight', async () => {
    const response = await post({ cookie: 'session=b', origin: PAGE });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    const preflight = await endpoint(
      new Request(`${SITE}/kyc-token`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'POST' },
      }),
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(preflight.headers.get('access-control-allow-origin'), PAGE);
  });

  test('refuses another origin before looking at the session', async () => {
    let asked = false;
    const guarded = createKycTokenEndpoint({
      secret: SECRET,
      authorize: (request) => {
        asked = true;
        return sessionOf(request);
      },
      cors: { origins: [PAGE] },
    });
    const response = await guarded(
      new Request(`${SITE}/kyc-token`, { method: 'POST', headers: { cookie: 'session=b', origin: 'https://evil.example' } }),
    );
    assert.equal(response.status, 403);
    assert.equal(response.headers.has('access-control-allow-origin'), false);
    assert.equal(asked, false);
  });
});

describe('tokens: hand-off to a phone', () => {
  const sessionOf = (request: Request) => (request.headers.get('cookie') === 'session=a' ? CLIENT_A : null);
  let clock = NOW;
  const store = createMemoryStore({ now: () => clock });
  const endpoint = createKycTokenEndpoint({ secret: SECRET, authorize: sessionOf, handoff: { store }, now: () => clock });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    endpoint(
      new Request(`${SITE}/kyc-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  /** A hand-off token for client A's session. */
  const handoffToken = async () => {
    const response = await post({ purpose: 'handoff' }, { cookie: 'session=a' });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { handoff: string; expires_in: number };
    assert.deepEqual(Object.keys(body).sort(), ['expires_in', 'handoff']);
    assert.equal(body.expires_in, 600);
    return body.handoff;
  };

  test('a session gets a hand-off token; the phone, with no session, exchanges it once for its token', async () => {
    clock = NOW;
    const handoff = await handoffToken();
    const exchanged = await post({ handoff });
    assert.equal(exchanged.status, 200);
    const { token, expires_in: expiresIn } = (await exchanged.json()) as { token: string; expires_in: number };
    assert.equal(expiresIn, 1800, 'the phone has no session to renew its token with: it lives 30 minutes');
    assert.deepEqual(await verifyKycToken(token, { secret: SECRET, now: clock }), CLIENT_A, 'the same client');

    const again = await post({ handoff });
    assert.equal(again.status, 401, 'never twice');
    assert.match(((await again.json()) as { detail: string }).detail, /expired or was used already/);
  });

  test('two links made in the same second are two links: using one leaves the other', async () => {
    clock = NOW;
    const first = await handoffToken();
    const second = await handoffToken();
    assert.notEqual(first, second);
    assert.equal((await post({ handoff: first })).status, 200);
    assert.equal((await post({ handoff: second })).status, 200, 'the second link still opens');
  });

  test('a hand-off token opens nothing itself, and a normal token is no hand-off token', async () => {
    clock = NOW;
    const handoff = await handoffToken();
    assert.equal(await verifyKycToken(handoff, { secret: SECRET, now: clock }), null, 'not a bearer token');
    const authorize = bearerTokenAuthorizer({ secret: SECRET });
    assert.equal(await authorize(new Request(SITE, { headers: { authorization: `Bearer ${handoff}` } })), null);
    const normal = await mintKycToken(CLIENT_A, { secret: SECRET, ttlSeconds: 300, now: clock });
    assert.equal((await post({ handoff: normal })).status, 401);
  });

  test('expires after its lifetime, with no tolerance for clock skew; lives 10 minutes at most', async () => {
    clock = NOW;
    const handoff = await handoffToken();
    clock = NOW + 600_000;
    assert.equal((await post({ handoff })).status, 401, 'expired at 10 minutes');
    assert.throws(() => createKycTokenEndpoint({ secret: SECRET, authorize: sessionOf, handoff: { store, ttlSeconds: 601 } }), RangeError);
  });

  test('needs a session to be made, and refuses tampered, foreign and malformed hand-off tokens', async () => {
    clock = NOW;
    assert.equal((await post({ purpose: 'handoff' })).status, 401, 'no session, no hand-off');
    const handoff = await handoffToken();
    const [payload, signature] = handoff.split('.');
    assert.equal((await post({ handoff: `${flipMiddle(payload)}.${signature}` })).status, 401);
    const foreign = createKycTokenEndpoint({ secret: OTHER_SECRET, authorize: sessionOf, handoff: { store }, now: () => clock });
    const other = (await (
      await foreign(
        new Request(`${SITE}/kyc-token`, {
          method: 'POST',
          headers: { cookie: 'session=a' },
          body: JSON.stringify({ purpose: 'handoff' }),
        }),
      )
    ).json()) as { handoff: string };
    assert.equal((await post({ handoff: other.handoff })).status, 401, 'another secret');
    for (const bad of [42, '', null, 'a.b']) assert.equal((await post({ handoff: bad })).status, 401, `handoff: ${JSON.stringify(bad)}`);
    assert.equal((await post({ handoff: 'x'.repeat(5000) })).status, 400, 'a body over 4 KB');
    assert.equal((await post([1, 2])).status, 400, 'not an object');
  });

  test('an endpoint without hand-off says so', async () => {
    const plain = createKycTokenEndpoint({ secret: SECRET, authorize: sessionOf });
    const response = await plain(new Request(`${SITE}/kyc-token`, { method: 'POST', body: JSON.stringify({ handoff: 'x.y' }) }));
    assert.equal(response.status, 404);
  });
});
