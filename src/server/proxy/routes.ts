/**
 * The allow-list of the host proxy: exactly the eleven platform endpoints of the platform API
 * design (`platform-api.md`), with the query parameters each one takes and how its body is handled.
 */
import { isUuid } from '../http-util.js';

/** Which identity query parameters the proxy sets on a forwarded call. */
export type IdentityScope = 'client' | 'legal-entity';

/**
 * How the proxy treats a request body:
 * - `none`: no body is forwarded;
 * - `json`: read in full (within the JSON size limit), parsed and forwarded re-serialized as `application/json`;
 * - `send-code`: like `json`, then parsed and its `legal_entity_uuid` overwritten from the session;
 * - `upload`: streamed to the platform (within the upload size limit and time).
 */
export type BodyKind = 'none' | 'json' | 'send-code' | 'upload';

/**
 * What an answer tells the proxy about which applications are the identity's: the level info's
 * `last_kyc_application_uuid`, or the uuid of an application just created.
 */
export type Reveals = 'last-application' | 'created-application';

/** One allowed method on one platform path. */
export interface Operation {
  /** Query parameters kept from the browser's request (first value of each); all others are dropped. */
  readonly query: readonly string[];
  readonly scope: IdentityScope;
  readonly body: BodyKind;
  /** A list answer whose `next` / `previous` links must be rewritten to go through the proxy. */
  readonly paginated: boolean;
  /**
   * Takes one-time codes (`Kyc-Sms-Sign-Code` / `Kyc-Email-Sign-Code` request headers), which the
   * proxy passes to the platform as `sms_sign_code` / `email_sign_code` query parameters.
   */
  readonly signed: boolean;
  /** What the answer reveals about the identity's applications, or null. */
  readonly reveals: Reveals | null;
}

/** A platform path template and the methods allowed on it. */
export interface Route {
  /** Like `/v1/kyc/{uuid}/`: what the log hook reports (never a uuid or key). */
  readonly template: string;
  readonly segments: readonly string[];
  readonly operations: ReadonlyMap<string, Operation>;
  /** The methods allowed on this path, for `Allow` and CORS preflight answers. */
  readonly allow: string;
}

/** The outcome of matching a platform path: the route and the path rebuilt from validated segments. */
export interface RouteMatch {
  readonly route: Route;
  readonly path: string;
  /** The application the path names (`/v1/kyc/{uuid}/…`), or null. */
  readonly applicationUuid: string | null;
}

const KEY = /^[a-z0-9_.-]+$/;
const DOTS_ONLY = /^\.+$/;
const LITERAL = /^[a-z0-9_.-]+$/i;

const placeholders: Readonly<Record<string, (segment: string) => boolean>> = {
  '{uuid}': isUuid,
  '{key}': (segment) => KEY.test(segment) && !DOTS_ONLY.test(segment),
};

/** The platform's query parameters for one-time codes, by the request header the browser sends each in. */
export const SIGN_CODE_HEADERS: ReadonlyMap<string, string> = new Map([
  ['kyc-sms-sign-code', 'sms_sign_code'],
  ['kyc-email-sign-code', 'email_sign_code'],
]);
/** Where an application's uuid sits in the paths that name one. */
const APPLICATION_PREFIX = ['v1', 'kyc', '{uuid}'];
/**
 * The paging parameters of a paginated list, as the platform's own `next` links may carry them
 * (DRF's PageNumberPagination, LimitOffsetPagination and CursorPagination): kept on the request and
 * on the rewritten links, so a client following `next` reaches the following page whichever way the
 * platform pages.
 */
const PAGE = ['page', 'page_size', 'limit', 'offset', 'cursor'];

/** The platform's send-code path when the partner does not configure another one. */
export const DEFAULT_SEND_CODE_PATH = '/v1/signatures/send-code/';

interface OperationSpec {
  query?: readonly string[];
  scope?: IdentityScope;
  body?: BodyKind;
  paginated?: boolean;
  signed?: boolean;
  reveals?: Reveals;
}

function route(template: string, specs: Record<string, OperationSpec>): Route {
  const operations = new Map<string, Operation>();
  for (const [method, spec] of Object.entries(specs)) {
    operations.set(method, {
      query: spec.query ?? [],
      scope: spec.scope ?? 'client',
      body: spec.body ?? 'none',
      paginated: spec.paginated ?? false,
      signed: spec.signed ?? false,
      reveals: spec.reveals ?? null,
    });
  }
  return { template, segments: splitPath(template), operations, allow: [...operations.keys()].join(', ') };
}

function splitPath(path: string): string[] {
  return path.slice(1, -1).split('/');
}

/**
 * Checks that a configured platform path is absolute, ends with a slash and is made only of plain
 * segments, so it can be matched literally. Throws a `TypeError` naming the option otherwise.
 */
export function assertPlatformPath(path: string, option: string): void {
  const valid =
    path.startsWith('/') &&
    path.endsWith('/') &&
    path.length > 2 &&
    splitPath(path).every((segment) => LITERAL.test(segment) && !DOTS_ONLY.test(segment));
  if (!valid) {
    throw new TypeError(`${option} must be a path like "/v1/signatures/send-code/" (got "${path}")`);
  }
}

/** Builds the route table, with the configurable (non-seed) paths filled in. */
export function createRoutes(paths: { sendCode: string }): readonly Route[] {
  const seed = [
    route('/v1/clients/kyc-level-info/', {
      GET: { reveals: 'last-application' },
      POST: { body: 'json', reveals: 'created-application' },
    }),
    route('/v1/kyc/{uuid}/', {
      GET: {
        query: [
          'empty_volatile_fields',
          'sumsub_liveness_check_token.ttl_min',
          'sumsub_liveness_check_token.ttl_max',
          'sumsub_liveness_check_token.ttl_renew',
        ],
      },
      PATCH: { signed: true, body: 'json' },
    }),
    route('/v1/kyc/{uuid}/attributes/{key}/', { GET: { query: ['ttl_min', 'ttl_max', 'ttl_renew'] } }),
    route('/v1/kyc/{uuid}/send-to-review/', { POST: { signed: true, body: 'json' } }),
    route('/v1/attributes/{key}/definitions/', { GET: { query: PAGE, scope: 'legal-entity', paginated: true } }),
    route('/v1/legal_documents/', {
      GET: { query: ['client_type', 'key', ...PAGE], scope: 'legal-entity', paginated: true },
    }),
    route('/v1/documents/files/', { POST: { body: 'upload' } }),
    route('/v1/documents/', { POST: { body: 'json' } }),
  ];
  const clash = matchRoute(seed, paths.sendCode);
  if (clash) {
    throw new TypeError(`paths.sendCode "${paths.sendCode}" is already the path of ${clash.route.template}`);
  }
  return [...seed, route(paths.sendCode, { POST: { body: 'send-code' } })];
}

/**
 * Matches a platform path (the URL path below the mount point, as parsed and never percent-decoded)
 * against the table. Placeholders must look like what they stand for, so percent-encoded characters,
 * empty segments and dot segments never match. Returns null when no route fits.
 */
export function matchRoute(routes: readonly Route[], path: string): RouteMatch | null {
  if (!path.startsWith('/') || !path.endsWith('/') || path.length < 3) return null;
  const segments = splitPath(path);
  for (const candidate of routes) {
    if (candidate.segments.length !== segments.length) continue;
    const fits = candidate.segments.every((expected, index) => {
      const actual = segments[index];
      const check = placeholders[expected];
      return check ? check(actual) : actual === expected;
    });
    if (fits) {
      const names = APPLICATION_PREFIX.every((part, index) => candidate.segments[index] === part);
      return { route: candidate, path: `/${segments.join('/')}/`, applicationUuid: names ? segments[2] : null };
    }
  }
  return null;
}
