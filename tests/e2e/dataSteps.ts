// Steps shared by the persistence, atomicity and odd-file browser tests.
import type { Page } from 'playwright-core';
import { baseUrl, metricValue, waitReady } from './harness';

export const KPI_CODES = ['s3_new_total', 's3_handled_total_total', 's3_carried_out_total', 's4_review_total'];

export async function gotoView(page: Page, hash: string) {
  await page.goto(new URL(hash, baseUrl()).toString());
  await waitReady(page);
}

/** Chooses files on the import screen (without waiting for the outcome). */
export async function chooseFiles(page: Page, files: string[]) {
  await gotoView(page, '#/import');
  await page.locator('[data-import="csv"]').setInputFiles(files);
}

export async function importFiles(page: Page, files: string[], timeout = 120_000) {
  await chooseFiles(page, files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-import-results] > li:not([data-status="pending"])').length === n, files.length, { timeout });
  await waitReady(page, timeout);
}

/** The overview's key figures for one year (null where blank). */
export async function kpis(page: Page, year: number) {
  await gotoView(page, `#/overview?year=${year}`);
  const out: Record<string, number | null> = {};
  for (const c of [...KPI_CODES, 'agencies_expected', 'agencies_reporting']) out[c] = await metricValue(page, c);
  return out;
}

export async function logOps(page: Page): Promise<string[]> {
  await gotoView(page, '#/import');
  return page.locator('[data-log] > li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-op')}:${e.querySelector('.name')?.textContent}`));
}
