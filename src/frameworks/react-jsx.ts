// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
//
// `<kyc-onboarding>` in React 19 JSX. React 19 sets a prop as a property when the element has
// it (else as an attribute) and binds `on<event-name>` props as event listeners, so no wrapper
// is needed: `import type {} from 'kyc-onboarding/react-jsx'` once, and register the element
// (`import 'kyc-onboarding/kyc-onboarding.js'`). React 18 and earlier: `kyc-onboarding/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KycOnboarding } from '../components/onboarding/onboarding.js';
import type { KycOnboardingAttributes, KycOnboardingEventHandlers, KycOnboardingProperties } from './element-types.js';

export type { KycOnboardingAttributes, KycOnboardingEventHandlers, KycOnboardingProperties } from './element-types.js';

/** The props of `<kyc-onboarding>` in React 19 JSX: its properties, its attributes, `on<event>` handlers and the usual HTML props. */
export interface KycOnboardingJsxProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<KycOnboarding>, KycOnboarding>, keyof KycOnboardingProperties>,
    KycOnboardingProperties,
    KycOnboardingAttributes,
    KycOnboardingEventHandlers {}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kyc-onboarding': KycOnboardingJsxProps;
    }
  }
}
