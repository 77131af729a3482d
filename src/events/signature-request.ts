import type { KycSignProvider } from '../api/index.js';
import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycSignatureRequestEvent}. */
export const KYC_SIGNATURE_REQUEST = 'kyc-signature-request';

/**
 * Detail of {@link KycSignatureRequestEvent}: the provider the code was sent with and the
 * attribute keys it will sign (empty for a submission); never the destination or the code.
 */
export interface KycSignatureRequestDetail {
  readonly applicationUuid: string;
  readonly provider: KycSignProvider;
  readonly keys: readonly string[];
}

/** Fired when a one-time signature code has been sent to the person. Not cancelable. */
export class KycSignatureRequestEvent extends CustomEvent<KycSignatureRequestDetail> {
  constructor(detail: KycSignatureRequestDetail) {
    super(KYC_SIGNATURE_REQUEST, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_SIGNATURE_REQUEST]: KycSignatureRequestEvent;
  }
}
