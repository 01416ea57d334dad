// Helpers of the analysis views' browser tests: an independent reading of the registry's scope
// rule and sums over data/*.csv (no app code), the table a panel shows, and its CSV download.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { demo } from './demo';

export type Demo = ReturnType<typeof demo>;

/** Agencies in scope: each filter matched by the agency itself or an ancestor whose report is an
 *  aggregate (the rule the views state in their note). */
export function scopeOf(d: Demo, f: { level?: string; category?: string; q?: string }): Set<string> {
  const byId = new Map(d.agencies.map((a) => [a.agency_id, a]));
  const chain = (id: string) => {
    const out = [byId.get(id)!];
    for (let a = byId.get(byId.get(id)!.parent_id); a; a = byId.get(a.parent_id)) if (d.aggregate.has(a.agency_id)) out.push(a);
    return out;
  };
  const q = f.q?.toLowerCase();
  return new Set(d.agencies.filter((a) => {
    const c = chain(a.agency_id);
    return (!f.level || c.some((x) => x.level === f.level))
      && (!f.category || c.some((x) => x.category === f.category))
      && (!q || c.some((x) => x.name.toLowerCase().includes(q) || x.agency_id.toLowerCase() === q || x.aliases.toLowerCase().includes(q)));
  }).map((a) => a.agency_id));
}

/** Σ over the leaf reports of `ids` in `year` of the given cells (null when all are blank). */
export function sumIn(d: Demo, ids: Set<string> | null, year: number, ...codes: string[]): number | null {
  let any = false;
  let s = 0;
  for (const r of d.leaf) {
    if (Number(r.year) !== year || (ids && !ids.has(r.agency_id))) continue;
    for (const c of codes) {
      if (r[c] === '' || r[c] === undefined) continue;
      any = true;
      s += Number(r[c]);
    }
  }
  return any ? s : null;
}

/** One agency's own report row. */
export function reportOf(d: Demo, id: string, year: number): Record<string, string> | undefined {
  return d.reports.find((r) => r.agency_id === id && Number(r.year) === year);
}

export const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** The figure at a row and column of a panel's table. */
export async function cellValue(panel: Locator, row: string, col: string): Promise<number | null> {
  return num((await panel.locator(`tr[data-row="${row}"] td[data-col="${col}"]`).getAttribute('data-value')) ?? '');
}

/** The table a panel shows, as the export should hold it: header labels, then per row the raw
 *  data-value of figures and the text of the rest (pictures and checkboxes left out). */
export async function shownTable(panel: Locator): Promise<string[][]> {
  return panel.locator('table').evaluate((t) => {
    // the column headers' row (above it, a row of column groups on some tables)
    const head = [...t.querySelectorAll('thead tr:last-child th:not([data-noexport])')].map((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim());
    const rows = [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td:not([data-noexport])')].map((c) => (c.hasAttribute('data-value') ? c.getAttribute('data-value')! : (c.textContent ?? '').trim())));
    return [head, ...rows];
  });
}

/** Click an export button and read the downloaded file. */
export async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** A downloaded CSV: it starts with the UTF-8 BOM; returns its rows. */
export function csvRows(bytes: Buffer): string[][] {
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error('CSV without UTF-8 BOM');
  return Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
}

/** Waits until the view re-rendered after a URL change and is ready again. */
export async function waitUrl(page: Page, part: string) {
  await page.waitForFunction((p) => decodeURIComponent(location.hash).includes(p), part);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}
