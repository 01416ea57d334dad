// npx tsx scripts/bench/views.ts [--size 100000] [--reps 3] [--dist /tmp/dist-x]: imports a
// generated CSV (scripts/bench/gen.ts) through the real import screen of a built app, then opens
// each analysis view (?year=2024) several times and prints, per view, the median of navigation →
// data-ready, the table rows and elements in the DOM, and the memory of Chromium's processes.
// Measures what the views render (table paging), not the import: see scripts/bench/run.ts for that.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { importViaUi, launchedChromiumPid, timeView, treeRssMb } from './browser';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWS = ['#/overview', '#/trends', '#/refusals', '#/compare', '#/compliance', '#/agency'];
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const size = Number(arg('size', '100000'));
const reps = Number(arg('reps', '3'));
const outDir = arg('dist', process.env.DIST_DIR ?? '/tmp/dist-bench-views');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = `.bench/${size}`;
if (!existsSync(join(dir, 'reports.csv'))) execFileSync('npx', ['tsx', 'scripts/bench/gen.ts', String(size), dir], { stdio: 'inherit' });
if (!existsSync(`${outDir}/index.html`)) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });

const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const pid = launchedChromiumPid();
const out: Record<string, number> = {};
try {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.setDefaultTimeout(900_000);
  await page.goto('about:blank');
  const rssEmpty = treeRssMb(pid);
  out.import_ms = await importViaUi(page, base, [join(dir, 'agencies.csv'), join(dir, 'reports.csv')]);
  console.error(`import ${out.import_ms} ms`);
  let peak = 0;
  for (const v of VIEWS) {
    const hash = v === '#/agency' ? v : `${v}?year=2024`;
    const walls: number[] = [];
    let rows = 0;
    let nodes = 0;
    for (let i = 0; i < reps; i++) {
      const t = await timeView(page, base, hash);
      walls.push(t.wallMs);
      // let the page paint what it rendered before counting
      [rows, nodes] = await page.evaluate(() => new Promise<[number, number]>((res) => requestAnimationFrame(() =>
        res([document.querySelectorAll('tbody tr').length, document.getElementsByTagName('*').length]))));
      peak = Math.max(peak, treeRssMb(pid) - rssEmpty);
      console.error(`  ${hash} #${i + 1}: ${t.wallMs} ms (queries ${Math.round(t.queryMs)} ms), ${rows} rows, ${nodes} elements`);
    }
    const name = v.slice(2);
    out[`${name}_wall_ms`] = median(walls);
    out[`${name}_rows`] = rows;
    out[`${name}_elements`] = nodes;
  }
  // on the compare view: a click on a header (sorting every row) and on "next page", until shown
  await timeView(page, base, '#/compare?year=2024');
  const firstRow = () => page.locator('[data-panel="agencies"] tbody tr').first().getAttribute('data-agency');
  const sorts: number[] = [];
  const pages: number[] = [];
  for (let i = 0; i < reps; i++) {
    for (const key of ['agency', 'open_rate']) {
      const before = await firstRow();
      const t0 = Date.now();
      await page.locator(`[data-panel="agencies"] button[data-sort="${key}"]`).click();
      await page.waitForFunction((b) => document.body.dataset.ready === 'true'
        && document.querySelector('[data-panel="agencies"] tbody tr')?.getAttribute('data-agency') !== b, before);
      sorts.push(Date.now() - t0);
    }
    const pager = page.locator('[data-panel="agencies"] [data-pager="top"]');
    if (await pager.count()) {
      const from = await pager.locator('[data-range]').getAttribute('data-from');
      const t0 = Date.now();
      await pager.locator('button[data-page="next"]').click();
      await page.waitForFunction((f) => document.querySelector('[data-panel="agencies"] [data-pager="top"] [data-range]')?.getAttribute('data-from') !== f, from);
      pages.push(Date.now() - t0);
    }
  }
  console.error(`  compare sort clicks: ${sorts.join(', ')} ms; next page: ${pages.join(', ')} ms`);
  out.compare_sort_click_ms = median(sorts);
  if (pages.length) out.compare_next_page_ms = median(pages);
  out.memory_added_mb = treeRssMb(pid) - rssEmpty;
  out.memory_peak_added_mb = peak;
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
const w = Math.max(...Object.keys(out).map((k) => k.length));
for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(w)}  ${v}`);
console.log(JSON.stringify({ size, reps, ...out }));
