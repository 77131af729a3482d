// The one error type of the API client, and how an HTTP error answer becomes one.
import type { KycSignProvider } from './types.js';

/**
 * Stable reason of a failed call; components localize by it.
 * - `network`: no answer (offline, DNS, CORS, connection reset).
 * - `timeout`: no complete answer in time.
 * - `aborted`: the caller's own `AbortSignal` fired.
 * - `unauthorized` (401, also after the one token refresh), `forbidden` (403), `not_found` (404, 410),
 *   `conflict` (409: e.g. the application is not editable in its status).
 * - `validation`: the answers were refused; see `fieldErrors` and `nonFieldErrors`. Also a request
 *   that is not an upload refused as too large (413) or of the wrong media type (415).
 * - `signature_required` / `signature_invalid`: a one-time code is missing / wrong; see `providers`.
 * - `upload_rejected`: the file was refused (an upload's 413 or 415, or Sumsub's upload errors on
 *   any request); see `uploadError`.
 * - `rate_limited` (429; see `retryAfterMs`), `server` (5xx).
 * - `malformed_response`: the answer is not what the platform sends (not JSON, an HTML page,
 *   truncated, cut off mid-body, wrong shape).
 */
export type KycApiErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'signature_required'
  | 'signature_invalid'
  | 'upload_rejected'
  | 'rate_limited'
  | 'server'
  | 'malformed_response';

/**
 * Sumsub's upload error: 1000 duplicate, 1001 too many documents, 1002 too big, 1003 empty,
 * 1004 corrupted or wrong format, 1005 unsupported format.
 */
export interface KycUploadError {
  errorCode: number;
  errorName: string;
}

/** Optional details of a {@link KycApiError}. */
export interface KycApiErrorDetails {
  status?: number;
  retryAfterMs?: number;
  fieldErrors?: Record<string, string[]>;
  nonFieldErrors?: string[];
  uploadError?: KycUploadError;
  providers?: KycSignProvider[];
  correlationId?: string;
}

/**
 * Codes after which the person can go on in the same session: retry, correct an answer, enter a
 * code. A malformed answer counts (it is often a transient gateway page or a cut connection, and
 * the person's answers stay in the form); a refused session, access or resource does not.
 */
const RECOVERABLE = new Set<KycApiErrorCode>([
  'network',
  'timeout',
  'aborted',
  'validation',
  'signature_required',
  'signature_invalid',
  'upload_rejected',
  'rate_limited',
  'server',
  'malformed_response',
]);

/**
 * Every failure of the API client. `message` is a developer-facing English summary without
 * personal data; show people a text chosen by `code` and the server's messages in
 * `fieldErrors` / `nonFieldErrors`.
 */
export class KycApiError extends Error {
  override readonly name = 'KycApiError';
  /** Stable reason; see {@link KycApiErrorCode}. */
  readonly code: KycApiErrorCode;
  /** HTTP status, when an answer came. */
  readonly status: number | undefined;
  /** Whether the person can go on in this session (retry, correct, sign), as opposed to reload or log in. */
  readonly recoverable: boolean;
  /** How long the server asked to wait (Retry-After), in ms. */
  readonly retryAfterMs: number | undefined;
  /** Server messages by field: attribute keys (for attribute changes) or request field names. */
  readonly fieldErrors: Record<string, string[]>;
  /** Server messages not tied to a field (`detail`, `non_field_errors`, Sumsub's `description`). */
  readonly nonFieldErrors: string[];
  /** Sumsub's upload error, for `upload_rejected`. */
  readonly uploadError: KycUploadError | undefined;
  /** Providers whose code is missing or wrong, for `signature_required` / `signature_invalid`. */
  readonly providers: KycSignProvider[] | undefined;
  /**
   * Sumsub's `correlationId` of the error, when its answer carried one: the id Sumsub's support
   * asks for ("contact us with the correlationId provided"). Not personal data.
   */
  readonly correlationId: string | undefined;

  constructor(code: KycApiErrorCode, message: string, details: KycApiErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = details.status;
    this.recoverable = RECOVERABLE.has(code);
    this.retryAfterMs = details.retryAfterMs;
    this.fieldErrors = details.fieldErrors ?? {};
    this.nonFieldErrors = details.nonFieldErrors ?? [];
    this.uploadError = details.uploadError;
    this.providers = details.providers;
    this.correlationId = details.correlationId;
  }
}

/** What a request carried that helps explain its error answer. */
export interface ErrorContext {
  method: string;
  /** Path below the endpoint, without the query (never carries codes or personal data). */
  path: string;
  /** Keys of the attribute changes sent, in order (a list of errors is aligned with them). */
  changeKeys?: string[];
  /** Providers whose code the request carried. */
  signedWith?: KycSignProvider[];
  /** The request uploads files (endpoint 9): only then does a 413 or 415 speak of the file. */
  upload?: boolean;
}

const SIGN_CODE_FIELDS = new Map<string, KycSignProvider>([
  ['sms_sign_code', 'sms'],
  ['email_sign_code', 'email'],
]);
const FILE_TOO_BIG: KycUploadError = { errorCode: 1002, errorName: 'file-too-big' };
/** Statuses that say enough on their own, even when a gateway answered them with an HTML page. */
const SELF_EXPLAINING = new Set([401, 403, 404, 408, 409, 410, 413, 415, 429]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every string in a DRF error value (a string, a list, or nested objects of them). */
function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messagesOf);
  if (isRecord(value)) return Object.values(value).flatMap(messagesOf);
  return [];
}

/** Sumsub's `{description, code, correlationId, errorCode, errorName}`, at the top or one level down. */
function findUploadError(body: unknown): { error: KycUploadError; description: string[] } | undefined {
  const candidates = [body, ...(isRecord(body) ? Object.values(body) : [])].flat();
  for (const candidate of candidates) {
    if (!isRecord(candidate)) continue;
    const errorCode = Number(candidate.errorCode);
    if (candidate.errorCode == null || !Number.isInteger(errorCode)) continue;
    const errorName = typeof candidate.errorName === 'string' ? candidate.errorName : '';
    return { error: { errorCode, errorName }, description: messagesOf(candidate.description) };
  }
  return undefined;
}

/**
 * The providers a refusal asks a code of: the fields `sms_sign_code` / `email_sign_code`, or those
 * names in a message not tied to a field (`detail`, `non_field_errors`), as a platform may word it.
 */
function signProvidersIn(fieldErrors: Record<string, string[]>, nonFieldErrors: string[]): KycSignProvider[] {
  const named = new Set<KycSignProvider>();
  for (const field of Object.keys(fieldErrors)) {
    const provider = SIGN_CODE_FIELDS.get(field);
    if (provider) named.add(provider);
  }
  for (const message of nonFieldErrors) {
    for (const [field, provider] of SIGN_CODE_FIELDS) if (message.includes(field)) named.add(provider);
  }
  return [...named];
}

/** What a correlation id may look like (ids, not prose: anything else is not taken). */
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * Sumsub's `correlationId`, at the top of the body or one level down (the platform may wrap
 * Sumsub's error under a field, `detail` or a list).
 */
function findCorrelationId(body: unknown): string | undefined {
  const candidates = [body, ...(isRecord(body) ? Object.values(body) : [])].flat();
  for (const candidate of candidates) {
    if (!isRecord(candidate)) continue;
    const id = candidate.correlationId;
    if (typeof id === 'string' && CORRELATION_ID.test(id)) return id;
  }
  return undefined;
}

/** DRF error bodies → messages by field (attribute changes mapped back to their keys) and the rest. */
function parseDrf(body: unknown, changeKeys: string[]) {
  // A Map, so that no field name (not even `__proto__`) can reach an object's prototype.
  const byField = new Map<string, string[]>();
  const nonFieldErrors: string[] = [];
  const add = (field: string | undefined, messages: string[]) => {
    if (!messages.length) return;
    if (field === undefined) nonFieldErrors.push(...messages);
    else byField.set(field, [...(byField.get(field) ?? []), ...messages]);
  };
  if (!isRecord(body)) {
    add(undefined, messagesOf(body));
    return { fieldErrors: {}, nonFieldErrors };
  }
  for (const [field, value] of Object.entries(body)) {
    if (field === 'detail' || field === 'non_field_errors') {
      add(undefined, messagesOf(value));
    } else if (field === 'attribute_changes' && Array.isArray(value)) {
      // Aligned with the request's list; a bare string is about the list as a whole.
      value.forEach((item, index) => add(typeof item === 'string' ? undefined : changeKeys[index], messagesOf(item)));
    } else if (field === 'attribute_changes' && isRecord(value)) {
      // Keyed by attribute key, or by index as DRF's ListField does.
      for (const [key, messages] of Object.entries(value)) {
        const byIndex = /^\d+$/.test(key) && !changeKeys.includes(key) ? changeKeys[Number(key)] : undefined;
        add(byIndex ?? key, messagesOf(messages));
      }
    } else {
      add(field, messagesOf(value));
    }
  }
  return { fieldErrors: Object.fromEntries(byField), nonFieldErrors };
}

/** 413 or 415 on an upload: the file itself was refused (its size, its type). */
const refusesFile = (status: number, context: ErrorContext) => context.upload === true && (status === 413 || status === 415);

function codeOf(status: number, context: ErrorContext, sumsubError: boolean, providers: KycSignProvider[]): KycApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403 && !providers.length) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (sumsubError || refusesFile(status, context)) return 'upload_rejected';
  if (status === 409) return 'conflict';
  if (!providers.length) return 'validation';
  // A code the request carried was wrong; a provider without one needs a code first.
  const signedWith = context.signedWith ?? [];
  return providers.every((provider) => signedWith.includes(provider)) ? 'signature_invalid' : 'signature_required';
}

/** What came back: the status, the parsed JSON body (undefined when empty), whether a body was not JSON. */
export interface ErrorAnswer {
  status: number;
  body: unknown;
  notJson?: boolean;
  retryAfterMs?: number | undefined;
}

/**
 * The error for an HTTP error answer. The status decides the code and a JSON body (DRF or Sumsub
 * shaped) adds the messages. A body that is not JSON (an HTML error page, a cut one) makes a
 * `malformed_response`, unless the status tells enough on its own (401, 404, 413, 429, …).
 */
export function errorFromResponse(answer: ErrorAnswer, context: ErrorContext): KycApiError {
  const { status, body, retryAfterMs } = answer;
  if (answer.notJson && !SELF_EXPLAINING.has(status)) {
    return new KycApiError(
      'malformed_response',
      `KYC API ${context.method} ${context.path} answered HTTP ${status} with a body that is not JSON.`,
      { status, retryAfterMs },
    );
  }
  const sumsub = findUploadError(body);
  const { fieldErrors, nonFieldErrors } = sumsub
    ? { fieldErrors: {}, nonFieldErrors: sumsub.description }
    : parseDrf(body, context.changeKeys ?? []);
  const providers = status === 400 || status === 403 || status === 422 ? signProvidersIn(fieldErrors, nonFieldErrors) : [];
  const code = codeOf(status, context, Boolean(sumsub), providers);
  const fields = Object.keys(fieldErrors);
  const correlationId = findCorrelationId(body);
  const message =
    `KYC API ${context.method} ${context.path} answered HTTP ${status} (${code})` +
    (fields.length ? `; fields: ${fields.join(', ')}` : '') +
    (correlationId ? `; Sumsub correlationId ${correlationId}.` : '.');
  return new KycApiError(code, message, {
    status,
    retryAfterMs,
    fieldErrors,
    nonFieldErrors,
    uploadError: sumsub?.error ?? (context.upload && status === 413 ? FILE_TOO_BIG : undefined),
    providers: providers.length ? providers : undefined,
    ...(correlationId ? { correlationId } : {}),
  });
}
