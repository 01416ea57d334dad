// Behaviour: before commit, the review shows what the agency page will check once the report is
// in — a number the text states that disagrees with the form (with its line, the stated and the
// table value) and the standard sections the text lacks; a report whose words agree with its
// table and has all six sections shows nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderReportText } from '../../src/lib/ingest/renderText';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { launch, openApp } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** A report with section 一 stating its new applications (`stated`) and, when `whole`, 六 too. */
function report(agency: string, seed: number, stated: (total: number) => number, whole: boolean) {
  const cells = randomRecord(seed);
  const table = renderReportText({ agency, year: 2024, cells }, 'rows');
  const [title, ...rest] = table.split('\n二、主动公开政府信息情况');
  const one = `一、总体情况\n2024年，本机关共新收政府信息公开申请${stated(cells.s3_new_total!)}件，均已按时答复。\n`;
  const six = whole ? '\n六、其他需要报告的事项\n本年度未收取信息处理费。\n' : '';
  return { cells, text: `${title}\n${one}\n二、主动公开政府信息情况${rest.join('')}${six}` };
}

describe('the review checks the text against the form before commit', () => {
  it('a disagreeing statement and missing sections are shown with the draft; an agreeing, whole report shows nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-narr-'));
    const wrong = report('示例市审计局', 811, (t) => t + 12, false);
    const right = report('示例市统计局', 812, (t) => t, true);
    writeFileSync(join(dir, 'audit-2024.txt'), wrong.text);
    writeFileSync(join(dir, 'stats-2024.txt'), right.text);
    const { page, context, errors } = await openApp(browser, '#/import');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-import="csv"]').setInputFiles([join(dir, 'audit-2024.txt'), join(dir, 'stats-2024.txt')]);
    await page.waitForFunction(() => document.querySelectorAll('[data-draft][data-draft-state]').length === 2);

    await page.locator('[data-draft="audit-2024.txt"]').click();
    const panel = page.locator('[data-draft-narrative]');
    await panel.waitFor();
    expect(await panel.getAttribute('data-mismatches')).toBe('1');
    expect(await panel.getAttribute('data-sections-missing')).toBe('六');
    const item = panel.locator('[data-narrative-status="mismatch"]');
    const text = await item.textContent();
    expect(text).toContain(`${(wrong.cells.s3_new_total! + 12).toLocaleString('zh-CN')}`);
    expect(text).toContain(`${wrong.cells.s3_new_total!.toLocaleString('zh-CN')}`);
    const line = Number(await item.getAttribute('data-line'));
    expect(wrong.text.split('\n')[line - 1]).toContain('共新收政府信息公开申请');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-narrative-zh.png' });

    await page.locator('[data-draft="stats-2024.txt"]').click();
    await page.locator('[data-draft-field="agency"]').waitFor();
    await expect.poll(async () => page.locator('[data-draft-field="agency"]').inputValue()).toBe('示例市统计局');
    expect(await page.locator('[data-draft-narrative]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
