/** Shared helpers of the proxy tests: a fake platform that records what reaches it, and requests as a browser sends them. */
import { createKycProxy, type KycProxyOptions } from '../../src/server/proxy/index.js';

export const LEGAL_ENTITY = '11111111-1111-4111-8111-111111111111';
export const CLIENT = '22222222-2222-4222-8222-222222222222';
export const OTHER = '99999999-9999-4999-8999-999999999999';
export const APPLICATION = '33333333-3333-4333-8333-333333333333';
export const SITE = 'https://shop.example';
export const PLATFORM = 'https://platform.example/api';
export const PLATFORM_KEY = 'Api-Key platform-secret-key';
export const IDENTITY = { legalEntityUuid: LEGAL_ENTITY, clientUuid: CLIENT };

/** What the fake platform received. */
export interface Received {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
  signal: AbortSignal;
}

/** A fake platform recording every request; answers `{"ok": true}` unless told otherwise. */
export function fakePlatform(answer: (request: Request) => Response | Promise<Response> = () => Response.json({ ok: true })) {
  const received: Received[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const entry: Received = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: null,
      signal: request.signal,
    };
    received.push(entry);
    if (request.body) entry.body = await request.text();
    return answer(request);
  };
  return { received, fetch };
}

/**
 * A proxy in front of `platform`. Ownership of applications is granted (`authorizeApplication`)
 * and rate limits are off unless a test says otherwise: their own suites test them.
 */
export function proxyFor(platform: ReturnType<typeof fakePlatform>, options: Partial<KycProxyOptions> = {}) {
  return createKycProxy({
    upstream: PLATFORM,
    fetch: platform.fetch,
    credentials: { authorization: PLATFORM_KEY },
    authorize: () => IDENTITY,
    authorizeApplication: () => true,
    ...options,
    limits: { ...NO_RATE_LIMITS, ...options.limits },
  });
}

export const NO_RATE_LIMITS = {
  codesPerIdentity: false,
  codesPerDestination: false,
  codeAttemptsPerApplication: false,
  uploadsPerIdentity: false,
  uploadBytesPerIdentity: false,
} as const;

export const request = (path: string, init?: RequestInit) => new Request(`${SITE}${path}`, init);
export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A body with no Content-Length, sent in chunks of `chunk` bytes up to `total`. */
export function chunkedBody(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) {
        controller.close();
        return;
      }
      const size = Math.min(chunk, total - sent);
      controller.enqueue(new Uint8Array(size).fill(0x61));
      sent += size;
    },
  });
}

export const streamed = (method: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  ({ method, body, headers, duplex: 'half' }) as RequestInit;

/** `text` as a body with no Content-Length, sent in chunks of `size` bytes. */
export function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

export const JSON_TYPE = { 'content-type': 'application/json' };
export const MULTIPART = { 'content-type': 'multipart/form-data; boundary=x' };
