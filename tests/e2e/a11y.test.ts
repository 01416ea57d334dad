// Accessibility: axe-core on every view of the registry (and the agency page and its index, the
// chart tables), as opened from a link: no serious or critical violation.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './harness';
import { openReviewWithDraft, openUncertainDraft } from './reviewSteps';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const VIEWS: [string, string, string?][] = [
  ['overview', '#/overview'],
  ['import', '#/import'],
  ['trends', '#/trends?level=区县'],
  ['refusals', '#/refusals', '[data-panel="heatmap"] [data-toggle="table"]'],
  ['compare', '#/compare?sel=SL-D05,SL-Q1-D02'],
  ['agency', '#/agency/SL-Q3?year=2022'],
  ['agency index', '#/agency'],
  ['compliance', '#/compliance'],
  ['agency registry', '#/agencies', '[data-registry-mode="tree"]'],
];

describe('accessibility (axe-core)', () => {
  it('the check itself catches a planted violation', async () => {
    const { page } = await openApp(browser, '#/agency');
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
    expect((await seriousViolations(page)).join('\n')).toMatch(/image-alt/);
    await page.context().close();
  });

  for (const [name, hash, toggle] of VIEWS) {
    it(`${name}: no serious or critical violations`, async () => {
      const { page } = await openApp(browser, hash);
      await page.waitForTimeout(300);
      expect(await seriousViolations(page)).toEqual([]);
      if (toggle) {
        await page.locator(toggle).click();
        expect(await seriousViolations(page)).toEqual([]);
      }
      await page.context().close();
    });
  }

  it('the document review with a draft open (duplicates side by side, a rule marked, uncertain cells): no serious or critical violations', async () => {
    const { page, context } = await openApp(browser, '#/import');
    await openReviewWithDraft(page);
    expect(await seriousViolations(page)).toEqual([]);
    await openUncertainDraft(page);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('every view: the first Tab reaches a skip link, which moves the focus to the main content', async () => {
    const { page, context } = await openApp(browser, '#/overview');
    for (const [, hash] of VIEWS) {
      // a page as it opens (a reload: the Tab order starts again from the top)
      await page.goto(new URL(hash, page.url()).toString());
      await page.reload();
      await page.locator('main').waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-skip-link')), hash).toBe(true);
      expect(await page.locator('[data-skip-link]').isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName), hash).toBe('MAIN');
      expect(new URL(page.url()).hash, 'the route stays').toBe(new URL(hash, page.url()).hash);
    }
    await context.close();
  });

  it('sortable headers and the chart/table toggle work from the keyboard', async () => {
    const { page } = await openApp(browser, '#/compare');
    const sortButton = page.locator('[data-panel="agencies"] button[data-sort="open_rate"]');
    await sortButton.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('sort=open_rate'));
    await page.goto(page.url().replace(/#.*$/, '#/refusals'));
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.locator('[data-panel="heatmap"] [data-toggle="table"]').focus();
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-panel="heatmap"] table');
    await page.context().close();
  });
});
