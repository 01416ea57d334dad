// Random valid records → the official form (HTML) → PDF through Chromium's print → read back
// with pdf.js → all 200 cells, agency and year equal; records with many blank cells → each cell
// exact or blank with a warning, never wrong. Then a PDF and an HTML report dropped on the import
// screen land in the overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { readDocumentNode } from '../../src/lib/ingest/docs/readNode';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { CELL_CODES, type CellCode } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { prng, randomRecord } from '../fixtures/reports/randomRecord';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function printPdf(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  return new Uint8Array(await page.pdf({ format: 'A4', printBackground: false }));
}

describe('PDF round trip through Chromium print', () => {
  it('200 random records come back exactly, every row label read as the official one', { timeout: 400_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    let checked = 0;
    // Pipelined: Chromium prints the next record while Node reads the previous PDF.
    let reading: Promise<void> = Promise.resolve();
    for (let seed = 1001; seed <= 1200; seed++) {
      const rec = { agency: seed % 2 ? '示例市数据局' : '北湖县清河街道办事处', year: 2021 + (seed % 4), cells: randomRecord(seed) };
      const pdf = await printPdf(page, renderFormHtml(rec));
      reading = reading.then(async () => {
        const back = parseReportText((await readDocumentNode('r.pdf', pdf)).text);
        const wrong = Object.keys(rec.cells).filter((c) => back.cells[c as keyof typeof back.cells] !== rec.cells[c as keyof typeof rec.cells]);
        if (back.agency !== rec.agency || back.year !== rec.year || wrong.length) failures.push(`seed ${seed}: ${back.agency} ${back.year} ${wrong.slice(0, 5).join(',')}`);
        // every row label is the official one, whatever the print wrapped into it
        for (const w of back.warnings) if (/variant or approximate/.test(w.message_en)) failures.push(`seed ${seed}: ${w.message_en}`);
        checked++;
      });
    }
    await reading;
    expect(checked).toBe(200);
    expect(failures).toEqual([]);
    await page.close();
  });
});

/** The form with its merged group labels printed down the cell: one character per <br>, or
 *  vertical writing; `tight` prints the table with less padding and a larger label font. */
function verticalLabels(html: string, seed: number): string {
  const LABELS = /(<t[dh][^>]*)>(三、本年度办理结果|申请人情况|四、结转下年度继续办理)</g;
  const big = seed % 3 === 0 ? 'font-size:13pt;' : '';
  const out = seed % 2
    ? html.replace(LABELS, (_, td: string, t: string) => `${td} style="${big}">${Array.from(t).join('<br>')}<`)
    : html.replace(LABELS, (_, td: string, t: string) => `${td} style="writing-mode:vertical-rl;${big}">${t}<`);
  return seed % 4 < 2 ? out : out.replace('padding:2pt 4pt', 'padding:0 2pt;line-height:1.1');
}

describe('PDF round trip: vertical group labels', () => {
  it('24 records with 三、本年度办理结果 / 申请人情况 / 四、结转… printed down their cells: every cell exact', { timeout: 200_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    let reading: Promise<void> = Promise.resolve();
    for (let seed = 3001; seed <= 3024; seed++) {
      const rec = { agency: '示例市交通运输局', year: 2023, cells: randomRecord(seed) };
      const pdf = await printPdf(page, verticalLabels(renderFormHtml(rec), seed));
      reading = reading.then(async () => {
        const back = parseReportText((await readDocumentNode('r.pdf', pdf)).text);
        const wrong = Object.keys(rec.cells).filter((c) => back.cells[c as CellCode] !== rec.cells[c as CellCode]);
        if (back.agency !== rec.agency || back.year !== rec.year || wrong.length) {
          failures.push(`seed ${seed}: ${back.agency} ${back.year} ${wrong.slice(0, 5).map((c) => `${c}=${back.cells[c as CellCode]}/${rec.cells[c as CellCode]}`).join(',')}`);
        }
      });
    }
    await reading;
    expect(failures).toEqual([]);
    await page.close();
  });
});

/** A random record with many blanks: section 二 cells, one section-三 column (in some rows or
 *  all of them), scattered section-三 cells, section-四 cells. */
function blanked(seed: number): CellValues {
  const cells = randomRecord(seed);
  const rnd = prng(seed * 31);
  const cols = ['natural', 'business', 'research', 'ngo', 'legal', 'other_org', 'total'];
  const col = cols[Math.floor(rnd() * cols.length)];
  const whole = rnd() < 0.3;
  for (const c of CELL_CODES) {
    if (c.startsWith('s2_') && !c.includes('license') && rnd() < 0.35) cells[c] = null;
    if (c.startsWith('s3_') && c.endsWith(`_${col}`) && (whole || rnd() < 0.4)) cells[c] = null;
    if (c.startsWith('s3_') && rnd() < 0.03) cells[c] = null;
    if (c.startsWith('s4_') && rnd() < 0.15) cells[c] = null;
  }
  return cells;
}

describe('PDF round trip with blank cells', () => {
  it('40 records with many blanks: every cell exact or blank with a warning; sections 二 and 四 exact', { timeout: 200_000 }, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    let exact = 0;
    let reading: Promise<void> = Promise.resolve();
    for (let seed = 2001; seed <= 2040; seed++) {
      const rec = { agency: '示例市数据局', year: 2024, cells: blanked(seed) };
      const pdf = await printPdf(page, renderFormHtml(rec));
      reading = reading.then(async () => {
        const back = parseReportText((await readDocumentNode('r.pdf', pdf)).text);
        const warned = new Set(back.warnings.map((w) => w.code));
        for (const c of CELL_CODES as CellCode[]) {
          const got = back.cells[c];
          const truth = rec.cells[c];
          if (got === truth) exact++;
          if (got !== truth && (got !== null || !warned.has(c))) problems.push(`seed ${seed} ${c}: read ${got}, is ${truth}${got === null ? ' (no warning)' : ''}`);
          else if (got !== truth && !c.startsWith('s3_')) problems.push(`seed ${seed} ${c}: blank, is ${truth}`);
        }
      });
    }
    await reading;
    expect(problems).toEqual([]);
    // a section-三 table continued on page 2 with a column blank in every row there has neither a
    // full row nor a header on that page: those rows stay blank with warnings
    expect(exact).toBeGreaterThan(40 * 200 * 0.8);
    await page.close();
  });
});

describe('documents dropped on the import screen', () => {
  it('a PDF and an HTML report are parsed, committed together, and show in the overview', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-docs-'));
    const recs = [
      { agency: '示例市新设大数据中心', year: 2024, cells: randomRecord(77) },
      { agency: '示例市新设档案馆', year: 2024, cells: randomRecord(78) },
    ];
    const printer = await browser.newPage();
    writeFileSync(join(dir, 'report-a.pdf'), await printPdf(printer, renderFormHtml(recs[0])));
    writeFileSync(join(dir, 'report-b.html'), renderFormHtml(recs[1]));
    await printer.close();

    const { page, context, errors } = await openApp(browser);
    await page.goto(new URL('#/import', baseUrl()).toString());
    await waitReady(page);
    await page.locator('[data-import="csv"]').setInputFiles([join(dir, 'report-a.pdf'), join(dir, 'report-b.html')]);
    await page.locator('[data-review]').waitFor();
    expect(await page.locator('[data-draft]').count()).toBe(2);
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    await page.goto(new URL('#/overview?year=2024', baseUrl()).toString());
    await waitReady(page);
    // the user's own workspace: the two documents alone
    expect(await metricValue(page, 's3_new_total')).toBe(recs[0].cells.s3_new_total! + recs[1].cells.s3_new_total!);
    expect(errors).toEqual([]);
    await context.close();
  });
});
