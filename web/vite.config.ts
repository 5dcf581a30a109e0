// The web UI's build: React without a plugin (esbuild's automatic JSX runtime), output to web/dist,
// which `unmask serve` serves. `npm run build:web` type-checks and builds it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 },
  // `npx vite web` during development: the API of a running `unmask serve`.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
