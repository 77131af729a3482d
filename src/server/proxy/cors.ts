/**
 * Cross-origin rules shared by the proxy and the token endpoint: requests from listed origins get
 * CORS headers, same-origin requests pass untouched, and every other origin is refused.
 */
import { errorResponse } from '../http-util.js';

/** Which other origins may call the handler from a browser. */
export interface KycCorsOptions {
  /**
   * Origins allowed to call cross-origin, exactly as browsers send them in `Origin`: scheme, host
   * and port, no path and no trailing slash (`https://shop.example`, `http://localhost:8000`).
   */
  origins: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. Default 600. */
  maxAgeSeconds?: number;
  /**
   * Answer `Access-Control-Allow-Credentials: true`, so cross-origin calls may carry the host's
   * cookies. Needed when the session is a cookie, e.g. on the token endpoint. Default false.
   */
  credentials?: boolean;
}

/** The result of checking a request's origin. */
export type CorsVerdict =
  /** `origin` is the listed cross origin to answer with CORS headers, or null (same origin, or no browser origin). */
  { readonly allowed: true; readonly origin: string | null } | { readonly allowed: false };

const DEFAULT_MAX_AGE_SECONDS = 600;
/** Request headers the widget sends beyond the CORS-safelisted ones (one-time codes travel in headers, never in URLs). */
const ALLOWED_HEADERS = 'authorization, content-type, kyc-sms-sign-code, kyc-email-sign-code';
/** Response headers the widget reads beyond the CORS-safelisted ones. */
const EXPOSED_HEADERS = 'retry-after';

/** A validated CORS configuration. */
export class CorsPolicy {
  readonly #origins: ReadonlySet<string>;
  readonly #maxAge: number;
  readonly #credentials: boolean;

  /** Validates the options; throws a `TypeError` on an origin that is not a bare origin. */
  constructor(options: KycCorsOptions | undefined) {
    const origins = options?.origins ?? [];
    for (const origin of origins) {
      if (!isBareOrigin(origin)) {
        throw new TypeError(`cors.origins: "${origin}" is not an origin like "https://shop.example"`);
      }
    }
    const maxAge = options?.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
    if (!Number.isInteger(maxAge) || maxAge < 0) {
      throw new TypeError('cors.maxAgeSeconds must be a whole number of seconds, 0 or more');
    }
    this.#origins = new Set(origins);
    this.#maxAge = maxAge;
    this.#credentials = options?.credentials ?? false;
  }

  /**
   * Decides whether a browser may make this request. A request with no `Origin` passes unless
   * `Sec-Fetch-Site` says a browser sent it from another site (an image or a link embedded there);
   * a same-origin request passes (its `Origin` equals `self`, the origin the server is configured
   * to be reached on, else the request URL's origin; or `Sec-Fetch-Site: same-origin` vouches for
   * it behind a rewriting reverse proxy); a listed origin passes with CORS headers; anything else,
   * `Origin: null` included, is refused.
   */
  check(request: Request, self: string | null = null): CorsVerdict {
    const origin = request.headers.get('origin');
    const site = request.headers.get('sec-fetch-site');
    if (origin === null) {
      return site === 'cross-site' || site === 'same-site' ? { allowed: false } : { allowed: true, origin: null };
    }
    if (origin === (self ?? new URL(request.url).origin) || site === 'same-origin') return { allowed: true, origin: null };
    return this.#origins.has(origin) ? { allowed: true, origin } : { allowed: false };
  }

  /**
   * True for a CORS preflight from an allowed cross origin: `OPTIONS` with
   * `Access-Control-Request-Method`, whose `Origin` was found in the list.
   */
  isPreflight(request: Request, verdict: CorsVerdict): boolean {
    return (
      verdict.allowed && verdict.origin !== null && request.method === 'OPTIONS' && request.headers.has('access-control-request-method')
    );
  }

  /**
   * The 204 answer to a preflight for a path allowing `methods`; {@link CorsPolicy.apply} then adds
   * the origin's headers.
   */
  preflight(methods: string): Response {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': methods,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': String(this.#maxAge),
        'cache-control': 'no-store',
      },
    });
  }

  /** The 403 answer to a refused origin, with no CORS headers. */
  refusal(): Response {
    return this.apply(errorResponse(403, 'This origin is not allowed.'), { allowed: false });
  }

  /**
   * Adds the CORS headers a verdict calls for to a response the handler built (so its headers are
   * mutable), and `Vary: Origin` whenever cross origins are configured. Returns the same response.
   */
  apply(response: Response, verdict: CorsVerdict): Response {
    if (this.#origins.size > 0) response.headers.append('vary', 'Origin');
    if (verdict.allowed && verdict.origin !== null) {
      response.headers.set('access-control-allow-origin', verdict.origin);
      response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
      if (this.#credentials) response.headers.set('access-control-allow-credentials', 'true');
    }
    return response;
  }
}

function isBareOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
