// The product's promise in one run: an admin draws a two-stage funnel with a 5-second regulation on the
// 24x7 calendar and publishes it; a manager opens a deal in it and, without reloading, the overdue toast
// appears; the head's dashboard then shows that manager with one breach.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCrm } from './crmHost.mjs';
import { launch, shot, signIn } from './browser.mjs';

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

async function addStage(page, name, outcome) {
  await page.getByTestId('palette-Stage').click();
  await page.getByTestId('prop-name').fill(name);
  await page.getByTestId('prop-outcome-0').fill(outcome);
  await page.getByTestId('prop-outcome-0').press('Tab');
}

test('a regulation drawn in the designer breaches live in the workspace and shows on the dashboard', async () => {
  const funnelId = `e2e-${Date.now()}`;

  // The admin draws and publishes the funnel.
  const admin = await signIn(browser, crm.url, 'admin@crm.local');
  await admin.getByTestId('nav-designer').click();
  await admin.getByTestId('workflow-new').click();
  await admin.getByTestId('funnel-name').fill('Quick call');
  await admin.getByTestId('funnel-id').fill(funnelId);
  await admin.getByTestId('funnel-calendar').selectOption('24x7');

  await addStage(admin, 'Call the client', 'Called');
  await admin.getByTestId('prop-regulation').check();
  await admin.getByTestId('prop-duration-unit').selectOption('seconds');
  await admin.getByTestId('prop-duration-amount').fill('5');
  await admin.getByTestId('prop-warn-unit').selectOption('seconds');
  await admin.getByTestId('prop-warn-amount').fill('2');
  await addStage(admin, 'Meet the client', 'Won');
  await admin.getByTestId('palette-End').click();
  await admin.getByTestId('prop-result').selectOption('won');

  await admin.getByTestId('node-stage').click();
  await admin.getByTestId('prop-outcome-target-0').selectOption('stage-2');
  await admin.getByTestId('node-stage-2').click();
  await admin.getByTestId('prop-outcome-target-0').selectOption('end');
  await admin.getByTestId('validation-status').filter({ hasText: /no problems/i }).waitFor({ timeout: 10_000 })
    .catch(async (e) => {
      await shot(admin, 'failed-designer');
      throw new Error(`the designer shows problems: ${await admin.getByTestId('validation-status').innerText()}`, { cause: e });
    });
  await shot(admin, '1-designer');

  const answered = (path) => admin.waitForResponse((r) => r.url().includes(path) && r.request().method() !== 'GET');
  const [saved] = await Promise.all([answered('/api/workflows'), admin.getByTestId('save').click()]);
  assert.ok(saved.ok(), `save answered ${saved.status()}`);
  const [publish] = await Promise.all([answered('/publish'), admin.getByTestId('publish').click()]);
  assert.equal(publish.status(), 200, await publish.text());
  await admin.getByTestId('versions-toggle').click();
  await admin.getByTestId('version-1').waitFor();
  await shot(admin, '2-designer-published');

  const token = await (await fetch(`${crm.url}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@crm.local', password: 'demo' }),
  })).json();
  const published = await (await fetch(`${crm.url}/api/workflows/${funnelId}?version=1`, {
    headers: { authorization: `Bearer ${token.accessToken}` },
  })).json();
  assert.equal(published.activities.find((a) => a.id === 'stage').regulation.duration, 'PT5S');

  // Anna opens a deal in it and waits, without reloading, for the overdue toast.
  const anna = await signIn(browser, crm.url, 'anna@crm.local');
  // The status chip shows only while the alert connection is not up.
  await anna.getByTestId('hub-status').waitFor({ state: 'detached', timeout: 15_000 });
  await anna.getByTestId('tab-new').click();
  await anna.getByTestId('new-deal-title').fill('Call ACME back');
  await anna.getByTestId('new-deal-funnel').selectOption(funnelId);
  await anna.getByTestId('new-deal-client').fill('ACME');
  await anna.getByTestId('new-deal-submit').click();
  const opened = Date.now();
  await anna.getByTestId('toast').filter({ hasText: 'Deadline approaching' }).waitFor({ timeout: 20_000 });
  const toast = anna.getByTestId('toast').filter({ hasText: 'Call ACME back' }).filter({ hasText: 'Deadline missed' });
  await toast.waitFor({ timeout: 20_000 });
  const seconds = (Date.now() - opened) / 1000;
  console.log(`overdue toast ${seconds.toFixed(1)} s after the deal was opened (regulation: 5 s)`);
  assert.ok(seconds >= 4, 'the toast came before the deadline');
  await shot(anna, '3-workspace-overdue-toast');
  await anna.getByTestId('nav-workspace').click();
  await anna.getByTestId('tab-board').click();
  await anna.getByTestId('workspace-funnel').selectOption(funnelId);
  await anna.locator('[data-testid^="countdown-"][data-look="breached"]').first().waitFor();
  await shot(anna, '4-workspace-board');

  // The head sees anna with one breach.
  const head = await signIn(browser, crm.url, 'head@crm.local');
  await head.getByTestId('nav-dashboard').click();
  const row = head.getByTestId('manager-row-anna');
  await row.waitFor({ timeout: 15_000 });
  await shot(head, '5-dashboard');
  const cells = await row.locator('td').allInnerTexts();
  assert.ok(cells.some((c) => c.trim() === '1'), `anna's row shows one breach: ${cells.join(' | ')}`);
  await row.click();
  const breach = head.getByTestId('breaches').locator('tr').filter({ hasText: 'Call ACME back' });
  await breach.waitFor();
  // Anna held the clock the whole time, late part included: the breakdown names her.
  await breach.getByTestId('holder-anna').filter({ hasText: 'late' }).waitFor();
  await shot(head, '6-dashboard-breaches');

  // Anna sees the same breach among her own figures, under My regulations.
  await anna.getByTestId('nav-me-compliance').click();
  await anna.getByTestId('own-clocks').locator('tr').filter({ hasText: 'Call ACME back' }).waitFor({ timeout: 15_000 });
  assert.equal(await anna.getByTestId('stat-breached-value').innerText(), '1');
  await shot(anna, '7-my-regulations');
});

test('the built-in B2B funnel and the demo board render for the README', async () => {
  const admin = await signIn(browser, crm.url, 'admin@crm.local');
  await admin.goto(`${crm.url}/designer/b2b-sales`);
  await admin.getByTestId('node-presentation').waitFor();
  await admin.getByTestId('validation-status').filter({ hasText: /no problems/i }).waitFor();
  await shot(admin, 'readme-designer');

  const anna = await signIn(browser, crm.url, 'anna@crm.local');
  await anna.getByTestId('tab-board').click(); // the workspace opens on the day
  await anna.getByTestId('workspace-funnel').selectOption('b2b-sales');
  await anna.locator('[data-testid^="deal-"]').first().waitFor();
  await shot(anna, 'readme-workspace');
});
