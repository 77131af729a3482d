import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycSubmitEvent}. */
export const KYC_SUBMIT = 'kyc-submit';

/** Detail of {@link KycSubmitEvent}. */
export interface KycSubmitDetail {
  readonly applicationUuid: string;
}

/**
 * Fired before the application is sent to review. Cancelable: `preventDefault()` keeps it
 * unsent (the person stays on the review screen).
 */
export class KycSubmitEvent extends CustomEvent<KycSubmitDetail> {
  constructor(detail: KycSubmitDetail) {
    super(KYC_SUBMIT, { bubbles: true, composed: true, cancelable: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_SUBMIT]: KycSubmitEvent;
  }
}
