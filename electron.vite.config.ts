import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { BUNDLED_DEPENDENCIES } from './scripts/bundled-deps.mjs';

export default defineConfig({
  main: {
    // Dependencies stay in node_modules, not in the bundle: sharp and @napi-rs/canvas load native
    // code, and pdfjs-dist and qpdf-wasm read files (fonts, cmaps, wasm) from beside themselves. pdf-lib and
    // fontkit are bundled: see scripts/bundled-deps.mjs.
    plugins: [externalizeDepsPlugin({ exclude: BUNDLED_DEPENDENCIES })],
    build: {
      rollupOptions: {
        // The bind/export worker is its own entry; src/core/jobs/run.ts starts it from next to index.js.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'job-worker': resolve(__dirname, 'src/core/jobs/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
  },
});
