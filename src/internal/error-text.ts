import type { KycApiError, KycApiErrorCode } from '../api/index.js';
import type { LocalizeController, TextTermKey } from '../utilities/localize.js';

/** What the person is told for each kind of failure (`rate_limited` says how long to wait, in seconds or minutes). */
const TERMS: Partial<Record<KycApiErrorCode, TextTermKey>> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  unauthorized: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  conflict: 'errorConflict',
  validation: 'errorValidation',
  signature_required: 'errorSignatureRequired',
  signature_invalid: 'errorSignatureInvalid',
  upload_rejected: 'errorUploadRejected',
  server: 'errorServer',
  malformed_response: 'errorMalformedResponse',
};

/**
 * The message for a failed call, in the element's language. `overrides` give another term for a
 * kind where the element knows better (a refused upload's `validation` is about the file, not the
 * person's answers).
 */
export function errorText(
  localize: LocalizeController,
  error: KycApiError,
  overrides: Partial<Record<KycApiErrorCode, TextTermKey>> = {},
): string {
  if (error.code === 'rate_limited') {
    const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000));
    // A limit of the host proxy may last an hour: past two minutes, the wait is said in minutes.
    return seconds > 120 ? localize.term('errorRateLimitedMinutes', Math.ceil(seconds / 60)) : localize.term('errorRateLimited', seconds);
  }
  return localize.term(overrides[error.code] ?? TERMS[error.code] ?? 'errorUnknown');
}
