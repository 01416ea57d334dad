// Behaviour: a supervisor opens one agency's report drawn as the official form, with last year's
// change, its source and place in the hierarchy; an aggregate shows its members' sum beside each
// cell, and the checks' findings are marked on their cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './harness';
import { demo } from './demo';
import { csvRows, download, num, reportOf, waitUrl } from './analysis';

const d = demo();
const codes = Object.keys(d.reports[0]).filter((c) => /^s[234]_/.test(c));
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('agency page', () => {
  it('draws the agency-year as the official form: every cell, blanks as —, change from last year', async () => {
    const id = 'SL-Q1-D02';
    const year = d.years[2];
    const { page, errors } = await openApp(browser, `#/agency/${id}?year=${year}`);
    const form = page.locator('[data-form]');
    const r = reportOf(d, id, year)!;
    const p = reportOf(d, id, year - 1)!;
    expect(codes).toHaveLength(200);
    const shown = await form.locator('td[data-metric]').evaluateAll((tds) => Object.fromEntries(tds.map((t) => [t.getAttribute('data-metric'), t.getAttribute('data-value')])));
    for (const c of codes) expect(num(shown[c] ?? undefined), c).toBe(num(r[c]));
    for (const c of ['s3_new_total', 's2_penalty_decisions']) {
      expect(num((await form.locator(`[data-metric="${c}__change"]`).getAttribute('data-value'))!)).toBe(Number(r[c]) - Number(p[c]));
    }
    const blank = codes.find((c) => r[c] === '');
    expect(blank).toBeDefined();
    if (blank) expect((await form.locator(`td[data-metric="${blank}"] .v`).textContent())?.trim()).toBe('—');
    // printed layout: merged headers and item numbers, from cells.csv
    expect(await form.locator('th', { hasText: '三、本年度办理结果' }).getAttribute('rowspan')).toBe('22');
    expect(await form.locator('th', { hasText: '（三）不予公开' }).getAttribute('rowspan')).toBe('8');
    expect(await form.locator('th', { hasText: /^行政诉讼$/ }).getAttribute('colspan')).toBe('10');
    expect(await form.locator('th', { hasText: '法人或其他组织' }).getAttribute('colspan')).toBe('5');
    expect(await form.locator('tr[data-row="deny_state_secret"] th').last().textContent()).toBe('1.属于国家秘密');
    // source and hierarchy
    expect(await page.locator('[data-source]').textContent()).toBe('data/reports.csv');
    expect(await page.locator('[data-imported-at]').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await page.locator('[data-parent] a').getAttribute('data-agency')).toBe('SL-Q1');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an aggregate shows its members’ sum beside each cell; a mismatch is flagged on its cell', async () => {
    const { page } = await openApp(browser, '#/agency/SL-Q3?year=2022');
    const members = d.agencies.filter((a) => a.parent_id === 'SL-Q3').map((a) => a.agency_id);
    expect(await page.locator('[data-members] a').count()).toBe(members.length);
    const sum = (c: string) => members.reduce((s, m) => s + Number(reportOf(d, m, 2022)?.[c] || 0), 0);
    for (const c of ['s2_license_decisions', 's3_new_total', 's4_review_total']) {
      expect(num((await page.locator(`[data-metric="members_sum__${c}"]`).getAttribute('data-value'))!), c).toBe(sum(c));
    }
    const cell = page.locator('td[data-metric="s2_license_decisions"]');
    expect(Number(await cell.getAttribute('data-value'))).not.toBe(sum('s2_license_decisions'));
    expect(await cell.getAttribute('class')).toMatch(/flag-warning/);
    expect(await cell.getAttribute('title')).toContain('aggregate_mismatch');
    expect(await page.locator('[data-flags] [data-rule="aggregate_mismatch"]').count()).toBe(1);
    await page.context().close();
  });

  it('marks a within-report error on its cells; the year and member links are in the URL; Back works', async () => {
    const { page } = await openApp(browser, '#/agency/SL-D09?year=2022');
    expect(await page.locator('td[data-metric="s3_new_natural"]').getAttribute('class')).toMatch(/flag-error/);
    await page.locator('[data-filter="year"]').selectOption('2023');
    await waitUrl(page, 'year=2023');
    expect(await page.locator('td.flag-error').count()).toBe(0);
    expect(Number(await page.locator('td[data-metric="s3_new_total"]').getAttribute('data-value'))).toBe(Number(reportOf(d, 'SL-D09', 2023)!.s3_new_total));
    await page.locator('[data-parent] a').click();
    await waitUrl(page, '#/agency/SL?');
    expect(await page.locator('.head h2').textContent()).toBe('示例市人民政府');
    await page.goBack();
    await waitUrl(page, '#/agency/SL-D09?year=2023');
    await page.goBack();
    await waitUrl(page, '#/agency/SL-D09?year=2022');
    expect(await page.locator('td[data-metric="s3_new_natural"]').getAttribute('class')).toMatch(/flag-error/);
    await page.context().close();
  });

  it('exports the form as CSV (every cell in printed order) and lists the registry without an id', async () => {
    const { page } = await openApp(browser, '#/agency/SL-D05?year=2024', { acceptDownloads: true });
    const { bytes } = await download(page, page.locator('[data-panel="form"] [data-export="csv"]'));
    const rows = csvRows(bytes);
    expect(rows).toHaveLength(201);
    const byCode = new Map(rows.slice(1).map((r) => [r[0], r]));
    const r = reportOf(d, 'SL-D05', 2024)!;
    for (const c of codes) expect(byCode.get(c)![4], c).toBe(r[c] === '' ? '' : String(Number(r[c])));
    expect(rows[1][0]).toBe('s2_regulation_issued');
    const trend = page.locator('[data-panel="trend"]');
    await trend.locator('[data-toggle="table"]').click();
    expect(num((await trend.locator(`tr[data-row="2021"] td[data-col="s3_new_total"]`).getAttribute('data-value'))!)).toBe(Number(reportOf(d, 'SL-D05', 2021)!.s3_new_total));
    await page.goto(page.url().replace(/#.*$/, '#/agency'));
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelectorAll('[data-panel="registry"] tr[data-agency]').length > 0);
    expect(await page.locator('[data-panel="registry"] tr[data-agency]').count()).toBe(d.agencies.length);
    await page.context().close();
  });
});
