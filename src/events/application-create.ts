import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycApplicationCreateEvent}. */
export const KYC_APPLICATION_CREATE = 'kyc-application-create';

/** Detail of {@link KycApplicationCreateEvent}. */
export interface KycApplicationCreateDetail {
  readonly applicationUuid: string;
  readonly levelUuid: string;
}

/**
 * Fired when a new application has been created on the platform for the chosen level; a host
 * can store `applicationUuid` to resume it later. Not cancelable.
 */
export class KycApplicationCreateEvent extends CustomEvent<KycApplicationCreateDetail> {
  constructor(detail: KycApplicationCreateDetail) {
    super(KYC_APPLICATION_CREATE, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_APPLICATION_CREATE]: KycApplicationCreateEvent;
  }
}
