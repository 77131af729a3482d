import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycStepChangeEvent}. */
export const KYC_STEP_CHANGE = 'kyc-step-change';

/** Detail of {@link KycStepChangeEvent}: 0-based step indexes; `from` is `null` on the first step shown. */
export interface KycStepChangeDetail {
  readonly from: number | null;
  readonly to: number;
  readonly total: number;
}

/**
 * Fired before the flow moves to another step, on a person's or the flow's action (not when the
 * host sets a property). Cancelable: `preventDefault()` keeps the current step.
 */
export class KycStepChangeEvent extends CustomEvent<KycStepChangeDetail> {
  constructor(detail: KycStepChangeDetail) {
    super(KYC_STEP_CHANGE, { bubbles: true, composed: true, cancelable: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_STEP_CHANGE]: KycStepChangeEvent;
  }
}
