// pdf.js needs its CJK CMaps and standard fonts as files, served by the app itself (never from a
// CDN). They are copied from the installed pdfjs-dist into public/pdfjs/ (not committed: they
// follow the installed version, stamped in public/pdfjs/VERSION), which Vite serves as it is in
// development and copies into the build.
import type { Plugin } from 'vite';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function syncPdfjsAssets(publicDir: string): void {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  const out = join(publicDir, 'pdfjs');
  const stamp = join(out, 'VERSION');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === version) return;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const d of ['cmaps', 'standard_fonts']) cpSync(join(root, d), join(out, d), { recursive: true });
  writeFileSync(stamp, `${version}\n`);
}

export function pdfjsAssets(): Plugin {
  return {
    name: 'pdfjs-assets',
    configResolved(config) {
      if (config.publicDir) syncPdfjsAssets(config.publicDir);
    },
  };
}
