// Behaviour: a supervisor compares agencies on their key measures, ranked among peers of the same
// level, and puts up to six side by side; sort and selection live in the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './harness';
import { demo } from './demo';
import { cellValue, csvRows, download, reportOf, scopeOf, shownTable, waitUrl } from './analysis';

const d = demo();
const year = d.years.at(-1)!;
const H = 's3_handled_total_total';
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const n = (r: Record<string, string>, c: string) => Number(r[c]);

describe('compare agencies', () => {
  it('each agency’s measures and rates from its own report, rank with ties among its level', async () => {
    const { page, errors } = await openApp(browser, `#/compare?year=${year}&level=市级部门`);
    const panel = page.locator('[data-panel="agencies"]');
    const scope = [...scopeOf(d, { level: '市级部门' })].filter((id) => reportOf(d, id, year));
    expect(await panel.locator('tbody tr[data-agency]').count()).toBe(scope.length);
    const id = 'SL-D05';
    const r = reportOf(d, id, year)!;
    expect(await cellValue(panel, id, 's3_new_total')).toBe(n(r, 's3_new_total'));
    expect(await cellValue(panel, id, 'open_rate')).toBeCloseTo((n(r, 's3_granted_total') + n(r, 's3_partial_total')) / n(r, H), 12);
    expect(await cellValue(panel, id, 'completion_rate')).toBeCloseTo(n(r, H) / (n(r, 's3_new_total') + n(r, 's3_carried_in_total')), 12);
    expect(await cellValue(panel, id, 'received_total')).toBe(n(r, 's3_new_total') + n(r, 's3_carried_in_total'));
    // RANK(): 1 + the number of peers with a strictly larger value
    const values = scope.map((a) => n(reportOf(d, a, year)!, 's3_new_total'));
    const rank = 1 + values.filter((v) => v > n(r, 's3_new_total')).length;
    expect(await cellValue(panel, id, 'rank')).toBe(rank);
    expect(await cellValue(panel, id, 'peers')).toBe(scope.length);
    expect(await cellValue(panel, id, 'pct')).toBeCloseTo(values.filter((v) => v < n(r, 's3_new_total')).length / (scope.length - 1), 12);
    // a rate states its denominator
    expect(await panel.locator('button[data-sort="open_rate"]').textContent()).toContain('÷');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sorts by a header (a button, aria-sort, in the URL); Back restores the order', async () => {
    const { page } = await openApp(browser, `#/compare?year=${year}&level=区县部门`);
    const panel = page.locator('[data-panel="agencies"]');
    const firstId = () => panel.locator('tbody tr[data-agency]').first().getAttribute('data-agency');
    const before = await firstId();
    await panel.locator('button[data-sort="open_rate"]').click();
    await waitUrl(page, 'sort=open_rate');
    expect(await panel.locator('th[aria-sort="descending"] button').getAttribute('data-sort')).toBe('open_rate');
    const scope = [...scopeOf(d, { level: '区县部门' })].map((id) => reportOf(d, id, year)!).filter(Boolean);
    const best = Math.max(...scope.map((r) => (n(r, 's3_granted_total') + n(r, 's3_partial_total')) / n(r, H)));
    expect(await cellValue(panel, (await firstId())!, 'open_rate')).toBeCloseTo(best, 12);
    // the rank column follows the sorted measure
    expect(await panel.locator('thead th', { hasText: '同级排名' }).textContent()).toContain('公开率');
    await page.goBack();
    await waitUrl(page, 'level=区县部门');
    expect(page.url()).not.toContain('sort=');
    expect(await firstId()).toBe(before);
    await page.context().close();
  });

  it('picks up to six agencies into the URL for side-by-side charts; a link reproduces them', async () => {
    const { page } = await openApp(browser, `#/compare?year=${year}&level=市级部门`, { acceptDownloads: true });
    const panel = page.locator('[data-panel="agencies"]');
    const ids = await panel.locator('tbody tr[data-agency]').evaluateAll((trs) => trs.slice(0, 7).map((t) => t.getAttribute('data-agency')!));
    for (const [i, id] of ids.slice(0, 6).entries()) {
      await panel.locator(`input[data-select="${id}"]`).check();
      await waitUrl(page, `sel=${ids.slice(0, i + 1).join(',')}`);
    }
    expect(await panel.locator(`input[data-select="${ids[6]}"]`).isDisabled()).toBe(true);
    expect(await page.locator('.chips [data-agency]').count()).toBe(6);
    await page.waitForFunction(() => document.querySelectorAll('[data-panel^="selected-"] .chart[data-drawn]').length === 2);
    const png = await download(page, page.locator('[data-panel="selected-counts"] [data-export="png"]'));
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const url = page.url();
    const other = await browser.newContext({ locale: 'zh-CN' });
    const p2 = await other.newPage();
    await p2.goto(url);
    await p2.waitForFunction(() => document.body.dataset.ready === 'true');
    expect(await p2.locator('.chips [data-agency]').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-agency')))).toEqual(ids.slice(0, 6));
    const rates = p2.locator('[data-panel="selected-rates"]');
    await rates.locator('[data-toggle="table"]').click();
    const r = reportOf(d, ids[2], year)!;
    expect(await cellValue(rates, ids[2], 'refusal_rate')).toBeCloseTo(
      Object.keys(r).filter((c) => /^s3_deny_.*_total$/.test(c)).reduce((a, c) => a + n(r, c), 0) / n(r, H), 12);
    await other.close();

    await page.locator(`.chips [data-agency="${ids[0]}"] button`).click();
    await waitUrl(page, `sel=${ids.slice(1, 6).join(',')}`);
    await page.context().close();
  });

  it('exports the comparison table as shown, in its sorted order', async () => {
    const { page } = await openApp(browser, `#/compare?year=${year}&sort=agency&dir=asc`, { acceptDownloads: true });
    const panel = page.locator('[data-panel="agencies"]');
    const { bytes } = await download(page, panel.locator('[data-export="csv"]'));
    const all = csvRows(bytes);
    // the year first (the rows are about one year), rates labelled as ratios
    expect(all[0][0]).toBe('年度');
    expect(all.slice(1).every((r) => r[0] === String(year))).toBe(true);
    const rows = all.map((r) => r.slice(1));
    expect(rows[0].filter((h) => h.endsWith('（比值）')).length).toBeGreaterThan(3);
    rows[0] = rows[0].map((h) => h.replace(/（比值）$/, ''));
    expect(rows).toEqual(await shownTable(panel));
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    await page.context().close();
  });
});
