// npm run bench [-- --sizes 1000,10000,100000 --records 200 --pdfs 50 --ocr 5]: OCR seconds per page
// (scripts/bench/ocr.ts; --ocr 0 skips it); first the report parser's
// reports per second (scripts/bench/parse.ts, text and PDF); then for each size, a generated wide CSV (and its
// registry) is imported through the app's real import screen in headless Chromium, every view is
// opened and its queries timed from the app's query log, and the same file and the same SQL are
// run on native DuckDB (one thread, and all threads) in the same run. Also: navigation → first
// chart on the demo data, and the memory the app adds. Prints a table, one summary line per
// measure, and last one JSON line with every figure.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { importViaUi, launchedChromiumPid, ready, timeView, treeRssMb } from './browser';
import { loadRegistry, loadReports, openNative, timeQueries } from './native';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWS = ['#/overview', '#/trends', '#/refusals', '#/compare', '#/compliance'];
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
// the report parser's own benchmark (text and PDF reports per second), merged into this JSON
const parseArgs = ['tsx', 'scripts/bench/parse.ts', '--records', arg('records', '200'), '--pdfs', arg('pdfs', '50')];
const figures: Record<string, number> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const put = (k: string, v: number) => {
  figures[k] = Math.round(v * 10) / 10;
  console.error(`  ${k} = ${figures[k]}`); // progress on stderr; the results go to stdout at the end
};

function ensureData(n: number): string {
  const dir = `.bench/${n}`;
  if (!existsSync(join(dir, 'reports.csv'))) execFileSync('npx', ['tsx', 'scripts/bench/gen.ts', String(n), dir], { stdio: 'inherit' });
  return dir;
}

{
  const out = execFileSync('npx', parseArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stderr.write(out);
  for (const [k, v] of Object.entries(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>)) put(`parse_${k}`, v);
}

if (arg('ocr', '5') !== '0') {
  // OCR seconds per page, Node and Chromium (scripts/bench/ocr.ts)
  const out = execFileSync('npx', ['tsx', 'scripts/bench/ocr.ts', '--pages', arg('ocr', '5')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const [k, v] of Object.entries(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>)) put(k, v);
}

const outDir = process.env.DIST_DIR ?? 'dist';
if (!existsSync(`${outDir}/index.html`)) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const pid = launchedChromiumPid();
try {
  // First screen: a new browser context each time (no HTTP cache, no compiled wasm), median of 5;
  // then reloads in one context (cached files, and Chrome's cache of the compiled wasm).
  const openOverview = async (page: Page, reload: boolean) => {
    const t0 = Date.now();
    if (reload) await page.reload(); else await page.goto(new URL('#/overview', base).toString());
    await ready(page);
    await page.locator('[data-chart] canvas').first().waitFor();
    return Date.now() - t0;
  };
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    cold.push(await openOverview(await ctx.newPage(), false));
    await ctx.close();
  }
  put('first_chart_cold_ms', median(cold));
  put('first_chart_cold_max_ms', Math.max(...cold));
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openOverview(page, false);
    const warm: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.waitForTimeout(1000); // let Chrome store the compiled wasm
      warm.push(await openOverview(page, true));
    }
    put('first_chart_warm_ms', median(warm));
    await ctx.close();
  }
  for (const n of sizes) {
    const dir = ensureData(n);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto('about:blank');
    const rssEmpty = treeRssMb(pid);
    await page.goto(new URL('#/overview', base).toString());
    await ready(page);
    // as a user looks at the first screen a moment: the app runs every view's queries once on the
    // demo while idle (src/views/warmUp.ts), compiling DuckDB's code before the big data comes
    const w0 = Date.now();
    await page.waitForFunction(() => document.body.dataset.warm, undefined, { timeout: 120_000 });
    put(`warmup_${n}_ms`, Date.now() - w0);
    // the registry first and timed apart: native DuckDB's timer also covers the reports file alone
    put(`import_${n}_registry_app_ms`, await importViaUi(page, base, [join(dir, 'agencies.csv')]));
    put(`import_${n}_app_ms`, await importViaUi(page, base, [join(dir, 'reports.csv')]));
    const timings = [];
    for (const v of VIEWS) timings.push(await timeView(page, base, `${v}?year=2024`));
    put(`memory_${n}_app_added_mb`, treeRssMb(pid) - rssEmpty);
    put(`file_${n}_mb`, statSync(join(dir, 'reports.csv')).size / 1e6);
    await ctx.close();
    for (const threads of [1, 0]) {
      const tag = threads ? '1t' : 'mt';
      const nat = await openNative(threads || undefined);
      await loadRegistry(nat, 'data/agencies.csv');
      await loadRegistry(nat, join(dir, 'agencies.csv'));
      await loadReports(nat, 'data/reports.csv');
      put(`import_${n}_native_${tag}_ms`, await loadReports(nat, join(dir, 'reports.csv')));
      for (const t of timings) {
        const view = t.view.slice(2).split('?')[0];
        put(`view_${view}_${n}_app_ms`, t.queryMs);
        put(`view_${view}_${n}_app_wall_ms`, t.wallMs);
        put(`view_${view}_${n}_native_${tag}_ms`, await timeQueries(nat, t.sqls));
        put(`view_${view}_${n}_queries`, t.sqls.length);
      }
      nat.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// ratios app / native
for (const k of Object.keys(figures)) {
  const m = k.match(/^(.*)_app_ms$/);
  if (!m) continue;
  for (const tag of ['1t', 'mt']) {
    const nat = figures[`${m[1]}_native_${tag}_ms`];
    if (nat) put(`${m[1]}_ratio_${tag}`, figures[k] / nat);
  }
}
const w = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(w)}  ${v}`);
console.log(JSON.stringify(figures));
