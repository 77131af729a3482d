import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycConsentEvent}. */
export const KYC_CONSENT = 'kyc-consent';

/** Detail of {@link KycConsentEvent}: which application the consent was given for (no personal data). */
export interface KycConsentDetail {
  readonly applicationUuid: string;
  readonly levelUuid: string | null;
}

/**
 * Fired when the person agrees to the host's consent text (`consent`), before anything of theirs
 * is sent to the platform. The host records it (when, which text) on its side. Not cancelable.
 */
export class KycConsentEvent extends CustomEvent<KycConsentDetail> {
  constructor(detail: KycConsentDetail) {
    super(KYC_CONSENT, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_CONSENT]: KycConsentEvent;
  }
}
