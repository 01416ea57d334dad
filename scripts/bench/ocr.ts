// OCR speed (npm run bench, or alone: npx tsx scripts/bench/ocr.ts [--pages 5]): seconds per page
// in Node (onnxruntime-node) and in Chromium (onnxruntime-web through the import screen: a scanned
// PDF of N pages dropped → its review on screen), on scans of our own printed form (150 dpi,
// skewed, JPEG). Also screenshots of the review (zh, en) in test-results/. Last line: JSON.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { readImagesNode } from '../../src/lib/ingest/docs/ocr/readNode';
import { scanOf, type Degrade } from '../../tests/fixtures/scans/degrade';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('pages', '5'));
const figures: Record<string, number> = {};
const put = (k: string, v: number) => {
  figures[k] = Math.round(v * 100) / 100;
  console.error(`  ${k} = ${figures[k]}`);
};
const variant = (i: number): Degrade => ({ dpi: 150, skewDeg: i % 2 ? -1 : 1, grey: i % 3 === 0, noise: 0.002, seal: i === 0, jpeg: 60, seed: 40 + i });
const pages = await Promise.all(Array.from({ length: N }, (_, i) => scanOf((i % 2) + 1, variant(i))));

// Node: the models load once (not counted), then the pages
await readImagesNode([pages[0]]);
let t0 = Date.now();
const cpu0 = process.cpuUsage();
await readImagesNode(pages);
put('ocr_node_s_per_page', (Date.now() - t0) / 1000 / N);
// CPU time of this process per page (onnxruntime-node's 2 threads summed): on a machine shared
// with other work, wall time says as much about the others as about us
const cpu = process.cpuUsage(cpu0);
put('ocr_node_cpu_s_per_page', (cpu.user + cpu.system) / 1e6 / N);
put('load_average_1min', loadavg()[0]);

// Chromium: a scanned PDF of N pages through the import screen, from dropping it to its review
const outDir = process.env.DIST_DIR ?? 'dist';
if (!existsSync(`${outDir}/ocr/rec.onnx`)) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const dir = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
  const printer = await browser.newPage();
  const imgs = pages.map((b) => `<img src="data:image/jpeg;base64,${Buffer.from(b).toString('base64')}">`).join('');
  await printer.setContent(`<style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;page-break-after:always}</style>${imgs}`, { waitUntil: 'load' });
  const pdf = join(dir, `scanned-${N}-pages.pdf`);
  writeFileSync(pdf, await printer.pdf({ format: 'A4', printBackground: true }));
  await printer.close();
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(new URL('#/import', base).toString());
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
  t0 = Date.now();
  await page.locator('input[type=file][data-import]').first().setInputFiles(pdf);
  await page.locator('[data-review]').waitFor({ timeout: 900_000 });
  const s = (Date.now() - t0) / 1000;
  put(`ocr_browser_${N}_pages_s`, s);
  put('ocr_browser_s_per_page', s / N);
  put('load_average_1min_after', loadavg()[0]);
  mkdirSync('test-results', { recursive: true });
  const shot = async (lang: string) => {
    await page.locator('fieldset.uncertain').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/ocr-review-${lang}.png` });
  };
  await shot('zh');
  await page.getByRole('button', { name: 'English' }).click();
  await shot('en');
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(figures));
