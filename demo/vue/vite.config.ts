import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // <kyc-onboarding> and the elements it renders are custom elements, not Vue components.
          isCustomElement: (tag) => tag.startsWith('kyc-'),
        },
      },
    }),
  ],
  // Relative asset URLs: the built app works under any path (the tests serve it at /vue/).
  base: './',
});
