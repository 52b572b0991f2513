import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const screenshots = resolve(import.meta.dirname, 'screenshots');

export async function launch() {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Content-Security-Policy violations any signed-in page reported, as Chromium logs them and as the page's own event saw them. */
export const cspViolations = [];

/** `options` override the context's defaults, e.g. `{ locale: 'ru-RU', timezoneId: 'Europe/Moscow' }` for a manager in Moscow. */
export async function signIn(browser, url, email, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', ...options });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${email}] page error: ${e.message}`));
  page.on('console', (m) => {
    if (/CSP violation|Content Security Policy/i.test(m.text())) cspViolations.push(`[${email}] ${page.url()}: ${m.text()}`);
  });
  await page.goto(url);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('sign-out').waitFor();
  return page;
}

export const shot = (page, name) => page.screenshot({ path: join(screenshots, `${name}.png`) });
