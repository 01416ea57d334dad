// Behaviour: with a province's worth of agencies, a table shows one page of 100 rows with page
// controls ("第 1–100 行，共 2,087 行"); sorting orders every row, the CSV holds every row, and the
// compare view's picks stay picked from page to page. The demo city (87 agencies) shows no pager.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateScale } from '../../scripts/bench/scale';
import { baseUrl, launch, openApp, waitReady } from './harness';
import { importFiles } from './dataSteps';
import { csvRows, download, waitUrl } from './analysis';
import { demo } from './demo';

const AGENCY_YEARS = 8000; // 2,000 agencies × 2021–2024
const YEAR = 2024;
const d = demo();
let browser: Browser;
let page: Page;
let dir: string;
let errors: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-paging-'));
  const { agencies, reports } = generateScale(AGENCY_YEARS);
  writeFileSync(join(dir, 'agencies.csv'), agencies);
  writeFileSync(join(dir, 'reports.csv'), withLateReports(withBrokenTotals(reports, 10), 37));
  browser = await launch();
  ({ page, errors } = await openApp(browser, '#/import', { acceptDownloads: true }));
  await importFiles(page, [join(dir, 'agencies.csv'), join(dir, 'reports.csv')], 180_000);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every n-th report's new applications total one more than its columns: findings to page. */
function withBrokenTotals(csv: string, n: number): string {
  const lines = csv.split('\n');
  const col = lines[0].split(',').indexOf('s3_new_total');
  if (col < 0 || csv.includes('"')) throw new Error('unexpected generated CSV');
  return lines.map((l, i) => {
    if (i === 0 || i % n || !l) return l;
    const f = l.split(',');
    f[col] = String(Number(f[col]) + 1);
    return f.join(',');
  }).join('\n');
}

/** Every n-th report published in June of the next year: \`late\` warnings beside the errors. */
function withLateReports(csv: string, n: number): string {
  const lines = csv.split('\n');
  const col = lines[0].split(',').indexOf('published_on');
  const year = lines[0].split(',').indexOf('year');
  if (col < 0 || year < 0) throw new Error('unexpected generated CSV');
  return lines.map((l, i) => {
    if (i === 0 || i % n || !l) return l;
    const f = l.split(',');
    f[col] = `${Number(f[year]) + 1}-06-30`;
    return f.join(',');
  }).join('\n');
}

async function open(hash: string) {
  await page.goto(new URL(hash, baseUrl()).toString());
  await waitReady(page, 120_000);
}
const range = async (scope: Locator) => {
  const r = scope.locator('[data-pager="top"] [data-range]');
  return { text: (await r.textContent())!.trim(), from: Number(await r.getAttribute('data-from')), to: Number(await r.getAttribute('data-to')), total: Number(await r.getAttribute('data-total')) };
};
const rowIds = (scope: Locator) => scope.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agency') ?? tr.getAttribute('data-key') ?? ''));
const values = (scope: Locator, col: string) => scope.locator(`tbody td[data-col="${col}"]`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
const num = (v: string | null | undefined) => (v == null || v === '' ? null : Number(v));
/** numbers in order, largest first, blanks last */
const isDescending = (xs: (number | null)[]) => xs.every((x, i) => i === 0 || (x === null) || (xs[i - 1] !== null && xs[i - 1]! >= x));
/** Waits until the scope's shown range starts at `from`. */
async function startsAt(scope: Locator, from: number) {
  const r = scope.locator('[data-pager="top"] [data-range]');
  for (let i = 0; i < 100 && Number(await r.getAttribute('data-from')) !== from; i++) await page.waitForTimeout(50);
  expect(Number(await r.getAttribute('data-from'))).toBe(from);
}
async function pageTo(scope: Locator, which: 'first' | 'prev' | 'next' | 'last', where: 'top' | 'bottom' = 'top') {
  const { from, total } = await range(scope);
  await scope.locator(`[data-pager="${where}"] button[data-page="${which}"]`).click();
  const last = Math.floor((total - 1) / 100) * 100 + 1;
  await startsAt(scope, { first: 1, prev: Math.max(1, from - 100), next: Math.min(last, from + 100), last }[which]);
}

describe('long tables are paged', () => {
  it('compare: 100 rows of all, page controls, sort over every row, CSV of every row', async () => {
    await open(`#/compare?year=${YEAR}`);
    const panel = page.locator('[data-panel="agencies"]');
    // imported from the demo: the user's own workspace, without the demo's agencies
    const expected = AGENCY_YEARS / 4;
    expect(await panel.locator('tbody tr').count()).toBe(100);
    const r1 = await range(panel);
    expect(r1).toEqual({ text: `第 1–100 行，共 ${expected.toLocaleString('en-US')} 行`, from: 1, to: 100, total: expected });
    expect(await panel.locator('[data-pager="top"] [role="status"]').count()).toBe(1);
    for (const b of ['first', 'prev']) expect(await panel.locator(`[data-pager="top"] button[data-page="${b}"]`).getAttribute('aria-disabled')).toBe('true');
    expect(await panel.locator('[data-pager="top"] button[data-page="next"]').getAttribute('aria-disabled')).toBeNull();
    // every figure keeps its test hooks
    expect(await panel.locator('tbody tr[data-agency] td[data-col="s3_new_total"][data-metric="s3_new_total"][data-value]').count()).toBe(100);

    // default sort: new applications, largest first — continuing across pages
    const page1 = await rowIds(panel);
    const v1 = (await values(panel, 's3_new_total')).map(num);
    await pageTo(panel, 'next');
    expect(await range(panel)).toMatchObject({ from: 101, to: 200 });
    const page2 = await rowIds(panel);
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    const v2 = (await values(panel, 's3_new_total')).map(num);
    expect(isDescending([...v1, ...v2])).toBe(true);
    await pageTo(panel, 'last');
    const last = await range(panel);
    expect(last).toMatchObject({ from: Math.floor((expected - 1) / 100) * 100 + 1, to: expected });
    expect(await panel.locator('tbody tr').count()).toBe(expected - last.from + 1);
    expect(await panel.locator('[data-pager="top"] button[data-page="next"]').getAttribute('aria-disabled')).toBe('true');
    await pageTo(panel, 'first');
    expect(await rowIds(panel)).toEqual(page1);

    // the CSV holds every row, in the shown order
    const csv = csvRows((await download(page, panel.locator('[data-export="csv"]'))).bytes);
    expect(csv.length).toBe(expected + 1);
    // the year first (the rows are about one year), then the agency
    expect(csv[0][0]).toBe('年度');
    expect(new Set(csv.slice(1).map((r) => r[1])).size).toBeGreaterThan(expected / 2);
    const firstName = (await panel.locator('tbody tr th[scope="row"]').first().textContent())!.trim();
    expect(csv[1][1]).toBe(firstName);

    // sorting by another column orders every row, and starts again on the first page
    await pageTo(panel, 'next');
    await panel.locator('button[data-sort="open_rate"]').click();
    await waitUrl(page, 'sort=open_rate');
    expect(await range(panel)).toMatchObject({ from: 1, to: 100 });
    const sortedCsv = csvRows((await download(page, panel.locator('[data-export="csv"]'))).bytes);
    const rateCol = sortedCsv[0].findIndex((h) => h.startsWith('公开率'));
    expect(rateCol).toBeGreaterThan(-1);
    const all = sortedCsv.slice(1).map((r) => num(r[rateCol]));
    expect(all.length).toBe(expected);
    expect(isDescending(all)).toBe(true);
    const best = Math.max(...all.filter((x): x is number => x !== null));
    expect(num((await values(panel, 'open_rate'))[0])).toBe(best);
    expect(errors).toEqual([]);
  });

  it('compare: picks stay picked across pages (up to six), paging by keyboard', async () => {
    await open(`#/compare?year=${YEAR}&sort=agency&dir=asc`);
    const panel = page.locator('[data-panel="agencies"]');
    const first = (await rowIds(panel))[0];
    await panel.locator(`input[data-select="${first}"]`).check();
    await waitUrl(page, `sel=${first}`);
    // Enter on the focused "next" button pages; the page stays after a pick
    await panel.locator('[data-pager="top"] button[data-page="next"]').focus();
    await page.keyboard.press('Enter');
    await startsAt(panel, 101);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.page)).toBe('next');
    const second = (await rowIds(panel))[3];
    expect(await panel.locator(`input[data-select="${first}"]`).count()).toBe(0);
    await panel.locator(`input[data-select="${second}"]`).check();
    await waitUrl(page, `sel=${first},${second}`);
    expect(await range(panel)).toMatchObject({ from: 101 });
    expect(await page.locator('[data-selected]').getAttribute('data-selected')).toBe(`${first},${second}`);
    expect(await page.locator('.chips [data-agency]').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')))).toEqual([first, second]);
    // from the pager below: the first page again, focus on the control above
    await panel.locator('[data-pager="bottom"] button[data-page="first"]').click();
    await startsAt(panel, 1);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-pager]')?.getAttribute('data-pager'))).toBe('top');
    expect(await panel.locator(`input[data-select="${first}"]`).isChecked()).toBe(true);
    expect(await panel.locator(`input[data-select="${(await rowIds(panel))[1]}"]`).isChecked()).toBe(false);
    // the side-by-side panels hold both picks
    expect(await page.locator('[data-panel="selected-counts"]').count()).toBe(1);
    // English: the range in English
    await page.locator('[data-lang-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect((await range(panel)).text).toMatch(/^Rows 1–100 of \d{1,3}(,\d{3})*$/);
    expect(await panel.locator('[data-pager="top"] button[data-page="next"]').textContent()).toContain('Next');
    await page.locator('[data-lang-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('trends, refusals and the registry page their agency tables; filters start again on page 1', async () => {
    await open('#/trends');
    const trends = page.locator('[data-panel="agencies"]');
    expect(await trends.locator('tbody tr').count()).toBe(100);
    const t = await range(trends);
    // imported from the demo: the user's own workspace, its 2,000 agencies alone
    expect(t.total).toBe(AGENCY_YEARS / 4);
    const lastYearCol = await trends.locator('thead th[aria-sort="descending"] button').getAttribute('data-sort');
    expect(lastYearCol).toMatch(/^y\d{4}$/);
    const a = (await values(trends, lastYearCol!)).map(num);
    await pageTo(trends, 'next');
    const b = (await values(trends, lastYearCol!)).map(num);
    expect(isDescending([...a, ...b])).toBe(true);
    // a filter narrows the rows and starts again on the first page
    await pageTo(trends, 'next');
    expect((await range(trends)).from).toBe(201);
    await page.locator('[data-filter="level"]').selectOption('区县部门');
    await waitUrl(page, 'level=区县部门');
    const narrowed = await range(trends);
    expect(narrowed.total).toBeLessThan(t.total);
    expect(narrowed.total).toBeGreaterThan(100);
    expect(narrowed.from).toBe(1);

    // refusals: the heatmap draws 40 agencies; its table lists every agency, a page at a time
    await open(`#/refusals?year=${YEAR}`);
    const heat = page.locator('[data-panel="heatmap"]');
    await heat.locator('[data-toggle="table"]').click();
    expect(await heat.locator('tbody tr').count()).toBe(100);
    expect((await range(heat)).total).toBe(AGENCY_YEARS / 4);

    await open('#/agency');
    const reg = page.locator('[data-panel="registry"]');
    expect(await reg.locator('tbody tr[data-agency]').count()).toBe(100);
    const all = (await range(reg)).total;
    expect(all).toBe(AGENCY_YEARS / 4);
    await pageTo(reg, 'last');
    expect(await reg.locator('tbody tr[data-agency]').count()).toBe(all - (await range(reg)).from + 1);
    const csv = csvRows((await download(page, reg.locator('[data-export="csv"]'))).bytes);
    expect(csv.length).toBe(all + 1);
  });

  it('compliance: the findings and the scorecard are paged; filtering starts again on page 1', async () => {
    await open('#/compliance');
    const total = Number(await page.locator('[data-metric="flags_total"]').getAttribute('data-value'));
    const list = page.locator('section[aria-labelledby="flag-list-title"]');
    expect(await list.locator('tbody tr').count()).toBe(Math.min(100, total));
    expect(total).toBeGreaterThan(100); // the scaled city has findings enough to page
    expect((await range(list)).total).toBe(total);
    const card = page.locator('[data-scorecard]');
    const flagged = (await range(card)).total;
    expect(await card.locator('tbody tr[data-agency]').count()).toBe(100);
    expect(flagged).toBeGreaterThan(100);
    await pageTo(card, 'last');
    expect(await card.locator('tbody tr[data-agency]').count()).toBe(flagged - (await range(card)).from + 1);
    // the CSV export holds every finding
    const csv = csvRows((await download(page, page.locator('.toolbar [data-export="csv"]'))).bytes);
    expect(csv.length - 1).toBe(total);
    await pageTo(list, 'next');
    expect((await range(list)).from).toBe(101);
    await page.locator('[data-filter="severity"]').selectOption('error');
    await waitUrl(page, 'severity=error');
    const errorsOnly = Number(await page.locator('[data-metric="flags_total"]').getAttribute('data-value'));
    expect(errorsOnly).toBeLessThan(total);
    expect(await range(list)).toMatchObject({ from: 1, to: 100, total: errorsOnly });
    expect(await list.locator('tbody tr[data-severity="warning"]').count()).toBe(0);
  });
});

describe('short tables are not paged', () => {
  it('the demo city (87 agencies) shows every row and no page controls', async () => {
    const { page: p, context: c } = await openApp(browser, `#/compare?year=${d.years.at(-1)}`);
    const rows = await p.locator('[data-panel="agencies"] tbody tr').count();
    expect(rows).toBe(new Set(d.reports.filter((r) => Number(r.year) === d.years.at(-1)).map((r) => r.agency_id)).size);
    expect(rows).toBeLessThan(100);
    expect(await p.locator('[data-pager]').count()).toBe(0);
    await c.close();
  });
});
