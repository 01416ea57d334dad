import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { firstScreen } from './scripts/build/firstScreenPlugin.ts';

/** pdf.js needs its CJK CMaps and standard fonts as files: serve them from the app itself
 *  (under pdfjs/), never from a CDN. */
function pdfjsAssets(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dirs = ['cmaps', 'standard_fonts'];
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.match(/\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/);
        if (!m) return next();
        createReadStream(join(root, m[1], m[2])).on('error', () => next()).pipe(res);
      });
    },
    generateBundle() {
      for (const d of dirs) {
        for (const f of readdirSync(join(root, d))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${d}/${f}`, source: readFileSync(join(root, d, f)) });
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [svelte(), pdfjsAssets(), firstScreen()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // the bundled demo data's "import time" is when it was built into the app (src/lib/ingest/demo.ts)
  define: { __DATA_BUILT_AT__: JSON.stringify(new Date().toISOString().slice(0, 19).replace('T', ' ')) },
  worker: { format: 'es' },
  preview: { port: 4173 },
});
