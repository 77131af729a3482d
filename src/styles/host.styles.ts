import { css } from 'lit';

/**
 * Structural defaults every kyc element gets first (prepended by `KycElement`): a block box,
 * `border-box` sizing inside the shadow tree, and a `hidden` attribute that wins over the
 * component's own `display` (an author `:host { display: … }` beats the user-agent `[hidden]` rule),
 * and `.visually-hidden` for text meant for screen readers only.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  /* Read by screen readers, not shown (live regions, extra context). */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
