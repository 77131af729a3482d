import { css } from 'lit';

/**
 * Styles of `<kyc-combobox>` (with the shared `formControlStyles` for the label, input, help and
 * error). Logical properties only, so right-to-left mirrors; the active option keeps a visible
 * outline in forced-colors mode.
 */
export const comboboxStyles = css`
  :host {
    --_kyc-combobox-list-max-height: var(--kyc-combobox-list-max-height, 16rem);
  }

  .combobox {
    position: relative;
  }

  .combobox .input {
    padding-inline-end: calc(var(--_kyc-space-m) * 2 + 1rem);
  }

  .expand-icon {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-end: var(--_kyc-space-m);
    inline-size: 1rem;
    block-size: 1rem;
    translate: 0 -50%;
    color: var(--_kyc-color-text-muted);
    pointer-events: none;
    transition: rotate var(--_kyc-transition-duration) ease;
  }

  .combobox--open .expand-icon {
    rotate: 180deg;
  }

  .popup {
    position: absolute;
    z-index: 1;
    inset-block-start: calc(100% + var(--_kyc-space-xs));
    inset-inline: 0;
    overflow: hidden;
    border: var(--_kyc-border-width) solid var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-m);
    background-color: var(--_kyc-color-background);
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.15);
  }

  .listbox {
    position: relative;
    max-block-size: var(--_kyc-combobox-list-max-height);
    margin: 0;
    padding: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    list-style: none;
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--_kyc-space-s);
    min-block-size: max(2.5rem, 24px);
    padding-block: var(--_kyc-space-xs);
    padding-inline: var(--_kyc-space-m);
    color: var(--_kyc-color-text);
    cursor: pointer;
  }

  .option:hover {
    background-color: color-mix(in srgb, var(--_kyc-color-primary) 8%, var(--_kyc-color-background));
  }

  .option--active,
  .option--active:hover {
    background-color: color-mix(in srgb, var(--_kyc-color-primary) 15%, var(--_kyc-color-background));
    outline: var(--_kyc-focus-ring-width) solid var(--_kyc-color-focus);
    outline-offset: calc(-1 * var(--_kyc-focus-ring-width));
  }

  .option--selected {
    font-weight: var(--_kyc-font-weight-strong);
  }

  .option__check {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    color: var(--_kyc-color-primary);
    visibility: hidden;
  }

  .option--selected .option__check {
    visibility: visible;
  }

  .popup__message {
    margin: 0;
    padding-block: var(--_kyc-space-s);
    padding-inline: var(--_kyc-space-m);
    color: var(--_kyc-color-text-muted);
  }

  @media (forced-colors: active) {
    .option--active,
    .option--active:hover {
      outline-color: Highlight;
    }
  }
`;
