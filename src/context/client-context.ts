import { createContext } from '@lit/context';
import type { KycClient } from '../api/index.js';

/**
 * The API client of the enclosing `<kyc-onboarding>`: the one door to the host's endpoint, for
 * the elements that read or send on their own (options and legal documents, document uploads,
 * liveness tokens). `null` until the root has an `endpoint`.
 *
 * The key is a `Symbol`, not a string: a second copy of the package on the page makes its own,
 * so two copies never answer each other's requests.
 */
export const clientContext = createContext<KycClient | null>(Symbol('kyc-client'));
