/**
 * The host proxy: a web-standard `Request → Response` handler a partner mounts on its backend in
 * front of the platform's KYC API. It forwards only the KYC endpoints, binds every call to the
 * partner's session, adds the platform credentials and bounds sizes and time.
 */
import type { KycIdentity } from '../identity.js';
import { BodyTooLargeError, errorResponse, isUuid, parseOrigin, readLimited, secureAnswer } from '../http-util.js';
import { InvalidBodyError, isJsonRequestType, isMultipartType, limitStream, parseJsonObject, type LimitedStream } from './body.js';
import { CorsPolicy, type KycCorsOptions } from './cors.js';
import { RateLimits, type Counted, type KycRateLimits } from './limits.js';
export type { KycRate, KycRateLimits } from './limits.js';
export type { KycAuthorizeApplication } from './ownership.js';
import { trustedOriginOf } from './origin.js';
import { Ownership, revealedApplication, type KycAuthorizeApplication } from './ownership.js';
import { rewritePageLinks } from './pagination.js';
import {
  assertPlatformPath,
  createRoutes,
  DEFAULT_SEND_CODE_PATH,
  matchRoute,
  SIGN_CODE_HEADERS,
  type Operation,
  type Route,
  type RouteMatch,
} from './routes.js';
import { createMemoryStore, StoreUnavailableError, type KycProxyStore } from './store.js';

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

/**
 * Size limits on request bodies (a body over its limit is answered 413 and never fully read) and
 * rate limits (see {@link KycRateLimits}: on by default, answered 429 with `Retry-After`).
 */
export interface KycProxyLimits extends KycRateLimits {
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
  /**
   * Whether the identity may act on an application a call names (in its path, or the send-code
   * body's `object_uuid`); false answers 404 and forwards nothing. Default: the proxy's own check,
   * which accepts the applications the platform named as the identity's (the level info's
   * `last_kyc_application_uuid`, an application created through the proxy), remembered in `store`
   * for `ownershipSeconds`, and reads the level info itself at most once per identity per period
   * for an application it does not know.
   */
  authorizeApplication?: KycAuthorizeApplication;
  /** How long the proxy's own ownership check remembers what it learnt, in seconds. Default 600. */
  ownershipSeconds?: number;
  /**
   * Where rate-limit counts and known applications are kept. Default: this process's memory
   * (`createMemoryStore()`); with several proxy instances, a shared one (`createRedisStore`).
   */
  store?: KycProxyStore;
  /**
   * The public origin browsers reach the proxy on (`https://shop.example`): the same-origin check
   * compares `Origin` with it, and paginated lists' links are absolute URLs on it. Default: the
   * origin `toNodeListener` was configured with; without either, links are paths, and `Origin`
   * is compared with the request URL's origin.
   */
  origin?: string;
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
  /** Request body size limits and rate limits. */
  limits?: KycProxyLimits;
  /**
   * Deadline of a forwarded call, request body and answer included, in milliseconds; past it the
   * platform call is aborted and the browser gets 408 while its own body was still arriving, 504
   * otherwise. Default 30 000.
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
   * Called with the error behind a 502 or 503 answer (platform unreachable, TLS or DNS failure,
   * platform refusing the proxy's credentials, an answer that is not JSON, the store failing), to
   * tell those apart in the partner's logs. What it throws is ignored.
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
const DEFAULT_OWNERSHIP_SECONDS = 600;
/** Request headers passed on to the platform; everything else the browser sent is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language'] as const;
/** A one-time code as the browser may send it: short, and nothing a URL would need to escape. */
const SIGN_CODE = /^[A-Za-z0-9-]{1,32}$/;
/** Statuses whose answer must not have a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** nginx's "client closed request": logged when the browser went away before the answer. */
const CLIENT_CLOSED_REQUEST = 499;

/** The platform refused the proxy's own credentials: a configuration problem on the partner's side. */
class UpstreamUnauthorizedError extends Error {
  override readonly name = 'UpstreamUnauthorizedError';
}

/** The platform answered with a body that is not JSON, or with JSON the proxy cannot read. */
class UpstreamFormatError extends Error {
  override readonly name = 'UpstreamFormatError';
}

/** What a partner's own function threw (credentials, authorizeApplication): it reaches the framework, as `authorize`'s does. */
class PartnerHookError extends Error {
  override readonly name = 'PartnerHookError';
}

/** Runs a partner's function, its failure marked to be thrown on, not mapped to an answer. */
async function partnerHook<T>(hook: () => Promise<T>): Promise<T> {
  try {
    return await hook();
  } catch (error) {
    throw new PartnerHookError('A partner function threw', { cause: error });
  }
}

/** An answer of the proxy's own that ends the request before the platform is called. */
class Refusal extends Error {
  override readonly name = 'Refusal';

  constructor(readonly response: Response) {
    super(`Refused with ${response.status}`);
  }
}

/**
 * Creates the host proxy handler.
 *
 * For each request it: refuses origins that are neither the same origin nor listed in `cors`
 * (403) and answers preflights; accepts only the eleven KYC endpoints (404 otherwise, 405 for a
 * wrong method), without contacting the platform; asks `authorize` for the session (401 when
 * null); refuses one-time codes in the URL (400: they come in `Kyc-Sms-Sign-Code` /
 * `Kyc-Email-Sign-Code` headers) and bodies that are not what they must be (415 for another
 * content type, 400 for a JSON body that does not parse, is nested too deeply or is no object);
 * refuses an application that is not the identity's (404, see `authorizeApplication`); counts the
 * request against the rate limits (429 with `Retry-After`); keeps only the documented query
 * parameters and sets `legal_entity_uuid` / `client_uuid` from the session (also in the send-code
 * body); sends JSON bodies re-serialized as `application/json`; forwards only `accept`,
 * `accept-language`, the body's type and length, plus the credentials; bounds bodies (413) and
 * time (408 while the browser's body is still arriving, 504 while the platform is answering);
 * answers 502 when the platform cannot be reached or answers something that is not JSON; passes
 * back only `content-type` and `retry-after`; rewrites the `next` / `previous` links of paginated
 * lists to go through the proxy; and marks every answer `Cache-Control: no-store`,
 * `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none';
 * frame-ancestors 'none'`.
 *
 * Throws a `TypeError` at once on invalid options.
 */
export function createKycProxy(options: KycProxyOptions): KycHandler {
  const proxy = new KycProxy(options);
  return (request) => proxy.handle(request);
}

/** What one forwarded call is: its route and operation, who it is for, where the proxy is reached. */
interface Call {
  readonly request: Request;
  readonly match: RouteMatch;
  readonly operation: Operation;
  readonly identity: KycIdentity;
  /** The origin the proxy is reached on, when the configuration says it; null when only `Host` tells. */
  readonly origin: string | null;
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
  readonly #origin: string | null;
  readonly #jsonBytes: number;
  readonly #uploadBytes: number;
  readonly #timeoutMs: number;
  readonly #uploadTimeoutMs: number;
  readonly #limits: RateLimits;
  readonly #ownership: Ownership;

  constructor(options: KycProxyOptions) {
    if (typeof options.authorize !== 'function') throw new TypeError('authorize must be a function');
    if (options.credentials === undefined) throw new TypeError('credentials are required');
    if (options.authorizeApplication !== undefined && typeof options.authorizeApplication !== 'function') {
      throw new TypeError('authorizeApplication must be a function');
    }
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
    this.#origin = options.origin === undefined ? null : parseOrigin(options.origin);
    this.#jsonBytes = positiveInteger(options.limits?.jsonBytes, DEFAULT_JSON_BYTES, 'limits.jsonBytes');
    this.#uploadBytes = positiveInteger(options.limits?.uploadBytes, DEFAULT_UPLOAD_BYTES, 'limits.uploadBytes');
    this.#timeoutMs = positiveInteger(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.#uploadTimeoutMs = positiveInteger(options.uploadTimeoutMs, DEFAULT_UPLOAD_TIMEOUT_MS, 'uploadTimeoutMs');
    const store = options.store ?? createMemoryStore();
    this.#limits = new RateLimits(options.limits, store);
    const ownershipSeconds = positiveInteger(options.ownershipSeconds, DEFAULT_OWNERSHIP_SECONDS, 'ownershipSeconds');
    this.#ownership = new Ownership(store, ownershipSeconds, (identity) => this.#lastApplication(identity));
    this.#options = options;
  }

  async handle(request: Request): Promise<Response> {
    const started = performance.now();
    const report = { route: null as string | null, status: 500 };
    try {
      // Every answer is built here (never the platform's own object), so its headers are mutable.
      const response = secureAnswer(await this.#serve(request, report));
      report.status = response.status;
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
    const origin = this.#origin ?? trustedOriginOf(request);
    const verdict = this.#cors.check(request, origin);
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
    return this.#cors.apply(await this.#forward({ request, match, operation, identity, origin }), verdict);
  }

  #match(request: Request): RouteMatch | null {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${this.#basePath}/`)) return null;
    return matchRoute(this.#routes, pathname.slice(this.#basePath.length));
  }

  async #forward(call: Call): Promise<Response> {
    const { request, match, operation, identity } = call;
    const upload = operation.body === 'upload';
    const deadline = new Deadline(upload ? this.#uploadTimeoutMs : this.#timeoutMs);
    const signal = AbortSignal.any([request.signal, deadline.signal]);
    let limited: LimitedStream | undefined;
    /** Set while the proxy waits for the browser's body: the deadline passing then is the browser's slowness (408). */
    let readingBody = false;
    /** A rate limit met, or the store failing, while the upload streamed (its bytes counted as they passed). */
    let meteredRefusal: Response | null = null;
    let meterFailure: unknown;
    try {
      const query = forwardedQuery(request, operation, identity);
      const contentType = request.headers.get('content-type');
      if (upload ? !isMultipartType(contentType) : operation.body !== 'none' && !isJsonRequestType(contentType)) {
        throw new Refusal(errorResponse(415, `Expected a body of type ${upload ? 'multipart/form-data' : 'application/json'}.`));
      }
      if (match.applicationUuid !== null) await this.#checkOwner(identity, match.applicationUuid);
      const headers = await partnerHook(() => this.#headers(request, identity));
      let body: BodyInit | null = null;
      let counted: Counted = { identity };
      const declared = declaredLength(request);
      if (upload) {
        if (declared > this.#uploadBytes) throw new BodyTooLargeError(this.#uploadBytes);
        // A declared size counts at once; an undeclared one as its bytes pass (below).
        counted = { identity, uploadBytes: Math.max(declared, 0) };
        headers.set('content-type', contentType!);
        if (declared >= 0) headers.set('content-length', String(declared));
      } else if (operation.body !== 'none') {
        if (declared > this.#jsonBytes) throw new BodyTooLargeError(this.#jsonBytes);
        readingBody = true;
        const value = parseJsonObject(await readLimited(request.body, this.#jsonBytes, signal));
        readingBody = false;
        if (operation.body === 'send-code') {
          const { object_uuid: object, destination, provider_type: provider } = value;
          if (!isUuid(object)) throw new InvalidBodyError('object_uuid must be the uuid of an application.');
          await this.#checkOwner(identity, object);
          counted = {
            identity,
            sendCode: {
              application: object,
              provider: typeof provider === 'string' ? provider : '',
              destination: typeof destination === 'string' && destination !== '' ? destination : null,
            },
          };
          value['legal_entity_uuid'] = identity.legalEntityUuid;
        }
        // Re-serialized: the platform parses exactly what the proxy read (no duplicate keys, no
        // second reading of the same bytes under another content type).
        const bytes = new TextEncoder().encode(JSON.stringify(value));
        body = bytes;
        headers.set('content-type', 'application/json');
        headers.set('content-length', String(bytes.byteLength));
      }
      if (operation.signed && SIGN_CODE_PARAMS.some((name) => query.has(name))) {
        counted = { ...counted, codeAttempt: match.applicationUuid ?? '' };
      }
      const refusal = await this.#limits.count(counted);
      if (refusal) throw new Refusal(refusal);
      if (upload && request.body) {
        const meter =
          declared < 0
            ? async (bytes: number) => {
                try {
                  meteredRefusal ??= await this.#limits.countUploadBytes(identity, bytes);
                } catch (error) {
                  meterFailure = error;
                  throw error;
                }
                if (meteredRefusal) throw new Refusal(meteredRefusal);
              }
            : undefined;
        limited = limitStream(request.body, this.#uploadBytes, meter);
        body = limited.stream;
      }
      const url = this.#upstreamUrl(match.path, query);
      const init: RequestInit & { duplex: 'half' } = { method: request.method, headers, body, signal, duplex: 'half' };
      const answer = await whileNotAborted(this.#fetch(new Request(url, init)), signal);
      if (meterFailure) throw meterFailure as Error;
      if (meteredRefusal || limited?.exceeded() || signal.aborted) {
        // The platform answered a body it did not get whole, or too late: that answer is moot.
        await answer.body?.cancel().catch(() => undefined);
        throw meteredRefusal ? new Refusal(meteredRefusal) : limited?.exceeded() ? new BodyTooLargeError(this.#uploadBytes) : signal.reason;
      }
      return await this.#answer(answer, call, url, deadline);
    } catch (thrown) {
      deadline.clear();
      await limited?.stream.cancel().catch(() => undefined);
      // What broke the upload's stream is the cause, whatever the platform call then reported.
      const error = meterFailure ?? thrown;
      if (error instanceof PartnerHookError) throw error.cause;
      if (meteredRefusal) return meteredRefusal;
      if (error instanceof Refusal) return error.response;
      if (error instanceof BodyTooLargeError || limited?.exceeded()) {
        return errorResponse(413, 'The request body is too large.');
      }
      if (error instanceof InvalidBodyError) return errorResponse(400, error.message);
      if (deadline.signal.aborted && (readingBody || limited?.waitingForSource())) {
        return errorResponse(408, 'The request body did not arrive in time.');
      }
      if (deadline.signal.aborted || isTimeout(error)) return errorResponse(504, 'The KYC platform did not answer in time.');
      if (request.signal.aborted) return errorResponse(CLIENT_CLOSED_REQUEST, 'The client closed the request.');
      const { onUpstreamError } = this.#options;
      if (onUpstreamError) ignoreErrors(() => onUpstreamError(error));
      if (error instanceof StoreUnavailableError) return errorResponse(503, 'The service is temporarily unavailable.');
      return errorResponse(502, 'The KYC platform is unavailable.');
    }
  }

  /** Refuses (404) an application that is not the identity's. */
  async #checkOwner(identity: KycIdentity, applicationUuid: string): Promise<void> {
    const { authorizeApplication } = this.#options;
    const owns = authorizeApplication
      ? await partnerHook(() => Promise.resolve(authorizeApplication(identity, applicationUuid)))
      : await this.#ownership.owns(identity, applicationUuid);
    if (owns !== true) throw new Refusal(errorResponse(404, 'Not found.'));
  }

  /** The proxy's own read of the level info, for the ownership check: `last_kyc_application_uuid`. */
  async #lastApplication(identity: KycIdentity): Promise<string | null> {
    const query = new URLSearchParams({ legal_entity_uuid: identity.legalEntityUuid, client_uuid: identity.clientUuid });
    const headers = await partnerHook(() => this.#headers(null, identity));
    headers.set('accept', 'application/json');
    const deadline = new Deadline(this.#timeoutMs);
    try {
      const url = this.#upstreamUrl('/v1/clients/kyc-level-info/', query);
      const answer = await whileNotAborted(this.#fetch(new Request(url, { headers, signal: deadline.signal })), deadline.signal);
      if (answer.status === 401) {
        await answer.body?.cancel().catch(() => undefined);
        throw new UpstreamUnauthorizedError('The KYC platform refused the proxy credentials (401).');
      }
      if (!answer.ok || !isJson(answer.headers.get('content-type'))) {
        await answer.body?.cancel().catch(() => undefined);
        throw new UpstreamFormatError(`The KYC platform answered the level info with ${answer.status}.`);
      }
      const body = parseJson(new Uint8Array(await answer.arrayBuffer()));
      if (body === undefined) throw new UpstreamFormatError('The KYC platform answered a level info that does not parse.');
      return revealedApplication(body, 'last-application');
    } finally {
      deadline.clear();
    }
  }

  async #headers(request: Request | null, identity: KycIdentity): Promise<Headers> {
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request?.headers.get(name) ?? null;
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
  async #answer(answer: Response, call: Call, sent: URL, deadline: Deadline): Promise<Response> {
    const { match, operation, identity, origin } = call;
    if (answer.status === 401) {
      await answer.body?.cancel();
      throw new UpstreamUnauthorizedError('The KYC platform refused the proxy credentials (401).');
    }
    const headers = new Headers();
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter !== null) headers.set('retry-after', retryAfter);
    if (NULL_BODY_STATUSES.has(answer.status) || !answer.body) {
      await answer.body?.cancel();
      deadline.clear();
      return new Response(null, { status: answer.status, headers });
    }
    const contentType = answer.headers.get('content-type');
    if (!isJson(contentType)) {
      // Never the platform's HTML (or anything else) on the partner's origin: a success that is
      // not JSON breaks the contract (502); a refusal keeps its status, in JSON.
      await answer.body.cancel().catch(() => undefined);
      deadline.clear();
      if (answer.ok) throw new UpstreamFormatError(`The KYC platform answered ${answer.status} with ${contentType ?? 'no content type'}.`);
      return errorResponse(answer.status, `The KYC platform answered ${answer.status}.`, Object.fromEntries(headers));
    }
    // Never the platform's own words for it (`application/json, text/html` would be sniffed as HTML).
    headers.set('content-type', 'application/json');
    const reveals = answer.ok ? operation.reveals : null;
    if ((operation.paginated && answer.ok) || reveals) {
      // Read whole, for what the proxy must learn or rewrite. A list it cannot read cannot have its
      // links rewritten (502); any other answer goes on as the platform sent it, learnt from or not
      // (the widget judges a malformed one).
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await answer.arrayBuffer());
      } catch (error) {
        throw new UpstreamFormatError('The KYC platform broke off its answer.', { cause: error });
      } finally {
        deadline.clear();
      }
      const body = parseJson(bytes);
      if (body === undefined && operation.paginated) throw new UpstreamFormatError('The KYC platform answered a list that does not parse.');
      if (body === undefined) return new Response(bytes, { status: answer.status, headers });
      const revealed = reveals && revealedApplication(body, reveals);
      // Not remembered (the store is down): the ownership check asks the platform again later.
      if (revealed) await this.#ownership.learn(identity, revealed).catch(() => undefined);
      if (!operation.paginated) return new Response(bytes, { status: answer.status, headers });
      const proxyBase = `${origin ?? ''}${this.#basePath}`;
      const context = { routes: this.#routes, route: match.route, operation, sent, upstreamPrefix: this.#upstreamPrefix, proxyBase };
      return new Response(JSON.stringify(rewritePageLinks(body, context)), { status: answer.status, headers });
    }
    const body = whenDone(answer.body, () => deadline.clear());
    deadline.release();
    return new Response(body, { status: answer.status, headers });
  }
}

/** The platform's query parameters for one-time codes. */
const SIGN_CODE_PARAMS = [...SIGN_CODE_HEADERS.values()];

/**
 * The query sent to the platform: the identity from the session, the endpoint's own parameters,
 * and the one-time codes from their request headers. Codes in the browser's URL are refused (400):
 * every access log on the way would keep them.
 */
function forwardedQuery(request: Request, operation: Operation, identity: KycIdentity): URLSearchParams {
  const source = new URL(request.url).searchParams;
  if (SIGN_CODE_PARAMS.some((name) => source.has(name))) {
    throw new Refusal(
      errorResponse(400, 'One-time codes are sent in the Kyc-Sms-Sign-Code and Kyc-Email-Sign-Code headers, never in the URL.'),
    );
  }
  const query = new URLSearchParams({ legal_entity_uuid: identity.legalEntityUuid });
  if (operation.scope === 'client') query.set('client_uuid', identity.clientUuid);
  for (const name of operation.query) {
    const value = source.get(name);
    if (value !== null) query.set(name, value);
  }
  if (operation.signed) {
    for (const [header, param] of SIGN_CODE_HEADERS) {
      const code = request.headers.get(header);
      if (code === null || code === '') continue;
      if (!SIGN_CODE.test(code)) throw new Refusal(errorResponse(400, `The ${header} header is not a one-time code.`));
      query.set(param, code);
    }
  }
  return query;
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

/** True for the abort reason of a deadline (the proxy's own look-up's included). */
function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

/** The JSON value of a platform answer, or undefined when it is not JSON. */
function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
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
