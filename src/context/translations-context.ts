import { createContext } from '@lit/context';
import type { KycTranslationOverrides } from '../utilities/localize.js';

/**
 * The per-instance text overrides (`translations`) of the enclosing `<kyc-onboarding>`, for every
 * element inside it. `undefined` when the root has none. A `Symbol` key: see `clientContext`.
 */
export const translationsContext = createContext<KycTranslationOverrides | undefined>(Symbol('kyc-translations'));
