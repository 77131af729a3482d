/**
 * kyc-onboarding — the side-effect-free entry: importing it registers nothing and touches no
 * `window` or `document` (safe in Node for SSR frameworks). `kyc-onboarding/kyc-onboarding.js`
 * is the registering entry.
 */
export * from './api/index.js';
export { defineElement } from './internal/define.js';
