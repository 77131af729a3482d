import type { KycStatus } from '../api/index.js';
import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycReadyEvent}. */
export const KYC_READY = 'kyc-ready';

/** Detail of {@link KycReadyEvent}: what was loaded; `null` when no application is open yet. */
export interface KycReadyDetail {
  readonly applicationUuid: string | null;
  readonly levelUuid: string | null;
  readonly status: KycStatus | null;
}

/**
 * Fired once the widget has loaded its first screen (the current application, or the level
 * choice when there is none). Not cancelable.
 */
export class KycReadyEvent extends CustomEvent<KycReadyDetail> {
  constructor(detail: KycReadyDetail) {
    super(KYC_READY, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_READY]: KycReadyEvent;
  }
}
