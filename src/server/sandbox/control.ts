/**
 * The sandbox control under `/sandbox/v1/` (not part of the platform; no auth): fresh isolated
 * clients, reviewer decisions, Sumsub review results, liveness results (by application, or by the
 * liveness token or URL the liveness stand-in was given), inspection of internal state, the request
 * log, and fault injection.
 */

import { isUuid, jsonResponse, noContent } from '../http-util.js';
import { parseDialect, type Dialect } from './dialect.js';
import { detailError, fieldErrors, isObject, notFound, readJsonObject, type PathParams } from './http.js';
import { LIVENESS_TOKEN_KEY, LIVENESS_URL_KEY } from './seed.js';
import type { ReviewResult, SandboxStore, Application, Client } from './store.js';
import { parseFault, type LoggedRequest } from './traffic.js';

/** A seeded demo client the demo page can pick. */
export interface DemoClient {
  legal_entity_uuid: string;
  client_uuid: string;
  label: string;
  description: string;
}

/** Body of `POST /sandbox/v1/clients/`. */
export interface CreateClientRequest {
  dialect?: Dialect;
  /** Default true. */
  allowed_to_create_kyc_application?: boolean;
}

/** Answer of `POST /sandbox/v1/clients/`. */
export interface CreateClientResponse {
  legal_entity_uuid: string;
  client_uuid: string;
}

/** Body of `POST /sandbox/v1/applications/{uuid}/status/`. */
export interface SetStatusRequest {
  /** `draft`, `in_review`, `pending`, `approved`, `rejected`, or any other string. */
  status: string;
  comment?: string | null;
  /** Reviewer remarks by attribute key, shown in that attribute's `errors`. */
  remarks?: Record<string, string[]>;
}

/** Body of `POST /sandbox/v1/applications/{uuid}/status/testCompleted` (Sumsub's test call). */
export interface TestCompletedRequest {
  reviewAnswer: 'GREEN' | 'RED';
  /** Required by Sumsub, even if empty. Statistics only: never shown to the person. */
  rejectLabels: string[];
  /** Without it, a RED answer is final. */
  reviewRejectType?: 'FINAL' | 'RETRY' | 'EXTERNAL';
  /** Can be shown to the person: becomes the application's comment on RED. */
  moderationComment?: string;
  /** Never shown to the person. */
  clientComment?: string;
}

/** Body of `POST /sandbox/v1/applications/{uuid}/liveness/`. */
export interface LivenessRequest {
  result: 'passed' | 'failed';
}

/**
 * Body of `POST /sandbox/v1/liveness-by-token/`: the result of the check taken with a liveness
 * access token (what the liveness stand-in's frame sends).
 */
export interface LivenessByTokenRequest {
  token: string;
  result: 'passed' | 'failed';
}

/**
 * Body of `POST /sandbox/v1/liveness-by-url/`: the result of the check taken on the page of a
 * liveness URL, named by the URL's last path segment (what the stand-in's cross-device page sends).
 */
export interface LivenessByUrlRequest {
  id: string;
  result: 'passed' | 'failed';
}

/** Answer of the inspect call (and of every application control call). */
export interface ApplicationInspection {
  uuid: string;
  legal_entity_uuid: string;
  client_uuid: string;
  kyc_level: { uuid: string; name: string };
  status: string;
  comment: string | null;
  remarks: Record<string, string[]>;
  liveness: 'passed' | 'failed' | null;
  /** The client's documents: how many, their keys, and each with its files (type, size, SHA-256 of the bytes). */
  documents: { count: number; keys: string[]; items: InspectedDocument[] };
  uploaded_files: number;
  review_results: ReviewResult[];
  sign_code_sends: { provider: string; count: number }[];
}

/** A document as the inspect call shows it (no file names). */
export interface InspectedDocument {
  uuid: string;
  key: string;
  files: { content_type: string; size: number; sha256: string }[];
}

/** One entry of `GET /sandbox/v1/requests/`. */
export type RequestLogEntry = LoggedRequest;

/** What every control handler gets. */
export interface ControlContext {
  request: Request;
  url: URL;
  store: SandboxStore;
  now: Date;
  demoClients: readonly DemoClient[];
}

const MAX_STATUS_LENGTH = 64;
/** The most faults one client may have queued at once (each may answer up to 1000 requests). */
export const MAX_QUEUED_FAULTS = 20;

function applicationOf(context: ControlContext, params: PathParams): Application {
  const application = context.store.application(params['uuid'] ?? '');
  if (!application) throw notFound();
  return application;
}

function clientFromQuery(context: ControlContext): Client {
  const uuid = context.url.searchParams.get('client_uuid');
  if (!isUuid(uuid)) throw fieldErrors({ client_uuid: ['A valid client uuid is required.'] });
  const client = context.store.client(uuid);
  if (!client) throw notFound();
  return client;
}

function inspection(application: Application): ApplicationInspection {
  const { client } = application;
  const documents = [...client.documents.values()];
  return {
    uuid: application.uuid,
    legal_entity_uuid: client.entity.uuid,
    client_uuid: client.uuid,
    kyc_level: { uuid: application.level.uuid, name: application.level.name },
    status: application.status,
    comment: application.comment,
    remarks: application.remarks,
    liveness: application.liveness,
    documents: {
      count: documents.length,
      keys: [...new Set(documents.map((document) => document.attributeKey))].sort(),
      items: documents.map((document) => ({
        uuid: document.uuid,
        key: document.attributeKey,
        files: document.files.map(({ contentType, size, sha256 }) => ({ content_type: contentType, size, sha256 })),
      })),
    },
    uploaded_files: client.files.size,
    review_results: application.reviewResults,
    sign_code_sends: [...application.signCodes].map(([provider, state]) => ({ provider, count: state.sends })),
  };
}

/** Sets a status; approval raises the client's level (never lowers it). */
function decide(application: Application, status: string, comment: string | null, remarks: Record<string, string[]> = {}): void {
  application.status = status;
  application.comment = comment;
  application.remarks = remarks;
  const { client, level } = application;
  if (status === 'approved' && (client.currentLevel === null || client.currentLevel.rank < level.rank)) client.currentLevel = level;
}

/** `GET /sandbox/v1/clients/`: the seeded demo clients. */
export function listDemoClients(context: ControlContext): Response {
  return jsonResponse(200, context.demoClients);
}

/** `POST /sandbox/v1/clients/`: a fresh legal entity in the given dialect, with one fresh client. */
export async function createClient(context: ControlContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  const dialect = parseDialect(body['dialect']);
  const allowed = body['allowed_to_create_kyc_application'] ?? true;
  if (typeof allowed !== 'boolean') throw fieldErrors({ allowed_to_create_kyc_application: ['Must be a valid boolean.'] });
  const entity = context.store.createEntity(crypto.randomUUID(), dialect, true);
  const client = context.store.createClient(entity, crypto.randomUUID(), allowed);
  const answer: CreateClientResponse = { legal_entity_uuid: entity.uuid, client_uuid: client.uuid };
  return jsonResponse(201, answer);
}

/** `POST /sandbox/v1/applications/{uuid}/status/`: the reviewer's decision, or any status at all. */
export async function setStatus(context: ControlContext, params: PathParams): Promise<Response> {
  const application = applicationOf(context, params);
  const body = await readJsonObject(context.request);
  const { status, comment, remarks } = body;
  const errors: Record<string, unknown> = {};
  if (typeof status !== 'string' || status.trim() === '' || status.length > MAX_STATUS_LENGTH) {
    errors['status'] = [`Expected a non-empty string of at most ${MAX_STATUS_LENGTH} characters.`];
  }
  if (comment !== undefined && comment !== null && typeof comment !== 'string') errors['comment'] = ['Expected a string or null.'];
  if (remarks !== undefined) {
    if (!isObject(remarks)) errors['remarks'] = ['Expected an object of attribute keys to lists of messages.'];
    else {
      const bad = Object.entries(remarks).filter(
        ([key, messages]) =>
          !application.level.questions.has(key) || !Array.isArray(messages) || !messages.every((message) => typeof message === 'string'),
      );
      if (bad.length > 0)
        errors['remarks'] = Object.fromEntries(
          bad.map(([key]) => [key, ['Expected a question of this application and a list of strings.']]),
        );
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  decide(application, status as string, (comment as string | null | undefined) ?? null, remarks as Record<string, string[]> | undefined);
  return jsonResponse(200, inspection(application));
}

/**
 * `POST /sandbox/v1/applications/{uuid}/status/testCompleted`: a Sumsub review result, mapped as
 * the platform maps it. GREEN → approved; RED + RETRY → pending, the moderation comment as the
 * application's comment; RED + FINAL, EXTERNAL or no type → rejected. Only an application in
 * review gets a result (409 otherwise). Reject labels and the client comment are kept for the
 * partner (inspect) and never reach the platform's answers.
 */
export async function completeReview(context: ControlContext, params: PathParams): Promise<Response> {
  const application = applicationOf(context, params);
  const body = await readJsonObject(context.request);
  const { reviewAnswer, rejectLabels, reviewRejectType, moderationComment, clientComment } = body;
  const errors: Record<string, string[]> = {};
  if (reviewAnswer !== 'GREEN' && reviewAnswer !== 'RED') errors['reviewAnswer'] = ['Required: GREEN or RED.'];
  if (!Array.isArray(rejectLabels) || !rejectLabels.every((label) => typeof label === 'string')) {
    errors['rejectLabels'] = ['Required: a list of strings (may be empty).'];
  }
  if (reviewRejectType !== undefined && !['FINAL', 'RETRY', 'EXTERNAL'].includes(reviewRejectType as string)) {
    errors['reviewRejectType'] = ['Expected FINAL, RETRY or EXTERNAL.'];
  }
  for (const [name, value] of Object.entries({ moderationComment, clientComment })) {
    if (value !== undefined && typeof value !== 'string') errors[name] = ['Expected a string.'];
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  if (application.status !== 'in_review') throw detailError(409, 'The application is not in review.');

  const result: ReviewResult = {
    reviewAnswer: reviewAnswer as ReviewResult['reviewAnswer'],
    reviewRejectType: (reviewRejectType as ReviewResult['reviewRejectType'] | undefined) ?? null,
    rejectLabels: rejectLabels as string[],
    moderationComment: (moderationComment as string | undefined) ?? null,
    clientComment: (clientComment as string | undefined) ?? null,
    at: context.now.toISOString(),
  };
  application.reviewResults.push(result);
  if (result.reviewAnswer === 'GREEN') decide(application, 'approved', null);
  else decide(application, result.reviewRejectType === 'RETRY' ? 'pending' : 'rejected', result.moderationComment);
  return jsonResponse(200, inspection(application));
}

/** `POST /sandbox/v1/applications/{uuid}/liveness/` `{result}`: the outcome of the liveness check. */
export async function setLiveness(context: ControlContext, params: PathParams): Promise<Response> {
  const application = applicationOf(context, params);
  const { result } = await readJsonObject(context.request);
  if (result !== 'passed' && result !== 'failed') throw fieldErrors({ result: ['Expected "passed" or "failed".'] });
  application.liveness = result;
  application.livenessAt = context.now.getTime();
  return jsonResponse(200, inspection(application));
}

/**
 * `POST /sandbox/v1/liveness-by-token/` `{token, result}`: the liveness result for the application
 * whose current liveness token this is. 404 when no application has it as its current token
 * (unknown, replaced by a renewal, or its legal entity forgotten) or when it has expired.
 */
export function setLivenessByToken(context: ControlContext): Promise<Response> {
  return setLivenessByVolatile(context, 'token', LIVENESS_TOKEN_KEY);
}

/**
 * `POST /sandbox/v1/liveness-by-url/` `{id, result}`: the same for the application whose current
 * liveness URL ends with `/<id>`; 404 likewise.
 */
export function setLivenessByUrl(context: ControlContext): Promise<Response> {
  return setLivenessByVolatile(context, 'id', LIVENESS_URL_KEY);
}

async function setLivenessByVolatile(context: ControlContext, field: 'token' | 'id', key: string): Promise<Response> {
  const body = await readJsonObject(context.request);
  const id = body[field];
  const { result } = body;
  const errors: Record<string, string[]> = {};
  if (typeof id !== 'string' || id === '') errors[field] = ['Expected a non-empty string.'];
  if (result !== 'passed' && result !== 'failed') errors['result'] = ['Expected "passed" or "failed".'];
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  const what = field === 'token' ? 'liveness token' : 'liveness URL';
  const application = context.store.volatileOwner(key, id as string);
  const current = application?.volatile.get(key);
  if (!application || !current) throw detailError(404, `No application has this ${what} (unknown, or replaced by a newer one).`);
  if (current.expiresAt <= context.now.getTime()) throw detailError(404, `This ${what} has expired.`);
  application.liveness = result as 'passed' | 'failed';
  application.livenessAt = context.now.getTime();
  return jsonResponse(200, inspection(application));
}

/** `GET /sandbox/v1/applications/{uuid}/inspect/` */
export function inspect(context: ControlContext, params: PathParams): Response {
  return jsonResponse(200, inspection(applicationOf(context, params)));
}

/**
 * `GET /sandbox/v1/requests/?client_uuid=`: the last platform requests the client's scope saw: its
 * own, and those of its legal entity that named no client (definitions, legal documents).
 */
export function listRequests(context: ControlContext): Response {
  return jsonResponse(200, clientFromQuery(context).requestLog);
}

/**
 * `POST /sandbox/v1/faults/`: queues a fault for a client's next matching platform request(s).
 * A client holds at most {@link MAX_QUEUED_FAULTS} queued faults (409 beyond: clear them, or let
 * them be served), so the queue cannot grow without bound.
 */
export async function addFault(context: ControlContext): Promise<Response> {
  const fault = parseFault(await readJsonObject(context.request));
  const client = context.store.client(fault.clientUuid);
  if (!client) throw notFound();
  const queued = client.entity.faults.filter((other) => other.clientUuid === client.uuid).length;
  if (queued >= MAX_QUEUED_FAULTS) {
    throw detailError(
      409,
      `This client already has ${MAX_QUEUED_FAULTS} queued faults: clear them (DELETE /sandbox/v1/faults/?client_uuid=) or let them be served.`,
    );
  }
  client.entity.faults.push(fault);
  return jsonResponse(201, { queued: queued + 1 });
}

/** `DELETE /sandbox/v1/faults/?client_uuid=`: drops the client's queued faults. */
export function clearFaults(context: ControlContext): Response {
  const client = clientFromQuery(context);
  const { faults } = client.entity;
  faults.splice(0, faults.length, ...faults.filter((fault) => fault.clientUuid !== client.uuid));
  return noContent();
}
