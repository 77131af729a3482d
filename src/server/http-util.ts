/**
 * Web-standard helpers shared by the server side (host proxy, sandbox, demo app): JSON answers,
 * size-limited body reading, uuid and hex formats. Only web APIs, so they run in Node and in edge
 * runtimes alike.
 */

/** A canonical 8-4-4-4-12 hexadecimal uuid, any case. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `Host` header: a DNS name or IPv4 address, or a bracketed IPv6 address, and an optional port. */
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** True for a well-formed `Host` header value: `host[:port]` and nothing else (no path, user or second port). */
export function isHostHeader(value: unknown): value is string {
  return typeof value === 'string' && HOST_PATTERN.test(value);
}

/**
 * The origin of a configured public URL (`https://shop.example`, a trailing `/` allowed): throws
 * a `TypeError` naming `option` unless it is an http(s) origin with no path, query or user.
 */
export function parseOrigin(value: string, option = 'origin'): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.href !== `${url.origin}/`) {
    throw new TypeError(`${option} "${value}" is not an http(s) origin like "https://shop.example"`);
  }
  return url.origin;
}

/** True for a canonical 8-4-4-4-12 hexadecimal uuid. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Lower-case hexadecimal, two digits per byte. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A JSON answer that no cache keeps: `content-type: application/json` and
 * `cache-control: no-store`, either of which `headers` may replace.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: withDefaults({ 'content-type': 'application/json', 'cache-control': 'no-store' }, headers),
  });
}

/**
 * An error in the platform's own shape, `{"detail": "…"}`, so the browser client reads the
 * server's own refusals exactly like the platform's.
 */
export function errorResponse(status: number, detail: string, headers?: Record<string, string>): Response {
  return jsonResponse(status, { detail }, headers);
}

/** An empty 204 answer that no cache keeps. */
export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: withDefaults({ 'cache-control': 'no-store' }, headers) });
}

/** Default headers, each replaced by a header of the same name (any case) in `headers`. */
function withDefaults(defaults: Record<string, string>, headers: Record<string, string>): Headers {
  const merged = new Headers(defaults);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return merged;
}

/** What every answer of the proxy and the token endpoint says about itself, whatever else it carries. */
const SECURE_HEADERS: Readonly<Record<string, string>> = {
  // Per-person answers: no shared cache may keep them, whatever the platform said.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // Data, never a document: nothing in it may run, load or be framed, even if opened directly.
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Marks an answer built by the server (so its headers are mutable) as never cached, never sniffed
 * and never a document (see {@link SECURE_HEADERS}). Returns the same response.
 */
export function secureAnswer(response: Response): Response {
  for (const [name, value] of Object.entries(SECURE_HEADERS)) response.headers.set(name, value);
  return response;
}

/** A request body went over its size limit (answered 413). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * Reads a whole body into memory, never holding more than `limit` bytes: it stops and throws
 * {@link BodyTooLargeError} as soon as one byte too many arrives, whatever Content-Length said.
 * When `signal` aborts, reading stops and its reason is thrown.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  signal: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  signal.throwIfAborted();
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const stop = (): void => {
    reader.cancel(signal.reason).catch(() => undefined);
  };
  signal.addEventListener('abort', stop, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new BodyTooLargeError(limit);
      }
      chunks.push(value);
    }
    // A cancelled read ends like a finished one: tell the two apart.
    signal.throwIfAborted();
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    signal.removeEventListener('abort', stop);
    reader.releaseLock();
  }
}
