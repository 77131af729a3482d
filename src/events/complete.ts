import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycCompleteEvent}. */
export const KYC_COMPLETE = 'kyc-complete';

/** Detail of {@link KycCompleteEvent}. */
export interface KycCompleteDetail {
  readonly applicationUuid: string;
  readonly status: 'approved';
}

/** Fired when the application is approved. Not cancelable. */
export class KycCompleteEvent extends CustomEvent<KycCompleteDetail> {
  constructor(detail: KycCompleteDetail) {
    super(KYC_COMPLETE, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_COMPLETE]: KycCompleteEvent;
  }
}
