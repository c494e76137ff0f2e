import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./client', import.meta.url));

/**
 * The browser client. Built into dist/client, which the server serves with an index.html
 * fallback for client routes. tldraw's fonts, icons and translations are bundled as files of
 * our own (see client/canvas/assets.ts), so the page talks to no other host.
 *
 * TLDRAW_LICENSE_KEY (environment, at build time) becomes the canvas licence key; without it
 * tldraw still runs on localhost and plain-HTTP local networks.
 *
 * Every script, style and font is also written brotli- and gzip-compressed beside itself,
 * and the server sends those to browsers that accept them: a phone that has just scanned
 * the QR code over a weak link downloads about a third of the bytes.
 */
export default defineConfig({
  root,
  publicDir: false,
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  define: {
    __TLDRAW_LICENSE_KEY__: JSON.stringify(process.env.TLDRAW_LICENSE_KEY ?? ''),
  },
  build: {
    // FLET_CLIENT_DIR, as the server reads it, lets two builds run side by side.
    outDir: process.env.FLET_CLIENT_DIR ? path.resolve(process.env.FLET_CLIENT_DIR) : '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
