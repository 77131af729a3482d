// Public surface of the API client: the client factory, its error, and the typed objects.
// Components import from here; zod stays inside ./schemas.ts.
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
export type { RetryInfo, RetryOptions } from './http.js';
export type {
  AttributeChange,
  Definition,
  KycAdditionalInfo,
  KycApplication,
  KycAttribute,
  KycAttributeType,
  KycDocument,
  KycLevel,
  KycLevelInfo,
  KycQuestion,
  KycSignCodes,
  KycSignProvider,
  KycStatus,
  KycStep,
  KycVerification,
  LegalDocument,
  UploadedFile,
  UploadProgress,
} from './types.js';
