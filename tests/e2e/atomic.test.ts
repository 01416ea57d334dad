// Behaviour: an import either fully lands or changes nothing. A failure injected inside the
// transaction (the log write throws, or hits the storage quota) and a tab closed in the middle of
// the write each leave every figure as it was, before and after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath, openIn, waitReady } from './harness';
import { demo } from './demo';
import { chooseFiles, gotoView, importFiles, kpis, logOps } from './dataSteps';

const latest = demo().years.at(-1)!;
const GOOD = 'tests/fixtures/csv/import-good.csv';
// loaded first, so "nothing changed" is about figures that are there (the user's own workspace)
const GBK = 'tests/fixtures/csv/import-good-gbk.csv';

let dir: string;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-atomic-'));
  context = await chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, locale: 'zh-CN' });
  ({ page } = await openIn(context));
  await importFiles(page, [GBK]);
});
afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

const setFaults = (p: Page, f: object | null) => p.evaluate((x) => { (window as { __ddFaults?: object | null }).__ddFaults = x; }, f);

describe('atomic imports', () => {
  for (const [fault, says] of [['error', 'injected persistence failure'], ['quota', '存储空间不足']] as const) {
    it(`a ${fault} thrown inside the transaction changes nothing, before and after a reload`, async () => {
      const before = await kpis(page, latest);
      await gotoView(page, '#/import');
      await setFaults(page, { failWrite: fault });
      await importFiles(page, [GOOD]);
      const item = page.locator('[data-import-results] > li').first();
      expect(await item.getAttribute('data-status')).toBe('failed');
      expect(await item.textContent()).toContain(says);
      await setFaults(page, null);
      expect(await kpis(page, latest)).toEqual(before);
      await page.reload();
      await waitReady(page);
      expect(await kpis(page, latest)).toEqual(before);
      expect(await logOps(page)).toEqual(['import:import-good-gbk.csv']);
    });
  }

  it('a stored entry that can no longer be replayed is reported, kept, and does not stop the app', async () => {
    const before = await kpis(page, latest);
    await page.evaluate(() => new Promise<void>((res, rej) => {
      const r = indexedDB.open('disclosure-dashboard');
      r.onsuccess = () => {
        const t = r.result.transaction('imports', 'readwrite');
        // a registry row without a name breaks agencies.name NOT NULL on replay
        t.objectStore('imports').add({ op: 'import', at: '', imp: { file: 'broken.csv', kind: 'agencies', newAgencies: [], records: [], replace: true,
          agencies: [{ agency_id: 'broken', name: null, level: null, parent_id: null, category: null, is_aggregate: false, aliases: [] }] } });
        t.oncomplete = () => { r.result.close(); res(); };
        t.onerror = () => rej(t.error);
      };
    }));
    await page.reload();
    await waitReady(page);
    expect(await kpis(page, latest)).toEqual(before);
    await gotoView(page, '#/import');
    expect(await page.locator('[data-replay-failures]').textContent()).toContain('broken.csv');
    // clearing the log removes it
    await page.locator('[data-clear-start]').click();
    await page.locator('[data-clear="demo"]').click();
    await page.locator('[data-data-message]').waitFor();
    await waitReady(page);
    expect(await page.locator('[data-replay-failures]').count()).toBe(0);
  });

  it('closing the tab while the import is being written leaves the previous data intact', async () => {
    // (the clear above showed the demo: this import opens the user's own workspace again)
    await importFiles(page, [GBK]);
    const before = await kpis(page, latest);
    expect(before.s3_new_total).toBeGreaterThan(0);
    await gotoView(page, '#/import');
    await setFaults(page, { stallWriteMs: 20_000 });
    await chooseFiles(page, [GOOD]);
    await page.waitForFunction(() => (window as { __ddPersisting?: boolean }).__ddPersisting === true);
    await page.close();
    ({ page } = await openIn(context));
    expect(await kpis(page, latest)).toEqual(before);
    expect(await logOps(page)).toEqual(['import:import-good-gbk.csv']);
    // and the same file still imports normally afterwards
    await importFiles(page, [GOOD]);
    expect(await logOps(page)).toEqual(['import:import-good-gbk.csv', 'import:import-good.csv']);
  });
});
