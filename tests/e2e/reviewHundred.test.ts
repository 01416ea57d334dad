// Behaviour at a city's scale: 100 report documents dropped in one go — text in four layouts, web
// pages and Word files made by the project's own renderers, 99 agencies with distinct non-zero
// figures — two of them the same agency-year (a text file and a web page that differs in two
// cells). The duplicate is blocked and shown side by side; a failed rule marks its cells in the
// form; the keyboard moves between drafts and through the uncertain cells of two drafts whose
// text lost a figure; keeping the better copy lets the batch commit, and the overview's totals
// equal the test's own sums over the 99 kept records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { renderReportText, type TextLayout } from '../../src/lib/ingest/renderText';
import type { CellValues } from '../../src/lib/format/record';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { formAsDocx } from '../fixtures/reports/formDocx';
import { baseUrl, launch, openApp } from './harness';
import { KPI_CODES, kpis } from './dataSteps';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const YEAR = 2024;
const STEMS = ['教育', '财政', '公安', '民政', '司法', '人力资源和社会保障', '自然资源', '生态环境', '住房和城乡建设', '交通运输', '水务',
  '农业农村', '商务', '文化和旅游', '卫生健康', '退役军人事务', '应急管理', '审计', '市场监督管理', '统计', '医疗保障', '林业', '体育',
  '信访', '数据', '档案', '气象', '地震', '粮食和物资储备', '人民防空', '城市管理', '机关事务管理', '科学技术'];
const KINDS = ['局', '事务服务中心', '综合行政执法支队'];
const FORMATS = ['rows', 'cells', 'markdown', 'tabs', 'html', 'docx'] as const;
type Format = (typeof FORMATS)[number];

interface Doc { file: string; agency: string; cells: CellValues; format: Format; garbled?: boolean }

/** 99 agencies, each with a record whose figures differ from every other's (s3_new_total > 0). */
function records(): { agency: string; cells: CellValues }[] {
  const out: { agency: string; cells: CellValues }[] = [];
  const seen = new Set<number>();
  for (let seed = 7000; out.length < STEMS.length * KINDS.length; seed++) {
    const cells = randomRecord(seed);
    const total = cells.s3_new_total;
    if (!total || seen.has(total)) continue;
    seen.add(total);
    const k = out.length;
    out.push({ agency: `示例市${STEMS[k % STEMS.length]}${KINDS[Math.floor(k / STEMS.length)]}`, cells });
  }
  return out;
}

/** The '一、本年新收…' line of a 'rows' text with its last figure (the total) lost, as a bad copy-paste leaves it. */
const loseNewTotal = (text: string) => text.replace(/^(一、本年新收政府信息公开申请数量(?: \S+){6}) \S+$/m, '$1');

function write(dir: string, d: Doc): string {
  const path = join(dir, d.file);
  const rec = { agency: d.agency, year: YEAR, cells: d.cells };
  if (d.format === 'html') writeFileSync(path, renderFormHtml(rec));
  else if (d.format === 'docx') writeFileSync(path, formAsDocx(renderFormHtml(rec)));
  else {
    const text = renderReportText(rec, d.format as TextLayout);
    writeFileSync(path, d.garbled ? loseNewTotal(text) : text);
  }
  return path;
}

const selectedFile = (page: Page) => page.locator('[data-review] [role="option"][aria-selected="true"]').getAttribute('data-draft');

describe('a hundred documents in one batch', () => {
  it('blocks the duplicate, shows it side by side, marks a failed rule\'s cells, moves by keyboard, commits 99 with the right totals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-hundred-'));
    const recs = records();
    const ext = (f: Format) => (f === 'html' ? 'html' : f === 'docx' ? 'docx' : 'txt');
    const docs: Doc[] = recs.map((r, k) => {
      const format = FORMATS[k % FORMATS.length];
      return { file: `r${String(k).padStart(3, '0')}-${format}.${ext(format)}`, agency: r.agency, cells: r.cells, format, garbled: k === 6 || k === 12 };
    });
    // the duplicate: agency 0's report also saved as a web page, two cells mistyped in it
    // (dropped first, so keeping the better copy is not keeping the first)
    const dup = docs[0];
    const mistyped: CellValues = { ...dup.cells, s3_new_natural: dup.cells.s3_new_natural! + 5, s3_new_total: dup.cells.s3_new_total! + 5 };
    const twin: Doc = { file: 'r000-copy.html', agency: dup.agency, cells: mistyped, format: 'html' };
    const all = [twin, ...docs];
    expect(all.length).toBe(100);
    expect(new Set(docs.map((d) => d.agency)).size).toBe(99);
    const paths = all.map((d) => write(dir, d));

    const { page, context, errors, requests } = await openApp(browser, '#/import');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-import="csv"]').setInputFiles(paths);
    await page.waitForFunction(() => document.querySelectorAll('[data-draft][data-draft-state]').length === 100, undefined, { timeout: 150_000 });

    // the duplicate blocks the batch, with the reason beside the commit button
    const count = (s: string) => page.locator(`[data-draft-filter="${s}"]`).getAttribute('data-count');
    expect(await count('blocked')).toBe('2');
    // a blank printed as nothing (not "—") is uncertain, never a zero; so is a row that lost a figure
    const uncertainCount = Number(await count('uncertain'));
    for (const g of docs.filter((d) => d.garbled)) expect(await page.locator(`[data-draft="${g.file}"]`).getAttribute('data-draft-state')).toBe('uncertain');
    expect(await count('failed')).toBe('0');
    expect(Number(await count('clean'))).toBe(98 - uncertainCount);
    expect(await page.locator(`[data-draft="${twin.file}"]`).getAttribute('data-draft-state')).toBe('blocked');
    expect(await page.locator(`[data-draft="${dup.file}"]`).getAttribute('data-draft-state')).toBe('blocked');
    expect(await page.locator('[data-commit]').isDisabled()).toBe(true);
    expect(await page.locator('[data-commit-blocked]').getAttribute('data-commit-blocked')).toBe('2');

    // keyboard: ↓ in the list, then Alt+↓ from anywhere, open the next drafts of the list
    const order = await page.locator('[data-review] [role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-draft')!));
    expect(order.slice(0, 2).sort()).toEqual([dup.file, twin.file].sort());
    await page.locator('[data-review] [role="option"][tabindex="0"]').focus();
    expect(await selectedFile(page)).toBe(order[0]);
    await page.keyboard.press('ArrowDown');
    expect(await selectedFile(page)).toBe(order[1]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-draft'))).toBe(order[1]);
    await page.locator('[data-draft-field="year"]').focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await selectedFile(page)).toBe(order[2]);
    const states = await page.locator('[data-review] [role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-draft-state')));
    expect(states[2]).toBe('uncertain'); // uncertain drafts follow the blocked ones

    // every uncertain cell of the batch from the keyboard: "next" goes to the first; each is
    // confirmed with Enter (its figure typed as people type it, "1,234"; a blank left blank),
    // then the next, on to the next draft with uncertain cells, in the list's order
    const withUncertain = order.filter((_, i) => states[i] === 'uncertain');
    const visited: string[] = [];
    let lastCodes: string[] = [];
    await page.locator('[data-nav="prev-draft"]').click();
    await page.locator('[data-nav="next-uncertain"]').click();
    for (const file of withUncertain) {
      const d = docs.find((x) => x.file === file)!;
      expect(await selectedFile(page)).toBe(file);
      // moved on from another draft: said beside the buttons (the list may be out of view)
      if (visited.length) expect(await page.locator('[data-review-nav] [role="status"]').textContent()).toContain(d.agency);
      visited.push(file);
      const codes = await page.locator('[data-uncertain]').evaluateAll((els) => els.map((e) => e.getAttribute('data-uncertain')!));
      if (d.garbled) expect(codes).toContain('s3_new_total');
      lastCodes = codes;
      for (const code of codes) {
        expect(await page.evaluate(() => document.activeElement?.closest('[data-uncertain]')?.getAttribute('data-uncertain'))).toBe(code);
        const v = d.cells[code as keyof CellValues];
        if (v === null) await page.keyboard.press('Backspace');
        else await page.keyboard.type(v.toLocaleString('en-US'));
        await page.keyboard.press('Enter');
      }
    }
    expect(visited).toEqual(withUncertain);
    expect(visited.length).toBe(uncertainCount);
    // past the last one there is nothing left (said beside the buttons), and Shift+Enter goes back one
    expect(await page.locator('[data-review-nav] [role="status"]').textContent()).not.toBe('');
    await page.keyboard.press('Shift+Enter');
    const back = lastCodes.length > 1 ? { file: withUncertain.at(-1), code: lastCodes.at(-2) } : { file: withUncertain.at(-2), code: undefined };
    expect(await selectedFile(page)).toBe(back.file);
    if (back.code) expect(await page.evaluate(() => document.activeElement?.closest('[data-uncertain]')?.getAttribute('data-uncertain'))).toBe(back.code);

    // the duplicate side by side: the two mistyped cells, each copy's figure, the rest agree
    await page.locator(`[data-draft="${twin.file}"]`).click();
    const panel = page.locator('[data-duplicates]');
    expect(await panel.locator('[data-duplicate]').evaluateAll((els) => els.map((e) => e.getAttribute('data-duplicate')))).toEqual([twin.file, dup.file]);
    const diffs = await panel.locator('[data-dup-diff]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-dup-diff'), ...[...e.querySelectorAll('td')].map((td) => td.getAttribute('data-value'))]));
    expect(diffs).toEqual([
      ['s3_new_natural', String(mistyped.s3_new_natural), String(dup.cells.s3_new_natural)],
      ['s3_new_total', String(mistyped.s3_new_total), String(dup.cells.s3_new_total)],
    ]);
    expect(Number(await panel.getAttribute('data-dup-agree'))).toBeGreaterThan(150);
    expect(await panel.locator('[data-keep-draft]').count()).toBe(2);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-duplicates-zh.png' });

    // the web page's failed rule, clicked: its cells marked in the form, the first in view
    const rule = page.locator('[data-failed-rule="balance"]');
    await rule.click();
    const marked = await page.locator('[data-form] td[data-highlight]').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')));
    expect(marked).toContain('s3_new_natural');
    expect(marked).toContain('s3_new_total');
    expect(marked.sort()).toEqual((await rule.getAttribute('data-cells'))!.split(' ').sort());
    expect(await page.locator('[data-highlight-rule="balance"]').count()).toBe(1);
    const box = await page.locator('[data-form] td[data-highlight]').first().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: 'test-results/review-rule-zh.png' });
    await page.locator('[data-lang-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('[data-form] td[data-highlight]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-rule-en.png' });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/review-duplicates-en.png' });

    // keep the copy with the fewest uncertain cells (then failed checks): the text file
    await page.locator('[data-keep-best]').click();
    expect(await page.locator('[data-draft]').count()).toBe(99);
    expect(await page.locator(`[data-draft="${twin.file}"]`).count()).toBe(0);
    expect(await count('blocked')).toBe('0');
    await page.locator('[data-commit]').click();
    await page.waitForFunction(() => document.querySelector('[data-committed]')?.getAttribute('data-committed') === '99', undefined, { timeout: 90_000 });

    // the store's totals = the test's own sums over the 99 kept records
    const got = await kpis(page, YEAR);
    for (const code of KPI_CODES) {
      const want = docs.reduce((s, d) => s + (d.cells[code as keyof CellValues] ?? 0), 0);
      expect(got[code], code).toBe(want);
    }
    expect(got.agencies_reporting).toBe(99);
    expect(requests.filter((u) => !u.startsWith(baseUrl()) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
