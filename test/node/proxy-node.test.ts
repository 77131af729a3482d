import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { createKycProxy, nodeRequestToWeb, toNodeListener, type KycFetch, type KycProxyOptions } from '../../src/server/proxy/index.js';

const IDENTITY = {
  legalEntityUuid: '11111111-1111-4111-8111-111111111111',
  clientUuid: '22222222-2222-4222-8222-222222222222',
};

const servers: Server[] = [];
after(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

/** Serves `listener` on 127.0.0.1 with a free port; resolves with its base URL. */
async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function proxyOver(upstream: KycFetch | string, extra: Partial<KycProxyOptions> = {}) {
  return toNodeListener(createKycProxy({ upstream, credentials: { authorization: 'Api-Key k' }, authorize: () => IDENTITY, ...extra }));
}

const MULTIPART = { 'content-type': 'multipart/form-data; boundary=b' };

/** A promise with its resolver, to wait for what a fake platform sees. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Reads a Node response to the end. */
async function readAll(response: IncomingMessage): Promise<string> {
  let text = '';
  response.setEncoding('utf8');
  for await (const chunk of response) text += chunk;
  return text;
}

describe('node adapter', () => {
  test('streams an upload to the platform as it arrives, and the answer back', { timeout: 10_000 }, async () => {
    const firstChunk = signal();
    let received = '';
    const platform: KycFetch = async (request) => {
      const reader = request.body!.getReader();
      const decoder = new TextDecoder();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        received += decoder.decode(chunk.value, { stream: true });
        firstChunk.resolve();
      }
      return Response.json([{ uuid: 'f', size: received.length }], { status: 201, headers: { 'set-cookie': 'x=1' } });
    };
    const base = await serve(proxyOver(platform));
    const answer = signal<IncomingMessage>();
    const upload = httpRequest(`${base}/kyc/v1/documents/files/`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: 'partner=1' },
    });
    upload.on('response', answer.resolve);
    upload.write('--b\r\nfirst part;');
    // The platform sees the first bytes while the browser is still sending: nothing is buffered whole.
    await firstChunk.promise;
    upload.end('second part\r\n--b--\r\n');
    const response = await answer.promise;
    assert.equal(response.statusCode, 201);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['set-cookie'], undefined);
    assert.deepEqual(JSON.parse(await readAll(response)), [{ uuid: 'f', size: received.length }]);
    assert.equal(received, '--b\r\nfirst part;second part\r\n--b--\r\n');
  });

  test('aborts the platform call when the client goes away', { timeout: 10_000 }, async () => {
    const reading = signal();
    const aborted = signal();
    const platform: KycFetch = (request) => {
      request.signal.addEventListener('abort', () => aborted.resolve());
      reading.resolve();
      return new Promise<Response>(() => undefined);
    };
    const logged = signal<number>();
    const base = await serve(proxyOver(platform, { onRequest: (entry) => logged.resolve(entry.status) }));
    const upload = httpRequest(`${base}/kyc/v1/documents/files/`, { method: 'POST', headers: MULTIPART });
    upload.on('error', () => undefined);
    upload.write('partial');
    await reading.promise;
    upload.destroy();
    await aborted.promise;
    assert.equal(await logged.promise, 499);
  });

  test('answers 413 to an oversized chunked upload over HTTP', { timeout: 10_000 }, async () => {
    let reached = false;
    const platform: KycFetch = async (request) => {
      reached = true;
      await request.arrayBuffer();
      return Response.json([]);
    };
    const base = await serve(proxyOver(platform, { limits: { uploadBytes: 1000 } }));
    const answer = signal<IncomingMessage>();
    const upload = httpRequest(`${base}/kyc/v1/documents/files/`, { method: 'POST', headers: MULTIPART });
    upload.on('response', answer.resolve);
    upload.on('error', () => undefined);
    // Two writes: Node sends the body chunked, with no Content-Length to refuse it up front.
    upload.write('x'.repeat(2500));
    upload.end('x'.repeat(2500));
    const response = await answer.promise;
    assert.equal(response.statusCode, 413);
    assert.equal(typeof JSON.parse(await readAll(response)).detail, 'string');
    assert.equal(reached, true);
  });

  test('forwards through a URL upstream with the real fetch', { timeout: 10_000 }, async () => {
    const seen: Array<{ url: string; headers: IncomingMessage['headers']; body: string }> = [];
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a test platform: it answers every request it reads
    const platformBase = await serve(async (req, res) => {
      seen.push({ url: req.url!, headers: req.headers, body: await readAll(req) });
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'platform=1', 'x-powered-by': 'Django' });
      res.end('{"ok":true}');
    });
    const base = await serve(proxyOver(`${platformBase}/api/`));
    const answer = signal<IncomingMessage>();
    const call = httpRequest(`${base}/kyc/v1/documents/?client_uuid=nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer browser', cookie: 'partner=1' },
    });
    call.on('response', answer.resolve);
    call.end('{"attribute_key":"passport","files":[]}');
    const response = await answer.promise;
    assert.equal(response.statusCode, 200);
    assert.equal(await readAll(response), '{"ok":true}');
    assert.equal(response.headers['set-cookie'], undefined);
    assert.equal(response.headers['x-powered-by'], undefined);
    const [sent] = seen;
    assert.equal(sent.url, `/api/v1/documents/?legal_entity_uuid=${IDENTITY.legalEntityUuid}&client_uuid=${IDENTITY.clientUuid}`);
    assert.equal(sent.headers.authorization, 'Api-Key k');
    assert.equal(sent.headers.cookie, undefined);
    assert.equal(sent.body, '{"attribute_key":"passport","files":[]}');
  });

  test('answers 400 to a Host that makes no URL, and keeps serving', async () => {
    const base = await serve(toNodeListener(async () => new Response('fine')));
    const { port } = new URL(base);
    const raw = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.end('GET /kyc/v1/legal_documents/ HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n');
      });
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.equal((await fetch(`${base}/again`)).status, 200);
  });

  test('answers 500 when the handler throws', async () => {
    const base = await serve(
      toNodeListener(async () => {
        throw new Error('boom');
      }),
    );
    const response = await fetch(`${base}/anything`);
    assert.equal(response.status, 500);
    assert.equal(typeof (await response.json()).detail, 'string');
  });

  test('drops the connection, instead of crashing the process, when the answer cannot be written', async () => {
    const unhandled = signal<unknown>();
    const onUnhandled = (reason: unknown): void => unhandled.resolve(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const closed = signal<'closed'>();
      const listener = toNodeListener(async () => Response.json({ late: true }));
      // Like an Express middleware that already answered before the proxy runs: writeHead throws.
      const base = await serve((req, res) => {
        res.once('close', () => closed.resolve('closed'));
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('already answered');
        listener(req, res);
      });
      const response = await fetch(`${base}/kyc/v1/legal_documents/`);
      assert.equal(response.status, 200);
      assert.equal(await Promise.race([closed.promise, unhandled.promise]), 'closed');
      await assert.rejects(response.text(), 'the body breaks off: the connection was dropped');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('passes several Set-Cookie headers of a handler through', async () => {
    const base = await serve(
      toNodeListener(async () => {
        const headers = new Headers([
          ['set-cookie', 'a=1; HttpOnly'],
          ['set-cookie', 'b=2; HttpOnly'],
        ]);
        return new Response(null, { status: 204, headers });
      }),
    );
    const response = await fetch(`${base}/session`);
    assert.equal(response.status, 204);
    assert.deepEqual(response.headers.getSetCookie(), ['a=1; HttpOnly', 'b=2; HttpOnly']);
  });
});

describe('nodeRequestToWeb', () => {
  test('builds the URL from Host, or from the public origin behind a reverse proxy, and Express originalUrl', async () => {
    const urls: string[] = [];
    const base = await serve((req, res) => {
      urls.push(nodeRequestToWeb(req).url);
      urls.push(nodeRequestToWeb(req, { origin: 'https://shop.example/' }).url);
      Object.assign(req, { originalUrl: `/kyc${req.url}` });
      urls.push(nodeRequestToWeb(req, { origin: 'https://shop.example' }).url);
      res.end();
    });
    await fetch(`${base}/v1/legal_documents/?page=2`);
    assert.deepEqual(urls, [
      `${base}/v1/legal_documents/?page=2`,
      'https://shop.example/v1/legal_documents/?page=2',
      'https://shop.example/kyc/v1/legal_documents/?page=2',
    ]);
  });

  /** Sends a raw HTTP/1.1 request line and headers to a fresh proxy over a fake platform; returns the status and what reached the platform. */
  async function raw(target: string, host: string, extraHeaders = ''): Promise<{ status: number; reached: string[] }> {
    const reached: string[] = [];
    const platform: KycFetch = async (request) => {
      reached.push(new URL(request.url).pathname);
      return Response.json({ ok: true });
    };
    const base = await serve(proxyOver(platform, { authorizeApplication: () => true }));
    const text = await new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.end(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\n${extraHeaders}Connection: close\r\n\r\n`);
      });
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), reached };
  }

  test('routes on the request target alone: Host never adds a path, and a target that is no path is refused', async () => {
    const application = '33333333-3333-4333-8333-333333333333';
    // The attack: a harmless target, the path of an application in Host.
    const smuggled = await raw('/healthz', `127.0.0.1/kyc/v1/kyc/${application}/?`);
    assert.deepEqual(smuggled, { status: 400, reached: [] });
    for (const target of [
      '//evil.example/kyc/v1/legal_documents/',
      'http://127.0.0.1/kyc/v1/legal_documents/',
      '*',
      'kyc/v1/legal_documents/',
    ]) {
      assert.deepEqual(await raw(target, '127.0.0.1'), { status: 400, reached: [] }, target);
    }
    for (const host of ['a b', 'shop.example:80:80', 'shop.example@evil.example', 'shop.example#x', '[::1', '']) {
      assert.equal((await raw('/kyc/v1/legal_documents/', host)).status, 400, host);
    }
    // A path the URL parser would rewrite: a rule in front of the proxy sees one path, the platform another.
    for (const target of [
      '/kyc/v1/documents/%2e%2e/legal_documents/',
      '/kyc/v1/documents/%2E%2E/legal_documents/',
      '/kyc/v1/x/../legal_documents/',
      '/kyc/./v1/legal_documents/',
      '/kyc/v1\\legal_documents\\',
    ]) {
      assert.deepEqual(await raw(target, '127.0.0.1'), { status: 400, reached: [] }, target);
    }
    const twoTypes = 'Content-Type: multipart/form-data; a=b\r\nContent-Type: application/json; boundary=x\r\n';
    assert.deepEqual(await raw('/kyc/v1/legal_documents/', '127.0.0.1', twoTypes), { status: 400, reached: [] }, 'two content types');
    for (const host of ['127.0.0.1', 'localhost:8080', '[::1]:8080', 'shop.example.']) {
      assert.deepEqual(await raw('/kyc/v1/legal_documents/', host), { status: 200, reached: ['/v1/legal_documents/'] }, host);
    }
  });

  test('refuses a public origin that is not an http(s) URL when the listener is made', () => {
    const handler = async () => new Response(null);
    assert.throws(() => toNodeListener(handler, { origin: 'shop.example' }), TypeError);
    assert.throws(() => toNodeListener(handler, { origin: 'ftp://shop.example' }), TypeError);
  });

  test('copies repeated headers and gives GET no body', async () => {
    const seen: Request[] = [];
    const base = await serve((req, res) => {
      seen.push(nodeRequestToWeb(req));
      res.end();
    });
    await new Promise<void>((resolve) => {
      httpRequest(`${base}/x`, { headers: { accept: 'application/json', 'x-multi': ['1', '2'] } }, (response) => {
        response.resume();
        response.on('end', resolve);
      }).end();
    });
    assert.equal(seen[0].method, 'GET');
    assert.equal(seen[0].body, null);
    assert.equal(seen[0].headers.get('x-multi'), '1, 2');
    assert.equal(seen[0].headers.get('accept'), 'application/json');
  });
});
