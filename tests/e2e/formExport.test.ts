// Behaviour: the export panel's form buttons download the official form of what the view shows
// as .docx and .xlsx (read back here by the tests' own XML reader); a document's text is kept with
// its import and the agency page shows its sections, the fee it states and its numbers checked
// against the table; a CSV-imported report says it has no text. No request leaves the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CELL_CODES } from '../../src/lib/format/cells';
import { baseUrl, launch, openApp, waitReady } from './harness';
import { download } from './analysis';
import { demo } from './demo';
import { cellsFromTables, readDocx, readXlsx, sheetTables } from '../unit/helpers/officeRead';

const d = demo();
const expected = JSON.parse(readFileSync('tests/fixtures/reports/zhongwei-data-bureau-2024.expected.json', 'utf8'));

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const asNumber = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
function expectCells(read: Map<string, string>, want: (c: string) => number | null) {
  expect(read.size).toBe(CELL_CODES.length);
  for (const c of CELL_CODES) {
    const w = want(c);
    if (w === null) expect(read.get(c), c).toBe('');
    else expect(asNumber(read.get(c)), c).toBeCloseTo(w, 4);
  }
}
const button = (page: Page, kind: 'form-docx' | 'form-xlsx') => page.locator(`button[data-export="${kind}"]`);

describe('the official form as Word and Excel', () => {
  it('overview 2024: both buttons download the city rollup; every cell read back equals the demo leaf sums', async () => {
    const { page, context, errors, requests } = await openApp(browser, '#/overview?year=2024', { acceptDownloads: true });
    const docx = await download(page, button(page, 'form-docx'));
    expect(docx.name).toMatch(/^示例市2024年政府信息公开年报汇总_\d{8}-\d{4}\.docx$/);
    const { tables, paragraphs } = readDocx(new Uint8Array(docx.bytes));
    expect(paragraphs[0]).toBe('示例市2024年政府信息公开工作年度报告（汇总）');
    expectCells(cellsFromTables(tables), (c) => d.leafSum(2024, c));
    const xlsx = await download(page, button(page, 'form-xlsx'));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const grid = readXlsx(new Uint8Array(xlsx.bytes), '年报表格');
    expectCells(cellsFromTables(sheetTables(grid, 15)), (c) => d.leafSum(2024, c));
    expect(await page.locator('[data-export-status="ok"]').count()).toBe(1);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-panel="export"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/form-export-zh.png' });
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith(baseUrl()) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
    await context.close();
  });

  it('a district over a period (the trends view): the filters are in the file and the cells are that scope\'s sums', async () => {
    const district = d.agencies.find((a) => a.level === '区县')!;
    const { page, context } = await openApp(browser, `#/trends?from=2023&to=2024&q=${encodeURIComponent(district.name)}`, { acceptDownloads: true });
    const xlsx = await download(page, button(page, 'form-xlsx'));
    const grid = readXlsx(new Uint8Array(xlsx.bytes), '年报表格');
    expect(grid[0][0]).toMatch(/2023—2024年政府信息公开工作年度报告（汇总）$/);
    expect(grid.flat().some((t) => t.includes(district.name))).toBe(true);
    // the district's aggregate report is not added: its leaf members are
    const members = new Set(d.agencies.filter((a) => a.parent_id === district.agency_id).map((a) => a.agency_id));
    const sum = (c: string) => {
      let any = false; let s = 0;
      for (const r of d.leaf) if (members.has(r.agency_id) && (r.year === '2023' || r.year === '2024') && r[c] !== '') { any = true; s += Number(r[c]); }
      return any ? s : null;
    };
    expectCells(cellsFromTables(sheetTables(grid, 15)), sum);
    await context.close();
  });
  it('compare, city departments in 2023: the form of the agencies the table holds', async () => {
    const { page, context } = await openApp(browser, `#/compare?year=2023&level=${encodeURIComponent('市级部门')}`, { acceptDownloads: true });
    const xlsx = await download(page, button(page, 'form-xlsx'));
    const grid = readXlsx(new Uint8Array(xlsx.bytes), '年报表格');
    expect(grid.flat().some((t) => t.includes('市级部门'))).toBe(true);
    const depts = new Set(d.agencies.filter((a) => a.level === '市级部门').map((a) => a.agency_id));
    const sum = (c: string) => {
      let any = false; let s = 0;
      for (const r of d.leaf) if (depts.has(r.agency_id) && r.year === '2023' && r[c] !== '') { any = true; s += Number(r[c]); }
      return any ? s : null;
    };
    expectCells(cellsFromTables(sheetTables(grid, 15)), sum);
    await context.close();
  });
});

describe('the report text kept with a document', () => {
  it('agency page: sections, fee, checks; the form buttons export that agency-year; a CSV report has no text', async () => {
    const { page, context, errors } = await openApp(browser, '#/import', { acceptDownloads: true });
    await page.locator('[data-sample]').click();
    await page.locator('[data-review]').waitFor();
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    await page.goto(new URL(`#/agency/${encodeURIComponent(expected.agency)}?year=2024`, baseUrl()).toString());
    await waitReady(page);
    const panel = page.locator('[data-panel="report-text"][data-has-text="true"]');
    await panel.waitFor();
    expect(await panel.locator('[data-section-present="true"]').count()).toBe(6);
    expect(await panel.locator('[data-metric="fee_yuan"]').getAttribute('data-value')).toBe('0');
    const statuses = await panel.locator('tr[data-status]').evaluateAll((trs) => trs.map((t) => `${t.getAttribute('data-topic')}:${t.getAttribute('data-status')}`));
    expect(statuses).toEqual(['received:agrees', 'review:agrees', 'suit:agrees', 'normative_issued:agrees']);
    await panel.locator('[data-show-section="六"]').click();
    expect(await panel.locator('[data-section-text="六"]').textContent()).toContain('未收取');

    const docx = await download(page, button(page, 'form-docx'));
    const { tables, paragraphs } = readDocx(new Uint8Array(docx.bytes));
    expect(paragraphs[0]).toBe(`${expected.agency}2024年政府信息公开工作年度报告`);
    expectCells(cellsFromTables(tables), (c) => expected.cells[c]);
    const xlsx = await download(page, button(page, 'form-xlsx'));
    expectCells(cellsFromTables(sheetTables(readXlsx(new Uint8Array(xlsx.bytes), '年报表格'), 15)), (c) => expected.cells[c]);

    // kept with the import: after a reload (the import log replayed) the text and its checks are back
    await page.reload();
    await waitReady(page);
    await panel.locator('tr[data-status="agrees"]').first().waitFor();
    expect(await panel.locator('tr[data-status]').count()).toBe(4);

    await page.setViewportSize({ width: 1366, height: 768 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/report-text-zh.png' });
    await page.locator('[data-lang-switch]').first().click();
    await panel.locator('tr[data-status]').first().waitFor();
    await panel.scrollIntoViewIfNeeded();
    // in English too the section's lines are shown, marked as Chinese text
    const lines = panel.locator('[data-section-text="一"] li');
    await lines.first().waitFor();
    expect(await panel.locator('[data-section-text="一"]').getAttribute('lang')).toBe('zh-CN');
    expect(await lines.first().textContent()).toContain('总体情况');
    await page.screenshot({ path: 'test-results/report-text-en.png' });

    // a demo report came from CSV: no text, and the page says so (the sample went to the user's own
    // workspace: back to the demo for it)
    await page.locator('[data-switch-workspace="demo"]').click();
    await expect.poll(() => page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('demo');
    await waitReady(page);
    await page.goto(new URL(`#/agency/SL-D01?year=2024`, baseUrl()).toString());
    await waitReady(page);
    await page.locator('[data-panel="report-text"] [data-no-text]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
