import { KycOnboarding } from './components/onboarding/onboarding.js';

/**
 * Registers `<kyc-onboarding>` and the elements it renders (those not every flow needs are
 * registered when first shown). Guarded: when another copy of the widget already registered
 * them, it warns instead of throwing.
 */
export function defineKycElements(): void {
  KycOnboarding.define('kyc-onboarding');
}
