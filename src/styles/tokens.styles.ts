import { css } from 'lit';

/**
 * The theming contract, declared on every kyc element's `:host` (prepended by `KycElement`).
 *
 * Three layers resolve each private alias `--_kyc-<token>`, first match wins:
 * 1. the public token `--kyc-<token>`, set by the host page on any ancestor;
 * 2. the scheme value `--_kyc-scheme-<token>`, set by {@link rootThemeStyles} on the root element
 *    (`theme="dark"`, or `theme="auto"` when the system prefers dark) and inherited by its children;
 * 3. the light default written here.
 *
 * So a child used standalone is light, a child inside a dark root is dark, and a host's own
 * `--kyc-*` always wins over both. Component CSS uses only the `--_kyc-*` aliases, which are
 * always declared, so every element renders with no global stylesheet. Under
 * `prefers-reduced-motion: reduce` the transition duration is 0, whatever the host set.
 *
 * The default palettes meet WCAG 2.2 AA in light and dark (checked by `tokens.test.ts`):
 * text, muted text, primary, danger, success and warning ≥ 4.5:1 on background and surface,
 * on-primary ≥ 4.5:1 on primary, border and focus ≥ 3:1 on background and surface.
 *
 * @cssproperty --kyc-color-scheme - `light` or `dark`: the scheme of native controls and scrollbars.
 * @cssproperty --kyc-color-primary - Primary buttons, links, checked controls.
 * @cssproperty --kyc-color-on-primary - Text on the primary colour.
 * @cssproperty --kyc-color-background - Page-like background (inputs, the root).
 * @cssproperty --kyc-color-surface - Raised areas (cards, read-only inputs).
 * @cssproperty --kyc-color-text - Body text.
 * @cssproperty --kyc-color-text-muted - Secondary text (help, placeholders).
 * @cssproperty --kyc-color-border - Borders of inputs and secondary buttons.
 * @cssproperty --kyc-color-danger - Errors.
 * @cssproperty --kyc-color-success - Success messages.
 * @cssproperty --kyc-color-warning - Warnings.
 * @cssproperty --kyc-color-focus - Focus ring.
 * @cssproperty --kyc-font-family - Font stack.
 * @cssproperty --kyc-font-size - Body text size.
 * @cssproperty --kyc-font-size-s - Help and error text size.
 * @cssproperty --kyc-font-size-l - Heading size.
 * @cssproperty --kyc-font-weight-strong - Labels, buttons, headings.
 * @cssproperty --kyc-line-height - Body line height.
 * @cssproperty --kyc-radius-s - Small corner radius.
 * @cssproperty --kyc-radius-m - Corner radius of inputs and buttons.
 * @cssproperty --kyc-border-width - Width of input and button borders.
 * @cssproperty --kyc-space-xs - Extra-small space.
 * @cssproperty --kyc-space-s - Small space.
 * @cssproperty --kyc-space-m - Medium space.
 * @cssproperty --kyc-space-l - Large space.
 * @cssproperty --kyc-space-xl - Extra-large space.
 * @cssproperty --kyc-control-height - Minimum height of inputs and buttons (44px at the default root font size).
 * @cssproperty --kyc-focus-ring-width - Width of the focus ring (keep ≥ 2px).
 * @cssproperty --kyc-focus-ring-offset - Gap between a control and its focus ring.
 * @cssproperty --kyc-transition-duration - Duration of hover and focus transitions.
 */
export const tokensStyles = css`
  :host {
    --_kyc-color-scheme: var(--kyc-color-scheme, var(--_kyc-scheme-color-scheme, light));
    --_kyc-color-primary: var(--kyc-color-primary, var(--_kyc-scheme-color-primary, #2447d6));
    --_kyc-color-on-primary: var(--kyc-color-on-primary, var(--_kyc-scheme-color-on-primary, #ffffff));
    --_kyc-color-background: var(--kyc-color-background, var(--_kyc-scheme-color-background, #ffffff));
    --_kyc-color-surface: var(--kyc-color-surface, var(--_kyc-scheme-color-surface, #f5f6f8));
    --_kyc-color-text: var(--kyc-color-text, var(--_kyc-scheme-color-text, #1b1f27));
    --_kyc-color-text-muted: var(--kyc-color-text-muted, var(--_kyc-scheme-color-text-muted, #586070));
    --_kyc-color-border: var(--kyc-color-border, var(--_kyc-scheme-color-border, #767d8a));
    --_kyc-color-danger: var(--kyc-color-danger, var(--_kyc-scheme-color-danger, #b42318));
    --_kyc-color-success: var(--kyc-color-success, var(--_kyc-scheme-color-success, #067647));
    --_kyc-color-warning: var(--kyc-color-warning, var(--_kyc-scheme-color-warning, #8a5200));
    --_kyc-color-focus: var(--kyc-color-focus, var(--_kyc-scheme-color-focus, #2447d6));

    --_kyc-font-family: var(
      --kyc-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_kyc-font-size: var(--kyc-font-size, 1rem);
    --_kyc-font-size-s: var(--kyc-font-size-s, 0.875rem);
    --_kyc-font-size-l: var(--kyc-font-size-l, 1.25rem);
    --_kyc-font-weight-strong: var(--kyc-font-weight-strong, 600);
    --_kyc-line-height: var(--kyc-line-height, 1.5);

    --_kyc-radius-s: var(--kyc-radius-s, 4px);
    --_kyc-radius-m: var(--kyc-radius-m, 8px);
    --_kyc-border-width: var(--kyc-border-width, 1px);

    --_kyc-space-xs: var(--kyc-space-xs, 0.25rem);
    --_kyc-space-s: var(--kyc-space-s, 0.5rem);
    --_kyc-space-m: var(--kyc-space-m, 1rem);
    --_kyc-space-l: var(--kyc-space-l, 1.5rem);
    --_kyc-space-xl: var(--kyc-space-xl, 2rem);

    --_kyc-control-height: var(--kyc-control-height, 2.75rem);
    --_kyc-focus-ring-width: var(--kyc-focus-ring-width, 2px);
    --_kyc-focus-ring-offset: var(--kyc-focus-ring-offset, 2px);
    --_kyc-transition-duration: var(--kyc-transition-duration, 150ms);

    color-scheme: var(--_kyc-color-scheme);
    color: var(--_kyc-color-text);
    font-family: var(--_kyc-font-family);
    font-size: var(--_kyc-font-size);
    line-height: var(--_kyc-line-height);
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_kyc-transition-duration: 0s;
    }
  }
`;

/** The dark palette, as scheme values (see {@link tokensStyles}); one copy for both selectors. */
const darkScheme = css`
  --_kyc-scheme-color-scheme: dark;
  --_kyc-scheme-color-primary: #8ea8ff;
  --_kyc-scheme-color-on-primary: #0b1030;
  --_kyc-scheme-color-background: #12151c;
  --_kyc-scheme-color-surface: #1c212b;
  --_kyc-scheme-color-text: #e9ecf2;
  --_kyc-scheme-color-text-muted: #a4acbb;
  --_kyc-scheme-color-border: #7f8899;
  --_kyc-scheme-color-danger: #ff8b80;
  --_kyc-scheme-color-success: #4fd08f;
  --_kyc-scheme-color-warning: #f2bd55;
  --_kyc-scheme-color-focus: #8ea8ff;
`;

/**
 * The `theme` attribute of the ROOT element (`<kyc-onboarding>` includes these styles; children
 * must not): `theme="dark"` sets the dark scheme values, `theme="auto"` sets them when the system
 * prefers dark, `theme="light"` (or none) keeps the light defaults. Children inherit the scheme
 * values through the root's shadow tree.
 */
export const rootThemeStyles = css`
  :host([theme='dark']) {
    ${darkScheme}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkScheme}
    }
  }
`;
