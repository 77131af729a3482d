/**
 * kyc-onboarding — the side-effect-free entry: importing it registers nothing and touches no
 * `window` or `document` (safe in Node for SSR frameworks). `kyc-onboarding/kyc-onboarding.js`
 * is the registering entry; or call {@link defineKycElements} yourself.
 */
import { KycOnboarding } from './components/onboarding/onboarding.js';

export * from './api/index.js';
export * from './events/events.js';
export { KycOnboarding } from './components/onboarding/onboarding.js';
export { KycQuestion } from './components/question/question.js';
export { KycCombobox, type KycComboboxOption } from './components/combobox/combobox.js';
export { KycSignaturePrompt } from './components/signature-prompt/signature-prompt.js';
export { registerTranslation, type Translation, type TranslationOverrides } from './utilities/localize.js';

/**
 * Registers `<kyc-onboarding>` and the elements it renders. Guarded: when another copy of the
 * widget already registered them, it warns instead of throwing.
 */
export function defineKycElements(): void {
  KycOnboarding.define('kyc-onboarding');
}
