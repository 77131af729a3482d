/**
 * The host proxy: a web-standard `Request → Response` handler a partner mounts on its backend in
 * front of the platform's KYC API. It forwards only the KYC endpoints, binds every call to the
 * partner's session, adds the platform credentials and bounds sizes and time.
 */
import type { KycIdentity } from '../identity.js';
import { BodyTooLargeError, errorResponse, readLimited } from '../http-util.js';
import { limitStream, type LimitedStream } from './body.js';
import { CorsPolicy, type KycCorsOptions } from './cors.js';
import { rewritePageLinks } from './pagination.js';
import {
  assertPlatformPath,
  createRoutes,
  DEFAULT_SEND_CODE_PATH,
  matchRoute,
  type Operation,
  type Route,
  type RouteMatch,
} from './routes.js';

/** A fetch-like function: the platform itself (`sandbox.fetch`) or the HTTP client that reaches it. */
export type KycFetch = (request: Request) => Promise<Response>;

/** A web-standard request handler, as returned by {@link createKycProxy}. */
export type KycHandler = (request: Request) => Promise<Response>;

/**
 * Reads the partner's own session from a browser request (a cookie, or a bearer token through
 * `bearerTokenAuthorizer`) and tells who the call is for, or null when there is no valid session.
 * It must not read the request body. What it throws is not caught: it reaches the framework's own
 * error handling.
 */
export type KycAuthorize = (request: Request) => KycIdentity | null | Promise<KycIdentity | null>;

/**
 * The platform credentials added to every forwarded call: fixed headers, or a function returning
 * them (for instance a short-lived access token, or a key per legal entity).
 */
export type KycCredentials = HeadersInit | ((identity: KycIdentity) => HeadersInit | Promise<HeadersInit>);

/** Size limits on request bodies; a body over its limit is answered 413 and never fully read. */
export interface KycProxyLimits {
  /** Largest JSON body, in bytes. Default 256 KiB. */
  jsonBytes?: number;
  /**
   * Largest upload (multipart body of `POST /v1/documents/files/`), in bytes. Default 65 MiB: the
   * platform's own limit is 64 MB per file, and the extra MiB covers multipart framing so that a
   * file just over 64 MB still reaches the platform and gets its precise error.
   */
  uploadBytes?: number;
}

/**
 * Platform paths that are not certain (not shown by the platform's documentation) and may differ
 * on a given deployment. The widget must be given the same paths (`sign-code-path`, …).
 */
export interface KycProxyPaths {
  /** Endpoint 11, sending a signature code. Default `/v1/signatures/send-code/`. */
  sendCode?: string;
}

/**
 * What the proxy reports about each request it answered. Deliberately nothing else: no body, no
 * query value, no uuid, no header.
 */
export interface KycRequestLog {
  /** The HTTP method. */
  method: string;
  /** The endpoint's template, like `'GET /v1/kyc/{uuid}/'`, or null for a path outside the allow-list. */
  route: string | null;
  /** The status answered to the browser; 499 when the browser went away before the answer. */
  status: number;
  /** Time until the answer's headers were ready, in milliseconds. */
  durationMs: number;
}

/** Options of {@link createKycProxy}. */
export interface KycProxyOptions {
  /**
   * The platform: its API base URL (`https://platform.example/api`; the platform path is appended
   * to it), or a fetch-like function that answers platform requests itself (`sandbox.fetch`), which
   * then receives requests addressed to `http://kyc-platform.invalid/v1/…`.
   */
  upstream: string | KycFetch;
  /** Who each request is for, from the partner's session; null answers 401 and forwards nothing. */
  authorize: KycAuthorize;
  /** The platform credentials added to every forwarded request. */
  credentials: KycCredentials;
  /**
   * Where the proxy is mounted: `/kyc` (the default) means `/kyc/v1/kyc/<uuid>/` is forwarded as
   * `/v1/kyc/<uuid>/`. Use `''` when it is mounted at the root. Paths are read from the full
   * request URL, so with Express pass the original URL (`toNodeListener` does).
   */
  basePath?: string;
  /** Overrides for the platform paths that may differ per deployment. */
  paths?: KycProxyPaths;
  /** Request body size limits. */
  limits?: KycProxyLimits;
  /**
   * Deadline of a forwarded call, request body and answer included, in milliseconds; past it the
   * platform call is aborted and the browser gets 504. Default 30 000.
   */
  timeoutMs?: number;
  /** The same deadline for uploads, in milliseconds. Default 120 000. */
  uploadTimeoutMs?: number;
  /**
   * Other origins allowed to call the proxy from a browser (the page of a cross-origin embed).
   * Without it, only same-origin and non-browser requests are served; any other origin gets 403.
   */
  cors?: KycCorsOptions;
  /**
   * Called once per answered request with its method, route template, status and duration, for
   * metrics or access logs. What it throws is ignored. The proxy never logs anything by itself.
   */
  onRequest?: (entry: KycRequestLog) => void;
  /**
   * Called with the error behind a 502 answer (platform unreachable, TLS or DNS failure, platform
   * refusing the proxy's credentials, unreadable list answer), to tell those apart in the
   * partner's logs. What it throws is ignored.
   */
  onUpstreamError?: (error: unknown) => void;
  /**
   * The HTTP client used to reach a URL `upstream` (a fetch with an agent, retries or tracing).
   * Default `globalThis.fetch`. Not allowed with a function `upstream`, which is its own fetch.
   */
  fetch?: KycFetch;
}

/** Origin of the requests handed to a function `upstream` (`.invalid` can never resolve). */
const FUNCTION_UPSTREAM_ORIGIN = 'http://kyc-platform.invalid';
const DEFAULT_BASE_PATH = '/kyc';
const DEFAULT_JSON_BYTES = 256 * 1024;
const DEFAULT_UPLOAD_BYTES = 65 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;
/** Request headers passed on to the platform; everything else the browser sent is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language'] as const;
/** Response headers passed back to the browser; everything else the platform sent is dropped. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'cache-control'] as const;
/** Statuses whose answer must not have a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** nginx's "client closed request": logged when the browser went away before the answer. */
const CLIENT_CLOSED_REQUEST = 499;

/** The send-code body, or any JSON body the proxy must edit, was not a JSON object. */
class InvalidJsonBodyError extends Error {
  override readonly name = 'InvalidJsonBodyError';
}

/** The platform refused the proxy's own credentials: a configuration problem on the partner's side. */
class UpstreamUnauthorizedError extends Error {
  override readonly name = 'UpstreamUnauthorizedError';
}

/**
 * Creates the host proxy handler.
 *
 * For each request it: refuses origins that are neither the same origin nor listed in `cors`
 * (403) and answers preflights; accepts only the eleven KYC endpoints (404 otherwise, 405 for a
 * wrong method), without contacting the platform; asks `authorize` for the session (401 when
 * null); keeps only the documented query parameters and sets `legal_entity_uuid` / `client_uuid`
 * from the session (also in the send-code body); forwards only `content-type`, `accept`,
 * `accept-language` and a valid `content-length`, plus the credentials; bounds bodies (413) and
 * time (504); answers 502 when the platform cannot be reached; passes back only `content-type`,
 * `retry-after` and `cache-control` (`no-store` when absent), adding
 * `x-content-type-options: nosniff` to every answer; and rewrites the `next` / `previous` links of
 * paginated lists to go through the proxy.
 *
 * Throws a `TypeError` at once on invalid options.
 */
export function createKycProxy(options: KycProxyOptions): KycHandler {
  const proxy = new KycProxy(options);
  return (request) => proxy.handle(request);
}

class KycProxy {
  readonly #fetch: KycFetch;
  /** Origin of the platform, and the base path in front of its paths (`/api`, or `''`). */
  readonly #upstreamOrigin: string;
  readonly #upstreamPrefix: string;
  readonly #basePath: string;
  readonly #routes: readonly Route[];
  readonly #cors: CorsPolicy;
  readonly #options: KycProxyOptions;
  readonly #jsonBytes: number;
  readonly #uploadBytes: number;
  readonly #timeoutMs: number;
  readonly #uploadTimeoutMs: number;

  constructor(options: KycProxyOptions) {
    if (typeof options.authorize !== 'function') throw new TypeError('authorize must be a function');
    if (options.credentials === undefined) throw new TypeError('credentials are required');
    if (typeof options.upstream === 'function') {
      if (options.fetch) throw new TypeError('fetch cannot be combined with a function upstream');
      this.#fetch = options.upstream;
      this.#upstreamOrigin = FUNCTION_UPSTREAM_ORIGIN;
      this.#upstreamPrefix = '';
    } else {
      const upstream = parseUpstreamUrl(options.upstream);
      this.#fetch = options.fetch ?? ((request) => fetch(request));
      this.#upstreamOrigin = upstream.origin;
      this.#upstreamPrefix = upstream.pathname.replace(/\/+$/, '');
    }
    this.#basePath = normaliseBasePath(options.basePath ?? DEFAULT_BASE_PATH);
    const sendCode = options.paths?.sendCode ?? DEFAULT_SEND_CODE_PATH;
    assertPlatformPath(sendCode, 'paths.sendCode');
    this.#routes = createRoutes({ sendCode });
    this.#cors = new CorsPolicy(options.cors);
    this.#jsonBytes = positiveInteger(options.limits?.jsonBytes, DEFAULT_JSON_BYTES, 'limits.jsonBytes');
    this.#uploadBytes = positiveInteger(options.limits?.uploadBytes, DEFAULT_UPLOAD_BYTES, 'limits.uploadBytes');
    this.#timeoutMs = positiveInteger(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.#uploadTimeoutMs = positiveInteger(options.uploadTimeoutMs, DEFAULT_UPLOAD_TIMEOUT_MS, 'uploadTimeoutMs');
    this.#options = options;
  }

  async handle(request: Request): Promise<Response> {
    const started = performance.now();
    const report = { route: null as string | null, status: 500 };
    try {
      const response = await this.#serve(request, report);
      report.status = response.status;
      // Every answer is built here (never the platform's own object), so its headers are mutable.
      response.headers.set('x-content-type-options', 'nosniff');
      return response;
    } finally {
      const { onRequest } = this.#options;
      if (onRequest) {
        const entry = { ...report, method: request.method, durationMs: performance.now() - started };
        ignoreErrors(() => onRequest(entry));
      }
    }
  }

  async #serve(request: Request, report: { route: string | null }): Promise<Response> {
    const verdict = this.#cors.check(request);
    if (!verdict.allowed) return this.#cors.refusal();
    const match = this.#match(request);
    if (!match) return this.#cors.apply(errorResponse(404, 'Not found.'), verdict);
    const { route } = match;
    report.route = `${request.method} ${route.template}`;
    if (this.#cors.isPreflight(request, verdict)) {
      return this.#cors.apply(this.#cors.preflight(route.allow), verdict);
    }
    const operation = route.operations.get(request.method);
    if (!operation) {
      const refusal = errorResponse(405, `Method "${request.method}" not allowed.`, { allow: route.allow });
      return this.#cors.apply(refusal, verdict);
    }
    const identity = await this.#options.authorize(request);
    if (identity === null) {
      return this.#cors.apply(errorResponse(401, 'Authentication credentials were not provided.'), verdict);
    }
    assertIdentity(identity);
    return this.#cors.apply(await this.#forward(request, match, operation, identity), verdict);
  }

  #match(request: Request): RouteMatch | null {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${this.#basePath}/`)) return null;
    return matchRoute(this.#routes, pathname.slice(this.#basePath.length));
  }

  async #forward(request: Request, match: RouteMatch, operation: Operation, identity: KycIdentity): Promise<Response> {
    // The partner's credentials function runs outside the error mapping below: its failures are its own.
    const headers = await this.#headers(request, identity);
    const upload = operation.body === 'upload';
    const deadline = new Deadline(upload ? this.#uploadTimeoutMs : this.#timeoutMs);
    const signal = AbortSignal.any([request.signal, deadline.signal]);
    let limited: LimitedStream | undefined;
    try {
      let body: BodyInit | null = null;
      if (operation.body !== 'none') {
        const limit = upload ? this.#uploadBytes : this.#jsonBytes;
        if (declaredLength(request) > limit) throw new BodyTooLargeError(limit);
        if (upload) {
          if (request.body) {
            limited = limitStream(request.body, limit);
            body = limited.stream;
          }
        } else {
          const bytes = await readLimited(request.body, limit, signal);
          body = operation.body === 'send-code' ? bindSendCodeBody(bytes, identity) : bytes;
        }
        copyBodyHeaders(request, headers, body);
      }
      const url = this.#upstreamUrl(match.path, forwardedQuery(new URL(request.url).searchParams, operation, identity));
      const init: RequestInit & { duplex: 'half' } = { method: request.method, headers, body, signal, duplex: 'half' };
      const answer = await whileNotAborted(this.#fetch(new Request(url, init)), signal);
      if (limited?.exceeded() || signal.aborted) {
        // The platform answered a body it did not get whole, or too late: that answer is moot.
        await answer.body?.cancel().catch(() => undefined);
        throw limited?.exceeded() ? new BodyTooLargeError(this.#uploadBytes) : signal.reason;
      }
      return await this.#answer(answer, request, match.route, operation, url, deadline);
    } catch (error) {
      deadline.clear();
      if (error instanceof BodyTooLargeError || limited?.exceeded()) {
        return errorResponse(413, 'The request body is too large.');
      }
      if (error instanceof InvalidJsonBodyError) return errorResponse(400, error.message);
      if (deadline.signal.aborted) return errorResponse(504, 'The KYC platform did not answer in time.');
      if (request.signal.aborted) return errorResponse(CLIENT_CLOSED_REQUEST, 'The client closed the request.');
      const { onUpstreamError } = this.#options;
      if (onUpstreamError) ignoreErrors(() => onUpstreamError(error));
      return errorResponse(502, 'The KYC platform is unavailable.');
    }
  }

  async #headers(request: Request, identity: KycIdentity): Promise<Headers> {
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const { credentials } = this.#options;
    const extra = typeof credentials === 'function' ? await credentials(identity) : credentials;
    new Headers(extra).forEach((value, name) => headers.set(name, value));
    return headers;
  }

  #upstreamUrl(path: string, query: URLSearchParams): URL {
    const url = new URL(`${this.#upstreamPrefix}${path}`, this.#upstreamOrigin);
    url.search = query.toString();
    return url;
  }

  /** The browser's answer; the deadline runs until the platform's answer has been read to the end. */
  async #answer(
    answer: Response,
    request: Request,
    route: Route,
    operation: Operation,
    sent: URL,
    deadline: Deadline,
  ): Promise<Response> {
    if (answer.status === 401) {
      await answer.body?.cancel();
      throw new UpstreamUnauthorizedError('The KYC platform refused the proxy credentials (401).');
    }
    const headers = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    if (operation.paginated && answer.ok && isJson(headers.get('content-type'))) {
      const list: unknown = await answer.json();
      deadline.clear();
      const proxyBase = `${new URL(request.url).origin}${this.#basePath}`;
      const context = { routes: this.#routes, route, operation, sent, upstreamPrefix: this.#upstreamPrefix, proxyBase };
      return new Response(JSON.stringify(rewritePageLinks(list, context)), { status: answer.status, headers });
    }
    if (NULL_BODY_STATUSES.has(answer.status) || !answer.body) {
      await answer.body?.cancel();
      deadline.clear();
      return new Response(null, { status: answer.status, headers });
    }
    const body = whenDone(answer.body, () => deadline.clear());
    deadline.release();
    return new Response(body, { status: answer.status, headers });
  }
}

/** The query sent to the platform: the identity from the session, then the endpoint's own parameters. */
function forwardedQuery(source: URLSearchParams, operation: Operation, identity: KycIdentity): URLSearchParams {
  const query = new URLSearchParams({ legal_entity_uuid: identity.legalEntityUuid });
  if (operation.scope === 'client') query.set('client_uuid', identity.clientUuid);
  for (const name of operation.query) {
    const value = source.get(name);
    if (value !== null) query.set(name, value);
  }
  return query;
}

/** Rewrites the send-code body with the session's legal entity, whatever the browser put there. */
function bindSendCodeBody(bytes: Uint8Array, identity: KycIdentity): Uint8Array<ArrayBuffer> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidJsonBodyError('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidJsonBodyError('The request body must be a JSON object.');
  }
  return new TextEncoder().encode(JSON.stringify({ ...body, legal_entity_uuid: identity.legalEntityUuid }));
}

/** Sets the body's `content-type` and, when known and valid, its `content-length`. */
function copyBodyHeaders(request: Request, headers: Headers, body: BodyInit | null): void {
  if (body === null) return;
  const type = request.headers.get('content-type');
  if (type !== null) headers.set('content-type', type);
  if (body instanceof Uint8Array) {
    headers.set('content-length', String(body.byteLength));
  } else if (declaredLength(request) >= 0) {
    headers.set('content-length', String(declaredLength(request)));
  }
}

/** The request's `Content-Length` when it is a plain number of bytes, otherwise -1. */
function declaredLength(request: Request): number {
  const value = request.headers.get('content-length');
  return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : -1;
}

/**
 * A time limit as an abort signal. Unlike `AbortSignal.timeout`, its timer keeps a Node process
 * alive while the platform has not answered, so it must be cleared once the call is over.
 */
class Deadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;

  constructor(ms: number) {
    this.#timer = setTimeout(() => {
      this.#controller.abort(new DOMException('The deadline passed.', 'TimeoutError'));
    }, ms);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  clear(): void {
    clearTimeout(this.#timer);
  }

  /**
   * Keeps the limit running without holding a Node process open for it: once the answer is
   * handed over, a body its consumer drops must not keep the process alive until the deadline.
   */
  release(): void {
    (this.#timer as { unref?: () => void }).unref?.();
  }
}

/** Passes a body through, calling `done` once it ended, failed or was cancelled. */
function whenDone(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          done();
          controller.close();
        } else {
          controller.enqueue(chunk.value);
        }
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

/** Settles like `promise`, or rejects with the abort reason as soon as `signal` aborts. */
function whileNotAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
}

function assertIdentity(identity: KycIdentity): void {
  const valid = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
  if (!valid(identity?.legalEntityUuid) || !valid(identity?.clientUuid)) {
    throw new TypeError('authorize must return {legalEntityUuid, clientUuid} (non-empty strings) or null');
  }
}

function parseUpstreamUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`upstream "${value}" is not a URL`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new TypeError('upstream must be an http(s) base URL without query, fragment or user info');
  }
  return url;
}

function normaliseBasePath(value: string): string {
  const path = value.replace(/\/+$/, '');
  if (path !== '' && !/^(?:\/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)+$/.test(path)) {
    throw new TypeError(`basePath "${value}" must be a path like "/kyc"`);
  }
  return path;
}

function positiveInteger(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`${option} must be a positive integer`);
  return value;
}

function ignoreErrors(callback: () => void): void {
  try {
    callback();
  } catch {
    // A failing hook must not change the answer.
  }
}
