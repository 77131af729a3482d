import { css } from 'lit';

/**
 * Structural defaults every kyc element gets first (prepended by `KycElement`): a block box,
 * `border-box` sizing inside the shadow tree, and a `hidden` attribute that wins over the
 * component's own `display` (an author `:host { display: … }` beats the user-agent `[hidden]` rule).
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
`;
