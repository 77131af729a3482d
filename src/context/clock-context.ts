import { createContext } from '@lit/context';
import type { KycClock } from '../internal/clock.js';

/**
 * What the enclosing `<kyc-onboarding>` schedules by (its `clock`): the elements' own timers
 * (the resend countdown, the wait for Sumsub's check) run on it too, so a host or a test that
 * controls the widget's time controls theirs. A `Symbol` key: see `clientContext`.
 */
export const clockContext = createContext<KycClock>(Symbol('kyc-clock'));
