// Behaviour: a supervisor opens 合规 and sees exactly the demo city's planted faults; narrows the
// list with filters that live in the URL; opens a finding to see the form with the offending
// cells marked; confirms a finding with a note that survives a reload; exports the list as CSV.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, metricValue, openApp, waitReady } from './harness';

interface Fault { rule: string; agency_id: string; year: number; cells: string[] }
const faults: Fault[] = JSON.parse(readFileSync('data/faults.json', 'utf8'));
const triple = (f: { rule: string | null; agency_id: string | null; year: string | number | null }) => `${f.rule}|${f.agency_id}|${f.year}`;
const planted = faults.map(triple).sort();

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const ROWS = 'table.flags tbody tr';
async function listed(page: Page) {
  return page.locator(ROWS).evaluateAll((trs) =>
    trs.map((tr) => ({ rule: tr.getAttribute('data-rule'), agency_id: tr.getAttribute('data-agency'), year: tr.getAttribute('data-year') })));
}
const distinct = (xs: { rule: string | null; agency_id: string | null; year: string | null }[]) => [...new Set(xs.map(triple))].sort();

async function openFlag(page: Page, rule: string) {
  await page.locator(`${ROWS}[data-rule="${rule}"] [data-open-flag]`).first().click();
  await page.waitForSelector(`[data-detail][data-rule="${rule}"]`);
  await waitReady(page);
}

describe('compliance', () => {
  it('lists exactly the planted faults of the demo city, with counts per rule', async () => {
    const { page, errors } = await openApp(browser, '#/compliance');
    const rows = await listed(page);
    expect(distinct(rows)).toEqual(planted);
    expect(await metricValue(page, 'flags_total')).toBe(rows.length);
    for (const f of faults) {
      expect(await metricValue(page, `flags_${f.rule}`), f.rule).toBe(rows.filter((r) => r.rule === f.rule).length);
    }
    // the scorecard has one row per flagged agency, and the charts are drawn
    const scored = await page.locator('[data-scorecard] tbody tr').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-agency')));
    expect(scored.sort()).toEqual([...new Set(faults.map((f) => f.agency_id))].sort());
    await page.waitForSelector('[data-chart="flags-by-rule"] canvas');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters narrow the list and live in the URL; a link reproduces them', async () => {
    const { page } = await openApp(browser, '#/compliance');
    await page.locator('[data-filter="severity"]').selectOption('warning');
    await page.waitForFunction(() => location.hash.includes('severity=warning'));
    const warnings = await listed(page);
    expect(distinct(warnings)).toEqual(faults.filter((f) => ['in_force', 'late', 'aggregate_mismatch', 'copied'].includes(f.rule)).map(triple).sort());
    await page.locator('[data-filter="year"]').selectOption('2022');
    await page.waitForFunction(() => location.hash.includes('year=2022'));
    expect(distinct(await listed(page))).toEqual(faults.filter((f) => ['in_force', 'aggregate_mismatch'].includes(f.rule)).map(triple).sort());
    // Back undoes the last filter
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('year='));
    expect((await listed(page)).length).toBe(warnings.length);
    // the search matches agency names; a reload keeps every filter
    await page.locator('[data-filter="severity"]').selectOption('');
    await page.locator('[data-filter="q"]').fill('公安');
    await page.locator('[data-filter="q"]').press('Enter');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=公安'));
    await page.locator('[data-filter="level"]').selectOption('市级部门');
    await page.waitForFunction(() => location.hash.includes('level='));
    await page.reload();
    await waitReady(page);
    expect(await page.locator('[data-filter="q"]').inputValue()).toBe('公安');
    expect(await page.locator('[data-filter="level"]').inputValue()).toBe('市级部门');
    expect(distinct(await listed(page))).toEqual(faults.filter((f) => f.agency_id === 'SL-D05').map(triple));
    // the scorecard's agency button filters to that agency
    await page.locator('[data-action="clear-filters"]').click();
    await page.locator('[data-scorecard] tr[data-agency="SL-D09"] [data-filter-agency]').click();
    await page.waitForFunction(() => location.hash.includes('agency=SL-D09'));
    expect(distinct(await listed(page))).toEqual(faults.filter((f) => f.agency_id === 'SL-D09').map(triple));
    await page.context().close();
  });

  it('a click opens the agency-year’s form with the offending cells highlighted', async () => {
    const { page } = await openApp(browser, '#/compliance');
    for (const rule of ['column_sum', 'negative', 'aggregate_mismatch']) {
      const fault = faults.find((f) => f.rule === rule)!;
      await openFlag(page, rule);
      expect(page.url()).toContain('flag=');
      const detail = page.locator('[data-detail]');
      expect([await detail.getAttribute('data-agency'), await detail.getAttribute('data-year')]).toEqual([fault.agency_id, String(fault.year)]);
      const form = page.locator('[data-flag-form]');
      await form.waitFor();
      const flagged = await form.locator('td[data-flagged="true"]').evaluateAll((tds) => tds.map((t) => t.getAttribute('data-metric')));
      expect(flagged.length, rule).toBeGreaterThan(0);
      // the listed row's cells are marked (the first flag of a multi-column fault covers one of them)
      expect(fault.cells.some((c) => flagged.includes(c)), `${rule}: ${flagged}`).toBe(true);
      for (const code of flagged) expect(await form.locator(`td[data-metric="${code}"]`).getAttribute('class')).toContain('flag-');
      // the form has all 200 cells, unmarked ones without the attribute
      expect(await form.locator('td[data-metric]').count()).toBe(200);
    }
    // a missing report has no form
    await openFlag(page, 'missing');
    expect(await page.locator('[data-no-report]').count()).toBe(1);
    await page.context().close();
  });

  it('confirming a flag with a note survives a reload', async () => {
    const { page } = await openApp(browser, '#/compliance');
    await openFlag(page, 'late');
    const key = await page.locator('[data-detail]').getAttribute('data-detail');
    await page.locator('[data-review-note]').fill('已电话核实：网站迁移导致延迟');
    await page.locator('[data-action="confirm"]').click();
    await page.waitForSelector('[data-review-state="confirmed"]');
    await page.reload();
    await waitReady(page);
    await page.waitForSelector(`[data-detail="${key}"] [data-review-state="confirmed"]`);
    expect(await page.locator('[data-review-note-text]').textContent()).toBe('已电话核实：网站迁移导致延迟');
    expect(await page.locator(`${ROWS}[data-key="${key}"]`).getAttribute('data-review')).toBe('confirmed');
    // the review filter separates confirmed from open findings
    await page.locator('[data-filter="review"]').selectOption('confirmed');
    await page.waitForFunction(() => location.hash.includes('review=confirmed'));
    expect(await page.locator(ROWS).count()).toBe(1);
    await page.context().close();
  });

  it('exports the flags as CSV with a BOM and the review state', async () => {
    const { page } = await openApp(browser, '#/compliance', { acceptDownloads: true });
    await openFlag(page, 'copied');
    await page.locator('[data-review-note]').fill('=HYPERLINK("x") 原样');
    await page.locator('[data-action="confirm"]').click();
    await page.waitForSelector('[data-review-state="confirmed"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^compliance_\d{8}-\d{4}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    for (const c of ['rule', 'severity', 'agency_id', 'agency', 'year', 'cells', 'expected', 'actual', 'message', 'review_state', 'review_note']) {
      expect(Object.keys(rows[0])).toContain(c);
    }
    expect([...new Set(rows.map((r) => triple({ rule: r.rule, agency_id: r.agency_id, year: r.year })))].sort()).toEqual(planted);
    const copied = rows.find((r) => r.rule === 'copied')!;
    expect([copied.review_state, copied.review_note]).toEqual(['confirmed', `'=HYPERLINK("x") 原样`]);
    expect(rows.filter((r) => r.review_state === 'open').length).toBe(rows.length - 1);
    await page.context().close();
  });
});
