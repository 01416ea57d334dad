// Behaviour: the demo city's overview is on screen before DuckDB has even started (the build's
// results for the bundled demo), equal to the test's own sums and to DuckDB's own answers; once the
// user has imported anything, the overview waits for DuckDB instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';
import { demo, readCsv } from './demo';
import { KPI_CODES, importFiles } from './dataSteps';

const d = demo();
const latest = d.years.at(-1)!;
const WASM = /duckdb-(eh|mvp)-[^/]*\.wasm$/;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Holds DuckDB's wasm until release() (the database cannot open before). */
async function holdWasm(context: BrowserContext) {
  const held: Route[] = [];
  let released = false;
  await context.route(WASM, (route) => (released ? route.continue() : void held.push(route)));
  return {
    requested: () => held.length > 0,
    release: async () => { released = true; for (const r of held.splice(0)) await r.continue(); },
  };
}

const dbOpen = (page: Page) => page.waitForFunction(() => !document.querySelector('main > .loading, [data-db-starting]') && document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });

/** Every figure the overview shows, by metric (the year's KPIs). */
const figures = (page: Page) => page.locator('.kpis [data-metric]').evaluateAll((els) =>
  Object.fromEntries(els.map((e) => [e.getAttribute('data-metric'), e.getAttribute('data-value')])));

describe('first screen', () => {
  it('shows the demo overview before DuckDB is open, equal to independent sums, then DuckDB takes over', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const wasm = await holdWasm(context);
    const page = await context.newPage();
    await page.goto(new URL('#/overview', baseUrl()).toString());
    await waitReady(page);
    // DuckDB asks for its wasm (on a loaded machine the screen may be ready before it even asks)
    // and does not get it: what is on screen came without it
    await expect.poll(() => wasm.requested(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('[data-db-starting]').count()).toBe(1);
    for (const code of KPI_CODES) expect(await metricValue(page, code), code).toBe(d.leafSum(latest, code));
    expect(await metricValue(page, 'agencies_expected')).toBe(d.agencies.length);
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-demo-notice]').count()).toBe(1);
    const early = await figures(page);
    expect(Object.keys(early).length).toBeGreaterThanOrEqual(10);
    // another year needs no query either
    await page.locator('[data-filter="year"]').selectOption(String(d.years[0]));
    await page.waitForFunction((y) => document.querySelector('.kpis')?.getAttribute('data-year') === String(y), d.years[0]);
    expect(await metricValue(page, 's3_new_total')).toBe(d.leafSum(d.years[0], 's3_new_total'));
    await page.locator('[data-filter="year"]').selectOption(String(latest));

    await wasm.release();
    await dbOpen(page);
    expect(await figures(page)).toEqual(early);
    await context.close();

    // DuckDB's own answers, with no early results (their module refused): the very same figures
    const plain = await browser.newContext({ locale: 'zh-CN' });
    await plain.route(/first-screen[^/]*\.js$/, (r) => r.abort());
    const p2 = await plain.newPage();
    await p2.goto(new URL(`#/overview?year=${latest}`, baseUrl()).toString());
    await dbOpen(p2);
    expect(await figures(p2)).toEqual(early);
    await plain.close();
  });

  it('once the user\'s own data is shown, the overview waits for DuckDB and shows the imported data', async () => {
    const { page, context } = await openApp(browser);
    const good = readCsv('tests/fixtures/csv/import-good.csv');
    await importFiles(page, ['tests/fixtures/csv/import-good.csv']);
    const added = good.filter((r) => Number(r.year) === latest).reduce((a, r) => a + Number(r.s3_new_total || 0), 0);
    expect(added).toBeGreaterThan(0);

    const wasm = await holdWasm(context);
    await page.goto(new URL(`#/overview?year=${latest}`, baseUrl()).toString());
    await page.reload();
    await page.waitForTimeout(1500);
    await expect.poll(() => wasm.requested(), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.ready)).not.toBe('true');
    expect(await page.locator('.kpis [data-metric]').count()).toBe(0);
    await wasm.release();
    await dbOpen(page);
    expect(await metricValue(page, 's3_new_total')).toBe(added);
    await context.close();
  });

  it('warms every view up while idle (a first visit on the default filters asks the database nothing), and stops at the first change', async () => {
    const { page, context } = await openApp(browser);
    await page.waitForFunction(() => document.body.dataset.warm === 'done', undefined, { timeout: 60_000 });
    const logged = () => page.evaluate(() => ((globalThis as { __ddQueryLog?: unknown[] }).__ddQueryLog ?? []).length);
    for (const view of ['#/trends', '#/refusals', '#/compare']) {
      const before = await logged();
      await page.goto(new URL(view, baseUrl()).toString());
      await page.waitForFunction(() => document.body.dataset.ready === 'false' || document.body.dataset.ready === 'true');
      await waitReady(page);
      expect(await logged(), view).toBe(before);
      expect(await page.locator('[data-metric]').count(), view).toBeGreaterThan(0);
    }
    await context.close();

    // importing at once: the warm-up gives way and stops
    const { page: p2, context: busy } = await openApp(browser, '#/import');
    await importFiles(p2, ['tests/fixtures/csv/import-good.csv']);
    await p2.waitForFunction(() => document.body.dataset.warm, undefined, { timeout: 60_000 });
    expect(await p2.evaluate(() => document.body.dataset.warm)).toBe('stopped');
    await busy.close();
  });
});
