// One function per endpoint of platform-api.md, over the transport in ./http.ts.
import type { KycClock } from '../internal/clock.js';
import { KycApiError } from './errors.js';
import { profiledApplication, profiledAttribute, resolvePlatform, type KycPlatformProfile, type KycResolvedPlatform } from './platform.js';
import { createTransport, type ApiRequest, type Query, type KycRetryOptions } from './http.js';
import {
  decodeApplication,
  decodeAttribute,
  decodeDefinitionPage,
  decodeDocument,
  decodeLegalDocumentPage,
  decodeLevelInfo,
  decodeUploadedFiles,
} from './schemas.js';
import type {
  KycAttributeChange,
  KycDefinition,
  KycApplication,
  KycAttribute,
  KycDocument,
  KycLevelInfo,
  KycSignCodes,
  KycSignProvider,
  KycLegalDocument,
  KycUploadedFile,
  KycUploadProgress,
} from './types.js';

/** Paths that are not in the platform's seed documentation, so a host can correct them. */
export interface KycPaths {
  /** Send a signature code. Default `/v1/signatures/send-code/`. */
  sendCode: string;
}

/** Options of {@link createKycClient}. */
export interface KycClientOptions {
  /** Base URL of the host endpoint (its proxy), e.g. `/kyc` or `https://partner.example/kyc`. */
  endpoint: string;
  /** Sent as `legal_entity_uuid` (query, and the body of send-code); the proxy overwrites it anyway. */
  legalEntityUuid?: string;
  /** Sent as `client_uuid`; the proxy overwrites it anyway. */
  clientUuid?: string;
  /** The fetch to use. Default `globalThis.fetch`, looked up at each call. */
  fetch?: typeof globalThis.fetch;
  /**
   * Cookies policy of the API calls to `endpoint`. Default `same-origin`: a cross-origin endpoint
   * gets no cookies, so it needs a bearer token (`tokenProvider` or `tokenEndpoint`). The token
   * endpoint is not affected: it is always called with `include` (see `tokenEndpoint`).
   */
  credentials?: RequestCredentials;
  /** Gives a bearer token for the endpoint; called again (once per wave of 401s) when it is refused. */
  tokenProvider?: () => Promise<string>;
  /**
   * URL answering `POST` with `{token, expires_in?}` (seconds); used when no `tokenProvider` is
   * given. Always called with `credentials: 'include'`, whatever `credentials` says: it reads the
   * host's own cookie session, and may be on another origin than `endpoint` (a cross-origin one
   * must then answer CORS with `Access-Control-Allow-Credentials: true`).
   */
  tokenEndpoint?: string;
  /**
   * A hand-off token (from a link opened on a phone): the first token is asked of `tokenEndpoint`
   * with it (`{"handoff"}`), once; it is a token for the session that made the link.
   */
  handoffToken?: string;
  /** Time limit of each attempt, in ms. Default 30000. */
  timeoutMs?: number;
  /**
   * Time limit of each upload attempt, in ms, counted from the last progress when the upload reports
   * progress (a stall limit: a large file on a slow line is not cut off while it moves). Default 120000.
   */
  uploadTimeoutMs?: number;
  /**
   * Backoff of the retries. What is retried: a GET after a network error, a timeout, an answer cut
   * off mid-body, a 500, 502, 503 or 504, and a 429 (Retry-After asks for it; a Retry-After above
   * `maxDelayMs` ends the call instead, with `retryAfterMs` set); a PATCH and an upload only after
   * a network error before any answer (a repeated upload may leave an unused file on the
   * platform, never a document); other POSTs and other 4xx never.
   */
  retry?: KycRetryOptions;
  /** Overrides of the paths not fixed by the platform's documentation. */
  paths?: Partial<KycPaths>;
  /** What time limits, backoff waits and token lifetimes run on. Default: the system's clock. */
  clock?: KycClock;
  /** What the widget should know of the platform that the guide leaves open (see {@link KycPlatformProfile}). */
  platform?: KycPlatformProfile;
}

/** Options every call takes. */
export interface KycRequestOptions {
  /** Aborts the call (rejects with code `aborted`, including during a backoff wait). */
  signal?: AbortSignal;
}

/** Options of a call that a one-time code may have to sign. */
export interface KycSignedRequestOptions extends KycRequestOptions {
  signCodes?: KycSignCodes;
}

/** Life of the Sumsub liveness token (seconds); `ttlRenew` asks for a new token. */
export interface KycTokenTtl {
  ttlMin?: number;
  ttlMax?: number;
  ttlRenew?: boolean;
}

/** Options of {@link KycClient.getApplication}. */
export interface KycGetApplicationOptions extends KycRequestOptions {
  /** Leave the volatile fields (liveness token and url) empty instead of generating them. */
  emptyVolatileFields?: boolean;
  /** Life of the liveness token generated with the application. */
  liveness?: KycTokenTtl;
}

/** Options of {@link KycClient.uploadFiles}. */
export interface KycUploadOptions extends KycRequestOptions {
  /** Upload progress in bytes of the request, never decreasing, ending at `total`. */
  onProgress?: (progress: KycUploadProgress) => void;
}

/** What {@link KycClient.sendSignCode} sends. */
export interface KycSendSignCodeRequest extends KycRequestOptions {
  /** The KYC application's uuid. */
  objectUuid: string;
  providerType: KycSignProvider;
  /** Phone or e-mail, when the person enters or changes it for the first time. */
  destination?: string;
}

/**
 * The typed client of the host endpoint. Every method rejects only with a `KycApiError`.
 */
export interface KycClient {
  /** The platform profile the client reads answers by (the given one, defaults filled in). */
  readonly platform: KycResolvedPlatform;
  /** Whether an application can be created, the levels on offer, the last application. */
  getLevelInfo(options?: KycRequestOptions): Promise<KycLevelInfo>;
  /** Creates an application for a level; answers its questionnaire. */
  createApplication(levelUuid: string, options?: KycRequestOptions): Promise<KycApplication>;
  /** Reads an application. */
  getApplication(uuid: string, options?: KycGetApplicationOptions): Promise<KycApplication>;
  /** Saves answers. A field error on a change is reported under its attribute key. */
  updateApplication(uuid: string, changes: KycAttributeChange[], options?: KycSignedRequestOptions): Promise<KycApplication>;
  /** Reads one attribute (e.g. a fresh liveness token with `ttlRenew`). */
  getAttribute(uuid: string, key: string, options?: KycRequestOptions & KycTokenTtl): Promise<KycAttribute>;
  /** Sends the application to review; null when the platform answers 204 without a body. */
  sendToReview(uuid: string, options?: KycSignedRequestOptions): Promise<KycApplication | null>;
  /** All options of a reference-data attribute, following pagination to the end. */
  getDefinitions(key: string, options?: KycRequestOptions): Promise<KycDefinition[]>;
  /**
   * The legal documents (for individuals) of a legal-document attribute, all pages; every legal
   * document of the legal entity when `key` is not given.
   */
  getLegalDocuments(key?: string, options?: KycRequestOptions): Promise<KycLegalDocument[]>;
  /**
   * Uploads files (multipart field `files`, repeated). With `onProgress`, through XMLHttpRequest
   * where there is one. Retried only after a network error before any answer. Such an error may
   * still come after the platform stored the files, so a repeat may leave an unused uploaded file
   * on the platform; never a document, which only {@link KycClient.createDocument} makes.
   */
  uploadFiles(files: Blob[], options?: KycUploadOptions): Promise<KycUploadedFile[]>;
  /** Creates a document from uploaded files; store its `uuid` as the attribute's value. */
  createDocument(attributeKey: string, fileUuids: string[], options?: KycRequestOptions): Promise<KycDocument>;
  /** Sends a one-time code to the person by SMS or e-mail. */
  sendSignCode(request: KycSendSignCodeRequest): Promise<void>;
  /**
   * A single-use hand-off token of the host's session, from `tokenEndpoint` (`{"purpose":
   * "handoff"}`): put in a link for the person's phone, it opens the same session there once
   * (`handoffToken`). `expiresIn` in seconds, when the endpoint says.
   */
  requestHandoff(): Promise<{ token: string; expiresIn: number | null }>;
}

const DEFAULT_PATHS: KycPaths = { sendCode: '/v1/signatures/send-code/' };
/** The request header each kind of one-time code travels in to the host proxy. */
const SIGN_CODE_HEADERS = { sms: 'kyc-sms-sign-code', email: 'kyc-email-sign-code' } as const;
const MAX_PAGES = 1000;

const segment = encodeURIComponent;

/**
 * Creates the client of a host endpoint. Nothing is sent until a method is called; creating one
 * touches no browser global, so it is safe during server-side rendering.
 */
export function createKycClient(options: KycClientOptions): KycClient {
  const send = createTransport(options);
  const paths = { ...DEFAULT_PATHS, ...options.paths };
  const scope = { legal_entity_uuid: options.legalEntityUuid, client_uuid: options.clientUuid };
  const platform = resolvePlatform(options.platform);
  const readApplication = (body: unknown, what: string) => profiledApplication(platform, decodeApplication(body, what));
  const what = (request: ApiRequest) => `KYC API ${request.method} ${request.path}`;

  const call = async <T>(request: ApiRequest, decode: (body: unknown, what: string) => T): Promise<T> =>
    decode((await send(request)).body, what(request));

  /** One-time codes go in headers, never in the URL (access logs keep URLs); the proxy puts them where the platform wants them. */
  const signed = (codes: KycSignCodes | undefined) => {
    const signedWith = (['sms', 'email'] as const).filter((provider) => codes?.[provider]);
    return {
      headers: Object.fromEntries(signedWith.map((provider) => [SIGN_CODE_HEADERS[provider], codes![provider]!])),
      signedWith,
    };
  };

  /** Every item of a bare or paginated list; each `next` is read for its query only, on the same path. */
  async function all<T>(
    path: string,
    query: Query,
    decodePage: (body: unknown, what: string) => { items: T[]; next: string | null },
    signal: AbortSignal | undefined,
  ): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    for (let request: ApiRequest = { method: 'GET', path, query, signal }; ;) {
      const page = await call(request, decodePage);
      items.push(...page.items);
      if (!page.next) return items;
      let next: URLSearchParams;
      try {
        next = new URL(page.next, 'http://next.invalid/').searchParams;
      } catch {
        throw new KycApiError('malformed_response', `${what(request)}: unreadable next page link.`);
      }
      if (seen.has(next.toString()) || seen.size >= MAX_PAGES) {
        throw new KycApiError('malformed_response', `${what(request)}: the pages do not end.`);
      }
      seen.add(next.toString());
      request = { ...request, query: next };
    }
  }

  return {
    platform,

    getLevelInfo: ({ signal } = {}) => call({ method: 'GET', path: '/v1/clients/kyc-level-info/', query: scope, signal }, decodeLevelInfo),

    createApplication: (levelUuid, { signal } = {}) =>
      call(
        {
          method: 'POST',
          path: '/v1/clients/kyc-level-info/',
          query: scope,
          json: { kyc_level_uuid: levelUuid },
          signal,
        },
        readApplication,
      ),

    getApplication: (uuid, { signal, emptyVolatileFields, liveness } = {}) =>
      call(
        {
          method: 'GET',
          path: `/v1/kyc/${segment(uuid)}/`,
          query: {
            ...scope,
            empty_volatile_fields: emptyVolatileFields,
            'sumsub_liveness_check_token.ttl_min': liveness?.ttlMin,
            'sumsub_liveness_check_token.ttl_max': liveness?.ttlMax,
            'sumsub_liveness_check_token.ttl_renew': liveness?.ttlRenew,
          },
          signal,
        },
        readApplication,
      ),

    updateApplication: (uuid, changes, { signal, signCodes } = {}) => {
      const { headers, signedWith } = signed(signCodes);
      return call(
        {
          method: 'PATCH',
          path: `/v1/kyc/${segment(uuid)}/`,
          query: scope,
          headers,
          json: { attribute_changes: changes.map(({ key, value }) => ({ key, value })) },
          changeKeys: changes.map((change) => change.key),
          signedWith,
          signal,
        },
        readApplication,
      );
    },

    getAttribute: (uuid, key, { signal, ttlMin, ttlMax, ttlRenew } = {}) =>
      call(
        {
          method: 'GET',
          path: `/v1/kyc/${segment(uuid)}/attributes/${segment(key)}/`,
          query: { ...scope, ttl_min: ttlMin, ttl_max: ttlMax, ttl_renew: ttlRenew },
          signal,
        },
        // The answer may leave out its key (the guide's own example does): it is the one asked for.
        (body, context) => {
          const attribute = decodeAttribute(body, context);
          return profiledAttribute(platform, attribute.key ? attribute : { ...attribute, key });
        },
      ),

    sendToReview: async (uuid, { signal, signCodes } = {}) => {
      const { headers, signedWith } = signed(signCodes);
      const request: ApiRequest = {
        method: 'POST',
        path: `/v1/kyc/${segment(uuid)}/send-to-review/`,
        query: scope,
        headers,
        json: {},
        signedWith,
        signal,
      };
      const { status, body } = await send(request);
      if (body !== undefined) return readApplication(body, what(request));
      // No content says "done"; an empty 200, where the application was to come, says nothing.
      if (status === 204) return null;
      throw new KycApiError('malformed_response', `${what(request)}: answered ${status} with an empty body.`, { status });
    },

    getDefinitions: (key, { signal } = {}) =>
      all(`/v1/attributes/${segment(key)}/definitions/`, { legal_entity_uuid: options.legalEntityUuid }, decodeDefinitionPage, signal),

    getLegalDocuments: (key, { signal } = {}) =>
      all(
        '/v1/legal_documents/',
        { legal_entity_uuid: options.legalEntityUuid, client_type: 'individual', key },
        decodeLegalDocumentPage,
        signal,
      ),

    uploadFiles: (files, { signal, onProgress } = {}) => {
      const form = new FormData();
      for (const file of files) form.append(platform.uploadField, file);
      return call({ method: 'POST', path: '/v1/documents/files/', query: scope, form, onProgress, signal }, decodeUploadedFiles);
    },

    createDocument: (attributeKey, fileUuids, { signal } = {}) =>
      call(
        {
          method: 'POST',
          path: '/v1/documents/',
          query: scope,
          json: { attribute_key: attributeKey, files: fileUuids },
          signal,
        },
        decodeDocument,
      ),

    requestHandoff: () => send.requestHandoff(),

    sendSignCode: async ({ objectUuid, providerType, destination, signal }) => {
      await send({
        method: 'POST',
        path: paths.sendCode,
        query: scope,
        json: {
          legal_entity_uuid: options.legalEntityUuid,
          object_uuid: objectUuid,
          provider_type: providerType,
          destination,
        },
        signal,
      });
    },
  };
}
