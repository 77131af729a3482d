// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
//
// `<kyc-onboarding>` in Vue templates (vue-tsc / Vue's language tools), after Vue's recipe for
// custom elements not built with Vue: `import type {} from 'kyc-onboarding/vue'` once; props
// are checked against the element's properties and `@kyc-ready` handlers get the event class.
// The compiler must still be told it is a custom element (`isCustomElement`), see the README.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { KycOnboarding } from '../components/onboarding/onboarding.js';
import type { KycOnboardingEventMap, KycOnboardingProperties } from './element-types.js';

/** `<kyc-onboarding>` as Vue's template type-checker sees it (`$props` and `$emit` exist for the checker only). */
export type KycOnboardingVueComponent = new () => KycOnboarding & {
  /** @deprecated For template type-checking only: not a property of the element. */
  $props: HTMLAttributes & KycOnboardingProperties & PublicProps;
  /** @deprecated For template type-checking only: not a method of the element. */
  $emit: EmitFn<{ [K in keyof KycOnboardingEventMap]: (event: KycOnboardingEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'kyc-onboarding': KycOnboardingVueComponent;
  }
}
