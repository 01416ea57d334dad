// Behaviour: report documents dropped on the import screen are parsed, reviewed and committed in
// one go; their numbers then show in the overview of the user's own workspace (never the demo's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';

const expected = JSON.parse(readFileSync('tests/fixtures/reports/zhongwei-data-bureau-2024.expected.json', 'utf8'));

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function newTotal(page: Page, year: number) {
  await page.goto(new URL(`#/overview?year=${year}`, baseUrl()).toString());
  await waitReady(page);
  return metricValue(page, 's3_new_total');
}

describe('documents', () => {
  it('the bundled sample report parses exactly, shows beside its source, and commits into the totals', async () => {
    const { page, context, errors } = await openApp(browser);
    await page.goto(new URL('#/import', baseUrl()).toString());
    await waitReady(page);
    await page.locator('[data-sample]').click();
    await page.locator('[data-review]').waitFor();
    expect(await page.locator('[data-draft-field="agency"]').inputValue()).toBe(expected.agency);
    expect(Number(await page.locator('[data-draft-field="year"]').inputValue())).toBe(expected.year);
    // every one of the 200 cells in the review form equals the fixture's expected value
    const shown = await page.locator('[data-review] td[data-metric]').evaluateAll((tds) =>
      Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), td.getAttribute('data-value')])));
    for (const [code, v] of Object.entries(expected.cells)) expect(shown[code], code).toBe(v === null ? '' : String(v));
    expect(await page.locator('[data-review] .source').textContent()).toContain('中卫市数据局');
    await page.screenshot({ path: 'test-results/import-review.png', fullPage: true });
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    expect(await newTotal(page, 2024)).toBe(expected.cells.s3_new_total);
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('own');
    // the agency page shows where each figure was read
    await page.goto(new URL(`#/agency/${encodeURIComponent(expected.agency)}?year=2024`, baseUrl()).toString());
    await waitReady(page);
    const src = await page.locator('[data-panel="form"] td[data-metric="s3_new_total"]').getAttribute('data-source');
    expect(src).toMatch(/^zhongwei-data-bureau-2024\.txt 第 \d+ 行$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a Word 97 .doc dropped on the import screen: every cell exact in review, committed into the totals; empty and damaged files named', async () => {
    const dir = 'tests/fixtures/docs';
    const rec = JSON.parse(readFileSync(`${dir}/form-narrative.expected.json`, 'utf8'));
    const { page, context, errors, requests } = await openApp(browser);
    const before = await newTotal(page, rec.year);
    await page.goto(new URL('#/import', baseUrl()).toString());
    await waitReady(page);
    const good = readFileSync(`${dir}/form-narrative.doc`);
    await page.locator('[data-import="csv"]').setInputFiles([
      { name: 'report.doc', mimeType: 'application/msword', buffer: good },
      { name: 'empty.doc', mimeType: 'application/msword', buffer: Buffer.alloc(0) },
      { name: 'broken.doc', mimeType: 'application/msword', buffer: good.subarray(0, 9000) },
    ]);
    await page.locator('[data-review]').waitFor();
    expect(await page.locator('[data-draft-field="agency"]').inputValue()).toBe(rec.agency);
    const shown = await page.locator('[data-review] td[data-metric]').evaluateAll((tds) =>
      Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), td.getAttribute('data-value')])));
    for (const [code, v] of Object.entries(rec.cells)) expect(shown[code], code).toBe(v === null ? '' : String(v));
    const alerts = await page.locator('[role="alert"]').allTextContents();
    expect(alerts.some((a) => a.includes('empty.doc') && a.includes('文件为空'))).toBe(true);
    expect(alerts.some((a) => a.includes('broken.doc') && a.includes('Word 文档已损坏'))).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: 'test-results/import-doc-zh.png' });
    await page.locator('[data-lang-switch]').click();
    await expect.poll(() => page.locator('[role="alert"]').allTextContents()).toContainEqual(expect.stringContaining('the file is empty (0 bytes)'));
    const alertsEn = await page.locator('[role="alert"]').allTextContents();
    expect(alertsEn.some((a) => a.includes('broken.doc') && a.includes('the Word document is damaged'))).toBe(true);
    await page.screenshot({ path: 'test-results/import-doc-en.png' });
    await page.locator('[data-lang-switch]').click();
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    // dropped from the demo, it opens the user's own workspace, which holds this report alone
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('own');
    expect(before).toBeGreaterThan(0);
    expect(await newTotal(page, rec.year)).toBe(rec.cells.s3_new_total);
    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an RTF published under a .doc name is read too, every cell exact', async () => {
    const dir = 'tests/fixtures/docs';
    const rec = JSON.parse(readFileSync(`${dir}/form-plain.expected.json`, 'utf8'));
    const { page, context, errors } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.locator('[data-import="csv"]').setInputFiles([{ name: 'rtf-report.doc', mimeType: 'application/msword', buffer: readFileSync(`${dir}/form-plain.rtf`) }]);
    await page.locator('[data-review]').waitFor();
    expect(await page.locator('[data-draft-field="agency"]').inputValue()).toBe(rec.agency);
    const shown = await page.locator('[data-review] td[data-metric]').evaluateAll((tds) =>
      Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), td.getAttribute('data-value')])));
    for (const [code, v] of Object.entries(rec.cells)) expect(shown[code], code).toBe(v === null ? '' : String(v));
    expect(errors).toEqual([]);
    await context.close();
  });
});
