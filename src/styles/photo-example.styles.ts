import { css } from 'lit';

/**
 * The example of a good document photo (`src/internal/photo-example.ts`) beside what the quality
 * checks found: a small picture in the theme's colours, its caption beside it (below it on a narrow
 * screen). Logical properties, so right-to-left applies.
 */
export const photoExampleStyles = css`
  .example {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kyc-space-s);
    margin: 0;
  }

  .example figcaption {
    flex: 1 1 8rem;
    color: var(--_kyc-color-text-muted);
    font-size: var(--_kyc-font-size-s);
  }

  .example__picture {
    flex: none;
    inline-size: 6rem;
    block-size: 4.5rem;
  }

  .example__surface {
    fill: var(--_kyc-color-text-muted);
  }

  .example__document {
    fill: var(--_kyc-color-background);
  }

  .example__photo,
  .example__text {
    fill: var(--_kyc-color-text);
  }

  .example__corners {
    fill: none;
    stroke: var(--_kyc-color-success);
    stroke-width: 3;
  }
`;
