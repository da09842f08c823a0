import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
// The server listens here in development (see scripts/dev.ts); the browser only ever talks to Vite.
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // Konva and the Yjs stack are one chunk on purpose: the board page needs all of it at once.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/collab': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  // vitest reads this file too. Vite's root is client/, but unit tests live beside the code in
  // shared/, server/ and client/, so the test run is rooted at the repository.
  test: {
    root: repoRoot,
    environment: 'node',
    include: ['**/*.test.{ts,tsx}'],
    // e2e/*.spec.ts are Playwright's, run by `playwright test`.
    exclude: ['**/node_modules/**', 'dist/**', 'e2e/**', 'test-results/**'],
  },
});
