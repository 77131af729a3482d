import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycSaveEvent}. */
export const KYC_SAVE = 'kyc-save';

/** Detail of {@link KycSaveEvent}: the attribute keys saved (never their values). */
export interface KycSaveDetail {
  readonly applicationUuid: string;
  readonly keys: readonly string[];
}

/** Fired after answers have been saved to the application. Not cancelable. */
export class KycSaveEvent extends CustomEvent<KycSaveDetail> {
  constructor(detail: KycSaveDetail) {
    super(KYC_SAVE, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_SAVE]: KycSaveEvent;
  }
}
