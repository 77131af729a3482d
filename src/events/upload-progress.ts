import { frozenDetail } from './frozen-detail.js';

/** Name of {@link KycUploadProgressEvent}. */
export const KYC_UPLOAD_PROGRESS = 'kyc-upload-progress';

/** Detail of {@link KycUploadProgressEvent}: bytes sent of the request's total (no file names). */
export interface KycUploadProgressDetail {
  readonly attributeKey: string;
  readonly loaded: number;
  readonly total: number;
}

/** Fired while a document upload is being sent. Not cancelable. */
export class KycUploadProgressEvent extends CustomEvent<KycUploadProgressDetail> {
  constructor(detail: KycUploadProgressDetail) {
    super(KYC_UPLOAD_PROGRESS, { bubbles: true, composed: true, detail: frozenDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [KYC_UPLOAD_PROGRESS]: KycUploadProgressEvent;
  }
}
