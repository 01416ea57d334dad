// Scans through the import screen, read by the real onnxruntime-web in Chromium: a scanned PDF
// (page images only, no text layer, printed by Chromium) and page images dropped together (joined
// into one report in file-name order). Every cell of the review form is exact or flagged; flagged
// cells show their crop of the scan; the models load only when a picture arrives; no request
// leaves the app's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CELL_CODES } from '../../src/lib/format/cells';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { FORM_RECORD, drawPage, scanOf } from '../fixtures/scans/degrade';
import { greyOf, writeTiff } from '../fixtures/scans/tiff';
import { baseUrl, launch, openApp, waitReady } from './harness';

const truth = randomRecord(FORM_RECORD.seed);
let browser: Browser;
let dir: string;
beforeAll(async () => { browser = await launch(); dir = mkdtempSync(join(tmpdir(), 'ocr-')); });
afterAll(async () => { await browser?.close(); });

async function reviewCells(page: Page) {
  return page.locator('[data-review] td[data-metric]').evaluateAll((tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), { v: td.getAttribute('data-value'), flagged: td.getAttribute('data-flagged') === 'true' }])));
}

function check(shown: Record<string, { v: string | null; flagged: boolean }>) {
  let exact = 0, flagged = 0;
  const wrong: string[] = [];
  for (const c of CELL_CODES) {
    const s = shown[c];
    if (s.flagged) flagged++;
    else if (s.v === String(truth[c] ?? '')) exact++;
    else wrong.push(`${c}: ${s.v} (true ${truth[c]})`);
  }
  return { exact, flagged, wrong };
}

/** A PDF of page images only, as a scanner writes it: Chromium prints one image per A4 page. */
async function scannedPdf(images: Uint8Array[]): Promise<string> {
  const page = await browser.newPage();
  const imgs = images.map((b) => `<img src="data:image/jpeg;base64,${Buffer.from(b).toString('base64')}">`).join('');
  await page.setContent(`<style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;page-break-after:always}</style>${imgs}`, { waitUntil: 'load' });
  const path = join(dir, 'scanned-report.pdf');
  writeFileSync(path, await page.pdf({ format: 'A4', printBackground: true }));
  await page.close();
  return path;
}

describe('scans in the browser (real onnxruntime-web)', () => {
  it('a scanned PDF: read by OCR, every cell exact or flagged, crops beside the uncertain cells, nothing fetched from elsewhere', { timeout: 600_000 }, async () => {
    const pdf = await scannedPdf([
      await scanOf(1, { dpi: 150, skewDeg: 1, grey: true, noise: 0.002, seal: true, jpeg: 60, seed: 11 }),
      await scanOf(2, { dpi: 150, skewDeg: -0.7, jpeg: 60, seed: 12 }),
    ]);
    const { page, context, requests, errors } = await openApp(browser, '#/import');
    await waitReady(page);
    expect(requests.some((u) => u.includes('/ocr/'))).toBe(false); // not on the first screen
    await page.locator('[data-import="csv"]').setInputFiles(pdf);
    await page.locator('[data-ocr-progress]').waitFor({ timeout: 120_000 });
    await page.locator('[data-review]').waitFor({ timeout: 540_000 });
    const summary = page.locator('[data-ocr-summary]');
    expect(await summary.textContent()).toContain('文字识别');
    expect(await page.locator('[data-draft-field="agency"]').inputValue()).toBe(FORM_RECORD.agency);
    const s = check(await reviewCells(page));
    console.log('browser, scanned PDF:', s.exact, 'exact', s.flagged, 'flagged', s.wrong.length, 'wrong');
    expect(s.wrong).toEqual([]);
    expect(s.exact).toBeGreaterThanOrEqual(170);
    expect(Number(await summary.getAttribute('data-ocr-uncertain'))).toBe(s.flagged);
    if (s.flagged) expect(await page.locator('[data-uncertain] [data-ocr-crop]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/ocr-review.png', fullPage: false });
    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(requests.some((u) => u.endsWith('/ocr/rec.onnx'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('page images dropped together are one report, pages in file-name order', { timeout: 600_000 }, async () => {
    const files = [
      { name: 'scan-p2.jpg', bytes: await scanOf(2, { dpi: 150, jpeg: 70, seed: 21 }) },
      { name: 'scan-p1.jpg', bytes: await scanOf(1, { dpi: 150, turns: 2, skewDeg: 0.5, jpeg: 70, seed: 22 }) },
    ];
    for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
    const { page, context, errors } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.locator('[data-import="csv"]').setInputFiles(files.map((f) => join(dir, f.name)));
    await page.locator('[data-review]').waitFor({ timeout: 540_000 });
    expect(await page.locator('[data-draft]').count()).toBe(1);
    expect(await page.locator('[data-ocr-file]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ocr-file')))).toEqual(['scan-p1.jpg', 'scan-p2.jpg']);
    const s = check(await reviewCells(page));
    console.log('browser, two JPGs:', s.exact, 'exact', s.flagged, 'flagged', s.wrong.length, 'wrong');
    expect(s.wrong).toEqual([]);
    expect(s.exact).toBeGreaterThanOrEqual(170);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a multi-page TIFF (what office scanners save; browsers cannot draw it) is one report, its pages in order', { timeout: 600_000 }, async () => {
    const pages = [];
    for (const [n, threshold] of [[1, undefined], [2, 170]] as const) {
      const c = await drawPage(n, 150);
      pages.push({ width: c.width, height: c.height, grey: greyOf(c.getContext('2d').getImageData(0, 0, c.width, c.height).data, threshold), deflate: n === 2 });
    }
    const path = join(dir, 'scanner-output.tif');
    writeFileSync(path, writeTiff(pages));
    const { page, context, errors } = await openApp(browser, '#/import');
    await waitReady(page);
    await page.locator('[data-import="csv"]').setInputFiles(path);
    await page.locator('[data-review]').waitFor({ timeout: 540_000 });
    expect(await page.locator('[data-draft]').count()).toBe(1);
    expect(await page.locator('[data-ocr-summary]').textContent()).toContain('读取：2 页');
    const s = check(await reviewCells(page));
    console.log('browser, 2-page TIFF:', s.exact, 'exact', s.flagged, 'flagged', s.wrong.length, 'wrong');
    expect(s.wrong).toEqual([]);
    expect(s.exact).toBeGreaterThanOrEqual(170);
    expect(errors).toEqual([]);
    await context.close();
  });
});
