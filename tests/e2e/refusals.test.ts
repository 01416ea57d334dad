// Behaviour: a supervisor sees why applications were refused — the 19 reasons (不予公开 8,
// 无法提供 3, 不予处理 5, 其他处理 3) as sums the test computes itself — and which agencies use them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './harness';
import { demo } from './demo';
import { cellValue, csvRows, download, num, reportOf, scopeOf, shownTable, sumIn, waitUrl } from './analysis';

const d = demo();
const reasonCodes = Object.keys(d.reports[0]).filter((c) => /^s3_(deny|unable|reject|other)_.*_total$/.test(c));
const H = 's3_handled_total_total';
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('refusal reasons', () => {
  it('shows the 19 reasons of the year with shares of handled cases, equal to independent sums', async () => {
    expect(reasonCodes).toHaveLength(19);
    const year = d.years[2];
    const { page, errors } = await openApp(browser, `#/refusals?year=${year}`);
    const panel = page.locator('[data-panel="reasons"]');
    const handled = d.leafSum(year, H)!;
    for (const code of reasonCodes) {
      const n = d.leafSum(year, code);
      expect(await cellValue(panel, code, 'count'), code).toBe(n);
      expect(await cellValue(panel, code, 'share_handled')).toBeCloseTo(n! / handled, 12);
      expect(await cellValue(panel, code, 'per100')).toBeCloseTo((n! / handled) * 100, 10);
    }
    const refused = reasonCodes.filter((c) => c.startsWith('s3_deny_'));
    expect(await cellValue(panel, 'outcome_refused_total', 'count')).toBe(d.leafSum(year, ...refused));
    expect(await cellValue(panel, 's3_deny_state_secret_total', 'share_group')).toBeCloseTo(d.leafSum(year, 's3_deny_state_secret_total')! / d.leafSum(year, ...refused)!, 12);
    expect(await cellValue(panel, H, 'count')).toBe(handled);
    // labels come from cells.csv, with the printed item numbers
    expect(await panel.locator('tr[data-row="s3_deny_state_secret_total"]').textContent()).toContain('三（三）1');
    expect(await panel.locator('tr[data-row="s3_deny_state_secret_total"]').textContent()).toContain('属于国家秘密');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters by level (hierarchy-safe) and keeps the view in the URL; Back restores it', async () => {
    const year = d.years.at(-1)!;
    const { page } = await openApp(browser, `#/refusals?year=${year}&level=区县`);
    const scope = scopeOf(d, { level: '区县' });
    const panel = page.locator('[data-panel="reasons"]');
    expect(await cellValue(panel, 's3_unable_not_held_total', 'count')).toBe(sumIn(d, scope, year, 's3_unable_not_held_total'));
    expect(await cellValue(panel, H, 'count')).toBe(sumIn(d, scope, year, H));
    await page.locator('[data-filter="year"]').selectOption(String(d.years[0]));
    await waitUrl(page, `year=${d.years[0]}`);
    expect(await cellValue(panel, H, 'count')).toBe(sumIn(d, scope, d.years[0], H));
    await page.goBack();
    await waitUrl(page, `year=${year}`);
    expect(await page.locator('[data-filter="year"]').inputValue()).toBe(String(year));
    expect(await cellValue(panel, H, 'count')).toBe(sumIn(d, scope, year, H));
    await page.context().close();
  });

  it('heatmap: agencies × reasons per 100 handled, with its table; a click opens the agency', async () => {
    const year = d.years.at(-1)!;
    const { page } = await openApp(browser, `#/refusals?year=${year}&level=区县部门`);
    const panel = page.locator('[data-panel="heatmap"]');
    await page.waitForFunction(() => document.querySelector('[data-panel="heatmap"] .chart')?.getAttribute('data-drawn') === 'true');
    // the first row drawn is the agency with most cases handled (ties by id)
    const scope = [...scopeOf(d, { level: '区县部门' })].filter((id) => reportOf(d, id, year));
    scope.sort((a, b) => Number(reportOf(d, b, year)![H]) - Number(reportOf(d, a, year)![H]) || a.localeCompare(b));
    const box = (await panel.locator('.chart').boundingBox())!;
    const cellW = (box.width - 150 - 16) / 19;
    const cellH = (box.height - 8 - 96) / scope.length;
    await page.mouse.click(box.x + 150 + cellW / 2, box.y + 8 + cellH / 2);
    await waitUrl(page, `#/agency/${scope[0]}`);
    expect(page.url()).toContain(`year=${year}`);
    await page.goBack();
    await waitUrl(page, '#/refusals');

    await panel.locator('[data-toggle="table"]').click();
    const rows = panel.locator('tbody tr[data-agency]');
    expect(await rows.count()).toBe(scope.length);
    const id = scope[1];
    const r = reportOf(d, id, year)!;
    expect(await cellValue(panel, id, 's3_unable_not_held_total')).toBeCloseTo((Number(r.s3_unable_not_held_total) / Number(r[H])) * 100, 10);
    // counts instead: in the URL too
    await page.locator('[data-filter="hm"]').selectOption('count');
    await waitUrl(page, 'hm=count');
    // the panel keeps showing its table across the change
    expect(await cellValue(panel, id, 's3_unable_not_held_total')).toBe(num(r.s3_unable_not_held_total));
    await panel.locator(`tr[data-agency="${id}"] th a`).click();
    await waitUrl(page, `#/agency/${id}`);
    await page.context().close();
  });

  it('each reason’s trend by year, and the exports', async () => {
    const { page } = await openApp(browser, '#/refusals', { acceptDownloads: true });
    const trend = page.locator('[data-panel="trend"]');
    await page.waitForFunction(() => document.querySelector('[data-panel="trend"] .chart')?.getAttribute('data-drawn') === 'true');
    const png = await download(page, trend.locator('[data-export="png"]'));
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await trend.locator('[data-toggle="table"]').click();
    for (const y of d.years) expect(await cellValue(trend, 's3_reject_duplicate_total', `y${y}`)).toBe(d.leafSum(y, 's3_reject_duplicate_total'));
    const csv = await download(page, trend.locator('[data-export="csv"]'));
    // the CSV labels its ratio columns (the changes from last year) as ratios; the table shows percentages
    const trendRows = csvRows(csv.bytes);
    expect(trendRows[0].filter((h) => h.endsWith('（比值）')).length).toBe(d.years.length - 1);
    trendRows[0] = trendRows[0].map((h) => h.replace(/（比值）$/, ''));
    expect(trendRows).toEqual(await shownTable(trend));
    const reasons = page.locator('[data-panel="reasons"]');
    const csv2 = await download(page, reasons.locator('[data-export="csv"]'));
    // the rows are about one year: the CSV adds a year column, and labels its shares as ratios
    const all = csvRows(csv2.bytes);
    const yi = all[0].indexOf('年度');
    expect(yi).toBeGreaterThanOrEqual(0);
    expect(all.slice(1).every((r) => r[yi] === String(d.years.at(-1)))).toBe(true);
    const rows = all.map((r) => r.filter((_, i) => i !== yi));
    expect(rows[0].filter((h) => h.endsWith('（比值）')).length).toBe(2);
    rows[0] = rows[0].map((h) => h.replace(/（比值）$/, ''));
    expect(rows).toEqual(await shownTable(reasons));
    expect(rows).toHaveLength(1 + 4 + 19 + 1);
    await page.context().close();
  });
});
