import { css } from 'lit';

/**
 * Own styles of `<kyc-file-upload>` (after the shared form-control styles): a dashed drop box,
 * a list of files with their thumbnails, progress and buttons. Only `--_kyc-*` aliases and
 * logical properties, so themes and right-to-left apply.
 */
export const fileUploadStyles = css`
  :host {
    --_kyc-file-upload-thumbnail-size: var(--kyc-file-upload-thumbnail-size, 4rem);
    display: block;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-s);
    padding: var(--_kyc-space-m);
    border: var(--_kyc-border-width) dashed var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-m);
  }

  :host(:state(dragover)) .base {
    border-style: solid;
    border-color: var(--_kyc-color-primary);
    background: var(--_kyc-color-surface);
  }

  .files {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kyc-space-s);
  }

  .thumbnail {
    display: grid;
    flex: none;
    place-items: center;
    inline-size: var(--_kyc-file-upload-thumbnail-size);
    block-size: var(--_kyc-file-upload-thumbnail-size);
    overflow: hidden;
    border-radius: var(--_kyc-radius-s);
    background: var(--_kyc-color-surface);
    color: var(--_kyc-color-text-muted);
  }

  .thumbnail canvas {
    max-inline-size: 100%;
    max-block-size: 100%;
  }

  .thumbnail svg {
    inline-size: 60%;
    block-size: 60%;
  }

  .details {
    display: flex;
    flex: 1 1 10rem;
    flex-direction: column;
    gap: var(--_kyc-space-xs);
    min-inline-size: 0;
  }

  .role {
    font-weight: var(--_kyc-font-weight-strong);
  }

  .muted,
  .hint {
    color: var(--_kyc-color-text-muted);
    font-size: var(--_kyc-font-size-s);
  }

  progress {
    inline-size: 100%;
    accent-color: var(--_kyc-color-primary);
  }

  .status,
  .message {
    margin: 0;
  }

  .status--done {
    color: var(--_kyc-color-success);
  }

  .status--warning {
    color: var(--_kyc-color-warning);
  }

  .message--warning {
    color: var(--_kyc-color-warning);
  }

  .message--danger {
    color: var(--_kyc-color-danger);
  }

  .actions,
  .file-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kyc-space-s);
  }

  .picker {
    display: none;
  }

  @media (pointer: coarse) {
    .hint {
      display: none;
    }
  }
`;
