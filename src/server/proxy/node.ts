/**
 * Node's `http` adapter for web-standard handlers: `IncomingMessage` → `Request` (body streamed,
 * aborted when the client goes away) and `Response` → `ServerResponse` (streamed, with
 * backpressure). Works with `http.createServer`, Express (`app.use(toNodeListener(proxy))`) and
 * anything else that hands out `(req, res)`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, isHostHeader, parseOrigin, secureAnswer } from '../http-util.js';
import { trustOrigin } from './origin.js';
import type { KycHandler } from './proxy.js';

/** Options of {@link nodeRequestToWeb} and {@link toNodeListener}. */
export interface KycNodeOptions {
  /**
   * The public origin browsers use to reach this server (`https://shop.example`). Set it: it
   * becomes the origin of `request.url`, and the proxy trusts it for the same-origin check and for
   * absolute page links. Without it the origin is `http(s)://` + the `Host` header, which the
   * client chose: the proxy then writes page links as paths and does not take that origin for
   * its own. A trailing slash is ignored; a value that is not an http(s) origin (a path
   * included) throws a `TypeError`.
   */
  origin?: string;
}

/** Options of {@link nodeRequestToWeb}. */
export interface KycNodeRequestOptions extends KycNodeOptions {
  /** Aborts `request.signal`: pass one that fires when the client goes away. */
  signal?: AbortSignal;
}

/** A Node request as Express and others pass it: `originalUrl` keeps the mount path they strip from `url`. */
export type KycNodeRequest = IncomingMessage & { originalUrl?: string };

/** An origin-form request target: one `/`, then anything but a second `/` at once. */
const ORIGIN_FORM = /^\/(?!\/)/;

/** Bytes a request body may hold in memory before the socket is paused (backpressure). */
const BODY_HIGH_WATER_MARK = 64 * 1024;

/**
 * Builds a web `Request` from a Node request. The URL is the origin (see {@link KycNodeOptions})
 * followed by the request target as sent (Express's `originalUrl` when present), the headers are
 * copied (HTTP/2 pseudo-headers aside), and the body of any method but GET and HEAD is streamed
 * with backpressure, not buffered. The path comes from the request target alone: a target that
 * does not start with exactly one `/` (`//host/…`, an absolute URL, `*`) or that URL parsing would
 * rewrite (`.` and `..` segments, percent-encoded or not, backslashes), a `Host` that is not a
 * bare `host[:port]` and two `Content-Type` headers throw a `TypeError`, whether or not `origin`
 * is configured.
 */
export function nodeRequestToWeb(req: KycNodeRequest, options: KycNodeRequestOptions = {}): Request {
  const target = req.originalUrl ?? req.url ?? '';
  if (!ORIGIN_FORM.test(target)) throw new TypeError('The request target must be a path starting with one "/"');
  const host = req.headers.host;
  if (host !== undefined && !isHostHeader(host)) throw new TypeError('The Host header is not a host[:port]');
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index];
    if (name.startsWith(':')) continue;
    // Two content types would be joined into one that means neither.
    if (name.toLowerCase() === 'content-type' && headers.has(name)) throw new TypeError('The request has two Content-Type headers');
    headers.append(name, req.rawHeaders[index + 1]);
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (options.signal) init.signal = options.signal;
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  const origin = options.origin === undefined ? `${schemeOf(req)}://${host ?? 'localhost'}` : parseOrigin(options.origin);
  // Appended, not resolved, and checked: the target can only add a path and a query to the origin.
  const url = new URL(`${origin}${target}`);
  if (url.origin !== new URL(origin).origin) throw new TypeError('The request target changed the origin');
  // The path routed on is the path sent: a target the URL parser would rewrite (`..` or `.`
  // segments, their percent-encoded forms, backslashes) could pass a partner's per-route rule in
  // front of the proxy as one path and reach the platform as another.
  if (url.pathname !== target.replace(/[?#].*$/s, '')) throw new TypeError('The request target is not in its normal form');
  const request = new Request(url, init);
  if (options.origin !== undefined) trustOrigin(request, url.origin);
  return request;
}

/**
 * Wraps a web-standard handler (the proxy, the token endpoint) as a Node `(req, res)` listener.
 * The request's signal aborts when the client disconnects before the answer is complete, which
 * aborts the platform call; the answer is streamed back. A request whose target is not a path, or
 * whose `Host` is not a `host[:port]`, gets 400 (see {@link nodeRequestToWeb}); a handler that throws gets a bare 500 (`{"detail": …}`) and its error
 * is not reported anywhere: catch it in the handler to log it. When the answer cannot be written
 * (headers already sent by someone else), the connection is destroyed.
 */
export function toNodeListener(handler: KycHandler, options: KycNodeOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  // A wrong origin fails when the server is set up, not on its first request.
  if (options.origin !== undefined) parseOrigin(options.origin);
  return (req, res) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new Error('The client closed the connection.'));
    });
    serve(handler, { ...options, signal: controller.signal }, req, res).catch(() => {
      // Writing the answer failed (say, another middleware had already sent headers): an
      // unhandled rejection would end the whole process, so only this connection is dropped.
      res.destroy();
    });
  };
}

async function serve(handler: KycHandler, options: KycNodeRequestOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await answer(handler, options, req);
  if (res.destroyed) {
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  try {
    writeHead(response, res, !req.complete);
  } catch (error) {
    await response.body?.cancel().catch(() => undefined);
    throw error;
  }
  await writeBody(response, res);
}

async function answer(handler: KycHandler, options: KycNodeRequestOptions, req: IncomingMessage): Promise<Response> {
  let request: Request;
  try {
    request = nodeRequestToWeb(req, options);
  } catch {
    return secureAnswer(errorResponse(400, 'Bad request.'));
  }
  try {
    return await handler(request);
  } catch {
    return secureAnswer(errorResponse(500, 'Internal server error.'));
  }
}

function writeHead(response: Response, res: ServerResponse, bodyUnread: boolean): void {
  const headers: Record<string, string | string[]> = {};
  // A request body the handler did not read to the end (a refusal) is not worth keeping the
  // connection for: close it after the answer.
  if (bodyUnread) headers['connection'] = 'close';
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
}

async function writeBody(response: Response, res: ServerResponse): Promise<void> {
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stop = (): void => {
    reader.cancel().catch(() => undefined);
  };
  res.once('close', stop);
  /** Settles once the last chunk written left for the client. */
  let flushed: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let ready = true;
      flushed = new Promise((resolve) => {
        ready = res.write(value, () => resolve());
      });
      if (!ready) await until(res, 'drain');
    }
    res.end();
  } catch {
    // The answer broke off midway: the only honest signal left is a cut connection, once what
    // was written has gone out (so the client sees the answer start, then break). Destroyed
    // without the error, which Node would otherwise report as an unhandled server error.
    await Promise.race([flushed, until(res, 'close')]);
    res.destroy();
  } finally {
    res.off('close', stop);
  }
}

/** Resolves on the response's next `event`, or once it is closed. */
function until(res: ServerResponse, event: 'drain' | 'close'): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) {
      resolve();
      return;
    }
    const done = (): void => {
      res.off(event, done);
      res.off('close', done);
      resolve();
    };
    res.on(event, done);
    res.on('close', done);
  });
}

/** A request body as a byte stream that pauses the socket while the consumer is behind. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  let onData: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const settle = (finish: () => void): void => {
          if (settled) return;
          settled = true;
          finish();
        };
        onData = (chunk) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        req.on('data', onData);
        req.once('end', () => settle(() => controller.close()));
        req.once('error', (error) => settle(() => controller.error(error)));
        req.once('close', () => {
          if (!req.complete) settle(() => controller.error(new Error('The client closed the connection.')));
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        // Nobody wants the rest: let it flow into the void instead of stalling the connection.
        settled = true;
        if (onData) req.off('data', onData);
        req.resume();
      },
    },
    { highWaterMark: BODY_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
}

function schemeOf(req: IncomingMessage): 'http' | 'https' {
  return 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http';
}
