// Behaviour: what the user did survives a reload and a browser restart — imports (into the user's
// own workspace), deletions, undo, clearing (then the demo city, or nothing), the demo switch, and
// the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath, metricValue, openIn, waitReady } from './harness';
import { demo, readCsv } from './demo';
import readGbkCsv from './gbk';
import { gotoView, importFiles, kpis, logOps } from './dataSteps';

const d = demo();
const latest = d.years.at(-1)!;
const GOOD = 'tests/fixtures/csv/import-good.csv';
const GBK = 'tests/fixtures/csv/import-good-gbk.csv';
const good = readCsv(GOOD);
const goodSum = good.reduce((a, r) => a + Number(r.s3_new_total), 0);
const gbkSum = readGbkCsv(GBK).reduce((a, r) => a + Number(r['本年新收政府信息公开申请数量|总计']), 0);
// one of the imported agencies' reports (a new agency's id is its name), to delete
const victim = good[0];

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
    // from the demo: both files land in the user's own workspace
    await importFiles(page, [GOOD, GBK]);
    expect((await kpis(page, latest)).s3_new_total).toBe(goodSum + gbkSum);

    // delete one agency-year on the data-management section
    await gotoView(page, '#/import');
    await page.locator('[data-delete-agency]').selectOption(victim.agency);
    await page.locator('[data-delete-year]').selectOption(String(latest));
    await page.locator('[data-delete-report]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    const afterDelete = goodSum + gbkSum - Number(victim.s3_new_total);
    expect((await kpis(page, latest)).s3_new_total).toBe(afterDelete);
    expect(await logOps(page)).toEqual(['import:import-good.csv', 'import:import-good-gbk.csv', `delete:${victim.agency}`]);

    await page.reload();
    await waitReady(page);
    expect((await kpis(page, latest)).s3_new_total).toBe(afterDelete);
    await restart();
    expect((await kpis(page, latest)).s3_new_total).toBe(afterDelete);

    // undo the last import: the deletion stays
    await gotoView(page, '#/import');
    await page.locator('[data-undo]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    const afterUndo = goodSum - Number(victim.s3_new_total);
    expect((await kpis(page, latest)).s3_new_total).toBe(afterUndo);
    expect((await kpis(page, latest)).agencies_expected).toBe(good.length);
    await restart();
    expect((await kpis(page, latest)).s3_new_total).toBe(afterUndo);
    expect(await logOps(page)).toEqual(['import:import-good.csv', `delete:${victim.agency}`]);
    // and the demo was never touched
    await page.locator('[data-switch-workspace="demo"]').click();
    await page.waitForFunction(() => document.querySelector('[data-workspace]')?.getAttribute('data-workspace') === 'demo');
    expect(await kpis(page, latest)).toEqual(base);
    expect(await logOps(page)).toEqual([]);
    await page.locator('[data-switch-workspace="own"]').click();
    await page.waitForFunction(() => document.querySelector('[data-workspace]')?.getAttribute('data-workspace') === 'own');
  });

  it('clear and hide the demo leaves nothing; the demo switch brings the demo back; clear then demo', async () => {
    await gotoView(page, '#/import');
    await page.locator('[data-clear-start]').click();
    await page.locator('[data-clear="empty"]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    expect(await page.locator('[data-demo-notice]').count()).toBe(0);
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('own');
    // the demo hidden: no switch to it in the header
    expect(await page.locator('[data-switch-workspace="demo"]').count()).toBe(0);
    expect(await page.locator('[data-local-notice]').textContent()).toContain('从不上传');
    expect(await page.locator('[data-delete-agency] option').count()).toBe(1);
    await restart();
    await gotoView(page, '#/import');
    expect(await page.locator('[data-demo-toggle]').isChecked()).toBe(false);
    expect(await page.locator('[data-delete-agency] option').count()).toBe(1);
    expect(await logOps(page)).toEqual([]);
    // with no data at all every view still opens, without errors
    for (const v of ['overview', 'trends', 'refusals', 'compare', 'compliance', 'agency', 'agencies', 'import']) await gotoView(page, `#/${v}`);
    expect(errors).toEqual([]);

    // the demo switch alone brings the demo back
    await page.locator('[data-demo-toggle]').check();
    await waitReady(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-delete-agency] option').length > 1);
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('demo');
    expect((await kpis(page, latest)).s3_new_total).toBe(d.leafSum(latest, 's3_new_total'));
    await importFiles(page, [GOOD]);
    await gotoView(page, '#/import');
    await page.locator('[data-clear-start]').click();
    await page.locator('[data-clear="demo"]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    await restart();
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('demo');
    expect((await kpis(page, latest)).s3_new_total).toBe(d.leafSum(latest, 's3_new_total'));
    expect(await page.locator('[data-demo-notice]').count()).toBe(1);
    // the user's own workspace was emptied
    await page.locator('[data-switch-workspace="own"]').click();
    await page.waitForFunction(() => document.querySelector('[data-workspace]')?.getAttribute('data-workspace') === 'own');
    expect(await logOps(page)).toEqual([]);
  });

  it('a change made in one tab reaches another open tab without a reload', async () => {
    const other = (await openIn(context, `#/overview?year=${latest}`)).page;
    const value = (v: number) => other.waitForFunction((x) => document.querySelector('[data-metric="s3_new_total"]')?.getAttribute('data-value') === String(x), v);
    await importFiles(page, [GOOD]);
    await value(goodSum);
    await importFiles(page, [GBK]);
    await value(goodSum + gbkSum);
    await gotoView(page, '#/import');
    await page.locator('[data-undo]').click();
    await page.locator('[data-data-message]').waitFor();
    await value(goodSum);
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
