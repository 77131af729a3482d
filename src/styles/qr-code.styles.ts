import { css } from 'lit';

/**
 * A QR code drawn as an SVG (`src/internal/qr-code.ts`): `.qr` sized for a phone's camera at arm's
 * length, black modules on white whatever the theme (cameras read it so).
 */
export const qrCodeStyles = css`
  .qr {
    inline-size: 12rem;
    block-size: 12rem;
  }

  .qr__background {
    fill: #ffffff;
  }

  .qr__modules {
    fill: #000000;
  }
`;
