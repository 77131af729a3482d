import { css } from 'lit';

/**
 * Shared look of form controls inside kyc elements' shadow trees. Components that render fields
 * or buttons add it to their `static styles` and use these classes:
 *
 * - `.form-control`: a field's wrapper (label, control, help, error stacked);
 *   `.form-control__label`, `.form-control__required` (an `aria-hidden` marker),
 *   `.form-control__help`, `.form-control__error`;
 * - `.input`: `<input>`, `<select>`, `<textarea>`; shows the error colour with `aria-invalid="true"`
 *   or when the host is in `:state(user-invalid)`;
 * - `.choice`: a `<label>` wrapping a checkbox or radio and its text;
 * - `.button` with `.button--primary` or `.button--secondary`.
 *
 * Accessibility (WCAG 2.2 AA): every focusable element gets a `:focus-visible` ring in the focus
 * colour (≥ 3:1, `--kyc-focus-ring-width`, 2px by default); inputs and buttons are at least
 * `--kyc-control-height` tall (44px by default) and never below 24px, checkboxes and radios
 * 24×24px (2.5.8 Target Size); transitions use the token that `prefers-reduced-motion` sets to 0;
 * only logical properties, so right-to-left mirrors; forced-colors mode keeps button outlines.
 */
export const formControlStyles = css`
  .form-control {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-xs);
  }

  .form-control__label {
    color: var(--_kyc-color-text);
    font-weight: var(--_kyc-font-weight-strong);
  }

  .form-control__required {
    margin-inline-start: var(--_kyc-space-xs);
    color: var(--_kyc-color-danger);
  }

  .form-control__help,
  .form-control__error {
    margin: 0;
    font-size: var(--_kyc-font-size-s);
  }

  .form-control__help {
    color: var(--_kyc-color-text-muted);
  }

  .form-control__error {
    color: var(--_kyc-color-danger);
  }

  .input {
    display: block;
    inline-size: 100%;
    min-block-size: max(var(--_kyc-control-height), 24px);
    margin: 0;
    padding-block: var(--_kyc-space-s);
    padding-inline: var(--_kyc-space-m);
    border: var(--_kyc-border-width) solid var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-m);
    background-color: var(--_kyc-color-background);
    color: var(--_kyc-color-text);
    font: inherit;
    text-align: start;
    transition: border-color var(--_kyc-transition-duration) ease;
  }

  textarea.input {
    min-block-size: calc(var(--_kyc-control-height) * 2);
    resize: vertical;
  }

  .input::placeholder {
    color: var(--_kyc-color-text-muted);
    opacity: 1;
  }

  .input[readonly] {
    background-color: var(--_kyc-color-surface);
  }

  .input[aria-invalid='true'] {
    border-color: var(--_kyc-color-danger);
  }

  /* Its own rule: a browser without :state() drops only this one. */
  :host(:state(user-invalid)) .input {
    border-color: var(--_kyc-color-danger);
  }

  .choice {
    display: inline-flex;
    align-items: flex-start;
    gap: var(--_kyc-space-s);
    color: var(--_kyc-color-text);
    cursor: pointer;
  }

  .choice input {
    flex: none;
    inline-size: max(1.5rem, 24px);
    block-size: max(1.5rem, 24px);
    margin: 0;
    accent-color: var(--_kyc-color-primary);
    cursor: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_kyc-space-s);
    min-block-size: max(var(--_kyc-control-height), 24px);
    min-inline-size: max(var(--_kyc-control-height), 24px);
    margin: 0;
    padding-block: var(--_kyc-space-s);
    padding-inline: var(--_kyc-space-l);
    border: var(--_kyc-border-width) solid transparent;
    border-radius: var(--_kyc-radius-m);
    font: inherit;
    font-weight: var(--_kyc-font-weight-strong);
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color var(--_kyc-transition-duration) ease,
      border-color var(--_kyc-transition-duration) ease;
  }

  .button--primary {
    background-color: var(--_kyc-color-primary);
    color: var(--_kyc-color-on-primary);
  }

  /* Mixing toward the text colour moves away from on-primary in both schemes: contrast only grows. */
  .button--primary:hover:not(:disabled, [aria-disabled='true']) {
    background-color: color-mix(in srgb, var(--_kyc-color-primary), var(--_kyc-color-text) 15%);
  }

  .button--secondary {
    border-color: var(--_kyc-color-border);
    background-color: transparent;
    color: var(--_kyc-color-primary);
  }

  .button--secondary:hover:not(:disabled) {
    background-color: color-mix(in srgb, var(--_kyc-color-primary) 8%, transparent);
  }

  .input:disabled,
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .choice:has(input:disabled) {
    cursor: not-allowed;
    opacity: 0.6;
  }

  /* A date field is focused through its parts (day, month, year): Chromium matches neither :focus
     nor :focus-visible on the field itself then. It takes keyboard input like a text field, whose
     ring always shows. */
  :focus-visible,
  input[type='date']:focus-within {
    outline: var(--_kyc-focus-ring-width) solid var(--_kyc-color-focus);
    outline-offset: var(--_kyc-focus-ring-offset);
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
