/** What platform handlers share: their context, the scope checks, and the dialect-shaped answer. */

import { isUuid, jsonResponse } from '../http-util.js';
import { shapeAnswer } from './dialect.js';
import { fieldErrors, notFound } from './http.js';
import type { UploadReadStats } from './documents.js';
import type { Application, Client, LegalEntity, SandboxStore } from './store.js';

/** What every platform handler gets. */
export interface PlatformContext {
  request: Request;
  url: URL;
  store: SandboxStore;
  now: Date;
  /** Default page size of paginated lists. */
  pageSize: number;
  /**
   * The origin of the local liveness stand-in (`SandboxOptions.livenessStandIn`), normalized, or
   * `null`: liveness tokens and URLs then point at Sumsub, as a real platform's do.
   */
  livenessStandIn: string | null;
  /** Told what reading each upload request took (`SandboxOptions.onUploadRead`). */
  onUploadRead?: ((stats: UploadReadStats) => void) | undefined;
}

/** A JSON answer shaped in the legal entity's dialect. */
export function respond(entity: LegalEntity, status: number, body: unknown): Response {
  return jsonResponse(status, shapeAnswer(entity.dialect, body));
}

/** The legal entity named by `legal_entity_uuid`. 400 when missing or malformed, 404 when unknown. */
export function entityInScope(context: PlatformContext): LegalEntity {
  const uuid = requireUuidParams(context.url, ['legal_entity_uuid'])[0];
  const entity = context.store.entity(uuid);
  if (!entity) throw notFound();
  return entity;
}

/** The client named by `legal_entity_uuid` + `client_uuid`; 404 unless the client belongs to that entity. */
export function clientInScope(context: PlatformContext): Client {
  const [entityUuid, clientUuid] = requireUuidParams(context.url, ['legal_entity_uuid', 'client_uuid']);
  const client = context.store.client(clientUuid);
  if (!client || client.entity.uuid !== entityUuid) throw notFound();
  return client;
}

/** An application of the client in scope; another client's application is 404, like a missing one. */
export function applicationInScope(context: PlatformContext, uuid: string | undefined): Application {
  const client = clientInScope(context);
  const application = uuid ? context.store.application(uuid) : undefined;
  if (!application || application.client !== client) throw notFound();
  return application;
}

function requireUuidParams(url: URL, names: readonly string[]): string[] {
  const errors: Record<string, string[]> = {};
  const values = names.map((name) => {
    const value = url.searchParams.get(name) ?? '';
    if (value === '') errors[name] = ['This field is required.'];
    else if (!isUuid(value)) errors[name] = ['Must be a valid UUID.'];
    return value;
  });
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return values;
}
