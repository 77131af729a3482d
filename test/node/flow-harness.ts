// The flow controller's world in Node, all in this process: the sandbox, the host proxy in front
// of it (who is logged in is a variable), the API client calling the proxy, a host object that
// records the events the flow fires, and stand-ins for the two things of the browser the flow
// reads (the page's visibility, the tab's sessionStorage), installed by the tests that need them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createKycClient, type KycApplication, type KycClient } from '../../src/api/index.js';
import { FlowController } from '../../src/flow/flow-controller.js';
import { createKycProxy, type KycIdentity } from '../../src/server/proxy/index.js';
import { createSandbox, type FaultRequest } from '../../src/server/sandbox/index.js';

const API_KEY = 'sandbox-key-for-flow-tests';
/** Where the client reaches the proxy (mounted on `/kyc`, as in the browser tests). */
export const ENDPOINT = 'http://kyc.test/kyc';
const CONTROL = 'http://sandbox.test';

/** How far the sandbox's clock is ahead of the machine's (a test moves it; reset it after). */
let sandboxAhead = 0;

export const sandbox = createSandbox({ apiKey: API_KEY, now: () => new Date(Date.now() + sandboxAhead) });

/** Moves the sandbox's clock (Sumsub's timeline in the liveness_timeline dialect); `null` sets it back. */
export function moveSandboxClock(ms: number | null): void {
  sandboxAhead = ms === null ? 0 : sandboxAhead + ms;
}

/** Who the host's session says the requests are for (the browser tests' demo session cookie). */
let identity: KycIdentity | null = null;

const proxy = createKycProxy({
  upstream: sandbox.fetch,
  credentials: { authorization: `Bearer ${API_KEY}` },
  authorize: () => identity,
  // As in the browser tests: the same few phone numbers and addresses get codes for every test's
  // fresh client, which the limit per destination exists to refuse.
  limits: { codesPerDestination: false },
});

/** The browser's fetch of the page, as far as the client is concerned: the host proxy. */
export const chain: typeof fetch = (input, init) => proxy(new Request(input, init));

/** An API client of the logged-in client, through the proxy. */
export function apiClient(options: { fetch?: typeof fetch; retries?: number } = {}): KycClient {
  return createKycClient({
    endpoint: ENDPOINT,
    fetch: options.fetch ?? chain,
    ...(options.retries === undefined ? {} : { retry: { retries: options.retries } }),
  });
}

// ── the sandbox control (stage setting only) ─────────────────────────────────

/** A fresh, isolated sandbox client. */
export interface SandboxClient {
  legal_entity_uuid: string;
  client_uuid: string;
}

/** A call to the sandbox's control endpoints; throws on a refusal. */
export async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await sandbox.fetch(
    new Request(`${CONTROL}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Creates a fresh client of its own legal entity (`request`: the control's options, e.g. `allowed_to_create_kyc_application`). */
export async function newClient(request: Record<string, unknown> = {}): Promise<SandboxClient> {
  return (await control('POST', '/sandbox/v1/clients/', request)) as SandboxClient;
}

/** The host's session is `client`'s from now on. */
export function login(client: SandboxClient): void {
  identity = { legalEntityUuid: client.legal_entity_uuid, clientUuid: client.client_uuid };
}

/** No session: the proxy answers 401. */
export function logout(): void {
  identity = null;
}

/** A fresh client, logged in. */
export async function loggedInClient(): Promise<SandboxClient> {
  const client = await newClient();
  login(client);
  return client;
}

/** A fault the sandbox injects into the answers to one client (see src/server/sandbox/traffic.ts). */
export type Fault = Omit<FaultRequest, 'client_uuid' | 'body'> & { body?: unknown };

/** Makes the sandbox answer requests of `client` with `fault`. */
export async function injectFault(client: SandboxClient, fault: Fault): Promise<void> {
  const body = fault.body === undefined || typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  await control('POST', '/sandbox/v1/faults/', { client_uuid: client.client_uuid, ...fault, body });
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

/** The answers of an application by attribute key. */
export function answersOf(application: KycApplication): Record<string, string | null> {
  return Object.fromEntries(application.steps.flatMap((step) => step.questions.map((q) => [q.attribute.key, q.attribute.value])));
}

// ── the host ─────────────────────────────────────────────────────────────────

const EVENTS = [
  'kyc-ready',
  'kyc-level-select',
  'kyc-consent',
  'kyc-application-create',
  'kyc-step-change',
  'kyc-save',
  'kyc-signature-request',
  'kyc-submit',
  'kyc-status-change',
  'kyc-complete',
  'kyc-reject',
  'kyc-error',
];

/**
 * What `<kyc-onboarding>` is to its flow, without the DOM: a controller host (connected by
 * {@link FlowHost.connect}, as Lit does when the element enters the page) on which the flow fires
 * its events, every one recorded.
 */
export class FlowHost extends EventTarget implements ReactiveControllerHost {
  isConnected = false;
  readonly events: { type: string; detail: unknown }[] = [];
  readonly #controllers = new Set<ReactiveController>();
  readonly flow: FlowController;

  constructor() {
    super();
    this.flow = new FlowController(this);
    for (const type of EVENTS) {
      this.addEventListener(type, (event) => this.events.push({ type, detail: (event as CustomEvent).detail }));
    }
  }

  eventsOf(type: string): unknown[] {
    return this.events.filter((event) => event.type === type).map((event) => event.detail);
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  requestUpdate(): void {
    // Nothing renders: the tests read the flow's state.
  }

  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** Enters the page: each controller's `hostConnected`. */
  connect(): this {
    this.isConnected = true;
    for (const controller of this.#controllers) controller.hostConnected?.();
    return this;
  }

  /** Leaves the page: each controller's `hostDisconnected` (the flow aborts what it has in flight). */
  disconnect(): void {
    this.isConnected = false;
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }
}

// ── the browser's parts the flow reads ───────────────────────────────────────

/** A page whose visibility the test sets: `hidden`, and `visibilitychange` fired on each change. */
export class PageStandIn extends EventTarget {
  hidden = false;

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

/** The tab's sessionStorage, in memory. */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  [name: string]: unknown;

  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  clear(): void {
    this.#items.clear();
  }
}

/**
 * Makes `value` the global `name` (`document`, `sessionStorage`) until the returned function is
 * called; Node has neither, and a test that installs one must not leave it to the next.
 */
export function installGlobal(name: 'document' | 'sessionStorage', value: object): () => void {
  if (name in globalThis) throw new Error(`globalThis.${name} exists already`);
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  return () => {
    delete (globalThis as Record<string, unknown>)[name];
  };
}

// ── waiting ──────────────────────────────────────────────────────────────────

/**
 * Waits until `condition` holds (the in-process chain answers within a few turns of the event
 * loop), checking at every turn; fails after `timeoutMs`. For answers on their way, never to show
 * that nothing happens.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
