/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web console: built into dist/web (npm run build:web, part of npm run build), which the API
 * serves at `/`. `npm run dev:web` serves it with hot reload and sends /v1 to the API on :3000.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@kp/client', replacement: here('../../libs/client/src/index.ts') },
      // dkfds exports only its script; its stylesheets, fonts and icons are read from the package folder.
      { find: /^dkfds\/dist\/(.*)$/, replacement: here('../../node_modules/dkfds/dist/$1') },
    ],
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // Under the CSP (script-src 'self'): no inline scripts; the module preload polyfill goes into the bundle.
    modulePreload: { polyfill: true },
    chunkSizeWarningLimit: 700,
    // .vite/manifest.json: which chunks the first page loads, for scripts/check-web-bundle.mjs (the 200 kB gzipped budget).
    // The API does not serve it: express's static files ignore dot-folders.
    manifest: true,
  },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
