import { css } from 'lit';

export const onboardingStyles = css`
  :host {
    color: var(--_kyc-color-text);
    font-family: var(--_kyc-font-family);
    font-size: var(--_kyc-font-size);
    line-height: var(--_kyc-line-height);
  }

  .base {
    background: var(--_kyc-color-background);
    border: var(--_kyc-border-width) solid var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-m);
    padding: var(--_kyc-space-l);
    display: grid;
    gap: var(--_kyc-space-l);
  }

  /* A screen element renders into this shadow root: its content takes part in the layout. */
  .screen {
    display: contents;
  }

  h2 {
    font-size: var(--_kyc-font-size-l);
    line-height: 1.25;
    margin: 0;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: var(--_kyc-focus-ring-width) solid var(--_kyc-color-focus);
    outline-offset: var(--_kyc-focus-ring-offset);
  }

  p {
    margin: 0;
  }

  .muted {
    color: var(--_kyc-color-text-muted);
  }

  .stack {
    display: grid;
    gap: var(--_kyc-space-m);
  }

  /* Progress */
  .progress {
    display: grid;
    gap: var(--_kyc-space-s);
  }

  .progress ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kyc-space-xs) var(--_kyc-space-m);
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: var(--_kyc-font-size-s);
    color: var(--_kyc-color-text-muted);
  }

  .progress li[aria-current='step'] {
    color: var(--_kyc-color-text);
    font-weight: var(--_kyc-font-weight-strong);
  }

  .progress li.done::before {
    content: '✓ ';
    color: var(--_kyc-color-success);
  }

  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.375rem;
    border: none;
    border-radius: var(--_kyc-radius-s);
    background: var(--_kyc-color-border);
    overflow: hidden;
    accent-color: var(--_kyc-color-primary);
  }

  progress::-webkit-progress-bar {
    background: var(--_kyc-color-border);
  }

  progress::-webkit-progress-value {
    background: var(--_kyc-color-primary);
    transition: inline-size var(--_kyc-transition-duration);
  }

  progress::-moz-progress-bar {
    background: var(--_kyc-color-primary);
  }

  /* Panels: messages, reviewer comment, error summary */
  .panel {
    border: var(--_kyc-border-width) solid var(--_kyc-color-border);
    border-inline-start-width: 0.375rem;
    border-radius: var(--_kyc-radius-s);
    padding: var(--_kyc-space-m);
    background: var(--_kyc-color-surface);
    display: grid;
    gap: var(--_kyc-space-s);
  }

  .panel--danger {
    border-color: var(--_kyc-color-danger);
  }

  .panel--warning {
    border-color: var(--_kyc-color-warning);
  }

  .panel--success {
    border-color: var(--_kyc-color-success);
  }

  .panel h3 {
    font-size: var(--_kyc-font-size);
    margin: 0;
  }

  .panel:focus {
    outline: var(--_kyc-focus-ring-width) solid var(--_kyc-color-focus);
    outline-offset: var(--_kyc-focus-ring-offset);
  }

  .panel ul {
    margin: 0;
    padding-inline-start: var(--_kyc-space-l);
  }

  /* A link that wraps is an inline block whose baseline is its last line: aligned at the top, the
     item's bullet stays on its first line (either side, in either direction). */
  .panel li > .link {
    vertical-align: top;
  }

  .link {
    background: none;
    border: none;
    padding: 0;
    min-block-size: 24px;
    font: inherit;
    color: var(--_kyc-color-primary);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }

  .link:focus-visible {
    outline: var(--_kyc-focus-ring-width) solid var(--_kyc-color-focus);
    outline-offset: var(--_kyc-focus-ring-offset);
  }

  .comment {
    white-space: pre-line;
  }

  /* Levels */
  .levels {
    border: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_kyc-space-s);
  }

  .levels legend {
    padding: 0;
    margin-block-end: var(--_kyc-space-s);
  }

  .level {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_kyc-space-xs) var(--_kyc-space-s);
    align-items: start;
    border: var(--_kyc-border-width) solid var(--_kyc-color-border);
    border-radius: var(--_kyc-radius-s);
    padding: var(--_kyc-space-m);
    cursor: pointer;
  }

  .level:has(input:checked) {
    border-color: var(--_kyc-color-primary);
    background: var(--_kyc-color-surface);
  }

  .level input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_kyc-color-primary);
  }

  .level strong {
    display: block;
  }

  .level .muted {
    grid-column: 2;
  }

  /* Questions */
  .questions {
    display: grid;
    gap: var(--_kyc-space-l);
  }

  /* A two-sided document: front and back side by side (stacked when narrow). */
  .sides {
    display: grid;
    gap: var(--_kyc-space-s);
  }

  .sides__pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: var(--_kyc-space-l);
  }

  .sides > p {
    margin: 0;
  }

  .sides > .message--danger {
    color: var(--_kyc-color-danger);
  }

  /* Review */
  .review {
    margin: 0;
    display: grid;
  }

  /* A row: question, answer, "Change" on one line; the answer and its button wrap under the
     question when the widget is narrow (the widget's own width, wherever the page puts it). */
  .review > div {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_kyc-space-s) var(--_kyc-space-m);
    padding-block: var(--_kyc-space-s);
    border-block-end: var(--_kyc-border-width) solid var(--_kyc-color-border);
  }

  .review dt {
    flex: 2 1 8rem;
    min-inline-size: 0;
    font-weight: var(--_kyc-font-weight-strong);
    overflow-wrap: anywhere;
  }

  .review dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .review dd.answer {
    flex: 3 1 12rem;
    min-inline-size: 0;
  }

  .review h3 {
    font-size: var(--_kyc-font-size);
    margin: var(--_kyc-space-m) 0 0;
  }

  /* Actions */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kyc-space-s);
    justify-content: space-between;
  }

  .actions .button--primary {
    margin-inline-start: auto;
  }
`;
