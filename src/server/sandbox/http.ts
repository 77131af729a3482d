/**
 * Small web-standard HTTP helpers of the sandbox: DRF-shaped errors, body and query parsing, and a
 * path matcher. No framework. JSON answers and uuids are in `../http-util.ts`, shared with the proxy.
 */

import { BodyTooLargeError, readLimited } from '../http-util.js';

/** Largest JSON body the sandbox reads, in bytes. */
const MAX_JSON_BYTES = 1024 * 1024;

/** An error answer: thrown by handlers, turned into a JSON response by the router. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** `{"detail": message}`, DRF's shape for every non-validation error. */
export function detailError(status: number, message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(status, { detail: message }, headers);
}

/** 404 `{"detail": "Not found."}`; also used wherever existence must not leak. */
export function notFound(): ApiError {
  return detailError(404, 'Not found.');
}

/** 400 with DRF field errors, e.g. `{"kyc_level_uuid": ["This field is required."]}`. */
export function fieldErrors(errors: Record<string, unknown>): ApiError {
  return new ApiError(400, errors);
}

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a JSON object body the way DRF's JSON parser does: an empty body is `{}`, another media
 * type is 415, bad JSON is 400 `{"detail"}`, a non-object is 400 `{"non_field_errors"}`. A body
 * over {@link MAX_JSON_BYTES} is 413, and reading stops at the first byte too many.
 */
export async function readJsonObject(request: Request): Promise<JsonObject> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_JSON_BYTES) throw detailError(413, 'Request body is too large.');
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(request.body, MAX_JSON_BYTES, request.signal);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw detailError(413, 'Request body is too large.');
    throw error;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return {};
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw detailError(415, `Unsupported media type "${mediaType}" in request.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw detailError(400, 'JSON parse error - the request body is not valid JSON.');
  }
  if (!isObject(body)) {
    throw fieldErrors({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${jsonTypeName(body)}.`] });
  }
  return body;
}

/** DRF's name for the type of a JSON value, as used in its messages. */
export function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  return 'dict';
}

/**
 * Parses a boolean query parameter (`true`/`false`/`1`/`0`, any case).
 * @returns `undefined` when absent; throws 400 on the parameter's name when malformed.
 */
export function booleanParam(params: URLSearchParams, name: string): boolean | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const lowered = raw.toLowerCase();
  if (lowered === 'true' || lowered === '1') return true;
  if (lowered === 'false' || lowered === '0') return false;
  throw fieldErrors({ [name]: ['Must be a valid boolean.'] });
}

/**
 * Parses a non-negative integer query parameter.
 * @returns `undefined` when absent; throws 400 on the parameter's name when malformed.
 */
export function integerParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw fieldErrors({ [name]: ['A valid non-negative integer is required.'] });
  return Number(raw);
}

/** Path parameters captured by {@link matchPath}. */
export type PathParams = Record<string, string>;

/**
 * Matches a pathname against a pattern such as `/v1/kyc/:uuid/attributes/:key/`.
 * @returns the captured (URI-decoded) parameters, or `null` when it does not match.
 */
function matchPath(pattern: string, pathname: string): PathParams | null {
  const expected = pattern.split('/');
  const actual = pathname.split('/');
  if (expected.length !== actual.length) return null;
  const params: PathParams = {};
  for (let i = 0; i < expected.length; i += 1) {
    const part = expected[i];
    const value = actual[i];
    if (part.startsWith(':')) {
      if (value === '') return null;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

/** One route of a table: a path pattern and a handler per HTTP method. */
export interface Route<Context> {
  pattern: string;
  methods: Partial<Record<string, (context: Context, params: PathParams) => Promise<Response> | Response>>;
}

/**
 * Finds the route for a request and runs its handler; 404 when no pattern matches, 405 (with
 * `Allow`) when the path is known but not the method.
 */
export async function dispatch<Context>(
  routes: readonly Route<Context>[],
  method: string,
  pathname: string,
  context: Context,
): Promise<Response> {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (!params) continue;
    const handler = route.methods[method];
    if (!handler) {
      throw detailError(405, `Method "${method}" not allowed.`, { allow: Object.keys(route.methods).join(', ') });
    }
    return handler(context, params);
  }
  throw notFound();
}
