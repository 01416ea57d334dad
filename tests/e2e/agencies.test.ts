// Behaviour: the agency registry page (#/agencies) of the user's own workspace. Editing a field,
// creating an agency, merging two (refused where both reported a year until a side is kept), and
// undo: each persists across a reload and reaches a second open tab; the table and the tree show
// every agency with the years it reported; the registry exports as the agencies CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath, openIn, waitReady } from './harness';
import { download } from './analysis';
import { gotoView, importFiles } from './dataSteps';

const AGENCIES = `agency_id,name,level,parent_id,category,is_aggregate,aliases
HA,淮安市人民政府,市级,,综合,是,
HA-S,淮安市数据局,市级部门,HA,综合,否,
HA-B,淮安市大数据管理局,市级部门,HA,综合,否,
HZ,洪泽区人民政府,区县,HA,区县政府,是,
HZ2,淮安市洪泽区人民政府,区县,,区县政府,是,
HZ-J,洪泽区教育局,区县部门,HZ2,教育,否,
`;
// distinct non-zero figures; HA-S and HA-B both reported 2024 (the clash)
const REPORTS = `agency,year,s3_new_total
洪泽区人民政府,2023,137
淮安市洪泽区人民政府,2024,211
洪泽区教育局,2024,19
淮安市数据局,2024,53
淮安市大数据管理局,2024,71
淮安市大数据管理局,2023,29
`;

let dir: string;
let context: BrowserContext;
let page: Page;
let other: Page;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-agencies-'));
  writeFileSync(join(dir, 'agencies.csv'), AGENCIES);
  writeFileSync(join(dir, 'reports.csv'), REPORTS);
  context = await chromium.launchPersistentContext(dir + '/profile', { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN', acceptDownloads: true });
  ({ page } = await openIn(context));
  await importFiles(page, [join(dir, 'agencies.csv'), join(dir, 'reports.csv')]);
  ({ page: other } = await openIn(context, '#/agencies'));
  await gotoView(page, '#/agencies');
}, 180_000);
afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (p: Page, id: string) => p.locator(`[data-registry-table] tr[data-agency="${id}"]`);
const years = (p: Page, id: string) => row(p, id).getAttribute('data-years');
const ids = (p: Page) => p.locator('[data-registry-table] tr[data-agency]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-agency')).sort());
/** waits until a tab's table has (or no longer has) a row, with the given years */
const waitRow = (p: Page, id: string, yrs: string | null) => p.waitForFunction(([i, y]) => {
  const tr = document.querySelector(`[data-registry-table] tr[data-agency="${i}"]`);
  return y === null ? !tr : tr?.getAttribute('data-years') === y;
}, [id, yrs] as const, { timeout: 30_000 });
async function pick(id: string) {
  await page.locator(`[data-pick="${id}"]`).click();
  await page.locator(`[data-agency-editor="${id}"]`).waitFor();
}
async function done(kind: 'ok' | 'refused' = 'ok') {
  await page.locator(`[data-registry-message="${kind}"]`).waitFor();
  await waitReady(page);
}
async function merge(from: string, into: string, keep?: 'from' | 'into') {
  await pick(from);
  await page.locator('[data-merge-into]').fill(into);
  if (keep) await page.locator(`[data-merge-keep="${keep}"]`).check();
  await page.locator('[data-merge]').click();
}
async function reportValue(p: Page, id: string, year: number) {
  await gotoView(p, `#/agency/${encodeURIComponent(id)}?year=${year}`);
  const v = await p.locator('[data-panel="form"] td[data-metric="s3_new_total"]').getAttribute('data-value');
  await gotoView(p, '#/agencies');
  return Number(v);
}

describe('agency registry', () => {
  it('lists every agency with the years it reported, as a table and a tree', async () => {
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('own');
    expect(await ids(page)).toEqual(['HA', 'HA-B', 'HA-S', 'HZ', 'HZ-J', 'HZ2']);
    expect(await years(page, 'HA-B')).toBe('2023,2024');
    expect(await years(page, 'HZ')).toBe('2023');
    expect(await years(page, 'HA')).toBe('');
    await page.locator('[data-registry-search]').fill('洪泽');
    expect(await ids(page)).toEqual(['HZ', 'HZ-J', 'HZ2']);
    await page.locator('[data-registry-search]').fill('');
    await page.locator('[data-registry-mode="tree"]').click();
    expect(await page.locator('[data-tree-node]').evaluateAll((n) => n.map((x) => x.getAttribute('data-tree-node')))).toEqual(['HA', 'HZ2']);
    await page.locator('[data-expand="HA"]').click();
    expect(await page.locator('[data-tree-node]').evaluateAll((n) => n.map((x) => x.getAttribute('data-tree-node')))).toEqual(['HA', 'HZ', 'HA-B', 'HA-S', 'HZ2']);
    await page.locator('[data-registry-mode="table"]').click();
  });

  it('edits a field and creates an agency; both reach the other tab', async () => {
    await pick('HZ-J');
    await page.locator('[data-agency-field="name"]').fill('洪泽区教育和体育局');
    await page.locator('[data-agency-field="aliases"]').fill('洪泽区教育局');
    await page.locator('[data-agency-save]').click();
    await done();
    expect(await row(page, 'HZ-J').locator('[data-pick]').textContent()).toBe('洪泽区教育和体育局');
    expect(await years(page, 'HZ-J')).toBe('2024');

    await page.locator('[data-agency-create-start]').click();
    await page.locator('[data-create-field="agency_id"]').fill('HZ-W');
    await page.locator('[data-create-field="name"]').fill('洪泽区卫生健康委员会');
    await page.locator('[data-create-field="level"]').selectOption('区县部门');
    await page.locator('[data-create-field="parent_id"]').fill('HZ2');
    await page.locator('[data-create-save]').click();
    await done();
    expect(await years(page, 'HZ-W')).toBe('');
    // a name already taken is refused, nothing changes
    await page.locator('[data-agency-create-start]').click();
    await page.locator('[data-create-field="agency_id"]').fill('HZ-X');
    await page.locator('[data-create-field="name"]').fill('洪泽区教育局');
    await page.locator('[data-create-save]').click();
    await done('refused');
    expect(await row(page, 'HZ-X').count()).toBe(0);

    await other.waitForFunction(() => document.querySelector('[data-registry-table] tr[data-agency="HZ-J"] [data-pick]')?.textContent === '洪泽区教育和体育局');
    await waitRow(other, 'HZ-W', '');
  });

  it('merges two agencies; a merge where both reported a year is refused until a side is kept; undo', async () => {
    // 洪泽区人民政府 (2023) is the same district as 淮安市洪泽区人民政府 (2024): no clash
    await merge('HZ', 'HZ2');
    await done();
    await waitRow(page, 'HZ', null);
    expect(await years(page, 'HZ2')).toBe('2023,2024');
    expect(await row(page, 'HZ2').locator('td').nth(1).textContent()).toContain('洪泽区人民政府');
    expect(await reportValue(page, 'HZ2', 2023)).toBe(137);

    // both reported 2024: refused, nothing moves
    await merge('HA-S', 'HA-B');
    await done('refused');
    expect(await page.locator('[data-merge-conflicts]').getAttribute('data-merge-conflicts')).toBe('2024');
    expect(await years(page, 'HA-S')).toBe('2024');
    // keep the merged agency's own 2024 report
    await page.locator('[data-merge-keep="from"]').check();
    await page.locator('[data-merge]').click();
    await done();
    await waitRow(page, 'HA-S', null);
    expect(await years(page, 'HA-B')).toBe('2023,2024');
    expect(await reportValue(page, 'HA-B', 2024)).toBe(53);
    expect(await reportValue(page, 'HA-B', 2023)).toBe(29);
    await waitRow(other, 'HA-S', null);

    // undo: the last merge only
    await page.locator('[data-agency-undo]').click();
    await done();
    await waitRow(page, 'HA-S', '2024');
    expect(await years(page, 'HA-B')).toBe('2023,2024');
    expect(await reportValue(page, 'HA-B', 2024)).toBe(71);
    await waitRow(other, 'HA-S', '2024');
    await waitRow(page, 'HZ', null);
  });

  it('every edit survives a reload and a restart; the registry exports as the agencies CSV', async () => {
    const expected = ['HA', 'HA-B', 'HA-S', 'HZ-J', 'HZ-W', 'HZ2'];
    await page.reload();
    await waitReady(page);
    expect(await ids(page)).toEqual(expected);
    await context.close();
    context = await chromium.launchPersistentContext(dir + '/profile', { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN', acceptDownloads: true });
    ({ page } = await openIn(context, '#/agencies'));
    expect(await ids(page)).toEqual(expected);
    expect(await years(page, 'HZ2')).toBe('2023,2024');
    expect(await row(page, 'HZ-J').locator('[data-pick]').textContent()).toBe('洪泽区教育和体育局');

    const file = await download(page, page.locator('[data-agencies-export]'));
    const csv = Papa.parse<Record<string, string>>(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(csv.map((r) => r.agency_id).sort()).toEqual(expected);
    expect(csv.find((r) => r.agency_id === 'HZ2')).toMatchObject({ name: '淮安市洪泽区人民政府', is_aggregate: 'true', aliases: '洪泽区人民政府' });
    expect(csv.find((r) => r.agency_id === 'HZ-W')).toMatchObject({ parent_id: 'HZ2', level: '区县部门' });
    // the log lists the registry edits beside the imports
    await gotoView(page, '#/import');
    expect(await page.locator('[data-log] > li[data-op="agency"]').count()).toBe(3);
  });
});
