// Browser test harness: Debian's Chromium through playwright-core, against the built app.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** every URL the page requested */
  requests: string[];
  /** uncaught page errors and console errors */
  errors: string[];
}

export async function openApp(browser: Browser, hash = '#/overview', opts: { acceptDownloads?: boolean } = {}): Promise<AppPage> {
  const context = await browser.newContext({ acceptDownloads: opts.acceptDownloads ?? false, locale: 'zh-CN' });
  return openIn(context, hash);
}

export async function openIn(context: BrowserContext, hash = '#/overview'): Promise<AppPage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(new URL(hash, baseUrl()).toString());
  await waitReady(page);
  return { page, context, requests, errors };
}

/** Waits until the view's data is on screen (body[data-ready="true"]). */
export async function waitReady(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout });
}

/** The raw value of the first figure carrying data-metric=<metric> (within `scope`, if given). */
export async function metricValue(page: Page, metric: string, scope = ''): Promise<number | null> {
  const v = await page.locator(`${scope} [data-metric="${metric}"]`.trim()).first().getAttribute('data-value');
  return v === null || v === '' ? null : Number(v);
}
