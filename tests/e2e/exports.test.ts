// Behaviour: an office exports the summary tables as CSV (BOM, GB18030, neutralised formulas,
// figures equal to the test's own sums); downloads the Excel template, fills it in (here with
// ExcelJS in Node) and imports it → the overview changes by exactly what was filled; exports
// everything as Parquet and loads it in a fresh browser → every report row and figure is equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { CELL_CODES } from '../../src/lib/format/cells';
import { FORM_SHEET, WIDE_SHEET, formSheet } from '../../src/lib/xlsx/layout';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';
import { csvRows, download } from './analysis';
import { demo } from './demo';

const d = demo();
const latest = d.years.at(-1)!;
const KPIS = ['s3_new_total', 's3_handled_total_total', 's3_carried_out_total', 's4_review_total'];
const tmp = mkdtempSync(join(tmpdir(), 'dd-exports-'));

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const panel = (page: Page) => page.locator('[data-panel="export"]');
async function choose(page: Page, opts: Record<string, string>) {
  for (const [name, v] of Object.entries(opts)) await panel(page).locator(`select[data-export="csv"][name="${name}"]`).selectOption(v);
}
const csvButton = (page: Page) => panel(page).locator('button[data-export="csv"]');

async function importFile(page: Page, path: string) {
  await page.goto(new URL('#/import', baseUrl()).toString());
  await waitReady(page);
  await page.locator('[data-import="csv"]').setInputFiles(path);
  await page.waitForFunction(() => {
    const li = document.querySelector('[data-import-results] > li');
    return li && li.getAttribute('data-status') !== 'pending' && document.body.dataset.ready === 'true';
  }, undefined, { timeout: 60_000 });
  return page.locator('[data-import-results] > li').first();
}

async function kpis(page: Page) {
  await page.goto(new URL(`#/overview?year=${latest}`, baseUrl()).toString());
  await waitReady(page);
  const out: Record<string, number | null> = {};
  for (const c of KPIS) out[c] = await metricValue(page, c);
  return out;
}

describe('summary CSV exports', () => {
  it('city rollup: BOM, codes and Chinese labels, leaf sums for every year; named by view and time', async () => {
    const { page, errors } = await openApp(browser, '#/overview', { acceptDownloads: true });
    await choose(page, { table: 'rollup', header: 'both', numbers: 'raw', encoding: 'utf-8' });
    const { name, bytes } = await download(page, csvButton(page));
    expect(name).toMatch(/^overview-city-rollup_\d{8}-\d{4}\.csv$/);
    const [codes, labels, ...rows] = csvRows(bytes);
    expect(codes.slice(2)).toEqual([...CELL_CODES]);
    expect(labels[codes.indexOf('s3_new_total')]).toBe('本年新收政府信息公开申请数量｜总计');
    expect(rows.map((r) => Number(r[0]))).toEqual(d.years);
    for (const [i, y] of d.years.entries()) {
      for (const c of KPIS) expect(Number(rows[i][codes.indexOf(c)]), `${y} ${c}`).toBe(d.leafSum(y, c));
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('GB18030: no BOM, the same text as the UTF-8 file; formulas in names are neutralised', async () => {
    const { page } = await openApp(browser, '#/overview', { acceptDownloads: true });
    const evil = join(tmp, 'evil.csv');
    writeFileSync(evil, `agency,year,s3_new_natural,s3_new_total\n"=HYPERLINK(""http://example.invalid"",""点我"")",${latest},2,2\n`);
    expect(await (await importFile(page, evil)).getAttribute('data-status')).toBe('ok');
    await page.goto(new URL('#/overview', baseUrl()).toString());
    await waitReady(page);
    await choose(page, { table: 'agencies', header: 'zh', numbers: 'formatted', encoding: 'utf-8' });
    const utf8 = await download(page, csvButton(page));
    await choose(page, { encoding: 'gb18030' });
    const gb = await download(page, csvButton(page));
    expect(gb.name).toMatch(/^overview-agency-years-gb18030_\d{8}-\d{4}\.csv$/);
    expect([...gb.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const gbText = new TextDecoder('gb18030').decode(gb.bytes);
    expect(gbText).toBe(utf8.bytes.subarray(3).toString('utf8'));
    expect(gbText.startsWith('机构名称,年度,')).toBe(true);
    const rows = Papa.parse<string[]>(gbText, { skipEmptyLines: true }).data;
    const bad = rows.find((r) => r[0].includes('HYPERLINK'))!;
    expect(bad[0].startsWith("'=")).toBe(true);
    expect(gbText).not.toMatch(/(^|,)"?=/m);
    // formatted: grouping and "—" for blanks
    expect(bad[rows[0].indexOf('本年新收政府信息公开申请数量｜商业企业')]).toBe('—');
    await page.context().close();
  });

  it('refusal reasons and flags download as CSV', async () => {
    const { page } = await openApp(browser, '#/overview', { acceptDownloads: true });
    await choose(page, { table: 'refusals', header: 'codes', numbers: 'raw' });
    const refusals = csvRows((await download(page, csvButton(page))).bytes);
    expect(refusals.length - 1).toBe(d.reports.length);
    expect(refusals[0]).toContain('outcome_refused_total');
    await choose(page, { table: 'flags' });
    const flags = await download(page, csvButton(page));
    expect(flags.name).toMatch(/^overview-flags_/);
    expect(csvRows(flags.bytes)[0]).toContain('review_state');
    await page.context().close();
  });
});

describe('Excel template', () => {
  it('download → fill in (form + wide rows) → import → the overview changes by exactly what was filled', async () => {
    const { page, errors } = await openApp(browser, '#/overview', { acceptDownloads: true });
    const before = await kpis(page);
    const tpl = await download(page, panel(page).locator('[data-export="xlsx"]'));
    expect(tpl.name).toMatch(/^年报填报模板_\d{8}-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.bytes.buffer.slice(tpl.bytes.byteOffset, tpl.bytes.byteOffset + tpl.bytes.length) as ArrayBuffer);
    const layout = formSheet();
    const form = wb.getWorksheet(FORM_SHEET)!;
    const put = (key: string, v: string | number) => form.getCell(layout.inputs.get(key)!.row, layout.inputs.get(key)!.col).value = v;
    const filled: Record<string, number> = { s3_new_total: 17, s3_handled_total_total: 15, s3_carried_out_total: 2, s4_review_total: 3 };
    put('agency', '示例市模板试填局');
    put('year', latest);
    for (const [c, v] of Object.entries(filled)) put(c, v);
    const wide = wb.getWorksheet(WIDE_SHEET)!;
    const wideRows = [['示例市模板甲办', 5, 4], ['示例市模板乙办', 8, 8]] as const;
    for (const [name, n, h] of wideRows) {
      wide.addRow([name, latest, '', '', ...CELL_CODES.map((c) => (c === 's3_new_total' ? n : c === 's3_handled_total_total' ? h : null))]);
    }
    const path = join(tmp, '填好的模板.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const item = await importFile(page, path);
    expect(await item.getAttribute('data-status')).toBe('ok');
    // downloaded from the demo, filled in, imported: the user's own workspace holds what was filled
    const after = await kpis(page);
    expect(before.s3_new_total).toBeGreaterThan(30);
    expect(after.s3_new_total).toBe(17 + 5 + 8);
    expect(after.s3_handled_total_total).toBe(15 + 4 + 8);
    expect(after.s3_carried_out_total).toBe(2);
    expect(after.s4_review_total).toBe(3);

    // a cell that is not a number at all: refused with sheet, row and column; nothing changes
    // (a negative count is the report's own fault: it loads and is flagged, P8)
    put('s3_new_natural', '3件');
    const badPath = join(tmp, 'bad.xlsx');
    writeFileSync(badPath, new Uint8Array(await wb.xlsx.writeBuffer()));
    const badItem = await importFile(page, badPath);
    expect(await badItem.getAttribute('data-status')).toBe('failed');
    const problem = badItem.locator('.problems li').first();
    const at = layout.inputs.get('s3_new_natural')!;
    expect(await problem.getAttribute('data-line')).toBe(String(at.row));
    expect(await problem.getAttribute('data-column')).toContain('s3_new_natural');
    expect(await problem.textContent()).toContain(`「${FORM_SHEET}」工作表`);
    expect(await kpis(page)).toEqual(after);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('Parquet', () => {
  it('export everything → import into a fresh browser → every report row, figure and review equal', async () => {
    const a = await openApp(browser, '#/overview', { acceptDownloads: true });
    // the user's own workspace (imports never join the demo): the demo city's files as the user's
    // own data, plus one more report
    for (const f of ['data/agencies.csv', 'data/reports.csv']) expect(await (await importFile(a.page, f)).getAttribute('data-status')).toBe('ok');
    const extra = join(tmp, 'extra.csv');
    writeFileSync(extra, `agency,year,published_on,s3_new_natural,s3_new_total,s2_fee_amount\n示例市新设数据局,${latest},2025-01-15,4,4,0.75\n`);
    expect(await (await importFile(a.page, extra)).getAttribute('data-status')).toBe('ok');
    const review = { key: `balance|SL-D01|${latest}|total`, state: 'confirmed', note: '已核实', at: '2026-11-20T08:00:00.000Z' };
    await a.page.evaluate((r) => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('disclosure-dashboard-reviews', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('reviews', { keyPath: 'key' });
      req.onsuccess = () => { const t = req.result.transaction('reviews', 'readwrite'); t.objectStore('reviews').put(r); t.oncomplete = () => resolve(); t.onerror = () => reject(t.error); };
    }), review);
    await a.page.goto(new URL('#/overview', baseUrl()).toString());
    await waitReady(a.page);
    const zip = await download(a.page, panel(a.page).locator('[data-export="parquet"]'));
    expect(zip.name).toMatch(/^dataset_\d{8}-\d{4}\.zip$/);
    await choose(a.page, { table: 'agencies', header: 'codes', numbers: 'raw', encoding: 'utf-8' });
    const rowsA = (await download(a.page, csvButton(a.page))).bytes.toString('utf8');
    const kpisA = await kpis(a.page);

    const b = await openApp(browser, '#/overview', { acceptDownloads: true });
    const path = join(tmp, zip.name);
    writeFileSync(path, zip.bytes);
    const item = await importFile(b.page, path);
    expect(await item.getAttribute('data-status')).toBe('ok');
    expect(await kpis(b.page)).toEqual(kpisA);
    await choose(b.page, { table: 'agencies', header: 'codes', numbers: 'raw', encoding: 'utf-8' });
    const rowsB = (await download(b.page, csvButton(b.page))).bytes.toString('utf8');
    expect(rowsB.split('\r\n').length).toBe(d.reports.length + 3);
    expect(rowsB).toBe(rowsA);
    const reviews = await b.page.evaluate(() => new Promise<unknown[]>((resolve) => {
      const req = indexedDB.open('disclosure-dashboard-reviews', 1);
      req.onsuccess = () => { const g = req.result.transaction('reviews').objectStore('reviews').getAll(); g.onsuccess = () => resolve(g.result); };
    }));
    expect(reviews).toEqual([review]);
    // kept like any import: a reload replays it
    await b.page.reload();
    await waitReady(b.page);
    expect(await kpis(b.page)).toEqual(kpisA);
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
