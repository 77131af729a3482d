import { css } from 'lit';

/**
 * Own styles of `<kyc-signature-prompt>` (after the shared form-control styles): a column of
 * blocks spaced by the component knob, a code field sized for six digits, and a visually hidden
 * live region. Only `--_kyc-*` aliases and logical properties, so themes and right-to-left apply.
 */
export const signaturePromptStyles = css`
  :host {
    --_kyc-signature-prompt-gap: var(--kyc-signature-prompt-gap, var(--_kyc-space-m));
  }

  .base,
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-signature-prompt-gap);
  }

  form {
    margin: 0;
  }

  .title {
    margin: 0;
    font-size: var(--_kyc-font-size-l);
    font-weight: var(--_kyc-font-weight-strong);
    line-height: 1.25;
  }

  .progress,
  .countdown {
    margin: 0;
    color: var(--_kyc-color-text-muted);
    font-size: var(--_kyc-font-size-s);
  }

  .intro,
  .destination,
  .confirmation p {
    margin: 0;
  }

  .destination,
  .confirmation {
    overflow-wrap: anywhere;
  }

  .providers {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-s);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .providers legend {
    margin-block-end: var(--_kyc-space-s);
    padding: 0;
    color: var(--_kyc-color-text);
    font-weight: var(--_kyc-font-weight-strong);
  }

  .code {
    max-inline-size: 12em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.25em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kyc-space-s);
  }
`;
