// Screenshots of the built app at 1366×768.
//   node scripts/screenshot.mjs                      → docs/screenshot.png (the overview)
//   node scripts/screenshot.mjs '#/trends' out.png   → one view
//   node scripts/screenshot.mjs --all [views…]       → docs/screens/<view>-zh.png and -en.png for every view
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';

const VIEWS = {
  overview: '#/overview',
  trends: '#/trends',
  refusals: '#/refusals',
  compare: '#/compare?sel=SL-D05,SL-Q1-D02',
  compliance: '#/compliance',
  agency: '#/agency/SL-Q3?year=2022',
  'agency-index': '#/agency',
  agencies: '#/agencies',
  import: '#/import',
};

const all = process.argv[2] === '--all';
const jobs = [];
if (all) {
  const only = process.argv.slice(3);
  mkdirSync('docs/screens', { recursive: true });
  for (const [name, hash] of Object.entries(VIEWS)) {
    if (only.length && !only.includes(name)) continue;
    for (const lang of ['zh', 'en']) jobs.push({ hash, lang, out: `docs/screens/${name}-${lang}.png`, fullPage: true });
  }
} else {
  jobs.push({ hash: process.argv[2] ?? '#/overview', lang: 'zh', out: process.argv[3] ?? 'docs/screenshot.png', fullPage: true });
}

// DIST_DIR: another build (as the browser tests take it)
const server = await preview({ build: { outDir: process.env.DIST_DIR ?? 'dist' }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const job of jobs) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // the language is the user's stored choice, as the switch leaves it
  await page.addInitScript((l) => localStorage.setItem('dd.lang', l), job.lang);
  const t0 = Date.now();
  await page.goto(new URL(job.hash, server.resolvedUrls.local[0]).toString());
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60000 });
  await page.waitForTimeout(600);
  if (all) {
    // the page from the top, at most ~2.5 screens of it (long tables are cut off below)
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: job.out, fullPage: true, clip: { x: 0, y: 0, width: 1366, height: Math.min(h, 1900) } });
  } else await page.screenshot({ path: job.out, fullPage: job.fullPage });
  console.log(`${job.out}: ready after ${Date.now() - t0} ms`);
  await page.close();
}
await browser.close();
await server.close();
