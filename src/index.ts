/**
 * kyc-onboarding — the side-effect-free entry: importing it registers nothing and touches no
 * `window` or `document` (safe in Node for SSR frameworks). `kyc-onboarding/kyc-onboarding.js`
 * is the registering entry; or call {@link defineKycElements} yourself.
 */
export * from './api/index.js';
export * from './events/events.js';
export { KycOnboarding } from './components/onboarding/onboarding.js';
export { KycQuestion } from './components/question/question.js';
// The element class above takes the name `KycQuestion` here: it shadows the API's deprecated type
// alias of that name, which stays in `kyc-onboarding/api`. The API's question object (a step's
// question with its attribute) is `KycApplicationQuestion`, exported with the API's types above.
export { KycCombobox, type KycComboboxOption } from './components/combobox/combobox.js';
export { KycSignaturePrompt } from './components/signature-prompt/signature-prompt.js';
export { defineKycElements } from './define-elements.js';
export {
  registerTranslation,
  type KycTranslation,
  type KycTranslationOverrides,
  type Translation,
  type TranslationOverrides,
} from './utilities/localize.js';
export type { KycClock } from './internal/clock.js';
export type { KycContent, KycContentLanguage, KycContentText } from './components/onboarding/content.js';
