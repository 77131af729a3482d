import { createApp } from 'vue';
// Registers <kyc-onboarding> once for the page.
import 'kyc-onboarding/kyc-onboarding.js';
// Types <kyc-onboarding> in templates (vue-tsc, Vue's language tools): props and `@kyc-…` events.
import type {} from 'kyc-onboarding/vue';
import App from './App.vue';

// Vue creates a Trusted Types policy named `vue`: under a Trusted Types CSP, allow it beside the
// widget's (`trusted-types lit-html kyc-legal-text vue`).
createApp(App).mount('#app');
