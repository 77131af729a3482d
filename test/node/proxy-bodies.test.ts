import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createKycProxy } from '../../src/server/proxy/index.js';
import {
  APPLICATION,
  fakePlatform,
  IDENTITY,
  json,
  LEGAL_ENTITY,
  MULTIPART,
  OTHER,
  proxyFor,
  request,
  SITE,
  streamed,
} from './proxy-harness.js';

const SEND_CODE = '/kyc/v1/signatures/send-code/';

describe('proxy: bodies are what they say', () => {
  test('a JSON endpoint refuses any other declared type with 415, without contacting the platform', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    const form = `legal_entity_uuid=${OTHER}&object_uuid=${APPLICATION}&provider_type=sms`;
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/json; charset=latin1',
      'application/jsonp',
      null,
    ]) {
      const headers: Record<string, string> = type === null ? {} : { 'content-type': type };
      for (const path of [SEND_CODE, `/kyc/v1/kyc/${APPLICATION}/`, '/kyc/v1/documents/']) {
        const method = path.includes('/kyc/v1/kyc/') ? 'PATCH' : 'POST';
        const response = await proxy(request(path, { method, headers, body: form }));
        assert.equal(response.status, 415, `${type} on ${path}`);
      }
    }
    assert.equal(platform.received.length, 0);
  });

  test('the send-code binding cannot be bypassed: the platform always gets JSON with the session legal entity', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    // Duplicate keys: whatever a parser on the platform would keep, it is the session's value.
    const duplicated = `{"legal_entity_uuid":"${OTHER}","object_uuid":"${APPLICATION}","provider_type":"sms","legal_entity_uuid":"${OTHER}"}`;
    const response = await proxy(
      request(SEND_CODE, { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=UTF-8' }, body: duplicated }),
    );
    assert.equal(response.status, 200);
    const [sent] = platform.received;
    assert.equal(sent.headers.get('content-type'), 'application/json');
    assert.equal(sent.body, `{"legal_entity_uuid":"${LEGAL_ENTITY}","object_uuid":"${APPLICATION}","provider_type":"sms"}`);
  });

  test('every JSON body reaches the platform re-serialized as application/json', async () => {
    const platform = fakePlatform();
    const body = '{ "attribute_changes" : [ {"key": "city", "value": "R\\u012bga"} ] }';
    await proxyFor(platform)(
      request(`/kyc/v1/kyc/${APPLICATION}/`, { method: 'PATCH', headers: { 'content-type': 'application/json;charset=utf-8' }, body }),
    );
    const [sent] = platform.received;
    assert.equal(sent.headers.get('content-type'), 'application/json');
    assert.equal(sent.body, '{"attribute_changes":[{"key":"city","value":"Rīga"}]}');
    assert.equal(sent.headers.get('content-length'), String(new TextEncoder().encode(sent.body).byteLength));
  });

  test('an upload must be multipart/form-data with a boundary (415 otherwise); its type is passed on', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    for (const type of ['application/json', 'multipart/form-data', 'multipart/mixed; boundary=x', 'image/jpeg', null]) {
      const headers: Record<string, string> = type === null ? {} : { 'content-type': type };
      const response = await proxy(request('/kyc/v1/documents/files/', { method: 'POST', headers, body: 'x' }));
      assert.equal(response.status, 415, String(type));
    }
    assert.equal(platform.received.length, 0);
    const form = new FormData();
    form.append('files', new File(['%PDF-1.4'], 'a.pdf', { type: 'application/pdf' }));
    assert.equal((await proxy(request('/kyc/v1/documents/files/', { method: 'POST', body: form }))).status, 200);
    assert.match(platform.received[0].headers.get('content-type')!, /^multipart\/form-data; boundary=/);
  });

  test('a deeply nested body is the browser’s fault (400), never a platform error', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform);
    const deep = `{"attribute_changes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const response = await proxy(request(`/kyc/v1/kyc/${APPLICATION}/`, json('PATCH', null)));
    assert.equal(response.status, 400, 'null is no object');
    const nested = await proxy(
      request(`/kyc/v1/kyc/${APPLICATION}/`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: deep }),
    );
    assert.equal(nested.status, 400);
    assert.match((await nested.json()).detail, /nested/);
    // Brackets inside strings are text, not depth.
    const text = JSON.stringify({ attribute_changes: [{ key: 'note', value: '['.repeat(1000) }] });
    const fine = await proxy(
      request(`/kyc/v1/kyc/${APPLICATION}/`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: text }),
    );
    assert.equal(fine.status, 200);
    assert.equal(platform.received.length, 1);
  });
});

describe('proxy: answers that cannot be cached, sniffed or rendered', () => {
  const html = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>';

  test('a successful platform answer that is not JSON becomes a 502 with a JSON body, reported', async () => {
    const errors: unknown[] = [];
    for (const type of ['text/html; charset=utf-8', 'text/plain', null]) {
      const platform = fakePlatform(() => new Response(html, { status: 200, headers: type ? { 'content-type': type } : {} }));
      const response = await proxyFor(platform, { onUpstreamError: (error) => errors.push(error) })(request(`/kyc/v1/kyc/${APPLICATION}/`));
      assert.equal(response.status, 502, String(type));
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.equal(typeof (await response.json()).detail, 'string');
    }
    assert.equal(errors.length, 3);
  });

  test('a platform refusal that is not JSON keeps its status, in JSON, never the platform HTML', async () => {
    for (const status of [404, 413, 429, 500, 503]) {
      const answer = () => new Response(html, { status, headers: { 'content-type': 'text/html', 'retry-after': '3' } });
      const response = await proxyFor(fakePlatform(answer))(request('/kyc/v1/legal_documents/'));
      assert.equal(response.status, status);
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.equal(response.headers.get('retry-after'), '3');
      const text = await response.text();
      assert.equal(text.includes('<'), false, text);
      assert.equal(typeof JSON.parse(text).detail, 'string');
    }
  });

  test("answers application/json, never the platform's own words for it", async () => {
    for (const type of ['application/json, text/html', 'application/json; charset=utf-8', 'application/problem+json']) {
      const platform = fakePlatform(() => new Response('{"ok":true}', { headers: { 'content-type': type } }));
      for (const path of [`/kyc/v1/kyc/${APPLICATION}/`, '/kyc/v1/clients/kyc-level-info/', '/kyc/v1/legal_documents/']) {
        const response = await proxyFor(platform)(request(path));
        assert.equal(response.headers.get('content-type'), 'application/json', `${type} on ${path}`);
      }
    }
  });

  test('the token endpoint answers no-store, nosniff and no document too', async () => {
    const { createKycTokenEndpoint } = await import('../../src/server/proxy/index.js');
    const endpoint = createKycTokenEndpoint({ secret: 'x'.repeat(32), authorize: () => IDENTITY });
    for (const init of [{ method: 'POST' }, { method: 'GET' }]) {
      const response = await endpoint(request('/kyc-token', init));
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    }
  });
});

describe('proxy: errors blame the right side', () => {
  /** A body that sends `first` bytes, then never more (a browser that stalls). */
  const stalled = (first: Uint8Array): ReadableStream<Uint8Array> => {
    let sent = false;
    return new ReadableStream({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first);
        }
        return new Promise(() => undefined);
      },
    });
  };

  test('a JSON body that does not arrive in time is 408, and the platform is never called', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { timeoutMs: 30 });
    const body = stalled(new TextEncoder().encode('{"attribute_changes":'));
    const response = await proxy(request(`/kyc/v1/kyc/${APPLICATION}/`, streamed('PATCH', body, { 'content-type': 'application/json' })));
    assert.equal(response.status, 408);
    assert.equal(platform.received.length, 0);
  });

  test('an upload still arriving at the deadline is 408; a platform that has the whole upload and is slow is 504', async () => {
    const reading = (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
        request.arrayBuffer().then(() => undefined, reject);
      });
    const slowClient = createKycProxy({
      upstream: reading,
      credentials: {},
      authorize: () => IDENTITY,
      uploadTimeoutMs: 30,
    });
    const stalledUpload = await slowClient(request('/kyc/v1/documents/files/', streamed('POST', stalled(new Uint8Array(1024)), MULTIPART)));
    assert.equal(stalledUpload.status, 408);
    const wholeThenSlow = await slowClient(request('/kyc/v1/documents/files/', { method: 'POST', body: 'x', headers: MULTIPART }));
    assert.equal(wholeThenSlow.status, 504);
  });
});

describe('proxy: the origin it is reached on', () => {
  test('with `origin` configured, a same-origin browser call is judged against it, not against Host', async () => {
    const platform = fakePlatform();
    const proxy = proxyFor(platform, { origin: SITE });
    // DNS rebinding: the attacker's page names its own host, and its Origin matches that host.
    const rebound = new Request('http://attacker.example/kyc/v1/legal_documents/', { headers: { origin: 'http://attacker.example' } });
    assert.equal((await proxy(rebound)).status, 403);
    const own = new Request('http://internal:8080/kyc/v1/legal_documents/', { headers: { origin: SITE } });
    assert.equal((await proxy(own)).status, 200);
    assert.throws(() => proxyFor(platform, { origin: 'https://shop.example/kyc' }), TypeError);
  });
});
