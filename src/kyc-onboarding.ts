/**
 * The registering entry (and the CDN bundle's entry): everything `kyc-onboarding` exports, with
 * the custom elements defined through the guarded define, so a second copy on the page warns
 * instead of throwing.
 */
export * from './index.js';
