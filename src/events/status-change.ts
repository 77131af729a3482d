import type { KycStatus } from '../api/index.js';
import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycStatusChangeEvent}. */
export const KYC_STATUS_CHANGE = 'kyc-status-change';

/**
 * Detail of {@link KycStatusChangeEvent}: the new status, the platform's own spelling of it
 * (`rawStatus`, for statuses the widget maps to `unknown`) and the previous status (`null` when
 * the application was first loaded).
 */
export interface KycStatusChangeDetail {
  readonly applicationUuid: string;
  readonly status: KycStatus;
  readonly rawStatus: string;
  readonly previous: KycStatus | null;
}

/** Fired when the application's status changes (sent to review, returned, decided). Not cancelable. */
export class KycStatusChangeEvent extends CustomEvent<KycStatusChangeDetail> {
  constructor(detail: KycStatusChangeDetail) {
    super(KYC_STATUS_CHANGE, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_STATUS_CHANGE]: KycStatusChangeEvent;
  }
}
