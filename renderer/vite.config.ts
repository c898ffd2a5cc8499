import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The renderer bundle. It is loaded from dist/renderer by the HTTP bridge (browser mode) and by
 * Electron from disk, so every URL in it is relative (base './') and nothing is fetched from a CDN:
 * the CSP in index.html allows only 'self'.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Electron 45 and Debian's Chromium: no legacy transforms needed.
    target: 'chrome130',
    // MUI + React in one vendor chunk is ~400 kB; screens are split off with React.lazy.
    chunkSizeWarningLimit: 800,
  },
});
