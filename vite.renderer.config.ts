/**
 * Builds the renderer on its own into out/renderer, so the e2e tests can serve it to Chromium
 * without Electron. electron-vite builds the same root for the app.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  // Relative asset URLs: the app loads the page from file:// in Electron and from a fake origin in tests.
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // pdf.js is large; it is loaded lazily, so a large chunk is expected.
    chunkSizeWarningLimit: 2500,
  },
});
