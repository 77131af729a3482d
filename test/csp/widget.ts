// The registering entry, as a partner's page loads it.
import '../../src/kyc-onboarding.js';
