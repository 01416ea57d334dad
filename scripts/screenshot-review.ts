// Screenshots of the document review at 1366×768, zh and en (tsx scripts/screenshot-review.ts):
//   docs/screens/review-duplicates-<lang>.png — one agency-year twice, side by side
//   docs/screens/review-rule-<lang>.png       — a failed rule clicked: its cells marked in the form
//   docs/screens/review-uncertain-<lang>.png  — "next uncertain cell" pressed: the first uncertain cell focused
// The documents are made by the project's own renderers; the app is the build in dist/ (DIST_DIR).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { renderFormHtml } from '../src/lib/format/formHtml';
import { renderReportText } from '../src/lib/ingest/renderText';
import { randomRecord } from '../tests/fixtures/reports/randomRecord';

const dir = mkdtempSync(join(tmpdir(), 'dd-shots-'));
const edu = { agency: '示例市教育局', year: 2024, cells: randomRecord(601) };
const mistyped = { ...edu, cells: { ...edu.cells, s3_new_natural: edu.cells.s3_new_natural! + 3, s3_new_total: edu.cells.s3_new_total! + 3 } };
const lost = renderReportText({ agency: '示例市财政局', year: 2024, cells: randomRecord(602) }, 'rows')
  .replace(/^(一、本年新收政府信息公开申请数量(?: \S+){6}) \S+$/m, '$1');
const files: [string, string][] = [
  ['教育局2024年报（网页版）.html', renderFormHtml(mistyped)], ['教育局2024年报.txt', renderReportText(edu, 'rows')],
  ['财政局2024年报.txt', lost], ['档案馆2024年报.txt', renderReportText({ agency: '示例市档案馆', year: 2024, cells: randomRecord(603) }, 'markdown')],
];
for (const [n, t] of files) writeFileSync(join(dir, n), t);
mkdirSync('docs/screens', { recursive: true });

const server = await preview({ build: { outDir: process.env.DIST_DIR ?? 'dist' }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const lang of ['zh', 'en']) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript((l) => localStorage.setItem('dd.lang', l), lang);
  await page.goto(new URL('#/import', server.resolvedUrls!.local[0]).toString());
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60000 });
  await page.locator('[data-import="csv"]').setInputFiles(files.map(([n]) => join(dir, n)));
  await page.waitForFunction((n) => document.querySelectorAll('[data-draft][data-draft-state]').length === n, files.length);
  await page.locator(`[data-draft="${files[0][0]}"]`).click();
  await page.evaluate(() => document.querySelector('[data-review]')!.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screens/review-duplicates-${lang}.png` });
  await page.locator('[data-failed-rule="balance"]').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screens/review-rule-${lang}.png` });
  await page.locator('[data-failed-rule="balance"]').click(); // (clears the marks)
  await page.locator(`[data-draft="${files[1][0]}"]`).click();
  await page.locator('[data-nav="next-uncertain"]').click();
  await page.evaluate(() => document.querySelector('[data-review-nav]')!.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screens/review-uncertain-${lang}.png` });
  console.log(`docs/screens/review-*-${lang}.png`);
  await page.close();
}
await browser.close();
await server.close();
