import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { offlineAssets } from './offline-assets.ts';
import { precompress } from './precompress.ts';

const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [svelte(), offlineAssets(), precompress()],
  build: {
    // WEB_OUT_DIR lets a test run the real `npm start` (which builds first) without emptying and rewriting
    // web/dist while other tests serve it to a browser.
    outDir: process.env.WEB_OUT_DIR || 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The api's CSP forbids inline scripts, so nothing may be inlined into index.html.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // hls.js (its light build, about 120 KB gzip, with our stream controller: lib/player/hls-light.ts) is its own
    // lazy chunk, loaded only where a player shows, under one name whichever build it is.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // The service worker is a second entry, built to /sw.js: its scope is the folder it is served from.
      input: { index: 'index.html', sw: 'src/sw/sw.ts' },
      output: {
        manualChunks: (id) =>
          id.includes('/node_modules/hls.js/') || id.endsWith('/lib/player/hls-light.ts') ? 'hls' : undefined,
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/media', '/iiif', '/oembed', '/sitemap.xml'].map((p) => [p, api])),
  },
});
