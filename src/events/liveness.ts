import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycLivenessReadyEvent}. */
export const KYC_LIVENESS_READY = 'kyc-liveness-ready';
/** Name of {@link KycLivenessCompleteEvent}. */
export const KYC_LIVENESS_COMPLETE = 'kyc-liveness-complete';
/** Name of {@link KycLivenessErrorEvent}. */
export const KYC_LIVENESS_ERROR = 'kyc-liveness-error';

/** Detail of the liveness events: the application and the attribute (never Sumsub's payloads). */
export interface KycLivenessDetail {
  readonly applicationUuid: string;
  /** `sumsub_liveness_check_token` (the embedded check) or `sumsub_liveness_check_url` (on another device). */
  readonly attributeKey: string;
}

/** Detail of {@link KycLivenessErrorEvent}: Sumsub's error code (e.g. `invalid-token`), never its message. */
export interface KycLivenessErrorDetail extends KycLivenessDetail {
  readonly code: string;
}

/** Fired when Sumsub's check is on screen and ready for the person. Not cancelable. */
export class KycLivenessReadyEvent extends CustomEvent<KycLivenessDetail> {
  constructor(detail: KycLivenessDetail) {
    super(KYC_LIVENESS_READY, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

/**
 * Fired when Sumsub says the person finished the check. The outcome is not taken from it: the
 * widget then reads the application, and moves on only when the platform says the check is done.
 * Not cancelable.
 */
export class KycLivenessCompleteEvent extends CustomEvent<KycLivenessDetail> {
  constructor(detail: KycLivenessDetail) {
    super(KYC_LIVENESS_COMPLETE, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

/** Fired when Sumsub's check reports an error (the person is told, and can retry). Not cancelable. */
export class KycLivenessErrorEvent extends CustomEvent<KycLivenessErrorDetail> {
  constructor(detail: KycLivenessErrorDetail) {
    super(KYC_LIVENESS_ERROR, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_LIVENESS_READY]: KycLivenessReadyEvent;
    [KYC_LIVENESS_COMPLETE]: KycLivenessCompleteEvent;
    [KYC_LIVENESS_ERROR]: KycLivenessErrorEvent;
  }
}
