/**
 * The CDN bundle's entry (`dist/cdn/kyc-onboarding.js`, for `<script type="module">`): registers
 * `<kyc-onboarding>` through the guarded define and exports what a page script needs next to it —
 * the element, its events, the API client and `registerTranslation`. Elements that not every flow
 * needs (the code prompt, the long-list combobox, the file chooser, the liveness check) are not
 * exported here: they are chunks of their own, loaded when first shown. The npm entries export
 * everything.
 */
import { defineKycElements } from './define-elements.js';

export * from './api/index.js';
export * from './events/events.js';
export { KycOnboarding } from './components/onboarding/onboarding.js';
export {
  registerTranslation,
  type KycTranslation,
  type KycTranslationOverrides,
  type Translation,
  type TranslationOverrides,
} from './utilities/localize.js';
export { defineKycElements };

defineKycElements();
