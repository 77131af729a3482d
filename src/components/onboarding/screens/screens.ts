// The widget's screens, as one module: loaded together when the first of them is shown (one chunk
// in the CDN build), so the next screen is ready when the person moves on.
export { KycLevelsScreen } from './levels-screen.js';
export { KycOutcomeScreen } from './outcome-screen.js';
export { KycReviewScreen } from './review-screen.js';
export { KycStepScreen } from './step-screen.js';
export { KycWelcomeScreen } from './welcome-screen.js';
