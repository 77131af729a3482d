import { css } from 'lit';

/**
 * Own styles of `<kyc-document-capture>` (after the shared form-control styles): the camera's
 * picture at the box's width with the frame drawn over it (an SVG in the picture's own pixels, so
 * the frame shown is the part measured), the guidance under it, the review's photo. Only
 * `--_kyc-*` aliases and logical properties, so themes and right-to-left apply.
 */
export const documentCaptureStyles = css`
  :host {
    --_kyc-document-capture-frame-color: var(--kyc-document-capture-frame-color, #ffffff);
    --_kyc-document-capture-ready-color: var(--kyc-document-capture-ready-color, var(--_kyc-color-success));
    display: block;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-s);
  }

  .title {
    margin: 0;
    font-size: var(--_kyc-font-size);
    font-weight: var(--_kyc-font-weight-strong);
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--_kyc-focus-ring-width) solid var(--_kyc-color-focus);
    outline-offset: var(--_kyc-focus-ring-offset);
  }

  .viewfinder {
    position: relative;
    min-block-size: 8rem;
    overflow: hidden;
    border-radius: var(--_kyc-radius-m);
    background: #000000;
  }

  video,
  .preview {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }

  .preview {
    border-radius: var(--_kyc-radius-m);
  }

  .overlay {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }

  .shade {
    fill: rgb(0 0 0 / 45%);
  }

  .frame {
    fill: none;
    stroke: var(--_kyc-document-capture-frame-color);
    stroke-width: 3;
    vector-effect: non-scaling-stroke;
  }

  .frame--ready {
    stroke: var(--_kyc-document-capture-ready-color);
  }

  .starting {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    color: #ffffff;
  }

  .guidance {
    min-block-size: calc(var(--_kyc-line-height) * 1em);
    margin: 0;
    font-weight: var(--_kyc-font-weight-strong);
  }

  .guidance--ready {
    color: var(--_kyc-color-success);
  }

  .muted {
    margin: 0;
    color: var(--_kyc-color-text-muted);
    font-size: var(--_kyc-font-size-s);
  }

  .message,
  .problems p {
    margin: 0;
  }

  .message--danger,
  .problems--danger {
    color: var(--_kyc-color-danger);
  }

  .problems {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-s);
    color: var(--_kyc-color-warning);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kyc-space-s);
  }
`;
