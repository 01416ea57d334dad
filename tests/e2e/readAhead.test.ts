// Several report documents dropped at once are read two at a time (readAhead.ts): the drafts still
// come in file order, each with its own file's numbers, and a damaged file between them is named
// on its own without stopping the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { distinctRecord } from '../fixtures/reports/families';
import { baseUrl, launch, metricValue, openApp, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('documents dropped together', () => {
  it('five PDFs, a web page and a damaged PDF: drafts in file order, every cell of each exact, the damaged one named', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-ahead-'));
    const names = ['a.pdf', 'b.pdf', 'c.html', 'd.pdf', 'broken.pdf', 'e.pdf', 'f.pdf'];
    const recs = new Map<string, { agency: string; year: number; cells: ReturnType<typeof distinctRecord> }>();
    const printer = await browser.newPage();
    for (const [k, name] of names.entries()) {
      if (name === 'broken.pdf') {
        writeFileSync(join(dir, name), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
        continue;
      }
      const rec = { agency: `示例市新设第${k + 1}中心`, year: 2024, cells: distinctRecord(300 + k) };
      recs.set(name, rec);
      if (name.endsWith('.html')) writeFileSync(join(dir, name), renderFormHtml(rec));
      else {
        await printer.setContent(renderFormHtml(rec), { waitUntil: 'load' });
        writeFileSync(join(dir, name), await printer.pdf({ format: 'A4', printBackground: false }));
      }
    }
    await printer.close();

    const { page, context, errors } = await openApp(browser);
    await page.goto(new URL('#/import', baseUrl()).toString());
    await waitReady(page);
    const t0 = Date.now();
    await page.locator('[data-import="csv"]').setInputFiles(names.map((n) => join(dir, n)));
    await page.locator('[data-review]').waitFor();
    await page.locator(`[data-file="f.pdf"][data-status="review"]`).waitFor();
    console.log(`${names.length} files dropped → review: ${Date.now() - t0} ms`);
    expect(await page.locator('[data-file="broken.pdf"]').getAttribute('data-status')).toBe('failed');
    const drafts = page.locator('[data-draft]');
    const states = await drafts.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-draft-state')));
    expect(new Set(states).size).toBe(1); // one state: the list shows them in draft order
    expect(await drafts.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-draft')))).toEqual([...recs.keys()]);
    for (const [name, rec] of recs) {
      await page.locator(`[data-draft="${name}"]`).click();
      await page.locator(`[data-draft="${name}"][aria-current="true"]`).waitFor();
      expect(await page.locator('[data-draft-field="agency"]').inputValue()).toBe(rec.agency);
      const shown = await page.locator('[data-review] td[data-metric]').evaluateAll((tds) =>
        Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), td.getAttribute('data-value')])));
      for (const [code, v] of Object.entries(rec.cells)) expect(shown[code], `${name} ${code}`).toBe(v === null ? '' : String(v));
    }
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    await page.goto(new URL('#/overview?year=2024', baseUrl()).toString());
    await waitReady(page);
    expect(await metricValue(page, 's3_new_total')).toBe([...recs.values()].reduce((s, r) => s + r.cells.s3_new_total!, 0));
    expect(errors).toEqual([]);
    await context.close();
  });
});
