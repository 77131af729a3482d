// Browser-test helpers for the chain the test server mounts on the page's origin:
// the proxy (/kyc), its token endpoint (/kyc-token), the demo session (/demo/session) and the
// sandbox control (/sandbox/v1/…). Plain fetch: these set the stage, they do not test the client.
// The test page's cookie jar is one demo visitor (src/server/demo/app.ts): the clients it makes
// are its own, and the control answers only for them (another's are 403), as on the demo page.

/** A fresh, isolated sandbox client. */
export interface SandboxClient {
  legal_entity_uuid: string;
  client_uuid: string;
}

import type { Dialect } from '../../src/server/sandbox/dialect.js';
import type { FaultRequest } from '../../src/server/sandbox/traffic.js';

/** How the sandbox shapes the answers of one client. */
export type { Dialect };

/**
 * A fault the sandbox injects into the answers to one client, over real HTTP: the control's own
 * request (src/server/sandbox/traffic.ts) for the logged-in client, whose body may also be an object
 * (sent as JSON).
 */
export type Fault = Omit<FaultRequest, 'client_uuid' | 'body'> & { body?: unknown };

/** The proxy's mount point, as the widget's `endpoint`. */
export const ENDPOINT = '/kyc';
/** The code every signature accepts in the sandbox (after a send-code call). */
export const SIGN_CODE = '111111';

/** A call to the sandbox's control endpoints (stage setting only); throws on a refusal. */
export async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Creates a fresh client of its own legal entity, whose answers follow `dialect`. */
export async function newClient(dialect?: Dialect): Promise<SandboxClient> {
  return (await control('POST', '/sandbox/v1/clients/', dialect ? { dialect } : {})) as SandboxClient;
}

/** Logs the page in as `client` (the demo session cookie the proxy and the token endpoint read). */
export async function login(client: SandboxClient): Promise<void> {
  await control('POST', '/demo/session', client);
}

/** Clears the demo session cookie. */
export async function logout(): Promise<void> {
  await control('DELETE', '/demo/session');
}

/** A fresh client, logged in. */
export async function loggedInClient(dialect?: Dialect): Promise<SandboxClient> {
  const client = await newClient(dialect);
  await login(client);
  return client;
}

/** Makes the sandbox answer requests of `client` with `fault`. */
export async function injectFault(client: SandboxClient, fault: Fault): Promise<void> {
  const body = fault.body === undefined || typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  await control('POST', '/sandbox/v1/faults/', { client_uuid: client.client_uuid, ...fault, body });
}

/** A request that reached the platform, as the sandbox logged it. */
export interface LoggedRequest {
  method: string;
  path: string;
}

/** The requests of `client` that reached the platform, oldest first. */
export async function platformRequests(client: SandboxClient): Promise<LoggedRequest[]> {
  const answer = await control('GET', `/sandbox/v1/requests/?client_uuid=${client.client_uuid}`);
  const list = Array.isArray(answer) ? answer : (answer as { results: LoggedRequest[] }).results;
  return list as LoggedRequest[];
}

/** How many requests of `client` with `method` and a path containing `pathPart` reached the platform. */
export async function countRequests(client: SandboxClient, method: string, pathPart = ''): Promise<number> {
  return (await platformRequests(client)).filter((r) => r.method === method && r.path.includes(pathPart)).length;
}

/** Sets an application's status as the platform's reviewer would, with remarks on answers by key. */
export async function setStatus(
  applicationUuid: string,
  status: string,
  comment?: string,
  remarks?: Record<string, string[]>,
): Promise<void> {
  await control('POST', `/sandbox/v1/applications/${applicationUuid}/status/`, { status, comment, remarks });
}

/** What the sandbox holds of an application and its client (the parts tests read). */
export interface Inspection {
  status: string;
  /** The client's documents, each with its files' type, size and SHA-256. */
  documents: {
    count: number;
    keys: string[];
    items: { uuid: string; key: string; files: { content_type: string; size: number; sha256: string }[] }[];
  };
  /** Files the client uploaded, used in a document or not. */
  uploaded_files: number;
  /** How many codes were sent for the application, by provider (providers never asked for are absent). */
  sign_code_sends: { provider: string; count: number }[];
}

/** The sandbox's own view of an application and its client. */
export async function inspect(applicationUuid: string): Promise<Inspection> {
  return (await control('GET', `/sandbox/v1/applications/${applicationUuid}/inspect/`)) as Inspection;
}

/** A platform request as the sandbox logs it: with its query (sign codes masked) and when it arrived. */
export interface TimedRequest extends LoggedRequest {
  query: Record<string, string>;
  /** ISO time the platform received it. */
  at: string;
}

/** How many one-time codes the platform sent for an application, by provider (`{sms: 1, email: 2}`). */
export async function signCodeSends(applicationUuid: string): Promise<Record<string, number>> {
  const { sign_code_sends: sends } = await inspect(applicationUuid);
  return Object.fromEntries(sends.map(({ provider, count }) => [provider, count]));
}

/** Sumsub's review result for an application in review (the sandbox's `testCompleted`). */
export async function completeReview(
  applicationUuid: string,
  result: {
    reviewAnswer: 'GREEN' | 'RED';
    reviewRejectType?: 'FINAL' | 'RETRY' | 'EXTERNAL';
    moderationComment?: string;
    rejectLabels?: string[];
  },
): Promise<void> {
  await control('POST', `/sandbox/v1/applications/${applicationUuid}/status/testCompleted`, { rejectLabels: [], ...result });
}

/** Logs the page in as a fresh client the platform does not let create an application. */
export async function loggedInBlockedClient(): Promise<SandboxClient> {
  const client = (await control('POST', '/sandbox/v1/clients/', { allowed_to_create_kyc_application: false })) as SandboxClient;
  await login(client);
  return client;
}
