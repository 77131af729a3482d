import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycHandoffEvent}. */
export const KYC_HANDOFF = 'kyc-handoff';

/** Detail of {@link KycHandoffEvent}. */
export interface KycHandoffDetail {
  readonly applicationUuid: string;
  /**
   * The link that opens the application on the person's phone (`handoff-url` with a single-use
   * token in its fragment, valid 10 minutes at most): the host may also send it by SMS or e-mail.
   * Not personal data, but a key: never log it.
   */
  readonly url: string;
}

/** Fired when the person asks to continue on their phone and the link is shown. Not cancelable. */
export class KycHandoffEvent extends CustomEvent<KycHandoffDetail> {
  constructor(detail: KycHandoffDetail) {
    super(KYC_HANDOFF, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_HANDOFF]: KycHandoffEvent;
  }
}
