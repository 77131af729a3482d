import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app works under any path (the tests serve it at /react/).
  base: './',
  build: {
    rollupOptions: { input: ['index.html', 'wrapper.html'] },
  },
});
