import { css } from 'lit';

/**
 * Styles of `<kyc-question>`, on top of the shared `formControlStyles` (label, help, error,
 * `.input`, `.choice`, `.button`). Logical properties only, so right-to-left mirrors.
 */
export const questionStyles = css`
  :host {
    --_kyc-question-document-height: var(--kyc-question-document-height, 16rem);
  }

  fieldset.form-control {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend.form-control__label {
    padding: 0;
    margin-block-end: var(--_kyc-space-xs);
  }

  .form-control__error .message {
    margin: 0;
  }

  .answer,
  .placeholder,
  .uploaded {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .placeholder {
    padding-block: var(--_kyc-space-s);
    padding-inline: var(--_kyc-space-m);
    border: var(--_kyc-border-width) dashed var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-m);
    background-color: var(--_kyc-color-surface);
  }

  .uploaded {
    color: var(--_kyc-color-success);
    font-weight: var(--_kyc-font-weight-strong);
  }

  .note {
    display: flex;
    flex-direction: column;
    margin: 0;
    padding-block: var(--_kyc-space-s);
    padding-inline: var(--_kyc-space-m);
    border-inline-start: calc(var(--_kyc-border-width) * 4) solid var(--_kyc-color-warning);
    background-color: var(--_kyc-color-surface);
    font-size: var(--_kyc-font-size-s);
    overflow-wrap: anywhere;
  }

  .note__title {
    font-weight: var(--_kyc-font-weight-strong);
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kyc-space-s);
  }

  .status__message {
    margin: 0;
    color: var(--_kyc-color-text-muted);
    font-size: var(--_kyc-font-size-s);
  }

  .document {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-s);
    padding: var(--_kyc-space-m);
    border: var(--_kyc-border-width) solid var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-m);
  }

  .document__header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_kyc-space-s);
    margin: 0;
  }

  .document__title {
    font-weight: var(--_kyc-font-weight-strong);
  }

  .document__version {
    color: var(--_kyc-color-text-muted);
    font-size: var(--_kyc-font-size-s);
  }

  .document__text {
    max-block-size: var(--_kyc-question-document-height);
    overflow: auto;
    padding-block: var(--_kyc-space-xs);
    padding-inline: var(--_kyc-space-m);
    border-radius: var(--_kyc-radius-s);
    background-color: var(--_kyc-color-surface);
    overflow-wrap: anywhere;
  }

  .document__text p {
    margin-block: var(--_kyc-space-s);
    white-space: pre-line;
  }

  .document__text :is(ul, ol) {
    margin-block: var(--_kyc-space-s);
    padding-inline-start: var(--_kyc-space-l);
  }

  .document__text :is(h3, h4, h5, h6) {
    font-size: var(--_kyc-font-size);
    margin-block: var(--_kyc-space-m) var(--_kyc-space-s);
  }

  .document__text a {
    color: var(--_kyc-color-primary);
  }

  .document__link {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    align-self: flex-start;
    gap: var(--_kyc-space-xs);
    min-block-size: 24px;
    color: var(--_kyc-color-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .document__new-tab {
    font-size: var(--_kyc-font-size-s);
  }
`;
