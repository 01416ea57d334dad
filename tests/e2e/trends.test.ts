// Behaviour: a supervisor follows the city's figures over the years; every figure equals a sum the
// test computes itself from data/*.csv over leaf reports; filters live in the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, waitReady } from './harness';
import { demo } from './demo';
import { cellValue, csvRows, download, reportOf, scopeOf, shownTable, sumIn, waitUrl } from './analysis';

const d = demo();
const refused = Object.keys(d.reports[0]).filter((c) => /^s3_deny_.*_total$/.test(c));
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('trends', () => {
  it('shows every year’s city totals and year-over-year change, equal to independent sums', async () => {
    const { page, errors } = await openApp(browser, '#/trends');
    const table = page.locator('[data-panel="table"]');
    for (const y of d.years) {
      for (const code of ['s3_new_total', 's3_handled_total_total', 's3_carried_out_total', 's4_review_total', 's2_license_decisions']) {
        expect(await cellValue(table, code, `y${y}`), `${code} ${y}`).toBe(d.leafSum(y, code));
      }
      expect(await cellValue(table, 'outcome_refused_total', `y${y}`)).toBe(d.leafSum(y, ...refused));
      expect(await cellValue(table, 'suit_total', `y${y}`)).toBe(d.leafSum(y, 's4_suit_direct_total', 's4_suit_after_review_total'));
      expect(await cellValue(table, 's2_fee_amount', `y${y}`)).toBeCloseTo(d.leafSum(y, 's2_fee_amount')!, 6);
    }
    const [a, b] = d.years.slice(-2);
    const yoy = (d.leafSum(b, 's3_new_total')! - d.leafSum(a, 's3_new_total')!) / d.leafSum(a, 's3_new_total')!;
    expect(await cellValue(table, 's3_new_total', `yoy${b}`)).toBeCloseTo(yoy, 12);
    expect(await table.locator(`tr[data-row="s3_new_total"] td[data-col="yoy${b}"]`).textContent()).toMatch(/^[+−±][\d.]+%$/);
    // four charts drawn, each with its table alternative
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] canvas').length >= 4);
    await page.locator('[data-panel="outcomes"] [data-toggle="table"]').click();
    expect(await cellValue(page.locator('[data-panel="outcomes"]'), String(b), 'outcome_granted_total')).toBe(d.leafSum(b, 's3_granted_total'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link with period and level reproduces the view; Back and Forward restore it', async () => {
    const [from, to] = [d.years[1], d.years[2]];
    const { page } = await openApp(browser, `#/trends?from=${from}&to=${to}&level=区县`);
    const districts = scopeOf(d, { level: '区县' });
    expect(await page.locator('[data-period]').getAttribute('data-period')).toBe(`${from}-${to}`);
    expect(await page.locator('[data-filter="from"]').inputValue()).toBe(String(from));
    expect(await page.locator('[data-filter="level"]').inputValue()).toBe('区县');
    const table = page.locator('[data-panel="table"]');
    expect(await table.locator(`td[data-col="y${d.years[0]}"]`).count()).toBe(0);
    expect(await cellValue(table, 's3_new_total', `y${to}`)).toBe(sumIn(d, districts, to, 's3_new_total'));
    // the district level covers the districts' members: different from the whole city
    expect(sumIn(d, districts, to, 's3_new_total')).not.toBe(d.leafSum(to, 's3_new_total'));

    await page.locator('[data-filter="level"]').selectOption('市级部门');
    await waitUrl(page, 'level=市级部门');
    const depts = scopeOf(d, { level: '市级部门' });
    expect(await cellValue(table, 's3_new_total', `y${to}`)).toBe(sumIn(d, depts, to, 's3_new_total'));
    await page.goBack();
    await waitUrl(page, 'level=区县');
    expect(await page.locator('[data-filter="level"]').inputValue()).toBe('区县');
    expect(await cellValue(table, 's3_new_total', `y${to}`)).toBe(sumIn(d, districts, to, 's3_new_total'));
    await page.goForward();
    await waitUrl(page, 'level=市级部门');
    expect(await cellValue(table, 's3_new_total', `y${to}`)).toBe(sumIn(d, depts, to, 's3_new_total'));
    await page.context().close();
  });

  it('search and “exclude the largest” narrow the totals, and say what was left out', async () => {
    const latest = d.years.at(-1)!;
    const { page } = await openApp(browser, `#/trends?from=${latest}&to=${latest}&xl=1`);
    const totals = new Map<string, number>();
    for (const r of d.leaf) if (Number(r.year) === latest) totals.set(r.agency_id, (totals.get(r.agency_id) ?? 0) + Number(r.s3_new_total || 0));
    const [largest] = [...totals].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
    const rest = new Set(d.agencies.map((a) => a.agency_id).filter((id) => id !== largest));
    expect(await cellValue(page.locator('[data-panel="table"]'), 's3_new_total', `y${latest}`)).toBe(sumIn(d, rest, latest, 's3_new_total'));
    expect(await page.locator('[data-excluded]').textContent()).toContain(d.agencies.find((a) => a.agency_id === largest)!.name);
    expect(await page.locator(`[data-panel="agencies"] tr[data-agency="${largest}"]`).count()).toBe(0);

    await page.locator('[data-filter="q"]').fill('东城区');
    await page.locator('form[role="search"] button').click();
    await waitUrl(page, 'q=东城区');
    const east = scopeOf(d, { q: '东城区' });
    expect(await cellValue(page.locator('[data-panel="table"]'), 's3_new_total', `y${latest}`)).toBe(sumIn(d, new Set([...east].filter((x) => x !== eastLargest(latest, east))), latest, 's3_new_total'));
    await page.context().close();

    function eastLargest(y: number, ids: Set<string>) {
      return [...d.leaf].filter((r) => Number(r.year) === y && ids.has(r.agency_id)).sort((p, q) => Number(q.s3_new_total) - Number(p.s3_new_total) || p.agency_id.localeCompare(q.agency_id))[0].agency_id;
    }
  });

  it('each agency’s own series: a row per agency in scope, linking to its page', async () => {
    const { page } = await openApp(browser, '#/trends?level=区县');
    const panel = page.locator('[data-panel="agencies"]');
    const scope = scopeOf(d, { level: '区县' });
    const rows = panel.locator('tbody tr[data-agency]');
    expect(await rows.count()).toBe(scope.size);
    const id = 'SL-Q2-D03';
    for (const y of d.years) {
      expect(await cellValue(panel, id, `y${y}`)).toBe(Number(reportOf(d, id, y)!.s3_new_total));
    }
    expect(await panel.locator(`tr[data-agency="${id}"] svg[role="img"]`).count()).toBe(1);
    // sorted by the latest year, largest first; a header click sorts ascending and is in the URL
    const first = await rows.first().getAttribute('data-agency');
    const latest = d.years.at(-1)!;
    const max = Math.max(...[...scope].map((a) => Number(reportOf(d, a, latest)?.s3_new_total ?? -1)));
    expect(Number(reportOf(d, first!, latest)!.s3_new_total)).toBe(max);
    await panel.locator(`button[data-sort="y${latest}"]`).click();
    await waitUrl(page, 'dir=asc');
    expect(await panel.locator(`th[aria-sort="ascending"]`).count()).toBe(1);
    await panel.locator(`tr[data-agency="${id}"] th a`).click();
    await waitUrl(page, `#/agency/${id}`);
    await waitReady(page);
    expect(await page.locator('[data-panel="form"]').count()).toBe(1);
    await page.context().close();
  });

  it('exports the measures table as shown (BOM, same rows and columns)', async () => {
    const { page } = await openApp(browser, '#/trends', { acceptDownloads: true });
    const panel = page.locator('[data-panel="table"]');
    const { name, bytes } = await download(page, panel.locator('[data-export="csv"]'));
    expect(name).toMatch(/^trends-table-\d{4}-\d{4}_\d{8}-\d{4}\.csv$/);
    const rows = csvRows(bytes);
    // year-over-year changes are ratios, and say so
    expect(rows[0].filter((h) => h.endsWith('（比值）')).length).toBe(3);
    rows[0] = rows[0].map((h) => h.replace(/（比值）$/, ''));
    expect(rows).toEqual(await shownTable(panel));
    await page.context().close();
  });
});
