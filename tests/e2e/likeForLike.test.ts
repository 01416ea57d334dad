// Behaviour: a supervisor loads a city in which some agencies reported only one of two years and a
// district's members were incomplete in one year. Every "change from last year" on every view is
// like-for-like — equal to the change the test computes itself over the agencies whose reports
// count in both years — and carries its panel size; totals follow the hierarchy rule (members when
// all reported, the district's aggregate report otherwise); a lone agency gets no rank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, metricValue, openApp, waitReady } from './harness';
import { gotoView, importFiles } from './dataSteps';
import { CELL_CODES } from '../../src/lib/format/cells';
import { RATE_BY_NAME } from '../../src/lib/format/rates';
import { OVERVIEW_MEASURES } from '../../src/views/overview/overviewQueries';
import { REASONS, REASON_GROUPS, TREND_MEASURES } from '../../src/lib/sql/keyMeasures';
import { groupMeasure } from '../../src/lib/sql/measures';

// 测试市: the city government, five departments (D4 new in 2024, D5 gone in 2024), district Q
// (aggregate; its member Q3 missing in 2023, so Q's own report counts for 2023) and district R
// (aggregate, all members both years).
const AGENCIES: [string, string, string, string, boolean][] = [
  ['T', '测试市人民政府', '市级', '', false],
  ['T-D1', '测试市教育局', '市级部门', 'T', false], ['T-D2', '测试市财政局', '市级部门', 'T', false],
  ['T-D3', '测试市民政局', '市级部门', 'T', false], ['T-D4', '测试市数据局', '市级部门', 'T', false],
  ['T-D5', '测试市粮食局', '市级部门', 'T', false],
  ['T-Q', '测试市甲区人民政府', '区县', 'T', true],
  ['T-Q1', '甲区教育局', '区县部门', 'T-Q', false], ['T-Q2', '甲区财政局', '区县部门', 'T-Q', false], ['T-Q3', '甲区民政局', '区县部门', 'T-Q', false],
  ['T-R', '测试市乙区人民政府', '区县', 'T', true],
  ['T-R1', '乙区教育局', '区县部门', 'T-R', false], ['T-R2', '乙区财政局', '区县部门', 'T-R', false],
];
const Y0 = 2023;
const Y1 = 2024;
const REPORTED: Record<number, string[]> = {
  [Y0]: ['T', 'T-D1', 'T-D2', 'T-D3', 'T-D5', 'T-Q', 'T-Q1', 'T-Q2', 'T-R', 'T-R1', 'T-R2'],
  [Y1]: ['T', 'T-D1', 'T-D2', 'T-D3', 'T-D4', 'T-Q', 'T-Q1', 'T-Q2', 'T-Q3', 'T-R', 'T-R1', 'T-R2'],
};

/** Distinct non-zero counts for every cell of every report (faults are flagged, not refused). */
function value(agency: string, year: number, ci: number): number {
  const a = AGENCIES.findIndex((x) => x[0] === agency) + 1;
  return 1 + ((a * 7919 + (year - 2000) * 613 + ci * 104729) % 997);
}
const V = new Map<string, number>(); // `${agency}|${year}|${code}`
for (const [year, ids] of Object.entries(REPORTED)) for (const id of ids) CELL_CODES.forEach((c, i) => V.set(`${id}|${year}|${c}`, value(id, Number(year), i)));

// --- the test's own reading of the rule (top-down recursion, unlike the app's SQL) ---
const parent = new Map(AGENCIES.map((a) => [a[0], a[3]]));
const isAgg = new Map(AGENCIES.map((a) => [a[0], a[4]]));
const kids = (id: string) => AGENCIES.filter((a) => a[3] === id).map((a) => a[0]);
function counted(year: number): Set<string> {
  const rep = new Set(REPORTED[year]);
  const complete = (id: string): boolean =>
    isAgg.get(id) ? rep.has(id) || (kids(id).length > 0 && kids(id).every(complete)) : rep.has(id) && kids(id).every(complete);
  const contrib = (id: string): string[] => {
    const ks = kids(id);
    if (isAgg.get(id) && ks.length && ks.every(complete)) return ks.flatMap(contrib);
    if (isAgg.get(id) && rep.has(id)) return [id];
    return [...(rep.has(id) ? [id] : []), ...ks.flatMap(contrib)];
  };
  return new Set(AGENCIES.filter((a) => !parent.get(a[0])).flatMap((a) => contrib(a[0])));
}
const sum = (ids: Iterable<string>, year: number, codes: readonly string[]) =>
  [...ids].reduce((s, id) => s + codes.reduce((t, c) => t + V.get(`${id}|${year}|${c}`)!, 0), 0);
const c0 = counted(Y0);
const c1 = counted(Y1);
const panel = new Set([...c1].filter((id) => c0.has(id)));

const CODES = new Map<string, readonly string[]>([
  ...OVERVIEW_MEASURES.map((m) => [m.name, m.codes] as const),
  ...TREND_MEASURES.map((m) => [m.name, m.codes] as const),
  ...REASON_GROUPS.map((g) => groupMeasure(g)).map((m) => [m.name, m.codes] as const),
  ...REASONS.map((r) => [r.code, [r.code]] as const),
]);
/** The like-for-like change of a count or rate, computed here over the panel. */
function expectedChange(metric: string): number {
  const r = RATE_BY_NAME.get(metric);
  if (r) return sum(panel, Y1, r.numerator) / sum(panel, Y1, r.denominator) - sum(panel, Y0, r.numerator) / sum(panel, Y0, r.denominator);
  const codes = CODES.get(metric);
  if (!codes) throw new Error(`no codes for ${metric}`);
  return sum(panel, Y1, codes) - sum(panel, Y0, codes);
}

/** Every change figure within `scope`: its metric, value and panel size. */
async function changeFigures(scope: Locator) {
  return scope.locator('[data-change-of]').evaluateAll((els) => els.map((e) => ({
    metric: e.getAttribute('data-change-of')!, value: e.getAttribute('data-value')!, panel: e.getAttribute('data-panel')!,
  })));
}
async function checkChanges(scope: Locator, min: number) {
  const figs = await changeFigures(scope);
  expect(figs.length).toBeGreaterThanOrEqual(min);
  for (const f of figs) {
    expect(Number(f.panel), f.metric).toBe(panel.size);
    expect(f.value, f.metric).not.toBe('');
    expect(Number(f.value), f.metric).toBeCloseTo(expectedChange(f.metric), 9);
  }
  return figs;
}

let browser: Browser;
let page: Page;
let dir: string;
beforeAll(async () => {
  // the data is shaped so that a naive change (all reports of each year) differs from like-for-like
  expect(c0).toEqual(new Set(['T', 'T-D1', 'T-D2', 'T-D3', 'T-D5', 'T-Q', 'T-R1', 'T-R2']));
  expect(c1).toEqual(new Set(['T', 'T-D1', 'T-D2', 'T-D3', 'T-D4', 'T-Q1', 'T-Q2', 'T-Q3', 'T-R1', 'T-R2']));
  dir = mkdtempSync(join(tmpdir(), 'dd-lfl-'));
  writeFileSync(join(dir, 'agencies.csv'), Papa.unparse({
    fields: ['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases'],
    data: AGENCIES.map(([id, name, level, p, agg]) => [id, name, level, p, '综合', agg ? '是' : '否', '']),
  }));
  writeFileSync(join(dir, 'reports.csv'), Papa.unparse({
    fields: ['agency', 'year', 'agency_id', ...CELL_CODES],
    data: Object.entries(REPORTED).flatMap(([year, ids]) => ids.map((id) => [
      AGENCIES.find((a) => a[0] === id)![1], year, id, ...CELL_CODES.map((c) => V.get(`${id}|${year}|${c}`)),
    ])),
  }));
  browser = await launch();
  ({ page } = await openApp(browser, '#/import'));
  // only this city: the demo is cleared away first
  await page.locator('[data-clear-start]').click();
  await page.locator('[data-clear="empty"]').click();
  await page.locator('[data-data-message]').waitFor();
  await waitReady(page);
  await importFiles(page, [join(dir, 'agencies.csv')]);
  await importFiles(page, [join(dir, 'reports.csv')]);
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('like-for-like changes', () => {
  it('overview: totals by the hierarchy rule; every KPI change over the panel, with who is left out', async () => {
    await gotoView(page, `#/overview?year=${Y1}`);
    expect(await metricValue(page, 's3_new_total')).toBe(sum(c1, Y1, ['s3_new_total']));
    const figs = await checkChanges(page.locator('.kpis'), 8);
    expect(figs.map((f) => f.metric)).toContain('open_rate');
    // 6 in the panel; left out this year: D4 and Q3 (no 2023 report), Q1 and Q2 (in 2023 the
    // district came in through its aggregate report); of 2023's: D5 (no 2024 report) and Q
    expect(panel.size).toBe(6);
    const note = page.locator('[data-coverage-year]');
    expect(await note.locator('[data-panel-size]').getAttribute('data-panel-size')).toBe('6');
    expect(await note.locator('[data-left-out="cur"]').getAttribute('data-count')).toBe('4');
    expect(await note.locator('[data-left-out="prev"]').getAttribute('data-count')).toBe('2');
    expect(await page.locator('.kpis').textContent()).toContain('同口径 6 家');
    // the naive change would differ: the test data really tells the two apart
    const naive = sum(c1, Y1, ['s3_new_total']) - sum(c0, Y0, ['s3_new_total']);
    expect(naive).not.toBeCloseTo(expectedChange('s3_new_total'), 3);

    // 2023: district Q counted through its aggregate report, its members' figure beside it
    await gotoView(page, `#/overview?year=${Y0}`);
    expect(await metricValue(page, 's3_new_total')).toBe(sum(c0, Y0, ['s3_new_total']));
    const q = page.locator('[data-via-aggregate="T-Q"]');
    expect(await q.textContent()).toContain(new Intl.NumberFormat('zh-CN').format(V.get(`T-Q|${Y0}|s3_new_total`)!));
    expect(await q.textContent()).toContain(new Intl.NumberFormat('zh-CN').format(sum(['T-Q1', 'T-Q2'], Y0, ['s3_new_total'])));
    expect(await page.locator('.kpis [data-change-of]').count()).toBe(0); // no 2022

    await gotoView(page, `#/overview?year=${Y1}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en' || document.body.textContent!.includes('like-for-like'));
    expect(await page.locator('.kpis').textContent()).toContain('like-for-like, 6 agencies');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('trends and refusals: every change in their tables over the panel; coverage marked; a like-for-like series', async () => {
    await gotoView(page, '#/trends');
    await checkChanges(page.locator('[data-panel="table"]'), TREND_MEASURES.length);
    expect(await page.locator(`[data-coverage-mark="${Y0}"]`).count()).toBe(1);
    await page.locator('[data-filter="lfl"]').check();
    await page.waitForFunction(() => location.hash.includes('lfl=1'));
    await waitReady(page);
    expect(await page.locator('[data-balanced-panel]').getAttribute('data-balanced-panel')).toBe(String(panel.size));
    const table = page.locator('[data-panel="table"]');
    const cell = (m: string, y: number) => table.locator(`tr[data-row="${m}"] td[data-col="y${y}"]`).getAttribute('data-value');
    expect(Number(await cell('s3_new_total', Y1))).toBe(sum(panel, Y1, ['s3_new_total']));
    expect(Number(await cell('s3_new_total', Y0))).toBe(sum(panel, Y0, ['s3_new_total']));

    await gotoView(page, `#/refusals?year=${Y1}`);
    await page.locator('[data-panel="trend"] [data-toggle="table"]').click(); // the chart's table
    await checkChanges(page.locator('[data-panel="trend"]'), REASONS.length + REASON_GROUPS.length);
  });

  it('agency page: each cell’s change is the agency’s own, a panel of one', async () => {
    await gotoView(page, `#/agency/T-D1?year=${Y1}`);
    const figs = await changeFigures(page.locator('[data-form]'));
    expect(figs.length).toBe(CELL_CODES.length);
    for (const f of figs) {
      expect(f.panel).toBe('1');
      expect(Number(f.value), f.metric).toBe(V.get(`T-D1|${Y1}|${f.metric}`)! - V.get(`T-D1|${Y0}|${f.metric}`)!);
    }
    // new in 2024: no change to show
    await gotoView(page, `#/agency/T-D4?year=${Y1}`);
    expect(await page.locator('[data-form] [data-change-of]').count()).toBe(0);
  });

  it('compare: no rank or percentile without a peer, with the reason; ranks among peers otherwise', async () => {
    await gotoView(page, `#/compare?year=${Y1}&level=市级`);
    const row = page.locator('[data-panel="agencies"] tr[data-agency="T"]');
    expect(await row.locator('td[data-col="rank"]').getAttribute('data-value')).toBe('');
    expect(await row.locator('td[data-col="pct"]').getAttribute('data-value')).toBe('');
    expect(await row.locator('td[data-col="rank"]').getAttribute('title')).toContain('1 家');
    expect(await page.locator('[data-panel="agencies"] thead').textContent()).toContain('越高');
    await gotoView(page, `#/compare?year=${Y1}&level=市级部门`);
    const d1 = page.locator('[data-panel="agencies"] tr[data-agency="T-D1"]');
    const mine = V.get(`T-D1|${Y1}|s3_new_total`)!;
    const peers = ['T-D1', 'T-D2', 'T-D3', 'T-D4'].map((id) => V.get(`${id}|${Y1}|s3_new_total`)!);
    expect(Number(await d1.locator('td[data-col="rank"]').getAttribute('data-value'))).toBe(1 + peers.filter((v) => v > mine).length);
  });
});
