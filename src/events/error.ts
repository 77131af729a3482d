import type { KycApiErrorCode } from '../api/index.js';
import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycErrorEvent}. */
export const KYC_ERROR = 'kyc-error';

/**
 * Stable reason of a {@link KycErrorEvent}: every {@link KycApiErrorCode} of the API client, plus
 * the failures that happen in the widget without a request:
 * - `configuration`: the element cannot work as configured (no `endpoint`, an unusable
 *   `token-endpoint` or `tokenProvider`); the integrator must fix the page, not the person.
 * - `liveness_failed`: the Sumsub liveness check could not run or reported an error (its SDK
 *   failed to load, the camera was refused).
 * - `camera_unavailable`: the document camera could not start (refused, missing, busy); the
 *   person is offered the file chooser.
 */
export type KycErrorCode = KycApiErrorCode | 'configuration' | 'liveness_failed' | 'camera_unavailable';

/**
 * Detail of {@link KycErrorEvent}: `message` is a developer-facing English summary without
 * personal data; `recoverable` tells whether the person can go on in this session (retry,
 * correct, sign) rather than reload or log in again.
 */
export interface KycErrorDetail {
  readonly code: KycErrorCode;
  readonly message: string;
  readonly recoverable: boolean;
  /** Sumsub's id of the error, when it gave one: what its support asks for. Not personal data. */
  readonly correlationId?: string;
}

/** Fired when something fails; the widget shows its own message too. Not cancelable. */
export class KycErrorEvent extends CustomEvent<KycErrorDetail> {
  constructor(detail: KycErrorDetail) {
    super(KYC_ERROR, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }

  /** The event for a failed call: its code, developer message, recoverability and Sumsub's correlation id, nothing else of it. */
  static of(error: KycErrorDetail): KycErrorEvent {
    const { code, message, recoverable, correlationId } = error;
    return new KycErrorEvent({ code, message, recoverable, ...(correlationId ? { correlationId } : {}) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_ERROR]: KycErrorEvent;
  }
}
