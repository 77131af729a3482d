/**
 * The registering entry of the npm package (the CDN bundle's is src/cdn.ts): everything `kyc-onboarding` exports, with
 * `<kyc-onboarding>` and its elements defined through the guarded define, so a second copy on the
 * page warns instead of throwing.
 */
import { defineKycElements } from './index.js';

export * from './index.js';

defineKycElements();
