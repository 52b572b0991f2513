// The browser app under its Content-Security-Policy: every main screen renders with no violation reported, and the
// document carries the policy and the other security headers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCrm } from './crmHost.mjs';
import { cspViolations, launch, signIn } from './browser.mjs';

let crm;
let browser;

before(async () => {
  crm = await startCrm();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await crm?.stop();
});

test('the main screens render under the Content-Security-Policy with no violation', async () => {
  const admin = await signIn(browser, crm.url, 'admin@crm.local');
  const document = await admin.goto(`${crm.url}/designer/b2b-sales`);
  assert.match(document.headers()['content-security-policy'], /script-src 'self'/);
  assert.equal(document.headers()['x-frame-options'], 'DENY');
  assert.equal(document.headers()['x-content-type-options'], 'nosniff');
  await admin.getByTestId('node-presentation').waitFor();
  await admin.getByTestId('validation-status').filter({ hasText: /no problems/i }).waitFor();
  await admin.getByTestId('funnel-accepts-leads').waitFor();
  await admin.goto(`${crm.url}/calendars`);
  await admin.getByTestId('calendar-editor').waitFor();

  const anna = await signIn(browser, crm.url, 'anna@crm.local');
  await anna.getByTestId('diary').waitFor(); // the workspace opens on the day
  await anna.getByTestId('tab-board').click();
  await anna.getByTestId('workspace-funnel').selectOption('b2b-sales');
  const firstDeal = anna.locator('[data-testid^="deal-"]').first();
  await firstDeal.waitFor();
  await anna.goto(`${crm.url}/clients`);
  await anna.getByTestId('clients-list').waitFor();
  await anna.goto(`${crm.url}/me/compliance`);
  await anna.getByTestId('my-compliance').waitFor();

  const head = await signIn(browser, crm.url, 'head@crm.local');
  await head.goto(`${crm.url}/dashboard`);
  await head.getByTestId('dash-funnel').waitFor();
  await head.locator('.recharts-surface').first().waitFor();

  assert.deepEqual(cspViolations, []);
});

test('a missing file is 404 without a token, and a client-side route serves the app', async () => {
  for (const path of ['/favicon.ico', '/robots.txt', '/assets/nope.js']) {
    const res = await fetch(`${crm.url}${path}`);
    assert.equal(res.status, 404, path);
  }
  const route = await fetch(`${crm.url}/deals/42`);
  assert.equal(route.status, 200);
  assert.match(await route.text(), /<div id="root"><\/div>/);
});
