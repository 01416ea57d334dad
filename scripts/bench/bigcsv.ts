// npx tsx scripts/bench/bigcsv.ts [--mb 12,50,100]: big wide CSVs imported through the built app's
// import screen (CSV worker, commit, IndexedDB log), in headless Chromium. Prints per size: parse
// time in the worker, commit time, the longest main-thread task, JS heap after, then JSON.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CELL_CODES } from '../../src/lib/format/cells';
import { randomRecord } from '../../tests/fixtures/reports/randomRecord';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(`--${n}`); return i >= 0 ? process.argv[i + 1] : d; };
const sizes = arg('mb', '12,50,100').split(',').map(Number);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

async function make(mb: number): Promise<string> {
  const path = `.bench/big-${mb}mb.csv`;
  if (existsSync(path)) return path;
  mkdirSync('.bench', { recursive: true });
  const out = createWriteStream(path);
  out.write([['agency', 'year', ...CELL_CODES].join(','), ''].join('\n'));
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const c = randomRecord(i + 1);
    const line = [`基准测试机构${Math.floor(i / 4)}`, 2021 + (i % 4), ...CELL_CODES.map((k) => c[k] ?? '')].join(',') + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const out: Record<string, number | string> = {};
try {
  for (const mb of sizes) {
    const file = await make(mb);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}#/import`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __long: number };
      w.__long = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long = Math.max(w.__long, e.duration); }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.locator('[data-import="csv"]').setInputFiles(file);
    await page.waitForFunction(() => document.querySelector('[data-import-results] > li')?.getAttribute('data-status') !== 'pending', undefined, { timeout: 900_000 });
    const total = Date.now() - t0;
    const r = await page.evaluate(() => {
      const at: Record<string, number> = {};
      for (const e of performance.getEntriesByType('mark')) at[e.name] = e.startTime;
      const worker = performance.getEntriesByType('measure').find((e) => e.name.startsWith('dd:csv-worker'));
      const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        status: document.querySelector('[data-import-results] > li')?.getAttribute('data-status') ?? '',
        text: (document.querySelector('[data-import-results] > li')?.textContent ?? '').slice(0, 200),
        workerMs: worker?.duration ?? NaN, commitMs: at['dd:csv-committed'] - at['dd:csv-prepared'], persistMs: at['dd:persist-end'] - at['dd:persist-start'],
        longestTaskMs: (window as unknown as { __long: number }).__long, heapMb: mem ? mem.usedJSHeapSize / 1e6 : NaN,
      };
    });
    const size = +(statSync(file).size / 1e6).toFixed(1);
    Object.assign(out, { [`${mb}mb_file_mb`]: size, [`${mb}mb_status`]: r.status, [`${mb}mb_total_ms`]: total, [`${mb}mb_worker_parse_ms`]: Math.round(r.workerMs),
      [`${mb}mb_commit_ms`]: Math.round(r.commitMs), [`${mb}mb_persist_ms`]: Math.round(r.persistMs), [`${mb}mb_longest_task_ms`]: Math.round(r.longestTaskMs), [`${mb}mb_heap_mb`]: Math.round(r.heapMb) });
    if (r.status !== 'ok') out[`${mb}mb_message`] = r.text;
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(28)} ${v}`);
console.log(JSON.stringify(out));
