// Takes docs/screenshot.png of the overview (and any view given as argv[2]) from the built app.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const hash = process.argv[2] ?? '#/overview';
const out = process.argv[3] ?? 'docs/screenshot.png';
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const t0 = Date.now();
await page.goto(new URL(hash, server.resolvedUrls.local[0]).toString());
await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60000 });
console.log(`ready after ${Date.now() - t0} ms`);
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
await server.close();
