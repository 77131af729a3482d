import { errorResponse, isUuid, jsonResponse, noContent, toHex } from '../http-util.js';
import type { KycIdentity } from '../identity.js';
import { CorsPolicy } from '../proxy/cors.js';
import {
  bearerTokenAuthorizer,
  createKycProxy,
  createKycTokenEndpoint,
  mintKycToken,
  verifyKycToken,
  type KycCorsOptions,
} from '../proxy/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.js';
import { serveLivenessStandIn, STAND_IN_PREFIX } from './liveness-stand-in.js';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /**
   * Options of the sandbox that stands in for the platform (a fresh seeded one per app). Give
   * `livenessStandIn: {origin}` with the origin this app is served on (or another one serving a
   * demo app on the same sandbox) to have Sumsub's WebSDK load this app's liveness stand-in
   * (`/websdk/…`) instead of Sumsub.
   */
  sandbox?: Omit<SandboxOptions, 'apiKey'>;
  /** Secret that signs the demo session cookie (≥ 32 bytes). Random per process by default. */
  sessionSecret?: string;
  /**
   * Secret that signs the widget's bearer tokens (≥ 32 bytes), distinct from `sessionSecret` so
   * that a session cookie never passes as a bearer token, nor a token as a cookie. Random per
   * process by default.
   */
  tokenSecret?: string;
  /** Where the proxy is mounted (the widget's `endpoint`). Default `/kyc`. */
  basePath?: string;
  /**
   * Other page origins allowed to call the proxy and the token endpoint from a browser (a
   * cross-origin embed). The demo session itself stays same-origin.
   */
  cors?: KycCorsOptions;
  /** Serves anything the app does not route itself (the demo page, the bundles). */
  fallback?: (request: Request) => Promise<Response>;
}

/** The demo app: one web-standard handler and the sandbox behind it. */
export interface DemoApp {
  fetch(request: Request): Promise<Response>;
  readonly sandbox: Sandbox;
}

/** Name of the demo session cookie (HttpOnly; holds a signed token, never personal data). */
export const DEMO_SESSION_COOKIE = 'kyc_demo_session';
const SESSION_TTL_SECONDS = 8 * 60 * 60;
const SANDBOX_API_KEY = 'sandbox-platform-key';

/**
 * The production chain run locally: browser → host proxy → platform, with the in-process sandbox
 * as the platform and a demo "partner session" standing in for the partner's own login.
 *
 * Routes:
 * - `{basePath}/…` — the host proxy (identity from a bearer token when one is sent, else from the
 *   demo session cookie);
 * - `/kyc-token` — the token endpoint (POST; reads the demo session cookie);
 * - `/demo/session` — `POST {client_uuid, legal_entity_uuid?}` logs in as a sandbox client,
 *   `DELETE` logs out (both refused from another origin: no login CSRF), `GET` tells who is
 *   logged in (uuids only);
 * - `/sandbox/v1/…` — the sandbox's control endpoints (never reachable through the proxy);
 * - `/websdk/…` — the liveness stand-in: simulated Sumsub pages the sandbox's liveness tokens and
 *   URLs lead to when `sandbox.livenessStandIn` names this app's origin (see liveness-stand-in.ts);
 * - anything else — `fallback`, or 404.
 *
 * Throws a `TypeError` when the two secrets are equal, a `RangeError` when one is shorter than 32
 * bytes, and a `TypeError` on invalid `cors` options or an invalid `sandbox.livenessStandIn` origin.
 */
export function createDemoApp(options: DemoAppOptions = {}): DemoApp {
  const sandbox = createSandbox({ ...options.sandbox, apiKey: SANDBOX_API_KEY });
  const sessionSecret = options.sessionSecret ?? randomSecret();
  const tokenSecret = options.tokenSecret ?? randomSecret();
  if (sessionSecret === tokenSecret) throw new TypeError('sessionSecret and tokenSecret must differ');
  const basePath = options.basePath ?? '/kyc';
  const sameOrigin = new CorsPolicy(undefined);

  const sessionOf = async (request: Request): Promise<KycIdentity | null> => {
    const token = readCookie(request.headers.get('cookie'), DEMO_SESSION_COOKIE);
    return token ? verifyKycToken(token, { secret: sessionSecret }) : null;
  };
  const bearerOf = bearerTokenAuthorizer({ secret: tokenSecret });

  const proxy = createKycProxy({
    upstream: (request) => sandbox.fetch(request),
    basePath,
    credentials: { authorization: `Bearer ${SANDBOX_API_KEY}` },
    // A bearer token wins when present (cross-origin embeds); else the partner's cookie session.
    authorize: (request) => (request.headers.has('authorization') ? bearerOf(request) : sessionOf(request)),
    cors: options.cors,
  });
  const tokenEndpoint = createKycTokenEndpoint({
    secret: tokenSecret,
    authorize: sessionOf,
    cors: options.cors,
  });

  const session = async (request: Request): Promise<Response> => {
    if (request.method === 'GET') {
      const identity = await sessionOf(request);
      return jsonResponse(
        200,
        identity ? { legal_entity_uuid: identity.legalEntityUuid, client_uuid: identity.clientUuid } : null,
      );
    }
    if (request.method !== 'POST' && request.method !== 'DELETE') {
      return errorResponse(405, 'Method not allowed.', { allow: 'GET, POST, DELETE' });
    }
    // Another site must not log the browser in (login CSRF) or out.
    if (!sameOrigin.check(request).allowed) return sameOrigin.refusal();
    if (request.method === 'DELETE') return noContent({ 'set-cookie': cookie('', 0) });
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return errorResponse(400, 'Expected a JSON body.');
    }
    const identity = findClient(sandbox, body);
    if (!identity) {
      return errorResponse(400, 'Give client_uuid (and legal_entity_uuid for a client made by the sandbox control).');
    }
    const token = await mintKycToken(identity, { secret: sessionSecret, ttlSeconds: SESSION_TTL_SECONDS });
    return jsonResponse(
      200,
      { legal_entity_uuid: identity.legalEntityUuid, client_uuid: identity.clientUuid },
      { 'set-cookie': cookie(token, SESSION_TTL_SECONDS) },
    );
  };

  return {
    sandbox,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === basePath || pathname.startsWith(`${basePath}/`)) return proxy(request);
      if (pathname === '/kyc-token') return tokenEndpoint(request);
      if (pathname === '/demo/session') return session(request);
      if (pathname.startsWith('/sandbox/v1/')) return sandbox.fetch(request);
      if (pathname.startsWith(STAND_IN_PREFIX)) return serveLivenessStandIn(request);
      return options.fallback ? options.fallback(request) : errorResponse(404, 'Not found.');
    },
  };
}

function findClient(sandbox: Sandbox, body: unknown): KycIdentity | null {
  if (!body || typeof body !== 'object') return null;
  const { client_uuid: clientUuid, legal_entity_uuid: legalEntityUuid } = body as Record<string, unknown>;
  if (!isUuid(clientUuid)) return null;
  if (isUuid(legalEntityUuid)) return { legalEntityUuid, clientUuid };
  const seeded = sandbox.demoClients.find((client) => client.client_uuid === clientUuid);
  return seeded ? { legalEntityUuid: seeded.legal_entity_uuid, clientUuid } : null;
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function cookie(value: string, maxAge: number): string {
  return `${DEMO_SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`;
}

function randomSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}
