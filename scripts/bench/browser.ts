// The app side of the benchmark: the real import screen, each view's queries (from the app's
// query log), the first chart, and the memory of Chromium's processes.
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

export async function ready(page: Page, timeout = 900_000) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout });
}

/** Imports files through the import screen; returns ms from choosing the files to the result. */
export async function importViaUi(page: Page, base: string, files: string[]): Promise<number> {
  await page.goto(new URL('#/import', base).toString());
  await ready(page);
  const t0 = Date.now();
  await page.locator('input[type=file][data-import]').first().setInputFiles(files);
  await page.waitForFunction((n) => {
    const items = [...document.querySelectorAll('[data-import-results] > li')];
    return items.length === n && items.every((li) => li.getAttribute('data-status') !== 'pending');
  }, files.length, { timeout: 900_000 });
  const ms = Date.now() - t0;
  const bad = await page.locator('[data-import-results] > li[data-status="failed"]').count();
  if (bad) throw new Error(`import failed: ${await page.locator('[data-import-results]').textContent()}`);
  return ms;
}

export interface ViewTiming {
  view: string;
  /** navigation to data-ready */
  wallMs: number;
  /** Σ of the app's query times while the view loaded */
  queryMs: number;
  sqls: string[];
}

export async function timeView(page: Page, base: string, hash: string): Promise<ViewTiming> {
  await page.goto(new URL('#/import', base).toString());
  await ready(page);
  const mark = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  await page.goto(new URL(hash, base).toString());
  await page.waitForFunction(() => document.body.dataset.ready === 'false' || document.body.dataset.ready === 'true');
  await ready(page);
  const wallMs = Date.now() - t0;
  const log = await page.evaluate((m) => ((globalThis as { __ddQueryLog?: { sql: string; ms: number; at: number }[] }).__ddQueryLog ?? [])
    .filter((e) => e.at >= m), mark);
  return { view: hash, wallMs, queryMs: log.reduce((a, e) => a + e.ms, 0), sqls: log.map((e) => e.sql) };
}

/** The browser a local chromium.launch() started: the chromium process among this process's
 *  children. (A browser reached through launchServer/connect would be simpler to find, but there
 *  setInputFiles uploads each file through Playwright's websocket: that took ~4 s of a 49 MB
 *  import's measured time.) */
export function launchedChromiumPid(): number {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && /chrom/.test(readFileSync(`/proc/${d}/cmdline`, 'utf8'))) return Number(d);
    } catch { /* process ended */ }
  }
  throw new Error('no chromium process under this one');
}

/** RSS (MB) of a process and all its descendants, from /proc. */
export function treeRssMb(rootPid: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const m = readFileSync(`/proc/${d}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      rss.set(Number(d), m ? Number(m[1]) : 0);
    } catch { /* process ended */ }
  }
  const inTree = (p: number): boolean => p === rootPid || (parent.has(p) && p !== 1 && inTree(parent.get(p)!));
  let kb = 0;
  for (const [pid, v] of rss) if (inTree(pid)) kb += v;
  return Math.round(kb / 1024);
}
