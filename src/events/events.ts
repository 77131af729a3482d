/**
 * The public events of `<kyc-onboarding>`, fired on the root element, all `bubbles` and
 * `composed`, each with a frozen detail that carries no personal data (uuids, attribute keys,
 * statuses, counts, codes). Importing this barrel also brings the `GlobalEventHandlersEventMap`
 * typings, so `el.addEventListener('kyc-complete', e => e.detail.applicationUuid)` is typed.
 */
export * from './application-create.js';
export * from './capture.js';
export * from './complete.js';
export * from './consent.js';
export * from './error.js';
export * from './handoff.js';
export * from './level-select.js';
export * from './liveness.js';
export * from './ready.js';
export * from './reject.js';
export * from './save.js';
export * from './signature-request.js';
export * from './status-change.js';
export * from './step-change.js';
export * from './submit.js';
export * from './upload-progress.js';
