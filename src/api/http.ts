// Transport: fetch (XMLHttpRequest for uploads with progress), per-attempt timeouts, caller
// aborts, bounded retries where they are safe, and bearer tokens with one shared refresh on 401.
// Every failure leaves here as a KycApiError.
import { systemClock, type KycClock } from '../internal/clock.js';
import type { KycClientOptions } from './client.js';
import { errorFromResponse, KycApiError, type ErrorAnswer, type ErrorContext } from './errors.js';
import { decodeToken } from './schemas.js';
import type { KycUploadProgress } from './types.js';

/** What the client learns before each retry (for logging or metrics; holds no personal data). */
export interface KycRetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** Wait before this retry, in ms. */
  delayMs: number;
  /** Why the previous attempt failed. */
  error: KycApiError;
}

/**
 * How failed requests are retried, with jittered exponential backoff. What is retried:
 * - a read (GET) after a network error, a timeout, an answer cut off mid-body, a 500, 502, 503 or
 *   504, and a 429: Retry-After asks the client to come back, and a read is safe to repeat;
 * - a PATCH and an upload only after a network error before any answer: a PATCH sends the same
 *   values again; a repeated upload may leave an unused file on the platform, never a document
 *   (documents are created by a separate call). A PATCH signed with one-time codes never: the
 *   platform may have applied it and spent the codes (the flow reads the application instead);
 * - any other POST never, and no other 4xx.
 */
export interface KycRetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** First backoff, doubled on each retry, with jitter. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap of a backoff; a Retry-After longer than this is not waited for (the error carries it). Default 5000 ms. */
  maxDelayMs?: number;
  /** Called before each retry; what it throws is ignored. */
  onRetry?: (info: KycRetryInfo) => void;
}

/** Options of {@link createTransport}: the client's, less what only the endpoints use. */
export type TransportOptions = Omit<KycClientOptions, 'legalEntityUuid' | 'clientUuid' | 'paths' | 'platform'>;

/** Query parameters; `undefined` values are left out. */
export type Query = Record<string, string | number | boolean | undefined> | URLSearchParams;

/** One call to the host endpoint (whether it is an upload follows from `form`). */
export interface ApiRequest extends Omit<ErrorContext, 'upload'> {
  method: 'GET' | 'POST' | 'PATCH';
  query?: Query;
  /** Request headers of the call itself (one-time codes: never in the URL). */
  headers?: Record<string, string>;
  /** JSON body. */
  json?: unknown;
  /** Multipart body (an upload). */
  form?: FormData;
  signal?: AbortSignal | undefined;
  /** Upload progress; given, the request goes through XMLHttpRequest where there is one. */
  onProgress?: ((progress: KycUploadProgress) => void) | undefined;
}

/** A successful (2xx) answer; `body` is the parsed JSON, or undefined when the body is empty. */
export interface ApiResponse {
  status: number;
  body: unknown;
}

/** Sends a request, with retries and auth; rejects only with a KycApiError. */
export type Transport = ((request: ApiRequest) => Promise<ApiResponse>) & {
  /** Asks the token endpoint for a single-use hand-off token of the host's session (see `KycClient.requestHandoff`). */
  requestHandoff(): Promise<{ token: string; expiresIn: number | null }>;
};

/** The part of a Response the transport reads (so XMLHttpRequest can stand in for fetch). */
interface RawResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

interface RawInit {
  method: string;
  headers: Record<string, string>;
  body?: string | FormData | undefined;
  credentials: RequestCredentials;
  signal: AbortSignal;
}

/** `alive`: the request is moving (upload progress), so a stall limit starts again. */
type Sender = (url: string, init: RawInit, alive?: () => void) => Promise<RawResponse>;

const DEFAULTS = { timeoutMs: 30_000, uploadTimeoutMs: 120_000, retries: 3, baseDelayMs: 300, maxDelayMs: 5_000 };
/** Answers after which a read is repeated: rate limited, and the transient server errors. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

const abortedError = (context: ErrorContext) =>
  new KycApiError('aborted', `KYC API ${context.method} ${context.path} was aborted by the caller.`);

/**
 * How one attempt ended: an answer (any status), or a failure. `cut` marks an answer whose body
 * broke off after its headers: the request reached the server, so only a read may be repeated.
 */
type Outcome = { answer: ErrorAnswer } | Failure;

/** A failed attempt; see {@link Outcome}. */
interface Failure {
  error: KycApiError;
  cut: boolean;
}

/** Resolves after `ms` on `clock`, or rejects with `aborted` at once when `signal` fires. */
function sleep(clock: KycClock, ms: number, signal: AbortSignal | undefined, context: ErrorContext): Promise<void> {
  let timer: unknown;
  const elapsed = new Promise<void>((resolve) => {
    timer = clock.setTimeout(resolve, ms);
  });
  return untilAborted(elapsed, signal, context).finally(() => clock.clearTimeout(timer));
}

/** `promise`, or an `aborted` rejection as soon as `signal` fires (the promise is still observed). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, context: ErrorContext): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(context));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Milliseconds from a Retry-After header (seconds, or an HTTP date from `now`). */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value?.trim()) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

function buildUrl(endpoint: string, path: string, query: Query | undefined): string {
  const params =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(Object.entries(query ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  const search = params.toString();
  return `${endpoint.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

/**
 * Sends through XMLHttpRequest to report upload progress. Resolves once the headers are in, like
 * fetch; the body then comes through `text()`, which fails when the connection breaks.
 */
function sendWithProgress(onProgress: (loaded: number, total: number) => void): Sender {
  return (url, init, alive) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      let bodyDone: (text: string) => void = () => {};
      let bodyFailed: (error: Error) => void = () => {};
      const body = new Promise<string>((res, rej) => {
        bodyDone = res;
        bodyFailed = rej;
      });
      body.catch(() => {}); // read (and its failure seen) through text(); never an unhandled rejection
      const fail = () => {
        const error = new TypeError('XMLHttpRequest failed');
        reject(error);
        bodyFailed(error);
      };
      xhr.open(init.method, url);
      xhr.withCredentials = init.credentials === 'include';
      for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
      let total = 0;
      xhr.upload.onprogress = (event) => {
        alive?.();
        if (!event.lengthComputable) return;
        total = event.total;
        onProgress(event.loaded, event.total);
      };
      xhr.upload.onload = () => {
        if (total) onProgress(total, total);
      };
      xhr.onreadystatechange = () => {
        if (xhr.readyState !== XMLHttpRequest.HEADERS_RECEIVED) return;
        resolve({
          status: xhr.status,
          headers: { get: (name) => xhr.getResponseHeader(name) },
          text: () => body,
        });
      };
      xhr.onload = () => bodyDone(xhr.responseText);
      xhr.onerror = fail;
      xhr.onabort = fail;
      if (init.signal.aborted) return fail();
      init.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(init.body ?? null);
    });
}

/**
 * Creates the transport for one client. Retries where repeating is safe (see {@link KycRetryOptions}),
 * after a Retry-After when given and not above `maxDelayMs`. API calls carry the configured
 * `credentials`; the token endpoint is always called with `credentials: 'include'`.
 */
export function createTransport(options: TransportOptions): Transport {
  const credentials = options.credentials ?? 'same-origin';
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? DEFAULTS.uploadTimeoutMs;
  const retries = options.retry?.retries ?? DEFAULTS.retries;
  const baseDelayMs = options.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const clock = options.clock ?? systemClock;
  const customFetch = options.fetch;
  // Looked up per call (not at import or creation), and never called as a method of another object.
  const sendWithFetch: Sender = (url, init) => (customFetch ?? globalThis.fetch)(url, init);

  /** One attempt, bounded by `timeout` and the caller's signal. Never rejects. */
  async function attempt(
    url: string,
    init: Omit<RawInit, 'signal'>,
    send: Sender,
    timeout: number,
    context: ErrorContext & { signal?: AbortSignal | undefined },
  ): Promise<Outcome> {
    const controller = new AbortController();
    const { signal } = context;
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) controller.abort();
    let timedOut = false;
    const expire = () => {
      timedOut = true;
      controller.abort();
    };
    let timer = clock.setTimeout(expire, timeout);
    // An upload that reports progress is alive: its limit is on a stall, not on its whole length
    // (a large file on a slow line takes as long as it takes).
    const alive = () => {
      clock.clearTimeout(timer);
      timer = clock.setTimeout(expire, timeout);
    };
    const interrupted = (what: string) =>
      signal?.aborted
        ? abortedError(context)
        : timedOut
          ? new KycApiError('timeout', `KYC API ${context.method} ${context.path}: no ${what} within ${timeout} ms.`)
          : undefined;
    const where = `KYC API ${context.method} ${context.path}`;
    try {
      let response: RawResponse;
      try {
        response = await send(url, { ...init, signal: controller.signal }, alive);
      } catch {
        const error = interrupted('answer') ?? new KycApiError('network', `${where}: no answer from the endpoint.`);
        return { error, cut: false };
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        const stopped = interrupted('complete answer');
        if (stopped) return { error: stopped, cut: false };
        const error = new KycApiError('malformed_response', `${where}: the answer was cut off.`, { status: response.status });
        return { error, cut: true };
      }
      const answer: ErrorAnswer = {
        status: response.status,
        body: undefined,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now()),
      };
      try {
        answer.body = text.trim() ? JSON.parse(text) : undefined;
      } catch {
        answer.notJson = true;
      }
      if (answer.notJson && response.status >= 200 && response.status < 300) {
        const { status } = response;
        const error = new KycApiError('malformed_response', `${where}: the answer is not JSON (HTTP ${status}).`, { status });
        return { error, cut: false };
      }
      return { answer };
    } finally {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * POSTs to the token endpoint (`body` as JSON, when given) and answers its JSON. Always with
   * cookies: the endpoint reads the host's own session, and may be on another origin than the
   * proxy (the API calls keep the configured `credentials`).
   */
  async function tokenEndpointAnswer(url: string, body?: object): Promise<unknown> {
    const context = { method: 'POST', path: '(token endpoint)' };
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    const init = { method: 'POST', headers, credentials: 'include', ...(body ? { body: JSON.stringify(body) } : {}) } as const;
    const outcome = await attempt(url, init, sendWithFetch, timeoutMs, context);
    if ('error' in outcome) throw outcome.error;
    const { answer } = outcome;
    if (answer.status < 200 || answer.status >= 300) throw errorFromResponse(answer, context);
    return answer.body;
  }

  const tokens = tokenSource();

  /** Bearer tokens from the tokenProvider or the tokenEndpoint, cached; concurrent refreshes share one call. */
  function tokenSource() {
    const { tokenProvider, tokenEndpoint } = options;
    // A hand-off token (a link opened on a phone) is exchanged once; later tokens come as usual.
    let handoff = options.handoffToken || undefined;
    const fetchToken = tokenProvider
      ? () => fromProvider(tokenProvider)
      : tokenEndpoint
        ? () => {
            const body = handoff === undefined ? undefined : { handoff };
            handoff = undefined;
            return fromEndpoint(tokenEndpoint, body);
          }
        : undefined;
    if (!fetchToken) return undefined;
    let current: { value: string; expiresAt: number } | undefined;
    let loading: Promise<string> | undefined;

    async function fromProvider(provider: () => Promise<string>) {
      let value: unknown;
      try {
        value = await provider();
      } catch (error) {
        if (error instanceof KycApiError) throw error;
        throw new KycApiError('unauthorized', 'KYC API: the tokenProvider failed.');
      }
      if (typeof value !== 'string' || !value) {
        throw new KycApiError('unauthorized', 'KYC API: the tokenProvider gave no token.');
      }
      return { value, expiresAt: Infinity };
    }

    async function fromEndpoint(url: string, body?: object) {
      const { token, expires_in: ttl } = decodeToken(await tokenEndpointAnswer(url, body), 'KYC token endpoint');
      // Renew ahead of expiry: 30 s early, or halfway through a short life.
      const lifeMs = ttl == null ? Infinity : ttl * 1000;
      return { value: token, expiresAt: clock.now() + lifeMs - Math.min(30_000, lifeMs / 2) };
    }

    const load = (): Promise<string> => {
      loading ??= fetchToken()
        .then(
          (token) => {
            current = token;
            return token.value;
          },
          (error: unknown) => {
            current = undefined; // a token that got a 401 is not reused after a failed refresh
            throw error;
          },
        )
        .finally(() => {
          loading = undefined;
        });
      return loading;
    };

    return {
      /** A valid token: the cached one, or a new one. */
      get: (): Promise<string> => (current && current.expiresAt > clock.now() ? Promise.resolve(current.value) : load()),
      /** A token other than `stale`, which got a 401: one already fetched by a concurrent request, or a new one. */
      refresh: (stale: string): Promise<string> => (current && current.value !== stale ? Promise.resolve(current.value) : load()),
    };
  }

  /** Wait before retry number `done + 1`, or undefined when `failure` must not be retried (see {@link KycRetryOptions}). */
  function backoff(request: ApiRequest, { error, cut }: Failure, done: number): number | undefined {
    if (done >= retries) return undefined;
    const read = request.method === 'GET';
    const retriable =
      error.code === 'network'
        ? read || (request.method === 'PATCH' && !request.signedWith?.length) || request.form !== undefined
        : read && (cut || error.code === 'timeout' || RETRYABLE_STATUSES.has(error.status ?? 0));
    if (!retriable) return undefined;
    if (error.retryAfterMs !== undefined) return error.retryAfterMs <= maxDelayMs ? error.retryAfterMs : undefined;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** done);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  async function requestHandoff(): Promise<{ token: string; expiresIn: number | null }> {
    if (!options.tokenEndpoint) throw new TypeError('A hand-off needs the token endpoint (tokenEndpoint).');
    const body = await tokenEndpointAnswer(options.tokenEndpoint, { purpose: 'handoff' });
    const handoff = (body as { handoff?: unknown } | null)?.handoff;
    const ttl = (body as { expires_in?: unknown } | null)?.expires_in;
    if (typeof handoff !== 'string' || handoff === '' || handoff.length > 2048) {
      throw new KycApiError('malformed_response', 'KYC token endpoint: the answer has no hand-off token.');
    }
    return { token: handoff, expiresIn: typeof ttl === 'number' && ttl > 0 ? ttl : null };
  }

  return Object.assign(send, { requestHandoff });

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const url = buildUrl(options.endpoint, request.path, request.query);
    const upload = request.form !== undefined;
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const body = upload ? request.form : request.json === undefined ? undefined : JSON.stringify(request.json);
    const { onProgress } = request;
    let progressed = 0;
    const sender =
      onProgress && typeof XMLHttpRequest === 'function'
        ? sendWithProgress((loaded, total) => {
            // A retried upload starts again from 0: keep what is reported monotonic.
            progressed = Math.max(progressed, loaded);
            onProgress({ loaded: progressed, total });
          })
        : sendWithFetch;
    let replayed = false;
    for (let done = 0; ;) {
      if (request.signal?.aborted) throw abortedError(request);
      let failure: Failure;
      try {
        const token = tokens && (await untilAborted(tokens.get(), request.signal, request));
        if (token) headers.authorization = `Bearer ${token}`;
        const outcome = await attempt(
          url,
          { method: request.method, headers, body, credentials },
          sender,
          upload ? uploadTimeoutMs : timeoutMs,
          request,
        );
        if ('error' in outcome) {
          failure = outcome;
        } else if (outcome.answer.status === 401 && tokens && token && !replayed) {
          // Replay once with a fresh token; requests that got 401 together share one refresh.
          replayed = true;
          await untilAborted(tokens.refresh(token), request.signal, request);
          continue;
        } else {
          const { answer } = outcome;
          if (answer.status >= 200 && answer.status < 300) return { status: answer.status, body: answer.body };
          failure = { error: errorFromResponse(answer, { ...request, upload }), cut: false };
        }
      } catch (error) {
        // The token source failed (it rejects only with KycApiError), or the caller aborted the wait for it.
        failure = { error: error as KycApiError, cut: false };
      }
      const { error } = failure;
      const delayMs = backoff(request, failure, done);
      if (delayMs === undefined) throw error;
      done += 1;
      try {
        options.retry?.onRetry?.({ attempt: done, delayMs, error });
      } catch {
        // An observer's own failure must not change the request's outcome.
      }
      await sleep(clock, delayMs, request.signal, request);
    }
  }
}
