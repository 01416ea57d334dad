// Behaviour: a supervisor opens the app and sees the demo city's figures for the latest year,
// equal to sums the test computes itself from data/*.csv over leaf reports only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';
import { demo } from './demo';

const d = demo();
const latest = d.years.at(-1)!;
const refusedCodes = Object.keys(d.reports[0]).filter((c) => /^s3_deny_.*_total$/.test(c));

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('overview', () => {
  it('opens on the latest year with KPIs equal to independent sums of the demo files', async () => {
    const { page, errors } = await openApp(browser);
    expect(await page.locator('[data-filter="year"]').inputValue()).toBe(String(latest));
    for (const code of ['s3_new_total', 's3_handled_total_total', 's3_carried_out_total', 's4_review_total']) {
      expect(await metricValue(page, code), code).toBe(d.leafSum(latest, code));
    }
    expect(await metricValue(page, 'suit_total')).toBe(d.leafSum(latest, 's4_suit_direct_total', 's4_suit_after_review_total'));
    expect(await metricValue(page, 'outcome_refused_total')).toBe(d.leafSum(latest, ...refusedCodes));
    const open = (d.leafSum(latest, 's3_granted_total')! + d.leafSum(latest, 's3_partial_total')!) / d.leafSum(latest, 's3_handled_total_total')!;
    expect(await metricValue(page, 'open_rate')).toBeCloseTo(open, 12);
    const [up, co, ot] = ['s4_review_upheld', 's4_review_corrected', 's4_review_other'].map((c) => d.leafSum(latest, c)!);
    const reviewRate = await metricValue(page, 'review_correction_rate');
    if (up + co + ot === 0) expect(reviewRate).toBeNull();
    else expect(reviewRate).toBeCloseTo(co / (up + co + ot), 12);
    const reporting = new Set(d.reports.filter((r) => Number(r.year) === latest).map((r) => r.agency_id)).size;
    expect(await metricValue(page, 'agencies_reporting')).toBe(reporting);
    expect(await metricValue(page, 'agencies_expected')).toBe(d.agencies.length);
    // the aggregate reports really are excluded: including them would give a different total
    const withAggregates = d.reports.filter((r) => Number(r.year) === latest).reduce((a, r) => a + Number(r.s3_new_total || 0), 0);
    expect(withAggregates).not.toBe(d.leafSum(latest, 's3_new_total'));
    // the rate carries its formula and denominator
    const card = page.locator('.kpi', { has: page.locator('[data-metric="open_rate"]') });
    expect(await card.getAttribute('title')).toContain('÷');
    expect(await card.textContent()).toContain(new Intl.NumberFormat('zh-CN').format(d.leafSum(latest, 's3_handled_total_total')!));
    // three charts drawn on canvases
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-demo-notice]').textContent()).toContain('示例市');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switching the year updates every KPI and the URL; Back restores it', async () => {
    const { page } = await openApp(browser);
    const year = d.years[1];
    await page.locator('[data-filter="year"]').selectOption(String(year));
    await page.waitForFunction((y) => document.querySelector('.kpis')?.getAttribute('data-year') === String(y), year);
    await waitReady(page);
    expect(page.url()).toContain(`year=${year}`);
    for (const code of ['s3_new_total', 's3_handled_total_total', 's3_carried_out_total', 's4_review_total']) {
      expect(await metricValue(page, code), code).toBe(d.leafSum(year, code));
    }
    await page.goBack();
    await page.waitForFunction((y) => document.querySelector('.kpis')?.getAttribute('data-year') === String(y), latest);
    expect(await metricValue(page, 's3_new_total')).toBe(d.leafSum(latest, 's3_new_total'));
    await page.context().close();
  });

  it('a link with ?year= reproduces the view', async () => {
    const year = d.years[0];
    const { page } = await openApp(browser, `#/overview?year=${year}`);
    expect(await page.locator('[data-filter="year"]').inputValue()).toBe(String(year));
    expect(await metricValue(page, 's3_new_total')).toBe(d.leafSum(year, 's3_new_total'));
    await page.context().close();
  });

  it('the English switch translates the page and keeps the numbers', async () => {
    const { page } = await openApp(browser);
    expect(await page.locator('h1').textContent()).toBe('政务公开年报看板');
    const before = await metricValue(page, 's3_new_total');
    await page.locator('[data-lang-switch]').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Disclosure Dashboard');
    expect(await page.locator('.kpi .label').first().textContent()).toMatch(/Agencies reporting/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await metricValue(page, 's3_new_total')).toBe(before);
    // the shown figure uses grouping
    const shown = await page.locator('[data-metric="s3_new_total"]').first().textContent();
    expect(shown).toBe(new Intl.NumberFormat('en-US').format(before!));
    await page.context().close();
  });

  it('chart text alternative: the table shows the same figures', async () => {
    const { page } = await openApp(browser);
    await page.locator('[data-chart="outcomes"] button[aria-pressed]').click();
    const cell = page.locator(`[data-chart="outcomes"] tr:has(th:text-is("${latest}")) [data-metric="outcome_granted_total"]`);
    expect(Number(await cell.getAttribute('data-value'))).toBe(d.leafSum(latest, 's3_granted_total'));
    await page.context().close();
  });

  it('makes no request to any host but its own', async () => {
    const app = await openApp(browser);
    await app.page.goto(new URL('#/import', baseUrl()).toString());
    await waitReady(app.page);
    const origin = new URL(baseUrl()).origin;
    const foreign = app.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(app.requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    await app.context.close();
  });
});
