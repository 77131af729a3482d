import type { KycIdentity } from '../identity.js';
import { createKycProxy, createKycTokenEndpoint, mintKycToken, verifyKycToken } from '../proxy/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.js';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** Options of the sandbox that stands in for the platform (a fresh seeded one per app). */
  sandbox?: Omit<SandboxOptions, 'apiKey'>;
  /** Secret that signs demo sessions and widget tokens (≥ 32 bytes). Random per process by default. */
  secret?: string;
  /** Where the proxy is mounted (the widget's `endpoint`). Default `/kyc`. */
  basePath?: string;
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
 * - `{basePath}/…` — the host proxy (identity from the demo session cookie, or a bearer token);
 * - `/kyc-token` — the token endpoint (POST; reads the demo session cookie);
 * - `/demo/session` — `POST {client_uuid, legal_entity_uuid?}` logs in as a sandbox client,
 *   `DELETE` logs out, `GET` tells who is logged in (uuids only);
 * - `/sandbox/v1/…` — the sandbox's control endpoints (never reachable through the proxy);
 * - anything else — `fallback`, or 404.
 */
export function createDemoApp(options: DemoAppOptions = {}): DemoApp {
  const sandbox = createSandbox({ ...options.sandbox, apiKey: SANDBOX_API_KEY });
  const secret = options.secret ?? randomSecret();
  const basePath = options.basePath ?? '/kyc';

  const sessionOf = async (request: Request): Promise<KycIdentity | null> => {
    const token = readCookie(request.headers.get('cookie'), DEMO_SESSION_COOKIE);
    return token ? verifyKycToken(token, { secret }) : null;
  };
  const bearerOf = async (request: Request): Promise<KycIdentity | null> => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
    return match?.[1] ? verifyKycToken(match[1], { secret }) : null;
  };

  const proxy = createKycProxy({
    upstream: (request) => sandbox.fetch(request),
    basePath,
    credentials: { authorization: `Bearer ${SANDBOX_API_KEY}` },
    // A bearer token wins when present (cross-origin embeds); else the partner's cookie session.
    authorize: async (request) => (request.headers.has('authorization') ? bearerOf(request) : sessionOf(request)),
  });
  const tokenEndpoint = createKycTokenEndpoint({ secret, authorize: sessionOf });

  const session = async (request: Request): Promise<Response> => {
    if (request.method === 'GET') {
      const identity = await sessionOf(request);
      return json(
        200,
        identity ? { legal_entity_uuid: identity.legalEntityUuid, client_uuid: identity.clientUuid } : null,
      );
    }
    if (request.method === 'DELETE') {
      return json(204, undefined, { 'set-cookie': cookie('', 0) });
    }
    if (request.method !== 'POST') return json(405, { detail: 'Method not allowed.' }, { allow: 'GET, POST, DELETE' });
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, { detail: 'Expected a JSON body.' });
    }
    const identity = findClient(sandbox, body);
    if (!identity) return json(400, { detail: 'Give client_uuid (and legal_entity_uuid for a client made by the sandbox control).' });
    const token = await mintKycToken(identity, { secret, ttlSeconds: SESSION_TTL_SECONDS });
    return json(
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
      return options.fallback ? options.fallback(request) : json(404, { detail: 'Not found.' });
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function findClient(sandbox: Sandbox, body: unknown): KycIdentity | null {
  if (!body || typeof body !== 'object') return null;
  const { client_uuid: clientUuid, legal_entity_uuid: legalEntityUuid } = body as Record<string, unknown>;
  if (typeof clientUuid !== 'string' || !UUID.test(clientUuid)) return null;
  if (typeof legalEntityUuid === 'string' && UUID.test(legalEntityUuid)) return { legalEntityUuid, clientUuid };
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

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const init = { status, headers: { 'cache-control': 'no-store', ...headers } };
  if (status === 204 || body === undefined) return new Response(null, init);
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { ...init.headers, 'content-type': 'application/json' },
  });
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
