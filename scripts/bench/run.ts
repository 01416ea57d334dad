// npm run bench [-- --sizes 1000,10000]: imports generated datasets through the app's real import
// screen in headless Chromium and prints what it measured (a table, then one JSON line).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { execFileSync } from 'node:child_process';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('sizes', '1000,10000').split(',').map(Number);

function ensureData(n: number): string {
  const dir = `.bench/${n}`;
  if (!existsSync(join(dir, 'reports.csv'))) execFileSync('npx', ['tsx', 'scripts/bench/gen.ts', String(n), dir], { stdio: 'inherit' });
  return dir;
}

async function ready(page: Page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 600_000 });
}

async function importViaUi(page: Page, base: string, file: string): Promise<number> {
  await page.goto(new URL('#/import', base).toString());
  await ready(page);
  const t0 = Date.now();
  await page.locator('[data-import="csv"]').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-import-results] > li')?.getAttribute('data-status') !== 'pending', undefined, { timeout: 600_000 });
  const ms = Date.now() - t0;
  const status = await page.locator('[data-import-results] > li').first().getAttribute('data-status');
  if (status !== 'ok') throw new Error(`${file}: ${await page.locator('[data-import-results]').textContent()}`);
  return ms;
}

const results: Record<string, number | string>[] = [];
if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  // first chart on the demo data, cold context
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const t0 = Date.now();
    await page.goto(new URL('#/overview', base).toString());
    await ready(page);
    await page.locator('[data-chart] canvas').first().waitFor();
    results.push({ measure: 'first_chart_demo_ms', value: Date.now() - t0 });
    await ctx.close();
  }
  for (const n of sizes) {
    const dir = ensureData(n);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(new URL('#/overview', base).toString());
    await ready(page);
    const regMs = await importViaUi(page, base, join(dir, 'agencies.csv'));
    const importMs = await importViaUi(page, base, join(dir, 'reports.csv'));
    const t0 = Date.now();
    await page.goto(new URL('#/overview', base).toString());
    await ready(page);
    const overviewMs = Date.now() - t0;
    const reporting = Number(await page.locator('[data-metric="agencies_reporting"]').first().getAttribute('data-value'));
    results.push({ measure: `import_${n}_ms`, value: importMs }, { measure: `registry_${n}_ms`, value: regMs },
      { measure: `overview_after_${n}_ms`, value: overviewMs }, { measure: `file_${n}_mb`, value: +(statSync(join(dir, 'reports.csv')).size / 1e6).toFixed(1) },
      { measure: `reporting_latest_${n}`, value: reporting });
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const r of results) console.log(`${String(r.measure).padEnd(28)} ${r.value}`);
console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.measure, r.value]))));
