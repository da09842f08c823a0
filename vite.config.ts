import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { rolldown } from 'rolldown';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
// The server listens here in development (see scripts/dev.ts); the browser only ever talks to Vite.
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:3000';

/**
 * Inlines client/boot/earlyBoardScript.ts into index.html as a classic script, bundled on
 * its own: it starts a board page's requests while the browser is still fetching and
 * compiling the app (see client/boot/earlyBoard.ts). Built in dev too, so both behave alike.
 */
function inlineEarlyBoardScript(): Plugin {
  const entry = fileURLToPath(new URL('./client/boot/earlyBoardScript.ts', import.meta.url));
  let base = '/';
  return {
    name: 'iedereen:inline-early-board-script',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(_html, context) {
        // In a build: where the yjs entry landed, so the script can decode the board early.
        const yjs = Object.values(context.bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'yjs');
        const bundle = await rolldown({ input: entry, logLevel: 'warn' });
        try {
          const { output } = await bundle.generate({ format: 'iife', minify: true });
          return [{ tag: 'script', attrs: yjs ? { 'data-yjs': `${base}${yjs.fileName}` } : {}, children: output[0].code, injectTo: 'head-prepend' }];
        } finally {
          await bundle.close();
        }
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react(), inlineEarlyBoardScript()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // Konva and the Yjs stack are one chunk on purpose: the board page needs all of it at once.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        // Yjs on its own, for the inline early-board script (see inlineEarlyBoardScript).
        yjs: fileURLToPath(new URL('./client/boot/yjs.ts', import.meta.url)),
      },
      // Keeps client/boot/yjs.ts's export names (Vite drops entry exports by default).
      preserveEntrySignatures: 'exports-only',
      output: {
        // Yjs and lib0 in a chunk of their own, which both entries import: loading it early
        // must not run the app (it would, were Yjs left inside the app's chunk).
        codeSplitting: { groups: [{ name: 'yjs-core', test: /[\\/]node_modules[\\/](yjs|lib0)[\\/]/ }] },
      },
    },
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
    setupFiles: ['shared/test/mapEquality.ts'],
  },
});
