// Behaviour: the overview and an agency's form print cleanly on A4 — rendered to PDF by
// Chromium's print path and read back with pdf.js: the title, the filters in effect and the date
// printed are on the page; navigation and controls are not; nothing runs off the page's edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './harness';
import { demo } from './demo';

const d = demo();
const latest = d.years.at(-1)!;
const require = createRequire(import.meta.url);
const pdfRoot = dirname(require.resolve('pdfjs-dist/package.json'));

interface PdfItem { str: string; x: number; width: number }
interface PdfPage { width: number; height: number; items: PdfItem[] }

async function printPdf(page: Page): Promise<{ pages: PdfPage[]; text: string }> {
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes), cMapUrl: join(pdfRoot, 'cmaps') + '/', cMapPacked: true,
    standardFontDataUrl: join(pdfRoot, 'standard_fonts') + '/', isEvalSupported: false, disableFontFace: true,
  }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const [, , width, height] = p.view;
    const items = ((await p.getTextContent()).items as { str?: string; transform?: number[]; width?: number }[])
      .filter((i) => i.str && i.transform)
      .map((i) => ({ str: i.str!, x: i.transform![4], width: i.width ?? 0 }));
    pages.push({ width, height, items });
  }
  await doc.destroy();
  // pdf.js splits runs of text; joined without spaces the Chinese sentences read whole again
  // (and NFKC: pdf.js may return CJK compatibility forms, e.g. ⽉ for 月)
  return { pages, text: nfkc(pages.map((p) => p.items.map((i) => i.str).join('')).join('\n')) };
}

function expectA4AndInside(pages: PdfPage[]) {
  for (const [n, p] of pages.entries()) {
    // A4 is 595.3 × 841.9 pt; Chromium rounds the paper to whole pixels
    expect(Math.abs(p.width - 595.3), `page ${n + 1} width ${p.width}`).toBeLessThan(1.5);
    expect(Math.abs(p.height - 841.9), `page ${n + 1} height ${p.height}`).toBeLessThan(1.5);
    for (const i of p.items.filter((x) => x.str.trim())) {
      expect(i.x, `"${i.str}" on page ${n + 1}`).toBeGreaterThanOrEqual(0);
      expect(i.x + i.width, `"${i.str}" on page ${n + 1}`).toBeLessThanOrEqual(p.width + 0.5);
    }
  }
}

const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const has = (text: string, s: string) => expect(text).toContain(nfkc(s));
const hasNot = (text: string, s: string) => expect(text).not.toContain(nfkc(s));
const today = () => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long' }).format(new Date());
const grouped = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('print', () => {
  it('the overview: A4 pages with title, filters in effect, date printed and the figures (all on page 1), whole charts; no controls', async () => {
    const { page } = await openApp(browser, `#/overview?year=${latest}`);
    const { pages, text } = await printPdf(page);
    // the figures with their like-for-like lines and two charts fill page 1; the proactive panels
    // (small multiples across the page) go whole onto page 2
    expect(pages.length).toBeLessThanOrEqual(2);
    const first = nfkc(pages[0].items.map((i) => i.str).join(''));
    has(first, grouped(d.leafSum(latest, 's3_new_total')!));
    has(first, '同口径');
    expectA4AndInside(pages);
    has(text, '政务公开年报看板·总览');
    has(text, `筛选条件：年度${latest}`);
    has(text, `打印时间：${today()}`);
    has(text, grouped(d.leafSum(latest, 's3_new_total')!));
    for (const control of ['导出CSV', '下载Excel填报模板', 'English', '机构对比', '以表格显示']) hasNot(text, control);
    await page.context().close();
  });

  it('an agency\'s form: the whole official form on A4 pages, with the agency, its year and the date', async () => {
    const id = 'SL-D01';
    const name = d.agencies.find((a) => a.agency_id === id)!.name;
    const report = d.reports.find((r) => r.agency_id === id && Number(r.year) === latest)!;
    const { page } = await openApp(browser, `#/agency/${id}?year=${latest}`);
    const { pages, text } = await printPdf(page);
    expect(pages.length).toBeLessThanOrEqual(3);
    expectA4AndInside(pages);
    has(text, '政务公开年报看板·机构');
    has(text, name);
    has(text, `筛选条件：年度${latest}`);
    has(text, `打印时间：${today()}`);
    for (const h of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '复议后起诉']) {
      has(text, h);
    }
    // section 三 starts a page of its own and its last row is on that page too (not split)
    const pageText = pages.map((p) => nfkc(p.items.map((i) => i.str).join('')));
    const s3 = pageText.findIndex((t) => t.includes(nfkc('三、收到和处理政府信息公开申请情况')));
    expect(s3).toBeGreaterThan(0);
    has(pageText[s3], '四、结转下年度继续办理');
    expect(Number(report.s3_new_total)).toBeGreaterThan(0);
    for (const control of ['导出CSV', 'English', '趋势']) hasNot(text, control);
    await page.context().close();
  });
});
