// Behaviour: a wide CSV in which one agency printed a negative count loads whole (no refusal) and
// the compliance view lists the `negative` finding on that agency-year's cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { consistentCells, wideCsv } from '../unit/helpers/records';
import { launch, openApp } from './harness';
import { gotoView, importFiles } from './dataSteps';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('a negative count in a wide CSV', () => {
  it('loads with the rest of the file and shows as a `negative` finding in #/compliance', async () => {
    const bad = consistentCells(29, 11);
    bad.s3_new_legal = -7;
    const text = wideCsv([
      { agency: '测试市审计局', year: 2024, cells: consistentCells(41, 13) },
      { agency: '测试市统计局', year: 2024, cells: bad },
      { agency: '测试市档案局', year: 2024, cells: consistentCells(19, 3) },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'dd-neg-'));
    const file = join(dir, 'negative.csv');
    writeFileSync(file, text);
    const { page, context, errors } = await openApp(browser, '#/import');
    await importFiles(page, [file]);
    expect(await page.locator('[data-file="negative.csv"]').getAttribute('data-status')).toBe('ok');
    await gotoView(page, `#/compliance?q=${encodeURIComponent('测试市统计局')}`);
    const rows = await page.locator('table.flags tbody tr[data-rule="negative"]').evaluateAll((trs) =>
      trs.map((tr) => `${tr.getAttribute('data-agency')} ${tr.getAttribute('data-year')} ${tr.textContent}`));
    expect(rows.length).toBe(1);
    expect(rows[0]).toContain('测试市统计局 2024');
    expect(rows[0]).toContain('-7');
    expect(errors).toEqual([]);
    await context.close();
  });
});
