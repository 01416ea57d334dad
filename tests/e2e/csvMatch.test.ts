// Behaviour: a CSV whose rows name one district two ways (with and without its city) waits for
// the user: the summary offers the two as one agency; once accepted, the file loads as one
// agency with two years; nothing is loaded before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { consistentCells, wideCsv } from '../unit/helpers/records';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';
import { importFiles } from './dataSteps';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('probable names in a CSV import', () => {
  it('are listed with their candidates and load once the user accepts', async () => {
    const text = wideCsv([
      { agency: '淮安市洪泽区人民政府', year: 2024, cells: consistentCells(37, 14) },
      { agency: '洪泽区人民政府', year: 2023, cells: consistentCells(23, 8) },
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'dd-csvmatch-')), 'districts.csv');
    writeFileSync(file, text);
    const { page, context, errors } = await openApp(browser, '#/import');
    await importFiles(page, [file]);
    const row = page.locator('[data-file="districts.csv"]');
    expect(await row.getAttribute('data-status')).toBe('failed');
    const pending = row.locator('[data-pending-name="洪泽区人民政府"]');
    expect(await pending.getAttribute('data-match-state')).toBe('probable');
    expect(await page.locator('[data-retry-import]').isDisabled()).toBe(true);
    await pending.locator('[data-accept-match="淮安市洪泽区人民政府"]').click();
    await page.locator('[data-retry-import]').click();
    await page.waitForFunction(() => document.querySelector('[data-file="districts.csv"]')?.getAttribute('data-status') === 'ok');
    await waitReady(page);
    expect(await row.locator('.new-agencies li').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(['淮安市洪泽区人民政府']);
    await page.goto(new URL(`#/agency/${encodeURIComponent('淮安市洪泽区人民政府')}?year=2023`, baseUrl()).toString());
    await waitReady(page);
    expect(await metricValue(page, 's3_new_total', '[data-panel="form"]')).toBe(24);
    expect(errors).toEqual([]);
    await context.close();
  });
});
