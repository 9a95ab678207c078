import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The console-queue benchmark's page, built like the console (same aliases, production React). */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: '@kp/client', replacement: here('../../libs/client/src/index.ts') },
      { find: /^dkfds\/dist\/(.*)$/, replacement: here('../../node_modules/dkfds/dist/$1') },
    ],
  },
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
