import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycRejectEvent}. */
export const KYC_REJECT = 'kyc-reject';

/** Detail of {@link KycRejectEvent}: `canCreateNew` tells whether the person may start a new application. */
export interface KycRejectDetail {
  readonly applicationUuid: string;
  readonly canCreateNew: boolean;
}

/** Fired when the application is finally rejected. Not cancelable. */
export class KycRejectEvent extends CustomEvent<KycRejectDetail> {
  constructor(detail: KycRejectDetail) {
    super(KYC_REJECT, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_REJECT]: KycRejectEvent;
  }
}
