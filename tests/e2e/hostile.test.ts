// Behaviour: agency names and ids that carry HTML or script show as text everywhere. A registry
// and reports of such agencies are imported, every view is visited (scoped to them and not),
// every chart is hovered, and no payload runs: no dialog, no window flag, no CSP violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { CELL_CODES } from '../../src/lib/format/cells';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { launch, openApp, waitReady } from './harness';
import { gotoView, importFiles } from './dataSteps';

const P = 'XSS';
const NAMES = [
  `${P}<img src=x onerror="window.__pwned=1;alert(1)">局`,
  `${P}</script><script>window.__pwned=2;alert(2)</script>委`,
  `${P}javascript:window.__pwned=3//办`,
  `${P}"><svg onload="window.__pwned=4;alert(4)">厅`,
  `${P}{{constructor.constructor('window.__pwned=5')()}}署`,
];
const IDS = ['x-img', 'javascript:alert(6)', '"><b>id', 'x-svg', 'x-tpl'];

let dir: string;
let browser: Browser;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-hostile-'));
  writeFileSync(join(dir, 'hostile-agencies.csv'), Papa.unparse({
    fields: ['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases'],
    data: NAMES.map((n, i) => [IDS[i], n, '部门', '', `<i>cat${i}</i>`, 'false', `${P}<u>alias${i}</u>`]),
  }));
  const years = [2022, 2023, 2024];
  writeFileSync(join(dir, 'hostile-reports.csv'), Papa.unparse({
    fields: ['agency', 'year', 'agency_id', ...CELL_CODES],
    data: NAMES.flatMap((n, i) => years.map((y) => {
      const c = randomRecord(1000 + i * 10 + y);
      return [n, y, IDS[i], ...CELL_CODES.map((k) => c[k] ?? '')];
    })),
  }));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function hoverCharts(page: Page) {
  const charts = page.locator('[data-chart] canvas');
  const n = await charts.count();
  for (let i = 0; i < n; i++) {
    const box = await charts.nth(i).boundingBox();
    if (!box) continue;
    for (const fx of [0.15, 0.3, 0.5, 0.7, 0.9]) {
      for (const fy of [0.03, 0.2, 0.5, 0.8]) await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    }
  }
}

describe('hostile names', () => {
  it('show as text in every view, in tables, tooltips and links, and never run', async () => {
    const { page, context, errors } = await openApp(browser, '#/import');
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    await importFiles(page, [join(dir, 'hostile-agencies.csv'), join(dir, 'hostile-reports.csv')]);
    expect(await page.locator('[data-import-results] > li[data-status="ok"]').count()).toBe(2);

    const sel = encodeURIComponent(IDS.slice(0, 4).join(','));
    const hashes = [
      '#/overview', '#/overview?year=2024', `#/trends?q=${P}`, '#/trends', `#/refusals?q=${P}`, '#/refusals',
      `#/compare?year=2024&sel=${sel}`, `#/compare?q=${P}`, `#/compliance?q=${P}`, '#/compliance', '#/import',
      ...IDS.map((id) => `#/agency/${encodeURIComponent(id)}?year=2024`),
    ];
    let seenAsText = 0;
    let tips = 0;
    for (const h of hashes) {
      await gotoView(page, h);
      await page.waitForTimeout(300);
      await hoverCharts(page);
      // a chart tooltip showing a name shows it as text (escaped), never as markup
      tips += await page.evaluate((p) => [...document.querySelectorAll('div')]
        .filter((d) => d.style.position === 'absolute' && d.children.length < 50 && d.textContent!.includes(`${p}<`)).length, P);
      const text = await page.locator('main').innerText();
      if (NAMES.some((n) => text.includes(n.slice(0, 12)))) seenAsText++;
      // an href from a file never becomes a javascript: link
      const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((x) => /^\s*javascript:/i.test(x)), h).toEqual([]);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned ?? null), h).toBeNull();
      expect(await page.locator('main img[src="x"], main svg[onload], main script').count(), h).toBe(0);
    }
    // the names were on screen, as text, on most views
    expect(seenAsText).toBeGreaterThanOrEqual(hashes.length / 2);
    expect(tips).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await context.close();
  });

  it('the app runs under its Content-Security-Policy: DuckDB and charts work, nothing leaves the origin, injected scripts are refused', async () => {
    const { page, context, requests } = await openApp(browser, '#/overview');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    await page.locator('[data-chart] canvas').first().waitFor();
    // every request stayed on the app's own origin
    const origin = new URL(page.url()).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
    // a script injected from elsewhere is refused
    const blocked = await page.evaluate(() => new Promise<boolean>((res) => {
      const s = document.createElement('script');
      s.src = 'https://example.invalid/x.js';
      s.onerror = () => res(true);
      s.onload = () => res(false);
      document.head.appendChild(s);
    }));
    expect(blocked).toBe(true);
    // and so is an inline script, however it gets into the page
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.appendChild(s);
    });
    expect(await page.evaluate(() => (window as { __inline?: number }).__inline ?? null)).toBeNull();
    await gotoView(page, '#/import');
    await waitReady(page);
    await context.close();
  });
});
