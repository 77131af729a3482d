import type { DocumentShape, QualityProblem } from '../internal/photo-quality.js';
import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycCaptureStartEvent}. */
export const KYC_CAPTURE_START = 'kyc-capture-start';
/** Name of {@link KycCaptureResultEvent}. */
export const KYC_CAPTURE_RESULT = 'kyc-capture-result';

/** Which side of the document a picture is of: `front` and `back` when both are taken, else `single`. */
export type KycCaptureSide = 'front' | 'back' | 'single';

/** Detail of {@link KycCaptureStartEvent}. */
export interface KycCaptureStartDetail {
  readonly attributeKey: string;
  readonly shape: DocumentShape;
  readonly side: KycCaptureSide;
}

/** Fired when the camera's picture shows and the person can take the document's photo. Not cancelable. */
export class KycCaptureStartEvent extends CustomEvent<KycCaptureStartDetail> {
  constructor(detail: KycCaptureStartDetail) {
    super(KYC_CAPTURE_START, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

/** Detail of {@link KycCaptureResultEvent}: the quality checks' outcome, never the picture. */
export interface KycCaptureResultDetail {
  readonly attributeKey: string;
  readonly shape: DocumentShape;
  readonly side: KycCaptureSide;
  /** Taken by the widget when the picture was sharp, steady and in the frame (false: the shutter). */
  readonly auto: boolean;
  /** What the checks found wrong (empty: nothing, or `quality="off"`). */
  readonly problems: readonly QualityProblem[];
  /** The picture may be used: no problem, or `quality="warn"` lets it go with them. */
  readonly accepted: boolean;
}

/** Fired when a picture was taken and checked, before the person uses or retakes it. Not cancelable. */
export class KycCaptureResultEvent extends CustomEvent<KycCaptureResultDetail> {
  constructor(detail: KycCaptureResultDetail) {
    super(KYC_CAPTURE_RESULT, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_CAPTURE_START]: KycCaptureStartEvent;
    [KYC_CAPTURE_RESULT]: KycCaptureResultEvent;
  }
}
