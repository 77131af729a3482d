// Public surface of the API client: the client factory, its error, and the typed objects.
// Components import from here; zod stays inside ./schemas.ts.
import type { KycRetryInfo, KycRetryOptions } from './http.js';
import type {
  KycApplicationQuestion,
  KycAttributeChange,
  KycDefinition,
  KycLegalDocument,
  KycUploadedFile,
  KycUploadProgress,
} from './types.js';

export {
  createKycClient,
  type KycClient,
  type KycClientOptions,
  type KycGetApplicationOptions,
  type KycPaths,
  type KycRequestOptions,
  type KycSendSignCodeRequest,
  type KycSignedRequestOptions,
  type KycTokenTtl,
  type KycUploadOptions,
} from './client.js';
export { KycApiError, type KycApiErrorCode, type KycApiErrorDetails, type KycUploadError } from './errors.js';
export { GUIDE_DOCUMENT_KEYS, resolvePlatform, type KycPlatformProfile, type KycResolvedPlatform } from './platform.js';
export type { KycRetryInfo, KycRetryOptions } from './http.js';
export type {
  KycAdditionalInfo,
  KycApplication,
  KycApplicationQuestion,
  KycAttribute,
  KycAttributeChange,
  KycAttributeType,
  KycDefinition,
  KycDocument,
  KycLegalDocument,
  KycLevel,
  KycLevelInfo,
  KycSignCodes,
  KycSignProvider,
  KycStatus,
  KycStep,
  KycUploadedFile,
  KycUploadProgress,
  KycVerification,
} from './types.js';

// ── Deprecated names ─────────────────────────────────────────────────────────────────────────────
// Every public type now carries the `Kyc` prefix. The names from before stay as aliases so that
// partners' code keeps compiling; they go in the next major version. The npm root entry re-exports
// these, except `KycQuestion`: there it is the element class (`<kyc-question>`), so the API type's
// old name is reachable from `kyc-onboarding/api` only.

/** @deprecated Use {@link KycAttributeChange}. */
export type AttributeChange = KycAttributeChange;
/** @deprecated Use {@link KycDefinition}. */
export type Definition = KycDefinition;
/** @deprecated Use {@link KycApplicationQuestion}; `KycQuestion` is the element class in the npm root entry. */
export type KycQuestion = KycApplicationQuestion;
/** @deprecated Use {@link KycLegalDocument}. */
export type LegalDocument = KycLegalDocument;
/** @deprecated Use {@link KycRetryInfo}. */
export type RetryInfo = KycRetryInfo;
/** @deprecated Use {@link KycRetryOptions}. */
export type RetryOptions = KycRetryOptions;
/** @deprecated Use {@link KycUploadedFile}. */
export type UploadedFile = KycUploadedFile;
/** @deprecated Use {@link KycUploadProgress}. */
export type UploadProgress = KycUploadProgress;
