// Behaviour: what the user did survives a reload and a browser restart — imports, deletions, undo,
// clearing (to the demo city or to nothing), the demo switch, and the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath, metricValue, openIn, waitReady } from './harness';
import { demo, readCsv } from './demo';
import { gotoView, importFiles, kpis, logOps } from './dataSteps';

const d = demo();
const latest = d.years.at(-1)!;
const GOOD = 'tests/fixtures/csv/import-good.csv';
const good = readCsv(GOOD);
const goodSum = good.reduce((a, r) => a + Number(r.s3_new_total), 0);
// a demo leaf report of the latest year with figures, to delete
const victim = d.leaf.find((r) => Number(r.year) === latest && Number(r.s3_new_total) > 0)!;

let dir: string;
let context: BrowserContext;
let page: Page;
let errors: string[] = [];
async function restart() {
  await context.close();
  context = await chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN' });
  ({ page, errors } = await openIn(context));
}
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-persist-'));
  context = await chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN' });
  ({ page } = await openIn(context));
});
afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('an import, a deletion and an undo each survive a reload and a restart', async () => {
    const base = await kpis(page, latest);
    expect(base.s3_new_total).toBe(d.leafSum(latest, 's3_new_total'));
    await importFiles(page, [GOOD]);
    expect((await kpis(page, latest)).s3_new_total).toBe(base.s3_new_total! + goodSum);

    // delete one demo agency-year on the data-management section
    await gotoView(page, '#/import');
    await page.locator('[data-delete-agency]').selectOption(victim.agency_id);
    await page.locator('[data-delete-year]').selectOption(String(latest));
    await page.locator('[data-delete-report]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    const afterDelete = base.s3_new_total! + goodSum - Number(victim.s3_new_total);
    expect((await kpis(page, latest)).s3_new_total).toBe(afterDelete);
    expect(await logOps(page)).toEqual(['import:import-good.csv', `delete:${victim.agency_id}`]);

    await page.reload();
    await waitReady(page);
    expect((await kpis(page, latest)).s3_new_total).toBe(afterDelete);
    await restart();
    expect((await kpis(page, latest)).s3_new_total).toBe(afterDelete);

    // undo the import: the deletion stays
    await gotoView(page, '#/import');
    await page.locator('[data-undo]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    const afterUndo = base.s3_new_total! - Number(victim.s3_new_total);
    expect((await kpis(page, latest)).s3_new_total).toBe(afterUndo);
    expect((await kpis(page, latest)).agencies_expected).toBe(base.agencies_expected);
    await restart();
    expect((await kpis(page, latest)).s3_new_total).toBe(afterUndo);
    expect(await logOps(page)).toEqual([`delete:${victim.agency_id}`]);
  });

  it('clear to empty hides the demo for good; clear to demo brings it back', async () => {
    await gotoView(page, '#/import');
    await page.locator('[data-clear-start]').click();
    await page.locator('[data-clear="empty"]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    expect(await page.locator('[data-demo-notice]').count()).toBe(0);
    expect(await page.locator('[data-local-notice]').textContent()).toContain('从不上传');
    expect(await page.locator('[data-delete-agency] option').count()).toBe(1);
    await restart();
    await gotoView(page, '#/import');
    expect(await page.locator('[data-demo-toggle]').isChecked()).toBe(false);
    expect(await page.locator('[data-delete-agency] option').count()).toBe(1);
    expect(await logOps(page)).toEqual([]);
    // with no data at all every view still opens, without errors
    for (const v of ['overview', 'trends', 'refusals', 'compare', 'compliance', 'agency', 'import']) await gotoView(page, `#/${v}`);
    expect(errors).toEqual([]);

    // the demo switch alone brings the demo back, with no trace of the earlier deletion
    await page.locator('[data-demo-toggle]').check();
    await waitReady(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-delete-agency] option').length > 1);
    expect((await kpis(page, latest)).s3_new_total).toBe(d.leafSum(latest, 's3_new_total'));
    await importFiles(page, [GOOD]);
    await gotoView(page, '#/import');
    await page.locator('[data-clear-start]').click();
    await page.locator('[data-clear="demo"]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    await restart();
    expect((await kpis(page, latest)).s3_new_total).toBe(d.leafSum(latest, 's3_new_total'));
    expect(await page.locator('[data-demo-notice]').count()).toBe(1);
  });

  it('a change made in one tab reaches another open tab without a reload', async () => {
    const other = (await openIn(context, `#/overview?year=${latest}`)).page;
    const before = await metricValue(other, 's3_new_total');
    await importFiles(page, [GOOD]);
    await other.waitForFunction((v) => document.querySelector('[data-metric="s3_new_total"]')?.getAttribute('data-value') === String(v), before! + goodSum);
    await gotoView(page, '#/import');
    await page.locator('[data-undo]').click();
    await page.locator('[data-data-message]').waitFor();
    await other.waitForFunction((v) => document.querySelector('[data-metric="s3_new_total"]')?.getAttribute('data-value') === String(v), before);
    await other.close();
  });

  it('the language chosen survives a restart', async () => {
    await page.locator('[data-lang-switch]').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await restart();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('[data-lang-switch]').click();
  });
});
