// The document review with a draft open and every part of it showing: a duplicate agency-year
// (side by side), a failed rule (its cells marked in the form), uncertain cells (a row that lost
// a figure) and the keyboard hint. For the accessibility and English checks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { renderReportText } from '../../src/lib/ingest/renderText';
import { randomRecord } from '../fixtures/reports/randomRecord';

export async function openReviewWithDraft(page: Page) {
  const dir = mkdtempSync(join(tmpdir(), 'dd-review-'));
  const edu = { agency: '示例市教育局', year: 2024, cells: randomRecord(601) };
  const mistyped = { ...edu, cells: { ...edu.cells, s3_new_natural: edu.cells.s3_new_natural! + 3, s3_new_total: edu.cells.s3_new_total! + 3 } };
  const lost = renderReportText({ agency: '示例市财政局', year: 2024, cells: randomRecord(602) }, 'rows')
    .replace(/^(一、本年新收政府信息公开申请数量(?: \S+){6}) \S+$/m, '$1');
  const files: [string, string][] = [['edu-2024.html', renderFormHtml(mistyped)], ['edu-2024.txt', renderReportText(edu, 'rows')], ['finance-2024.txt', lost]];
  for (const [n, t] of files) writeFileSync(join(dir, n), t);
  await page.locator('[data-import="csv"]').setInputFiles(files.map(([n]) => join(dir, n)));
  await page.waitForFunction(() => document.querySelectorAll('[data-draft][data-draft-state]').length === 3);
  await page.locator('[data-draft="edu-2024.html"]').click();
  await page.locator('[data-failed-rule]').first().click();
  await page.locator('[data-form] [data-highlight]').first().waitFor();
}

export async function openUncertainDraft(page: Page) {
  await page.locator('[data-draft="finance-2024.txt"]').click();
  await page.locator('[data-uncertain]').first().waitFor();
}
