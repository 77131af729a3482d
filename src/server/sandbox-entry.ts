/**
 * `kyc-onboarding/sandbox`: the platform emulator, and the demo app that runs the production chain
 * (partner session → host proxy → platform) on top of it.
 */
export * from './sandbox/index.js';
export * from './demo/app.js';
