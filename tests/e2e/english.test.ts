// Complete English: every view, switched to English with the language button, shows no Chinese
// character outside elements marked lang="zh" (the user's own data: agency names, file names,
// report text) — in text, and in the labels a screen reader reads (aria-label, title, alt,
// placeholder). And axe finds no serious or critical violation in English either.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitReady } from './harness';
import { openReviewWithDraft, openUncertainDraft } from './reviewSteps';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Chinese text outside lang="zh" elements: "<where>: <text>" for each, at most 40. */
async function chineseOutsideZh(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
    // the page's own lang (html) is the UI language; an element inside it marked zh is user data
    const zhScoped = (el: Element | null) => {
      const l = el?.closest('[lang]');
      return !!l && l !== document.documentElement && /^zh/i.test(l.getAttribute('lang') ?? '');
    };
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.attributes].filter((a) => a.name.startsWith('data-')).slice(0, 1).map((a) => `[${a.name}=${a.value.slice(0, 20)}]`).join(''));
      }
      return parts.join('>');
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && out.length < 400; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      if (CJK.test(n.textContent ?? '') && !zhScoped(el)) out.push(`${where(el)}: ${n.textContent!.trim().slice(0, 80)}`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        // an attribute naming user data is read in the element's language, so it may carry lang="zh" too
        if (v && CJK.test(v) && !zhScoped(el) && out.length < 400) out.push(`${where(el)} @${a}: ${v.slice(0, 80)}`);
      }
    }
    return out;
  });
}

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const VIEWS: [string, string, string?][] = [
  ['overview', '#/overview'],
  ['trends', '#/trends?level=区县'],
  ['refusals', '#/refusals', '[data-panel="heatmap"] [data-toggle="table"]'],
  ['compare', '#/compare?sel=SL-D05,SL-Q1-D02'],
  ['agency', '#/agency/SL-Q3?year=2022'],
  ['agency index', '#/agency'],
  ['compliance', '#/compliance'],
  ['import', '#/import'],
];

describe('complete English', () => {
  it('the check itself finds Chinese outside lang="zh" and ignores it inside', async () => {
    const { page, context } = await openApp(browser, '#/agency');
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p id="planted">未译</p><p lang="zh-CN">示例市教育局</p>'));
    const found = await chineseOutsideZh(page);
    expect(found.some((s) => s.includes('未译'))).toBe(true);
    expect(found.some((s) => s.includes('示例市教育局'))).toBe(false);
    await context.close();
  });

  for (const [name, hash, toggle] of VIEWS) {
    it(`${name}: no Chinese outside lang="zh", and axe clean, in English`, async () => {
      const { page, context } = await openApp(browser, hash);
      await page.locator('[data-lang-switch]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await waitReady(page);
      await page.waitForTimeout(300);
      const found = await chineseOutsideZh(page);
      if (process.env.DUMP_EN) (await import('node:fs')).writeFileSync(`/tmp/en-${name.replace(/ /g, '-')}.txt`, found.join('\n'));
      expect(found).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      if (toggle) {
        await page.locator(toggle).click();
        const inTable = await chineseOutsideZh(page);
        if (process.env.DUMP_EN) (await import('node:fs')).writeFileSync(`/tmp/en-${name.replace(/ /g, '-')}-toggled.txt`, inTable.join('\n'));
        expect(inTable).toEqual([]);
      }
      await context.close();
    });
  }

  it('the document review with a draft open: no Chinese outside lang="zh", and axe clean, in English', async () => {
    const { page, context } = await openApp(browser, '#/import');
    await page.locator('[data-lang-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await openReviewWithDraft(page);
    expect(await chineseOutsideZh(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await openUncertainDraft(page);
    expect(await chineseOutsideZh(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('an agency page with a document\'s text (sections, fee, checks, the section shown): no Chinese outside lang="zh", and axe clean, in English', async () => {
    const { page, context } = await openApp(browser, '#/import');
    await page.locator('[data-lang-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('[data-sample]').click();
    await page.locator('[data-review]').waitFor();
    await page.locator('[data-commit]').click();
    await page.locator('[data-committed]').waitFor();
    await page.goto(new URL(`#/agency/${encodeURIComponent('中卫市数据局')}?year=2024`, page.url()).toString());
    await waitReady(page);
    const panel = page.locator('[data-panel="report-text"][data-has-text="true"]');
    await panel.locator('[data-section-text] li').first().waitFor();
    await panel.locator('tr[data-status]').first().waitFor();
    expect(await chineseOutsideZh(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
