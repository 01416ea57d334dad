// npx tsx scripts/bench/persist.ts: IndexedDB-log replay vs DuckDB's OPFS file, for the demo city
// and the demo + a 10k-agency-year import, each measured after a fresh browser start (3 runs,
// median). Prints a table and one JSON line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (!existsSync('.bench/10000/reports.csv')) execFileSync('npx', ['tsx', 'scripts/bench/gen.ts', '10000', '.bench/10000'], { stdio: 'inherit' });
const server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const base = server.resolvedUrls!.local[0];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out: Record<string, number> = {};
try {
  for (const set of ['demo', '10k']) {
    const dir = mkdtempSync(join(tmpdir(), 'dd-bench-'));
    const launch = () => chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ARGS });
    const page = async (ctx: Awaited<ReturnType<typeof launch>>) => {
      const p = await ctx.newPage();
      await p.goto(`${base}scripts/bench/persist.html`);
      await p.waitForFunction(() => document.title === 'ready', undefined, { timeout: 120_000 });
      return p;
    };
    let ctx = await launch();
    const setup = await (await page(ctx)).evaluate((s) => (window as any).bench.setup(s), set);
    const idb: number[] = [];
    const opfs: number[] = [];
    let detail: Record<string, number> = {};
    for (let run = 0; run < 3; run++) {
      await ctx.close();
      ctx = await launch();
      const a = await (await page(ctx)).evaluate((s) => (window as any).bench.startIdb(s), set);
      await ctx.close();
      ctx = await launch();
      const b = await (await page(ctx)).evaluate(() => (window as any).bench.startOpfs());
      if (a.reports !== setup.reports || b.reports !== setup.reports) throw new Error(`counts differ: ${a.reports} ${b.reports} ${setup.reports}`);
      idb.push(a.totalMs);
      opfs.push(b.totalMs);
      detail = { ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`idb_${k}`, v as number])), ...Object.fromEntries(Object.entries(b).map(([k, v]) => [`opfs_${k}`, v as number])) };
    }
    // a second tab while the first holds the file open
    const first = await page(ctx);
    await first.evaluate(() => (window as any).bench.holdOpfs());
    const second = await (await page(ctx)).evaluate(() => (window as any).bench.startOpfsOrError());
    console.log(`${set}: OPFS file opened in a second tab while the first holds it → ${second.slice(0, 200)}`);
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
    Object.assign(out, {
      [`${set}_reports`]: setup.reports, [`${set}_idb_write_ms`]: Math.round(setup.idbWriteMs), [`${set}_opfs_write_ms`]: Math.round(setup.opfsWriteMs),
      [`${set}_idb_start_ms`]: Math.round(median(idb)), [`${set}_opfs_start_ms`]: Math.round(median(opfs)),
      ...Object.fromEntries(Object.entries(detail).filter(([k]) => k !== 'idb_reports' && k !== 'opfs_reports').map(([k, v]) => [`${set}_${k}`, Math.round(v)])),
    });
  }
} finally {
  await server.close();
}
for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(34)} ${v}`);
console.log(JSON.stringify(out));
