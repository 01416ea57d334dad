import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { firstScreen } from './scripts/build/firstScreenPlugin.ts';
import { pdfjsAssets } from './scripts/build/pdfjsAssets.ts';
import { ocrAssets } from './scripts/build/ocrAssetsPlugin.ts';

// Static assets served as they are (the sample report, pdf.js's CMaps and fonts, icons) live in
// public/ (Vite's default publicDir).
export default defineConfig({
  plugins: [svelte(), pdfjsAssets(), firstScreen(), ocrAssets()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // the bundled demo data's "import time" is when it was built into the app (src/lib/ingest/demo.ts)
  define: { __DATA_BUILT_AT__: JSON.stringify(new Date().toISOString().slice(0, 19).replace('T', ' ')) },
  worker: { format: 'es' },
  preview: { port: 4173 },
});
