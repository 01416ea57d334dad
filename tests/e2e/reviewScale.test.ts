// Behaviour: a batch with the same agency-year twice (a report dropped as text and as a web page)
// cannot be committed whole; the review says why next to the button, marks both drafts, shows
// them side by side; the clean drafts commit while the rest wait; keeping the better copy lets
// the rest commit, with the publication date typed in the review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { renderReportText } from '../../src/lib/ingest/renderText';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { launch, openApp } from './harness';
import { gotoView } from './dataSteps';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('the review at a city\'s scale', () => {
  it('blocks a duplicate agency-year with the reason, commits the clean drafts, then the kept copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-scale-'));
    const edu = { agency: '示例市教育局', year: 2024, cells: randomRecord(501) };
    const files = [
      ['edu-2024.txt', renderReportText(edu, 'rows')],
      ['edu-2024.html', renderFormHtml(edu)],
      ['archive-2024.txt', renderReportText({ agency: '示例市新设档案馆', year: 2024, cells: randomRecord(502) }, 'rows')],
      ['data-2024.txt', renderReportText({ agency: '示例市新设数据中心', year: 2024, cells: randomRecord(503) }, 'rows')],
    ];
    for (const [n, t] of files) writeFileSync(join(dir, n), t);
    const { page, context, errors } = await openApp(browser, '#/import');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-import="csv"]').setInputFiles(files.map(([n]) => join(dir, n)));
    await page.locator('[data-review]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-draft][data-draft-state]').length === 4);

    const stateOf = (f: string) => page.locator(`[data-draft="${f}"]`).getAttribute('data-draft-state');
    expect(await stateOf('edu-2024.txt')).toBe('blocked');
    expect(await stateOf('edu-2024.html')).toBe('blocked');
    expect(await page.locator('[data-draft-filter="blocked"]').getAttribute('data-count')).toBe('2');
    const clean = Number(await page.locator('[data-draft-filter="clean"]').getAttribute('data-count'));
    expect(clean).toBe(2);
    // blocked drafts come first in the list
    const order = await page.locator('[data-draft]').evaluateAll((els) => els.map((e) => e.getAttribute('data-draft')));
    expect(order.slice(0, 2).sort()).toEqual(['edu-2024.html', 'edu-2024.txt']);
    // why the commit cannot go ahead, next to its button
    expect(await page.locator('[data-commit]').isDisabled()).toBe(true);
    expect(await page.locator('[data-commit-blocked]').textContent()).toContain('2');
    await page.locator('[data-draft="edu-2024.txt"]').click();
    expect(await page.locator('[data-duplicates] [data-duplicate]').count()).toBe(2);
    expect(await page.locator('[data-draft-problems]').textContent()).toContain('edu-2024.html');
    await page.locator('[data-duplicates]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-duplicates-zh.png' });
    await page.locator('[data-lang-switch]').click();
    await page.screenshot({ path: 'test-results/review-duplicates-en.png' });

    // the filter shows only the clean drafts; commit them while the duplicates wait
    await page.locator('[data-draft-filter="clean"]').click();
    expect(await page.locator('[data-draft]').count()).toBe(2);
    await page.locator('[data-commit-clean]').click();
    await page.locator('[data-committed]').waitFor();
    expect(await page.locator('[data-committed]').getAttribute('data-committed')).toBe('2');
    await page.locator('[data-draft-filter=""]').click();
    expect(await page.locator('[data-draft]').count()).toBe(2);

    // keep the copy with the fewest uncertain cells, type the publication date, commit
    await page.locator('[data-draft="edu-2024.txt"]').click();
    await page.locator('[data-keep-best]').click();
    expect(await page.locator('[data-draft]').count()).toBe(1);
    const date = page.locator('[data-draft-field="published_on"]');
    expect(await date.inputValue()).toBe('');
    await date.fill('2025-02-15');
    await date.press('Tab');
    expect(await page.locator('[data-commit]').isDisabled()).toBe(false);
    await page.locator('[data-commit]').click();
    await page.waitForFunction(() => document.querySelector('[data-committed]')?.getAttribute('data-committed') === '1');
    // the date reached the store: a department's 2024 report published after 31 January is late
    await gotoView(page, `#/compliance?q=${encodeURIComponent('示例市教育局')}`);
    const late = await page.locator('table.flags tbody tr[data-rule="late"][data-year="2024"]').count();
    expect(late).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
