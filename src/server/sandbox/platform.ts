/**
 * The platform's KYC endpoints 1-8 of platform-api.md: level info, applications, answers,
 * send-to-review, reference data and legal documents. Uploads and documents (9, 10) are in
 * `documents.ts`, send-code (11) in `signatures.ts`.
 */

import { isUuid, noContent, toHex } from '../http-util.js';
import { applicationInScope, clientInScope, entityInScope, respond, type PlatformContext } from './context.js';
import {
  booleanParam,
  detailError,
  fieldErrors,
  integerParam,
  isObject,
  jsonTypeName,
  notFound,
  readJsonObject,
  type JsonObject,
  type PathParams,
} from './http.js';
import {
  levelsForUpgrade,
  mayCreateApplication,
  paginate,
  presentApplication,
  presentAttribute,
  presentDefinition,
  presentLegalDocument,
  presentLevelInfo,
  type VolatileReader,
} from './present.js';
import { LIVENESS_TOKEN_KEY, VOLATILE_KEYS } from './seed.js';
import { consumeCodes, verifySignatures } from './signatures.js';
import { EDITABLE_STATUSES, type Application, type Client } from './store.js';
import { validateAnswer } from './validation.js';

const DEFAULT_TTL_MIN = 600;
const DEFAULT_TTL_MAX = 3600;
const MAX_TTL = 86_400;

function ensureEditable(application: Application): void {
  if (!EDITABLE_STATUSES.has(application.status)) {
    throw detailError(409, `The application cannot be changed in its current status "${application.status}".`);
  }
}

/**
 * Reads the TTL options of volatile attributes and makes their values on demand: the same value
 * while it has at least `ttl_min` seconds left, a new one valid for `ttl_max` seconds otherwise or
 * when `ttl_renew` is true; `null` for all when `emptied`. (Once the liveness check has a result,
 * `presentAttribute` wraps the token in Sumsub's diagnostics: see `livenessDiagnostics`, present.ts.)
 * @param prefix parameter prefix of a key: `""` for endpoint 5, `"<key>."` for endpoint 3.
 */
function volatileReader(
  context: PlatformContext,
  application: Application,
  prefix: (key: string) => string,
  emptied: boolean,
): VolatileReader {
  if (emptied) return () => null;
  const options = new Map(
    [...VOLATILE_KEYS].map((key) => {
      const params = context.url.searchParams;
      const names = { min: `${prefix(key)}ttl_min`, max: `${prefix(key)}ttl_max`, renew: `${prefix(key)}ttl_renew` };
      const ttlMin = integerParam(params, names.min) ?? DEFAULT_TTL_MIN;
      const ttlMax = integerParam(params, names.max) ?? DEFAULT_TTL_MAX;
      if (ttlMax < 1 || ttlMax > MAX_TTL) throw fieldErrors({ [names.max]: [`Ensure this value is between 1 and ${MAX_TTL}.`] });
      if (ttlMin > ttlMax) throw fieldErrors({ [names.min]: [`Ensure this value is not greater than ${names.max}.`] });
      return [key, { ttlMin, ttlMax, renew: booleanParam(params, names.renew) ?? false }] as const;
    }),
  );
  return (key) => {
    const { ttlMin, ttlMax, renew } = options.get(key)!;
    const now = context.now.getTime();
    const current = application.volatile.get(key);
    if (!renew && current && current.expiresAt - now >= ttlMin * 1000) return current.value;
    const made = key === LIVENESS_TOKEN_KEY ? livenessToken(context.livenessStandIn) : livenessUrl(context.livenessStandIn);
    context.store.setVolatile(application, key, { ...made, expiresAt: now + ttlMax * 1000 });
    return made.value;
  };
}

/** Where the sandbox's liveness URLs point without a stand-in: Sumsub's own pages. */
const SUMSUB_ORIGIN = 'https://in.sumsub.com';

/**
 * A new liveness access token. Without a stand-in: `_act-sbx-<64 hex>`, which Sumsub's WebSDK
 * takes for one of Sumsub's own (its frame then loads from https://in.sumsub.com).
 *
 * With a stand-in at `origin`, a token shaped like Sumsub's sandbox tokens, from which the WebSDK
 * reads the base URL of its frame:
 *
 * `_act-sbx-jwt-` + b64(`{"alg":"none","typ":"JWT"}`) + `.` + b64(`{"url":origin,"sandbox":true,"nonce":"<32 hex>"}`) + `.` + b64(`"<64 hex>"`) + `-v2`
 *
 * where b64 is standard base64 (`+`, `/`) without `=` padding: the WebSDK drops the prefix and
 * `-v2`, and reads each dot-separated part as `JSON.parse(atob(part))`, taking the first object
 * with a `url` (atob takes standard base64 only, and unpadded input). The last part, a random
 * signature nothing checks, is a JSON string too, so that every part decodes without an error.
 * So the WebSDK talks to the stand-in only when the platform's token says so: a real platform's
 * tokens keep it on Sumsub.
 */
function livenessToken(standIn: string | null): { value: string; id: string } {
  const value =
    standIn === null
      ? `_act-sbx-${randomHex(32)}`
      : `_act-sbx-jwt-${base64Json({ alg: 'none', typ: 'JWT' })}.${base64Json({ url: standIn, sandbox: true, nonce: randomHex(16) })}.${base64Json(randomHex(32))}-v2`;
  return { value, id: value };
}

/**
 * A new liveness URL (the cross-device path): `<origin>/websdk/p/sbx_<32 hex>`, on Sumsub without
 * a stand-in, else on the stand-in, which serves a simulated Sumsub page there. The last segment is
 * the id the page finds its application by (`POST /sandbox/v1/liveness-by-url/`).
 */
function livenessUrl(standIn: string | null): { value: string; id: string } {
  const id = `sbx_${randomHex(16)}`;
  return { value: `${standIn ?? SUMSUB_ORIGIN}/websdk/p/${id}`, id };
}

/** Standard base64 of a value's JSON (UTF-8), without `=` padding. */
function base64Json(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')).replace(/=+$/, '');
}

function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** An application as endpoints 2, 3, 4 and 6 answer it (endpoint 3's read options apply to all). */
function respondApplication(context: PlatformContext, application: Application, status = 200): Response {
  const emptied = booleanParam(context.url.searchParams, 'empty_volatile_fields') ?? false;
  const volatile = volatileReader(context, application, (key) => `${key}.`, emptied);
  return respond(application.client.entity, status, presentApplication(application, volatile, context.now));
}

/** 1. `GET /v1/clients/kyc-level-info/` */
export function getLevelInfo(context: PlatformContext): Response {
  const client = clientInScope(context);
  return respond(client.entity, 200, presentLevelInfo(client));
}

/** 2. `POST /v1/clients/kyc-level-info/` `{kyc_level_uuid}` → a new draft application (201). */
export async function createApplication(context: PlatformContext): Promise<Response> {
  const client = clientInScope(context);
  const body = await readJsonObject(context.request);
  const levelUuid = body['kyc_level_uuid'];
  if (levelUuid === undefined || levelUuid === null || levelUuid === '') throw fieldErrors({ kyc_level_uuid: ['This field is required.'] });
  if (!isUuid(levelUuid)) throw fieldErrors({ kyc_level_uuid: ['Must be a valid UUID.'] });
  const level = client.entity.levels.find((candidate) => candidate.uuid === levelUuid);
  if (!level) throw fieldErrors({ kyc_level_uuid: [`Invalid pk "${levelUuid}" - object does not exist.`] });
  if (!mayCreateApplication(client)) {
    throw fieldErrors({
      non_field_errors: [
        client.allowedToCreate
          ? 'The client already has an open KYC application.'
          : 'This client is not allowed to create a KYC application.',
      ],
    });
  }
  if (!levelsForUpgrade(client).includes(level)) throw fieldErrors({ kyc_level_uuid: ['This level is not available for upgrade.'] });
  const application = context.store.createApplication(client, level);
  return respondApplication(context, application, 201);
}

/** 3. `GET /v1/kyc/{uuid}/` */
export function getApplication(context: PlatformContext, params: PathParams): Response {
  return respondApplication(context, applicationInScope(context, params['uuid']));
}

/** One change of a PATCH, once its shape is checked. */
interface Change {
  key: string;
  /** Trimmed; `''` clears the answer. */
  value: string;
}

/**
 * 4. `PATCH /v1/kyc/{uuid}/` `{attribute_changes: [{key, value}]}`. All or nothing: any invalid
 * change, or a missing or wrong sign code, saves none of them.
 */
export async function patchApplication(context: PlatformContext, params: PathParams): Promise<Response> {
  const application = applicationInScope(context, params['uuid']);
  const changes = readChanges(await readJsonObject(context.request));
  ensureEditable(application); // after the last await: checks and changes happen in one go
  const { client, level } = application;
  const errors = changes.map((change, index): { field: 'key' | 'value'; message: string } | null => {
    const question = level.questions.get(change.key);
    if (!question) return { field: 'key', message: `Unknown attribute "${change.key}" for this application.` };
    if (changes.findIndex((other) => other.key === change.key) !== index)
      return { field: 'key', message: 'This attribute is changed twice.' };
    if (!isChange(client, change)) return null;
    if (question.attribute.readOnly) return { field: 'value', message: 'This attribute is read-only.' };
    if (change.value === '') return null;
    const message = validateAnswer(question.attribute, change.value, client, context.now);
    return message === null ? null : { field: 'value', message };
  });
  if (errors.some((error) => error !== null)) {
    throw fieldErrors({
      attribute_changes:
        client.entity.dialect.attribute_errors === 'list'
          ? errors.map((error) => (error ? { [error.field]: [error.message] } : {}))
          : Object.fromEntries(changes.flatMap((change, i) => (errors[i] ? [[change.key, [errors[i].message]]] : []))),
    });
  }
  const effective = changes.filter((change) => isChange(client, change));
  const used = verifySignatures(
    application,
    effective.map((change) => level.questions.get(change.key)!.attribute.signProviders ?? []).filter((providers) => providers.length > 0),
    context.url.searchParams,
  );
  for (const change of effective) {
    if (change.value === '') client.answers.delete(change.key);
    else client.answers.set(change.key, change.value);
  }
  consumeCodes(application, used);
  return respondApplication(context, application);
}

function isChange(client: Client, change: Change): boolean {
  return (client.answers.get(change.key) ?? '') !== change.value;
}

/** Checks the shape of `attribute_changes`; malformed items are field errors on `attribute_changes`. */
function readChanges(body: JsonObject): Change[] {
  const list = body['attribute_changes'];
  if (list === undefined) throw fieldErrors({ attribute_changes: ['This field is required.'] });
  if (!Array.isArray(list)) throw fieldErrors({ attribute_changes: [`Expected a list of items but got type "${jsonTypeName(list)}".`] });
  return list.map((item: unknown, index) => {
    const where = `Item ${index + 1}`;
    if (!isObject(item)) throw fieldErrors({ attribute_changes: [`${where}: expected an object with "key" and "value".`] });
    const { key, value } = item;
    if (typeof key !== 'string' || key === '') throw fieldErrors({ attribute_changes: [`${where}: "key" must be a non-empty string.`] });
    if (value !== null && typeof value !== 'string')
      throw fieldErrors({ attribute_changes: [`${where}: "value" must be a string or null.`] });
    return { key, value: (value ?? '').trim() };
  });
}

/** 5. `GET /v1/kyc/{uuid}/attributes/{key}/` with `ttl_min`, `ttl_max`, `ttl_renew`. */
export function getAttribute(context: PlatformContext, params: PathParams): Response {
  const application = applicationInScope(context, params['uuid']);
  const question = application.level.questions.get(params['key'] ?? '');
  if (!question) throw notFound();
  const volatile = volatileReader(context, application, () => '', false);
  const attribute = presentAttribute(application, question, volatile, context.now);
  // The path names the attribute: a platform may well leave its key out of the answer.
  if (application.client.entity.dialect.names === 'renamed') delete attribute['key'];
  return respond(application.client.entity, 200, attribute);
}

/**
 * 6. `POST /v1/kyc/{uuid}/send-to-review/`: every required question answered (a required liveness
 * check passed), and the level's signature when it asks for one.
 */
export async function sendToReview(context: PlatformContext, params: PathParams): Promise<Response> {
  const application = applicationInScope(context, params['uuid']);
  await readJsonObject(context.request);
  ensureEditable(application);
  const missing: Record<string, string[]> = {};
  for (const { attribute, required } of application.level.questions.values()) {
    if (!required) continue;
    if (attribute.key === LIVENESS_TOKEN_KEY) {
      if (application.liveness !== 'passed') {
        missing[attribute.key] = [
          application.liveness === 'failed' ? 'The liveness check failed: please take it again.' : 'Please take the liveness check.',
        ];
      }
    } else if (!VOLATILE_KEYS.has(attribute.key) && !application.client.answers.has(attribute.key)) {
      missing[attribute.key] = ['This field is required.'];
    }
  }
  if (Object.keys(missing).length > 0) throw fieldErrors({ attribute_changes: missing });
  const used = verifySignatures(
    application,
    application.level.signOnSubmit.map((provider) => [provider]),
    context.url.searchParams,
  );
  consumeCodes(application, used);
  application.status = 'in_review';
  application.comment = null;
  application.remarks = {};
  return application.client.entity.dialect.send_to_review === 'no_content' ? noContent() : respondApplication(context, application);
}

/** 7. `GET /v1/attributes/{key}/definitions/`: the options of a reference-data attribute. */
export function getDefinitions(context: PlatformContext, params: PathParams): Response {
  const entity = entityInScope(context);
  const attribute = entity.attributes.get(params['key'] ?? '');
  if (!attribute?.definitions) throw notFound();
  const items = attribute.definitions.map((definition) => presentDefinition(definition, entity.dialect));
  return respond(entity, 200, paginate(items, context.url, entity.dialect, context.pageSize));
}

/** 8. `GET /v1/legal_documents/`, filtered by `client_type` and `key` when given. */
export function getLegalDocuments(context: PlatformContext): Response {
  const entity = entityInScope(context);
  const clientType = context.url.searchParams.get('client_type');
  const key = context.url.searchParams.get('key');
  const items = entity.legalDocuments
    .filter((document) => (clientType === null || document.clientType === clientType) && (key === null || document.key === key))
    .map((document) => presentLegalDocument(document, entity.dialect));
  return respond(entity, 200, paginate(items, context.url, entity.dialect, context.pageSize));
}
