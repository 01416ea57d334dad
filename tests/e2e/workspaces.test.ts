// Behaviour: the demo city and the user's own data are two workspaces, never mixed. Importing
// real files while the demo is shown creates the user's workspace and switches to it (one
// notice); the demo's figures stay exactly as they were; each workspace keeps its data and log
// across a reload and a browser restart; switching is one click both ways and reaches other tabs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, baseUrl, executablePath, launch, openIn, waitReady } from './harness';
import { demo, readCsv } from './demo';
import { gotoView, importFiles, kpis, logOps } from './dataSteps';

const d = demo();
const YEAR = 2024;
const GOOD = 'tests/fixtures/csv/import-good.csv';
const good = readCsv(GOOD);
const sample = JSON.parse(readFileSync('tests/fixtures/reports/zhongwei-data-bureau-2024.expected.json', 'utf8'));
const goodSum = (code: string) => good.reduce((a, r) => a + Number(r[code]), 0);

let dir: string;
let context: BrowserContext;
let page: Page;
async function restart() {
  await context.close();
  context = await chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN' });
  ({ page } = await openIn(context));
}
const shown = (p: Page) => p.locator('[data-workspace]').getAttribute('data-workspace');
async function switchTo(p: Page, ws: 'demo' | 'own') {
  await p.locator(`[data-switch-workspace="${ws}"]`).click();
  await p.waitForFunction((w) => document.querySelector('[data-workspace]')?.getAttribute('data-workspace') === w, ws);
  await waitReady(p);
}
const demoKpis = () => ({ s3_new_total: d.leafSum(YEAR, 's3_new_total'), s3_handled_total_total: d.leafSum(YEAR, 's3_handled_total_total'), agencies_expected: d.agencies.length });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-ws-'));
  context = await chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN' });
  ({ page } = await openIn(context));
});
afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('workspaces', () => {
  it('importing from the demo opens the own workspace with only the imported figures; the demo stays as it was', async () => {
    expect(await shown(page)).toBe('demo');
    expect(await page.locator('[data-demo-notice]').count()).toBe(1);
    const before = await kpis(page, YEAR);
    expect(before).toMatchObject(demoKpis());

    // a CSV and the bundled real report (中卫市数据局 2024), both chosen while the demo is shown
    await importFiles(page, [GOOD]);
    expect(await shown(page)).toBe('own');
    expect(await page.locator('[data-workspace-notice]').count()).toBe(1);
    await page.locator('[data-sample]').click();
    await page.locator('[data-review]').waitFor();
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    await waitReady(page);

    const own = await kpis(page, YEAR);
    expect(own.s3_new_total).toBe(goodSum('s3_new_total') + sample.cells.s3_new_total);
    expect(own.s3_handled_total_total).toBe(goodSum('s3_handled_total_total') + sample.cells.s3_handled_total_total);
    expect(own.agencies_expected).toBe(good.length + 1);
    expect(own.agencies_reporting).toBe(good.length + 1);
    expect(await page.locator('[data-demo-notice]').count()).toBe(0);
    expect(await page.locator('[data-own-notice]').count()).toBe(1);
    // one notice, not one per file
    expect(await page.locator('[data-workspace-notice]').count()).toBe(1);
    // no demo year leaks in: the own workspace has 2024 alone
    expect(await page.locator('[data-filter="year"] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter((v) => /^\d{4}$/.test(v)))).toEqual([String(YEAR)]);

    await switchTo(page, 'demo');
    expect(await kpis(page, YEAR)).toEqual(before);
    expect(await logOps(page)).toEqual([]);
    await switchTo(page, 'own');
    expect(await logOps(page)).toEqual(['import:import-good.csv', 'import:zhongwei-data-bureau-2024.txt']);
  });

  it('a reload and a restart keep both workspaces, and the one shown', async () => {
    await page.reload();
    await waitReady(page);
    expect(await shown(page)).toBe('own');
    const own = await kpis(page, YEAR);
    expect(own.s3_new_total).toBe(goodSum('s3_new_total') + sample.cells.s3_new_total);
    await restart();
    expect(await shown(page)).toBe('own');
    expect(await kpis(page, YEAR)).toEqual(own);
    await switchTo(page, 'demo');
    await restart();
    expect(await shown(page)).toBe('demo');
    expect(await kpis(page, YEAR)).toMatchObject(demoKpis());
    await switchTo(page, 'own');
    expect(await kpis(page, YEAR)).toEqual(own);
  });

  it('a deletion in the demo stays in the demo; the own workspace\'s log is its own', async () => {
    await switchTo(page, 'demo');
    const victim = d.leaf.find((r) => Number(r.year) === YEAR && Number(r.s3_new_total) > 0)!;
    await gotoView(page, '#/import');
    await page.locator('[data-delete-agency]').selectOption(victim.agency_id);
    await page.locator('[data-delete-year]').selectOption(String(YEAR));
    await page.locator('[data-delete-report]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    expect((await kpis(page, YEAR)).s3_new_total).toBe(d.leafSum(YEAR, 's3_new_total')! - Number(victim.s3_new_total));
    expect(await logOps(page)).toEqual([`delete:${victim.agency_id}`]);
    await switchTo(page, 'own');
    expect(await logOps(page)).toEqual(['import:import-good.csv', 'import:zhongwei-data-bureau-2024.txt']);
    expect((await kpis(page, YEAR)).s3_new_total).toBe(goodSum('s3_new_total') + sample.cells.s3_new_total);
    // clearing the demo's changes leaves the user's data alone
    await switchTo(page, 'demo');
    await gotoView(page, '#/import');
    await page.locator('[data-clear-start]').click();
    await page.locator('[data-clear="demo"]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    expect((await kpis(page, YEAR)).s3_new_total).toBe(d.leafSum(YEAR, 's3_new_total'));
    await switchTo(page, 'own');
    expect((await kpis(page, YEAR)).s3_new_total).toBe(goodSum('s3_new_total') + sample.cells.s3_new_total);
  });

  it('a switch in one tab reaches another open tab', async () => {
    const other = (await openIn(context, `#/overview?year=${YEAR}`)).page;
    expect(await shown(other)).toBe('own');
    await switchTo(page, 'demo');
    await other.waitForFunction(() => document.querySelector('[data-workspace]')?.getAttribute('data-workspace') === 'demo');
    await other.waitForFunction((v) => document.querySelector('[data-metric="s3_new_total"]')?.getAttribute('data-value') === String(v), d.leafSum(YEAR, 's3_new_total'));
    await other.close();
  });

  it('data stored before workspaces existed (imports shown over the demo) opens as the user\'s own workspace', async () => {
    const browser = await launch();
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const p = await ctx.newPage();
    // on the app's origin, before the app has opened its database: the old layout (version 3),
    // the old settings ({ demo: true }) and one stored import of the old kind
    await p.goto(new URL('favicon.svg', baseUrl()).toString());
    await p.evaluate(() => new Promise<void>((res, rej) => {
      const r = indexedDB.open('disclosure-dashboard', 3);
      r.onupgradeneeded = () => { for (const n of ['imports', 'chunks']) r.result.createObjectStore(n, { autoIncrement: true }); r.result.createObjectStore('settings'); };
      r.onsuccess = () => {
        const t = r.result.transaction(['imports', 'settings'], 'readwrite');
        t.objectStore('settings').put({ demo: true }, 'settings');
        t.objectStore('imports').add({ op: 'import', at: '2026-01-01T00:00:00.000Z', imp: { file: 'old.csv', kind: 'agencies', newAgencies: [], records: [], replace: true,
          agencies: [{ agency_id: 'OLD', name: '旧导入的机构', level: null, parent_id: null, category: null, is_aggregate: false, aliases: [] }] } });
        t.oncomplete = () => { r.result.close(); res(); };
        t.onerror = () => rej(t.error);
      };
      r.onerror = () => rej(r.error);
    }));
    await p.goto(new URL('#/agencies', baseUrl()).toString());
    await waitReady(p);
    expect(await shown(p)).toBe('own');
    expect(await p.locator('[data-registry-table] tr[data-agency]').evaluateAll((t) => t.map((x) => x.getAttribute('data-agency')))).toEqual(['OLD']);
    await switchTo(p, 'demo');
    expect(await p.locator('[data-registry-table] tr[data-agency]').count()).toBe(d.agencies.length);
    await browser.close();
  });

  it('switching reads in English too', async () => {
    await page.locator('[data-lang-switch]').click();
    expect(await page.locator('[data-switch-workspace="own"]').textContent()).toContain('my data');
    expect(await page.locator('[data-workspace]').textContent()).toContain('Demo city');
    await page.locator('[data-lang-switch]').click();
  });
});
