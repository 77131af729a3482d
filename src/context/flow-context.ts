import { createContext } from '@lit/context';
import type { FlowController } from '../flow/flow-controller.js';

/**
 * The flow of the enclosing `<kyc-onboarding>`: its `FlowController`, one object for the root's
 * life. The flow's state changes inside that object, so the root tells the subscribers again at
 * each of its updates: an element that consumes it with `subscribe: true` renders again whenever
 * the root does. A `Symbol` key: see `clientContext`.
 */
export const flowContext = createContext<FlowController>(Symbol('kyc-flow'));
