import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BodyTooLargeError, errorResponse, isHostHeader, isUuid, jsonResponse, noContent, readLimited, toHex } from '../http-util.js';
import type { KycIdentity } from '../identity.js';
import { CorsPolicy } from '../proxy/cors.js';
import {
  bearerTokenAuthorizer,
  createKycProxy,
  createKycTokenEndpoint,
  createMemoryStore,
  type KycCorsOptions,
  type KycProxyOptions,
} from '../proxy/index.js';
import { createSandbox, type DemoClient, type Sandbox, type SandboxOptions } from '../sandbox/index.js';
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
  /** Secret that signs the visitor cookie (≥ 32 bytes). Random per process by default. */
  sessionSecret?: string;
  /**
   * Secret that signs the widget's bearer tokens (≥ 32 bytes), distinct from `sessionSecret` so
   * that a visitor cookie never passes as a bearer token, nor a token as a cookie. Random per
   * process by default.
   */
  tokenSecret?: string;
  /** Where the proxy is mounted (the widget's `endpoint`). Default `/kyc`. */
  basePath?: string;
  /**
   * Other page origins allowed to call the proxy and the token endpoint from a browser (a
   * cross-origin embed). The demo session and the sandbox control stay same-origin.
   */
  cors?: KycCorsOptions;
  /** Rate and size limits of the host proxy (see the proxy's `limits` option). */
  limits?: KycProxyOptions['limits'];
  /**
   * The origins this app is served on (`http://127.0.0.1:8000`, `https://demo.example`): a
   * request whose `Host` header names none of their hosts is answered 421 (a malformed `Host`,
   * 400), so that a page on another name that resolves to this machine (DNS rebinding) reaches
   * nothing. Default: `127.0.0.1`, `localhost` and `[::1]`, on any port, over http.
   */
  origins?: readonly string[];
  /**
   * How many visitors (browsers, each with its own scenario clients) are kept: beyond, the one
   * least recently seen is forgotten with all of its clients. Default 200.
   */
  maxVisitors?: number;
  /**
   * How many fresh clients (`POST /sandbox/v1/clients/`) one visitor keeps beside its scenario
   * clients: beyond, its least recently used one is forgotten. Default 20.
   */
  maxClientsPerVisitor?: number;
  /** Serves anything the app does not route itself (the demo page, the bundles). */
  fallback?: (request: Request) => Promise<Response>;
  /**
   * The clock of the token endpoint and of the bearer tokens it signs, hand-off tokens included,
   * in milliseconds since the epoch. Default `Date.now`; the end-to-end run moves it on to see a
   * hand-off link expire.
   */
  now?: () => number;
}

/** The demo app: one web-standard handler and the sandbox behind it. */
export interface DemoApp {
  fetch(request: Request): Promise<Response>;
  readonly sandbox: Sandbox;
}

/** Name of the visitor cookie (HttpOnly; a random visitor id and its signature, never personal data). */
export const DEMO_SESSION_COOKIE = 'kyc_demo_session';
const COOKIE_MAX_AGE_SECONDS = 8 * 60 * 60;
const SANDBOX_API_KEY = 'sandbox-platform-key';
const DEFAULT_MAX_VISITORS = 200;
const DEFAULT_MAX_CLIENTS_PER_VISITOR = 20;
/** The largest control body the app reads itself (a fault) before passing it on. */
const MAX_CONTROL_BODY_BYTES = 256 * 1024;
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Control routes that name an application: its uuid, then what is done to it. */
const APPLICATION_ROUTE = /^\/sandbox\/v1\/applications\/([^/]+)\/(?:status\/|status\/testCompleted|liveness\/|inspect\/)$/;
/**
 * Control routes authorized by what they carry, not by the visitor: a liveness token or the id of
 * a liveness URL, unguessable and handed only to the application's own widget. The liveness
 * stand-in calls them from its frame (on the stand-in's origin) and from a phone (no cookie), as
 * Sumsub's own pages are authorized by their token.
 */
const CAPABILITY_ROUTES: ReadonlySet<string> = new Set(['/sandbox/v1/liveness-by-token/', '/sandbox/v1/liveness-by-url/']);

/** A browser with a visitor cookie: its own clients, and the one it is signed in as. */
interface Visitor {
  readonly id: string;
  /** One client per demo scenario, in a legal entity of its own. */
  readonly scenario: readonly DemoClient[];
  /** Every client of the visitor: client uuid → legal entity uuid. */
  readonly clients: Map<string, string>;
  /** The fresh clients (one legal entity each), least recently used first: client uuid → legal entity uuid. */
  readonly fresh: Map<string, string>;
  /** The client signed in as (the demo's stand-in for the partner's login), or null. */
  active: KycIdentity | null;
}

/**
 * The production chain run locally: browser → host proxy → platform, with the in-process sandbox
 * as the platform and a demo "partner session" standing in for the partner's own login. Safe to
 * show in public: every browser is a visitor of its own, and nothing of one visitor is reachable
 * by another.
 *
 * A **visitor** is a browser holding the visitor cookie (HttpOnly, signed, a random id). Its first
 * visit to `GET` or `POST /sandbox/v1/clients/` makes it: fresh clients, one per demo scenario, in
 * a legal entity of its own. At most `maxVisitors` are kept; the one least recently seen is then
 * forgotten with everything of its clients.
 *
 * Routes (every one of them only for a `Host` of `origins`: 421 otherwise, 400 when malformed):
 * - `{basePath}/…` — the host proxy (identity from a bearer token when one is sent, else the
 *   client the visitor is signed in as);
 * - `/kyc-token` — the token endpoint (POST; for the client the visitor is signed in as);
 * - `/demo/session` — `POST {client_uuid, legal_entity_uuid?}` signs in as one of the visitor's
 *   own clients (403 for any other), `DELETE` signs out (the visitor and its clients stay), `GET`
 *   tells who is signed in (uuids only); POST and DELETE are refused from another origin (login
 *   CSRF);
 * - `/sandbox/v1/…` — the sandbox control, on the visitor's own clients only (403 for anything
 *   else), same-origin only: `GET /sandbox/v1/clients/` lists its scenario clients, `POST` makes
 *   it a fresh one (at most `maxClientsPerVisitor`, the least recently used forgotten beyond);
 *   the routes naming an application (status, testCompleted, liveness, inspect) or a client
 *   (requests, faults) answer only for its own. `liveness-by-token` and `liveness-by-url` are
 *   authorized by the token or id they carry; any other control path is 404;
 * - `/websdk/…` — the liveness stand-in: simulated Sumsub pages the sandbox's liveness tokens and
 *   URLs lead to when `sandbox.livenessStandIn` names this app's origin (see liveness-stand-in.ts);
 * - anything else — `fallback`, or 404.
 *
 * Throws a `TypeError` when the two secrets are equal, a `RangeError` when one is shorter than 32
 * bytes or a bound is not a positive whole number, and a `TypeError` on invalid `cors` or
 * `origins` options or an invalid `sandbox.livenessStandIn` origin.
 */
export function createDemoApp(options: DemoAppOptions = {}): DemoApp {
  const maxVisitors = positiveInteger(options.maxVisitors, DEFAULT_MAX_VISITORS, 'maxVisitors');
  const maxClientsPerVisitor = positiveInteger(options.maxClientsPerVisitor, DEFAULT_MAX_CLIENTS_PER_VISITOR, 'maxClientsPerVisitor');
  const hosts = servedHosts(options.origins);
  const sandbox = createSandbox({
    // Room for every visitor's legal entities: the app forgets them, never the sandbox on its own.
    maxFreshEntities: maxVisitors * (1 + maxClientsPerVisitor),
    ...options.sandbox,
    apiKey: SANDBOX_API_KEY,
  });
  const sessionSecret = options.sessionSecret ?? randomSecret();
  const tokenSecret = options.tokenSecret ?? randomSecret();
  if (sessionSecret === tokenSecret) throw new TypeError('sessionSecret and tokenSecret must differ');
  if (new TextEncoder().encode(sessionSecret).length < 32) throw new RangeError('sessionSecret must be at least 32 bytes');
  const basePath = options.basePath ?? '/kyc';
  const sameOrigin = new CorsPolicy(undefined);

  // ── visitors ──────────────────────────────────────────────────────────────
  /** Least recently seen first (a Map keeps insertion order; a visitor seen is moved to the end). */
  const visitors = new Map<string, Visitor>();

  const sign = (id: string): string => createHmac('sha256', sessionSecret).update(`kyc-demo-visitor:${id}`).digest('base64url');

  /** The visitor the request's cookie names, if it is signed by this app and still kept. */
  const visitorOf = (request: Request): Visitor | null => {
    const value = readCookie(request.headers.get('cookie'), DEMO_SESSION_COOKIE);
    const [id, signature, ...rest] = (value ?? '').split('.');
    if (!id || !signature || rest.length > 0) return null;
    const expected = Buffer.from(sign(id));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const visitor = visitors.get(id);
    if (!visitor) return null;
    visitors.delete(id);
    visitors.set(id, visitor);
    return visitor;
  };

  const forgetClient = (visitor: Visitor, clientUuid: string): void => {
    const entity = visitor.fresh.get(clientUuid);
    if (entity === undefined) return;
    visitor.fresh.delete(clientUuid);
    visitor.clients.delete(clientUuid);
    if (visitor.active?.clientUuid === clientUuid) visitor.active = null;
    sandbox.forget(entity);
  };

  const forgetVisitor = (visitor: Visitor): void => {
    visitors.delete(visitor.id);
    for (const clientUuid of [...visitor.fresh.keys()]) forgetClient(visitor, clientUuid);
    const scenarioEntity = visitor.scenario[0]?.legal_entity_uuid;
    if (scenarioEntity) sandbox.forget(scenarioEntity);
    visitor.clients.clear();
    visitor.active = null;
  };

  const newVisitor = (): Visitor => {
    const scenario = sandbox.seedScenarios();
    const visitor: Visitor = {
      id: randomBytes(16).toString('hex'),
      scenario,
      clients: new Map(scenario.map((client) => [client.client_uuid, client.legal_entity_uuid])),
      fresh: new Map(),
      active: null,
    };
    visitors.set(visitor.id, visitor);
    while (visitors.size > maxVisitors) forgetVisitor(visitors.values().next().value!);
    return visitor;
  };

  /** Marks one of the visitor's clients used (a fresh one moves to the end of its eviction order). */
  const touch = (visitor: Visitor, clientUuid: string): void => {
    const entity = visitor.fresh.get(clientUuid);
    if (entity === undefined) return;
    visitor.fresh.delete(clientUuid);
    visitor.fresh.set(clientUuid, entity);
  };

  const owns = (visitor: Visitor, clientUuid: string | null | undefined): clientUuid is string => {
    if (typeof clientUuid !== 'string' || !visitor.clients.has(clientUuid)) return false;
    touch(visitor, clientUuid);
    return true;
  };

  const visitorCookie = (request: Request, visitor: Visitor): string =>
    `${DEMO_SESSION_COOKIE}=${visitor.id}.${sign(visitor.id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE_SECONDS}${
      isSecure(request, hosts) ? '; Secure' : ''
    }`;

  /** The client the request's visitor is signed in as: the partner session of the proxy and the token endpoint. */
  const sessionOf = async (request: Request): Promise<KycIdentity | null> => {
    const visitor = visitorOf(request);
    if (!visitor?.active) return null;
    touch(visitor, visitor.active.clientUuid);
    return visitor.active;
  };
  const bearerOf = bearerTokenAuthorizer({ secret: tokenSecret, now: options.now });

  const proxy = createKycProxy({
    upstream: (request) => sandbox.fetch(request),
    basePath,
    credentials: { authorization: `Bearer ${SANDBOX_API_KEY}` },
    // A bearer token wins when present (cross-origin embeds); else the partner's cookie session.
    authorize: (request) => (request.headers.has('authorization') ? bearerOf(request) : sessionOf(request)),
    cors: options.cors,
    limits: options.limits,
  });
  const tokenEndpoint = createKycTokenEndpoint({
    secret: tokenSecret,
    authorize: sessionOf,
    cors: options.cors,
    // A phone opened from a hand-off link exchanges its single-use token here (one instance: memory).
    handoff: { store: createMemoryStore() },
    now: options.now,
  });

  // ── /demo/session ─────────────────────────────────────────────────────────
  const session = async (request: Request): Promise<Response> => {
    if (request.method === 'GET') {
      const active = visitorOf(request)?.active ?? null;
      return jsonResponse(200, active ? { legal_entity_uuid: active.legalEntityUuid, client_uuid: active.clientUuid } : null);
    }
    if (request.method !== 'POST' && request.method !== 'DELETE') {
      return errorResponse(405, 'Method not allowed.', { allow: 'GET, POST, DELETE' });
    }
    // Another site must not sign the browser in (login CSRF) or out.
    if (!sameOrigin.check(request).allowed) return sameOrigin.refusal();
    const visitor = visitorOf(request);
    if (request.method === 'DELETE') {
      if (visitor) visitor.active = null;
      return noContent();
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return errorResponse(400, 'Expected a JSON body.');
    }
    const { client_uuid: clientUuid, legal_entity_uuid: legalEntityUuid } = (body ?? {}) as Record<string, unknown>;
    if (!isUuid(clientUuid) || (legalEntityUuid !== undefined && legalEntityUuid !== null && !isUuid(legalEntityUuid))) {
      return errorResponse(400, 'Give the client_uuid of one of your sandbox clients (and its legal_entity_uuid, if you like).');
    }
    if (!visitor || !owns(visitor, clientUuid) || (isUuid(legalEntityUuid) && visitor.clients.get(clientUuid) !== legalEntityUuid)) {
      return forbidden('You can sign in only as one of your own sandbox clients (GET /sandbox/v1/clients/ lists them).');
    }
    visitor.active = { legalEntityUuid: visitor.clients.get(clientUuid)!, clientUuid };
    return jsonResponse(
      200,
      { legal_entity_uuid: visitor.active.legalEntityUuid, client_uuid: clientUuid },
      { 'set-cookie': visitorCookie(request, visitor) },
    );
  };

  // ── /sandbox/v1/… ─────────────────────────────────────────────────────────
  const control = async (request: Request, url: URL): Promise<Response> => {
    const path = url.pathname;
    if (CAPABILITY_ROUTES.has(path)) return sandbox.fetch(request);
    if (!sameOrigin.check(request).allowed) return sameOrigin.refusal();

    if (path === '/sandbox/v1/clients/') {
      if (request.method !== 'GET' && request.method !== 'POST') return sandbox.fetch(request); // 405
      const known = visitorOf(request);
      const visitor = known ?? newVisitor();
      const cookie: Record<string, string> = known ? {} : { 'set-cookie': visitorCookie(request, visitor) };
      if (request.method === 'GET') return jsonResponse(200, visitor.scenario, cookie);
      const answer = await sandbox.fetch(request);
      if (answer.status !== 201) return withHeaders(answer, cookie);
      const made = (await answer.json()) as { legal_entity_uuid: string; client_uuid: string };
      visitor.clients.set(made.client_uuid, made.legal_entity_uuid);
      visitor.fresh.set(made.client_uuid, made.legal_entity_uuid);
      while (visitor.fresh.size > maxClientsPerVisitor) forgetClient(visitor, visitor.fresh.keys().next().value!);
      return jsonResponse(201, made, cookie);
    }

    const visitor = visitorOf(request);
    const refused = (): Response => forbidden('This is not one of your sandbox clients or applications.');
    const application = APPLICATION_ROUTE.exec(path);
    if (application) {
      let uuid: string;
      try {
        uuid = decodeURIComponent(application[1]);
      } catch {
        return refused();
      }
      if (!visitor || !owns(visitor, sandbox.applicationOwner(uuid)?.client_uuid)) return refused();
      return sandbox.fetch(request);
    }
    if (path === '/sandbox/v1/requests/' || (path === '/sandbox/v1/faults/' && request.method !== 'POST')) {
      if (!visitor || !owns(visitor, url.searchParams.get('client_uuid'))) return refused();
      return sandbox.fetch(request);
    }
    if (path === '/sandbox/v1/faults/') {
      // The client is named in the body: read it (bounded), check it, pass the same bytes on.
      let bytes: Uint8Array;
      try {
        bytes = await readLimited(request.body, MAX_CONTROL_BODY_BYTES, request.signal);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return errorResponse(413, 'Request body is too large.');
        throw error;
      }
      let clientUuid: unknown;
      try {
        clientUuid = (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown> | null)?.['client_uuid'];
      } catch {
        clientUuid = undefined; // the sandbox says what is wrong with the body
      }
      if (isUuid(clientUuid) && (!visitor || !owns(visitor, clientUuid))) return refused();
      return sandbox.fetch(
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: bytes as Uint8Array<ArrayBuffer>,
          signal: request.signal,
        }),
      );
    }
    return errorResponse(404, 'Not found.');
  };

  return {
    sandbox,
    async fetch(request) {
      const misdirected = checkHost(request, hosts);
      if (misdirected) return misdirected;
      const url = new URL(request.url);
      const { pathname } = url;
      if (pathname === basePath || pathname.startsWith(`${basePath}/`)) return proxy(request);
      if (pathname === '/kyc-token') return tokenEndpoint(request);
      if (pathname === '/demo/session') return session(request);
      if (pathname.startsWith('/sandbox/v1/')) return control(request, url);
      if (pathname.startsWith(STAND_IN_PREFIX)) return serveLivenessStandIn(request);
      return options.fallback ? options.fallback(request) : errorResponse(404, 'Not found.');
    },
  };
}

/** The hosts (`host[:port]`, lower case) of the served origins, and whether each is https; null: the loopback default. */
type ServedHosts = ReadonlyMap<string, boolean> | null;

function servedHosts(origins: readonly string[] | undefined): ServedHosts {
  if (origins === undefined) return null;
  const hosts = new Map<string, boolean>();
  for (const origin of origins) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      // not a URL
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.href !== `${url.origin}/`) {
      throw new TypeError(`origins: "${origin}" is not an origin like "http://127.0.0.1:8000"`);
    }
    hosts.set(url.host, (hosts.get(url.host) ?? false) || url.protocol === 'https:');
  }
  return hosts;
}

/**
 * 400 for a missing or malformed `Host` (or several), 421 for one this app is not served on, else
 * null. The raw header, not the request URL, whose origin may come from configuration.
 */
function checkHost(request: Request, hosts: ServedHosts): Response | null {
  const raw = request.headers.get('host') ?? new URL(request.url).host;
  if (!isHostHeader(raw)) return errorResponse(400, 'Bad request: malformed Host header.');
  const host = raw.toLowerCase();
  const served = hosts === null ? LOOPBACK_NAMES.has(host.replace(/:\d+$/, '')) : hosts.has(host);
  return served ? null : errorResponse(421, 'Misdirected request: this demo is not served under this host name.');
}

/** Whether the request reached an https origin (so the cookie may say `Secure`). */
function isSecure(request: Request, hosts: ServedHosts): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  const host = (request.headers.get('host') ?? '').toLowerCase();
  return hosts?.get(host) === true;
}

function forbidden(detail: string): Response {
  return errorResponse(403, detail);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  if (Object.keys(headers).length === 0) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number, 1 or more`);
  return value;
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

function randomSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}
