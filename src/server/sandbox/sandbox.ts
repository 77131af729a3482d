/**
 * The sandbox: one web-standard handler routing the platform's endpoints (`/v1/…`) and the
 * sandbox control (`/sandbox/v1/…`) over an in-memory store.
 */

import { jsonResponse } from '../http-util.js';
import {
  addFault,
  clearFaults,
  completeReview,
  createClient,
  inspect,
  listDemoClients,
  listRequests,
  setLiveness,
  setLivenessByToken,
  setLivenessByUrl,
  setStatus,
  type ControlContext,
  type DemoClient,
} from './control.js';
import type { PlatformContext } from './context.js';
import { CANONICAL_DIALECT } from './dialect.js';
import { createDocument, uploadFiles, type UploadReadStats } from './documents.js';
import { ApiError, detailError, dispatch, notFound, type Route } from './http.js';
import {
  createApplication,
  getApplication,
  getAttribute,
  getDefinitions,
  getLegalDocuments,
  getLevelInfo,
  patchApplication,
  sendToReview,
} from './platform.js';
import { DEMO_SCENARIOS } from './seed.js';
import { sendCode } from './signatures.js';
import { SandboxStore, SHOWCASE_ENTITY_UUID, type LegalEntity } from './store.js';
import { logRequest, serveFault, takeFault } from './traffic.js';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** When set, every `/v1/` request must carry `Authorization: Bearer <apiKey>` (else 401). */
  apiKey?: string;
  /** The clock (age checks, token lifetimes, log times). */
  now?: () => Date;
  /** Default page size of paginated lists (default 50). */
  pageSize?: number;
  /**
   * A local stand-in for Sumsub's liveness pages (sandbox only), e.g. the demo app's
   * `/websdk/websdk.html` and `/websdk/p/:id`. When set, liveness tokens name `origin` as the base
   * URL Sumsub's WebSDK loads its frame from (`_act-sbx-jwt-…`, see `livenessToken` in
   * platform.ts) and liveness URLs are `<origin>/websdk/p/<id>`; without it they point at Sumsub,
   * as a real platform's do. `origin` is an http(s) origin (a trailing `/` is dropped); anything
   * else throws a `TypeError`.
   */
  livenessStandIn?: { origin: string };
  /**
   * Seeds every legal entity (the showcase and fresh ones) with one more level, ranked highest:
   * *Bench (200 questions)*, 5 steps of 40 questions of every kind but liveness, none signed
   * (`BENCH_LEVEL` in seed.ts). For `npm run bench`; off by default.
   */
  benchLevel?: boolean;
  /**
   * How many legal entities made after the showcase (by `POST /sandbox/v1/clients/` or
   * {@link Sandbox.seedScenarios}) are kept before the oldest is forgotten with all of its
   * clients. Default 1000.
   */
  maxFreshEntities?: number;
  /**
   * Told, after each upload request (`POST /v1/documents/files/`) is read, how many bytes it had
   * and the most of them the sandbox held at once: uploads stream, so that stays near 1 MiB
   * whatever the file's size. For tests and monitoring.
   */
  onUploadRead?: (stats: UploadReadStats) => void;
}

/** Who an application belongs to. */
export interface ApplicationOwner {
  legal_entity_uuid: string;
  client_uuid: string;
}

/** An in-process emulator of the platform's KYC API. */
export interface Sandbox {
  /** Web-standard handler: platform endpoints under `/v1/…`, control under `/sandbox/v1/…`, anything else 404 `{"detail"}`. */
  fetch(request: Request): Promise<Response>;
  /** The seeded showcase legal entity. */
  readonly legalEntityUuid: string;
  /** The showcase's demo clients, one per starting state. */
  readonly demoClients: readonly DemoClient[];
  /**
   * Seeds a fresh legal entity with a fresh client per demo scenario (the states of
   * {@link demoClients}, with new uuids): what the demo app gives each visitor. The entity is
   * evictable like those of `POST /sandbox/v1/clients/`.
   */
  seedScenarios(): readonly DemoClient[];
  /** The legal entity and client an application belongs to, or `null` for an unknown one. */
  applicationOwner(applicationUuid: string): ApplicationOwner | null;
  /**
   * Forgets a legal entity made after the showcase (by {@link seedScenarios} or the control), with
   * all of its clients and their data; the showcase and unknown uuids are left alone.
   */
  forget(legalEntityUuid: string): void;
}

const DEFAULT_PAGE_SIZE = 50;

const PLATFORM_ROUTES: readonly Route<PlatformContext>[] = [
  { pattern: '/v1/clients/kyc-level-info/', methods: { GET: getLevelInfo, POST: createApplication } },
  { pattern: '/v1/kyc/:uuid/', methods: { GET: getApplication, PATCH: patchApplication } },
  { pattern: '/v1/kyc/:uuid/attributes/:key/', methods: { GET: getAttribute } },
  { pattern: '/v1/kyc/:uuid/send-to-review/', methods: { POST: sendToReview } },
  { pattern: '/v1/attributes/:key/definitions/', methods: { GET: getDefinitions } },
  { pattern: '/v1/legal_documents/', methods: { GET: getLegalDocuments } },
  { pattern: '/v1/documents/files/', methods: { POST: uploadFiles } },
  { pattern: '/v1/documents/', methods: { POST: createDocument } },
  { pattern: '/v1/signatures/send-code/', methods: { POST: sendCode } },
];

const CONTROL_ROUTES: readonly Route<ControlContext>[] = [
  { pattern: '/sandbox/v1/clients/', methods: { GET: listDemoClients, POST: createClient } },
  { pattern: '/sandbox/v1/applications/:uuid/status/', methods: { POST: setStatus } },
  { pattern: '/sandbox/v1/applications/:uuid/status/testCompleted', methods: { POST: completeReview } },
  { pattern: '/sandbox/v1/applications/:uuid/liveness/', methods: { POST: setLiveness } },
  { pattern: '/sandbox/v1/applications/:uuid/inspect/', methods: { GET: inspect } },
  { pattern: '/sandbox/v1/liveness-by-token/', methods: { POST: setLivenessByToken } },
  { pattern: '/sandbox/v1/liveness-by-url/', methods: { POST: setLivenessByUrl } },
  { pattern: '/sandbox/v1/requests/', methods: { GET: listRequests } },
  { pattern: '/sandbox/v1/faults/', methods: { POST: addFault, DELETE: clearFaults } },
];

/** Creates a sandbox seeded with the showcase legal entity and its demo clients. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const store = new SandboxStore({ benchLevel: options.benchLevel ?? false, maxFreshEntities: options.maxFreshEntities });
  const clock = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const scenarioClients = (entity: LegalEntity): DemoClient[] =>
    store.seedDemoClients(entity).map((client, index) => ({
      legal_entity_uuid: entity.uuid,
      client_uuid: client.uuid,
      label: DEMO_SCENARIOS[index].label,
      description: DEMO_SCENARIOS[index].description,
    }));
  const showcase = store.createEntity(SHOWCASE_ENTITY_UUID, CANONICAL_DIALECT, false);
  const demoClients: readonly DemoClient[] = scenarioClients(showcase);
  const livenessStandIn = options.livenessStandIn ? standInOrigin(options.livenessStandIn.origin) : null;
  const expectedAuthorization = options.apiKey === undefined ? null : `Bearer ${options.apiKey}`;

  function authorize(request: Request): void {
    if (expectedAuthorization === null) return;
    const given = request.headers.get('authorization');
    const challenge = { 'www-authenticate': 'Bearer' };
    if (given === null) throw detailError(401, 'Authentication credentials were not provided.', challenge);
    if (!constantTimeEqual(given, expectedAuthorization)) throw detailError(401, 'Invalid token.', challenge);
  }

  /**
   * Logs the request and serves a queued fault instead of it, if one matches; else answers it.
   * A request naming a client is in that client's scope only (an unknown client: nobody's); one
   * naming no client is in the scope of every client of its legal entity (see traffic.ts).
   */
  async function platform(request: Request, url: URL, now: Date): Promise<Response> {
    const answer = (): Promise<Response> => {
      authorize(request);
      return dispatch(PLATFORM_ROUTES, request.method, url.pathname, {
        request,
        url,
        store,
        now,
        pageSize,
        livenessStandIn,
        onUploadRead: options.onUploadRead,
      });
    };
    const clientUuid = url.searchParams.get('client_uuid');
    const client = clientUuid === null ? undefined : store.client(clientUuid);
    const entity = clientUuid === null ? store.entity(url.searchParams.get('legal_entity_uuid') ?? '') : client?.entity;
    if (!entity) return answer();
    logRequest(client ? [client] : entity.clients.values(), request, url, now);
    const fault = takeFault(entity, client?.uuid ?? null, request.method, url.pathname);
    if (!fault) return answer();
    if (fault.applied) {
      // The platform did the work; only its answer is lost on the way.
      const real = await answer();
      if (fault.kind !== null) await real.body?.cancel().catch(() => undefined);
      return serveFault(fault, request.signal, () => Promise.resolve(real));
    }
    // A fault that answers in place of the platform still reads the whole request first, as a
    // server does: answering an upload before its body is read makes browsers resend it.
    if (fault.kind !== null) await request.arrayBuffer().catch(() => undefined);
    return serveFault(fault, request.signal, answer);
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const now = clock();
    try {
      if (url.pathname.startsWith('/v1/')) return await platform(request, url, now);
      if (url.pathname.startsWith('/sandbox/v1/')) {
        return await dispatch(CONTROL_ROUTES, request.method, url.pathname, { request, url, store, now, demoClients });
      }
      throw notFound();
    } catch (error) {
      if (error instanceof ApiError) return jsonResponse(error.status, error.body, error.headers);
      if (request.signal.aborted) throw error; // the caller went away: nothing to answer
      return jsonResponse(500, { detail: 'A server error occurred.' });
    }
  }

  return {
    fetch: handle,
    legalEntityUuid: showcase.uuid,
    demoClients,
    seedScenarios: () => scenarioClients(store.createEntity(crypto.randomUUID(), CANONICAL_DIALECT, true)),
    applicationOwner(applicationUuid) {
      const client = store.application(applicationUuid)?.client;
      return client ? { legal_entity_uuid: client.entity.uuid, client_uuid: client.uuid } : null;
    },
    forget: (legalEntityUuid) => store.forget(legalEntityUuid),
  };
}

/** The origin of `livenessStandIn`, normalized; a `TypeError` unless it is an http(s) origin. */
function standInOrigin(given: unknown): string {
  let url: URL | null = null;
  try {
    url = typeof given === 'string' ? new URL(given) : null;
  } catch {
    // not a URL
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.href !== `${url.origin}/` || url.username || url.password) {
    throw new TypeError(`livenessStandIn.origin must be an http(s) origin such as http://127.0.0.1:8000, not ${JSON.stringify(given)}`);
  }
  return url.origin;
}

/** Compares two strings in time independent of where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < right.length; i += 1) difference |= (left[i] ?? 0) ^ right[i];
  return difference === 0;
}
