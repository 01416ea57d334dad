// Behaviour: report documents whose agency names drift (a place-name prefix, a district renamed
// between years, a new department) are matched in the review as a supervisor would: matched,
// probable (accept a candidate), or new (level, parent, aggregate flag pre-filled from the name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { renderReportText } from '../../src/lib/ingest/renderText';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { baseUrl, launch, openApp, waitReady } from './harness';
import { importFiles } from './dataSteps';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page, file: string) => page.locator(`[data-draft="${file}"]`).getAttribute('data-match-state');

describe('agency names in the document review', () => {
  it('shows matched, probable and new agencies, and an accepted match makes one agency of two years', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-match-'));
    // 1. the registry (the demo city's, loaded into the user's own workspace) has "东城区教育局" under 示例市东城区人民政府 under 示例市: the report says "示例市东城区教育局"
    // 2. an aggregate district not in the registry, 2024, with its city in the name
    // 3. the same district's 2023 report without the city: offered as the same agency
    // 4. a department new to the registry under a demo district
    const docs = [
      { file: 'a-dongcheng-edu-2024.txt', agency: '示例市东城区教育局', year: 2024, layout: 'text' },
      { file: 'b-hongze-2024.html', agency: '淮安市洪泽区人民政府', year: 2024, layout: 'html' },
      { file: 'c-hongze-2023.txt', agency: '洪泽区人民政府', year: 2023, layout: 'text' },
      { file: 'd-dongcheng-audit-2024.txt', agency: '示例市东城区审计局', year: 2024, layout: 'text' },
    ];
    docs.forEach((d, i) => {
      const rec = { agency: d.agency, year: d.year, cells: randomRecord(300 + i) };
      writeFileSync(join(dir, d.file), d.layout === 'html' ? renderFormHtml(rec) : renderReportText(rec, 'rows'));
    });

    const { page, context, errors } = await openApp(browser, '#/import');
    // the user's own workspace starts with their registry (here the demo city's agencies, no reports)
    await importFiles(page, [join(process.cwd(), 'data/agencies.csv')]);
    expect(await page.locator('[data-workspace]').getAttribute('data-workspace')).toBe('own');
    await page.locator('[data-import="csv"]').setInputFiles(docs.map((d) => join(dir, d.file)));
    await page.locator('[data-review]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-draft][data-match-state]').length === 4);
    expect(await state(page, docs[0].file)).toBe('matched');
    expect(await state(page, docs[1].file)).toBe('new');
    expect(await state(page, docs[2].file)).toBe('probable');
    expect(await state(page, docs[3].file)).toBe('new');

    // the matched department names its registry agency
    await page.locator(`[data-draft="${docs[0].file}"]`).click();
    expect(await page.locator('[data-draft-match] [data-match]').getAttribute('data-match')).toBe('SL-Q1-D06');

    // the new district: a local government, an aggregate of its area, pre-filled
    await page.locator(`[data-draft="${docs[1].file}"]`).click();
    expect(await page.locator('[data-draft-match]').getAttribute('data-match-state')).toBe('new');
    expect(await page.locator('[data-new-agency="level"]').inputValue()).toBe('区县');
    expect(await page.locator('[data-new-agency="aggregate"]').isChecked()).toBe(true);

    // the new department: under 东城区, a district department, not an aggregate
    await page.locator(`[data-draft="${docs[3].file}"]`).click();
    expect(await page.locator('[data-new-agency="level"]').inputValue()).toBe('区县部门');
    expect(await page.locator('[data-new-agency="parent"]').inputValue()).toBe('SL-Q1');
    expect(await page.locator('[data-new-agency="aggregate"]').isChecked()).toBe(false);

    // the 2023 district report: offered as the 2024 one, with its reason; nothing commits until decided
    await page.locator(`[data-draft="${docs[2].file}"]`).click();
    expect(await page.locator('[data-commit]').isDisabled()).toBe(true);
    const accept = page.locator('[data-accept-match="淮安市洪泽区人民政府"]');
    expect(await accept.count()).toBe(1);
    expect(await page.locator('[data-draft-match]').textContent()).toContain('淮安市洪泽区人民政府');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-draft-match]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-match-zh.png' });
    await page.locator('[data-lang-switch]').click();
    await page.locator('[data-draft-match]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-match-en.png' });
    await page.locator(`[data-draft="${docs[3].file}"]`).click();
    await page.locator('[data-draft-match]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-new-agency-en.png' });
    await page.locator(`[data-draft="${docs[2].file}"]`).click();
    await accept.click();
    expect(await state(page, docs[2].file)).toBe('matched');
    await page.screenshot({ path: 'test-results/review-match-accepted-en.png' });

    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    expect(await page.locator('[data-committed]').getAttribute('data-committed')).toBe('4');
    // two new agencies, not three: the district is one agency with two years
    const added = await page.locator('[data-committed]').textContent();
    expect(added).toContain('淮安市洪泽区人民政府');
    expect(added).toContain('示例市东城区审计局');
    expect(added).not.toContain('、洪泽区人民政府');
    await page.goto(new URL(`#/agency/${encodeURIComponent('淮安市洪泽区人民政府')}?year=2023`, baseUrl()).toString());
    await waitReady(page);
    expect(await page.locator('[data-panel="form"] td[data-metric="s3_new_total"]').getAttribute('data-value')).toBe(String(randomRecord(302).s3_new_total));
    expect(errors).toEqual([]);
    await context.close();
  });
});
