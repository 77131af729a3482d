/**
 * What the sandbox records of platform traffic (a request log with no bodies and no header values)
 * and the faults a test queues to be served instead of real answers.
 *
 * Both are scoped to one client, so that clients of one legal entity (the demo's six share the
 * showcase entity) never see each other's traffic or faults:
 * - a request naming a `client_uuid` is that client's alone: it is logged only in that client's
 *   log and may only take that client's faults;
 * - a request naming no client (definitions, legal documents: they carry only
 *   `legal_entity_uuid`, so nothing tells whose it is) belongs to every client of the entity: it
 *   is logged in each one's log and may take a fault queued by any of them.
 */

import { isUuid, jsonResponse } from '../http-util.js';
import { fieldErrors, isObject, type JsonObject } from './http.js';
import type { Client, LegalEntity } from './store.js';

/** The requests kept per client. */
const LOG_SIZE = 100;
/** The longest body a fault may serve, and the most headers (of bounded length) it may add. */
const MAX_FAULT_BODY_LENGTH = 64 * 1024;
const MAX_FAULT_HEADERS = 32;
const MAX_FAULT_HEADER_LENGTH = 1024;
/** The longest a fault may delay or hang an answer. */
const MAX_FAULT_DELAY_MS = 30_000;
/** Query parameters whose values never reach the log. */
const SECRET_PARAMS = new Set(['sms_sign_code', 'email_sign_code']);
/** Headers logged as present-or-not (the value of content-type is logged as such). */
const FLAGGED_HEADERS = ['authorization', 'cookie', 'origin', 'referer', 'x-forwarded-for', 'x-request-id', 'idempotency-key'];

/** A platform request as the log keeps it. */
export interface LoggedRequest {
  method: string;
  path: string;
  /** Query parameters; sign codes are masked. */
  query: Record<string, string>;
  at: string;
  /** Which headers came (`true`/`false`), and the content type. */
  headers: Record<string, boolean | string | null>;
}

/**
 * Ways a fault answers: `status` (a status, with a `{"detail"}` or the given body), `html` (an
 * error page), `truncated` (a JSON document cut short, but a complete answer), `not_json`,
 * `wrong_shape` (valid JSON of another shape), `hang` (no answer until the 30 s cap), and `cut`
 * (the connection breaks mid-body: the first part of a JSON document, then the body stream errors).
 */
export type FaultKind = 'status' | 'html' | 'truncated' | 'not_json' | 'wrong_shape' | 'hang' | 'cut';

/** Body of `POST /sandbox/v1/faults/`. */
export interface FaultRequest {
  client_uuid: string;
  method?: string;
  path_contains?: string;
  /** How many matching requests it answers (default 1). */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  /** Body of a `status` fault (default `{"detail": …}`). */
  body?: string;
  /** Delay before answering, at most 30 000 ms. Alone (no kind, status or body) it delays the real answer. */
  delay_ms?: number;
  kind?: FaultKind;
  /**
   * The platform handles the request first (its change is applied), and the fault replaces its
   * answer: an answer lost after the change was made (a reset, a gateway's 502, a cut body).
   */
  applied?: boolean;
}

/** A queued fault. */
export interface Fault {
  clientUuid: string;
  method: string | null;
  pathContains: string | null;
  remaining: number;
  /** `null`: only delay, then let the real answer through. */
  kind: FaultKind | null;
  status: number | null;
  headers: Record<string, string>;
  body: string | null;
  delayMs: number;
  /** The request is handled before the fault answers (see {@link FaultRequest.applied}). */
  applied: boolean;
}

const KINDS: readonly FaultKind[] = ['status', 'html', 'truncated', 'not_json', 'wrong_shape', 'hang', 'cut'];
const DEFAULT_STATUS: Record<FaultKind, number> = {
  status: 500,
  html: 502,
  truncated: 200,
  not_json: 200,
  wrong_shape: 200,
  hang: 504,
  cut: 200,
};
/** Statuses whose answer has no body. */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);
/** The start of an application, where `truncated` and `cut` stop. */
const PARTIAL_JSON = '{"uuid": "0b8e5f7a-2c4d-4e6f-8a9b-1c2d3e4f5a6b", "status": "draft", "kyc_steps": [{"title": "Personal da';
const DEFAULT_DETAIL: Record<number, string> = {
  429: 'Request was throttled.',
  500: 'A server error occurred.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable.',
  504: 'Gateway timeout.',
};

/**
 * Appends a platform request to the log of each client whose scope it is in (the one it names, or
 * every client of its legal entity when it names none), keeping each log's last {@link LOG_SIZE}.
 */
export function logRequest(clients: Iterable<Client>, request: Request, url: URL, at: Date): void {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = SECRET_PARAMS.has(name) ? '***' : value;
  const headers: LoggedRequest['headers'] = { content_type: request.headers.get('content-type') };
  for (const name of FLAGGED_HEADERS) headers[name.replace(/-/g, '_')] = request.headers.has(name);
  const entry: LoggedRequest = { method: request.method, path: url.pathname, query, at: at.toISOString(), headers };
  for (const { requestLog } of clients) {
    requestLog.push(entry);
    if (requestLog.length > LOG_SIZE) requestLog.splice(0, requestLog.length - LOG_SIZE);
  }
}

/**
 * Takes the first queued fault matching a request, counting it down. A request naming a client
 * (`clientUuid`) matches only that client's faults; one naming no client (null) matches any fault
 * of its legal entity.
 */
export function takeFault(entity: LegalEntity, clientUuid: string | null, method: string, path: string): Fault | null {
  const index = entity.faults.findIndex(
    (fault) =>
      (clientUuid === null || fault.clientUuid === clientUuid) &&
      (fault.method === null || fault.method === method) &&
      (fault.pathContains === null || path.includes(fault.pathContains)),
  );
  if (index < 0) return null;
  const fault = entity.faults[index];
  fault.remaining -= 1;
  if (fault.remaining <= 0) entity.faults.splice(index, 1);
  return fault;
}

/** Validates a fault body. @throws 400 with field errors. */
export function parseFault(body: JsonObject): Fault {
  const errors: Record<string, string[]> = {};
  const check = (field: string, ok: boolean, message: string): void => {
    if (body[field] !== undefined && !ok) errors[field] = [message];
  };
  if (!isUuid(body['client_uuid'])) errors['client_uuid'] = ['A valid client uuid is required.'];
  check('method', typeof body['method'] === 'string' && /^[A-Za-z]+$/.test(body['method']), 'Expected an HTTP method.');
  check('path_contains', typeof body['path_contains'] === 'string', 'Expected a string.');
  check('times', isIntegerIn(body['times'], 1, 1000), 'Expected an integer from 1 to 1000.');
  check('status', isIntegerIn(body['status'], 200, 599), 'Expected an HTTP status from 200 to 599.');
  check(
    'headers',
    isObject(body['headers']) &&
      Object.keys(body['headers']).length <= MAX_FAULT_HEADERS &&
      Object.values(body['headers']).every((v) => typeof v === 'string' && v.length <= MAX_FAULT_HEADER_LENGTH),
    `Expected an object of at most ${MAX_FAULT_HEADERS} strings of at most ${MAX_FAULT_HEADER_LENGTH} characters.`,
  );
  check(
    'body',
    typeof body['body'] === 'string' && body['body'].length <= MAX_FAULT_BODY_LENGTH,
    `Expected a string of at most ${MAX_FAULT_BODY_LENGTH} characters.`,
  );
  check('delay_ms', isIntegerIn(body['delay_ms'], 0, MAX_FAULT_DELAY_MS), `Expected an integer from 0 to ${MAX_FAULT_DELAY_MS}.`);
  check('kind', KINDS.includes(body['kind'] as FaultKind), `Expected one of: ${KINDS.join(', ')}.`);
  check('applied', typeof body['applied'] === 'boolean', 'Expected true or false.');
  if (body['body'] !== undefined && body['kind'] !== undefined && body['kind'] !== 'status') {
    errors['body'] = ['Only a "status" fault takes a body.'];
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  const delayOnly =
    body['kind'] === undefined && body['status'] === undefined && body['body'] === undefined && body['delay_ms'] !== undefined;
  return {
    clientUuid: body['client_uuid'] as string,
    method: typeof body['method'] === 'string' ? body['method'].toUpperCase() : null,
    pathContains: (body['path_contains'] as string | undefined) ?? null,
    remaining: (body['times'] as number | undefined) ?? 1,
    kind: delayOnly ? null : ((body['kind'] as FaultKind | undefined) ?? 'status'),
    status: (body['status'] as number | undefined) ?? null,
    headers: (body['headers'] as Record<string, string> | undefined) ?? {},
    body: (body['body'] as string | undefined) ?? null,
    delayMs: (body['delay_ms'] as number | undefined) ?? 0,
    applied: body['applied'] === true,
  };
}

/**
 * Serves a fault: waits its delay (a `hang` waits the cap), ending early with the request's abort
 * reason, then answers the fault, or the real answer for a delay-only fault.
 */
export async function serveFault(fault: Fault, signal: AbortSignal, realAnswer: () => Promise<Response>): Promise<Response> {
  await sleep(fault.kind === 'hang' ? MAX_FAULT_DELAY_MS : fault.delayMs, signal);
  if (fault.kind === null) return realAnswer();
  const status = fault.status ?? DEFAULT_STATUS[fault.kind];
  const headers = (contentType: string): Record<string, string> => ({ 'content-type': contentType, ...fault.headers });
  const answer = (body: BodyInit, contentType = 'application/json'): Response =>
    new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, headers: headers(contentType) });
  switch (fault.kind) {
    case 'status':
    case 'hang':
      if (fault.body !== null || NULL_BODY_STATUSES.has(status)) return answer(fault.body ?? '');
      return jsonResponse(status, { detail: DEFAULT_DETAIL[status] ?? `Sandbox fault (HTTP ${status}).` }, fault.headers);
    case 'html':
      return answer(
        `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>The upstream server did not answer.</p></body></html>\n`,
        'text/html; charset=utf-8',
      );
    case 'truncated':
      return answer(PARTIAL_JSON);
    case 'cut':
      return answer(cutStream(PARTIAL_JSON));
    case 'not_json':
      return answer('Service temporarily unavailable, please try again later.');
    case 'wrong_shape':
      return answer(JSON.stringify({ unexpected: 'shape', items: 'not a list' }));
  }
}

/** A body that gives `text`, then fails as a connection cut mid-body does. */
/** How long a cut answer stays open after its first part, so the client surely saw it begin. */
const CUT_AFTER_MS = 100;

function cutStream(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    // Pulled, not enqueued up front: erroring a stream drops what it still queues.
    async pull(controller) {
      if (sent) {
        await new Promise((resolve) => setTimeout(resolve, CUT_AFTER_MS));
        controller.error(new Error('Sandbox fault: the connection was cut mid-body.'));
        return;
      }
      sent = true;
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
}

/** Waits, unless the signal aborts first (then rejects with its reason). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
