/**
 * The registering entry (and the CDN bundle's entry): everything `kyc-onboarding` exports, with
 * `<kyc-onboarding>` and its elements defined through the guarded define, so a second copy on the
 * page warns instead of throwing.
 */
import { defineKycElements } from './index.js';

export * from './index.js';

defineKycElements();
