import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycLevelSelectEvent}. */
export const KYC_LEVEL_SELECT = 'kyc-level-select';

/** Detail of {@link KycLevelSelectEvent}. */
export interface KycLevelSelectDetail {
  readonly levelUuid: string;
}

/** Fired when the person chooses a KYC level (before its application is created). Not cancelable. */
export class KycLevelSelectEvent extends CustomEvent<KycLevelSelectDetail> {
  constructor(detail: KycLevelSelectDetail) {
    super(KYC_LEVEL_SELECT, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_LEVEL_SELECT]: KycLevelSelectEvent;
  }
}
