import { css } from 'lit';

/**
 * Own styles of `<kyc-liveness>`: the box Sumsub's frame is launched in (collapsed until the check
 * is ready, so nobody stares at a blank frame), the status lines, and the QR code, always dark on
 * light whatever the theme (phones' cameras read it so). Logical properties only.
 */
export const livenessStyles = css`
  :host {
    --_kyc-liveness-min-height: var(--kyc-liveness-min-height, 24rem);
    display: block;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_kyc-space-m);
  }

  .frame {
    min-block-size: var(--_kyc-liveness-min-height);
  }

  .frame--loading,
  .frame--failed {
    min-block-size: 0;
    block-size: 0;
    overflow: hidden;
    visibility: hidden; /* nor reachable by Tab while it loads */
  }

  .frame iframe {
    display: block;
    inline-size: 100%;
    border: 0;
  }

  .status {
    margin: 0;
    color: var(--_kyc-color-text-muted);
  }

  .status--failed {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_kyc-space-s);
    color: var(--_kyc-color-danger);
  }

  .status--failed p {
    margin: 0;
  }

  .link-path {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_kyc-space-m);
  }

  .link-path p {
    margin: 0;
  }

  a.button {
    text-decoration: none;
  }
`;
