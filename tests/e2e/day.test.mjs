// A manager's day (issue #15): Anna plans a call for tomorrow and sees it under Tomorrow, closes a call with
// "no answer" in one click, drags a deal to the next stage on the board and gives it the data that stage asks for,
// and on a phone opens the Move dialog and presses its main button. Screenshots go to docs/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCrm } from './crmHost.mjs';
import { launch, signIn } from './browser.mjs';

const docs = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const readme = (page, name) => page.screenshot({ path: join(docs, `${name}.png`) });

let crm;
let browser;

before(async () => {
  mkdirSync(docs, { recursive: true });
  crm = await startCrm();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await crm?.stop();
});

async function apiAs(email) {
  const signedIn = await (await fetch(`${crm.url}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }),
  })).json();
  return async (method, path, body) => {
    const res = await fetch(`${crm.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${signedIn.accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** A deal of Anna's in the B2B funnel, walked by the API to the given stage (each "Done" needs nothing). */
async function dealAt(call, title, client, buyer, slug, dones) {
  let deal = await call('POST', '/api/deals', {
    title, workflowId: 'b2b-sales', fields: {},
    client: { name: client, kind: 'company' },
    contact: { name: buyer, email: `buyer@${slug}.test`, phone: '', position: '' },
  });
  for (let i = 0; i < dones; i++)
    deal = await call('POST', `/api/deals/${deal.id}/moves`, { outcome: 'Done' });
  return deal;
}

// Anna works in Moscow (the demo's business calendar), in Russian: her browser says so, and her days are Moscow days.
const zone = 'Europe/Moscow';
const localDay = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

test('Anna runs her day: plans tomorrow, closes a call in one click, drags a deal on, and moves one on a phone', async () => {
  const call = await apiAs('anna@crm.local');
  const proposal = await dealAt(call, 'Василёк: мониторинг автопарка', 'Василёк Логистик', 'Ирина Смирнова', 'vasilek', 3); // at "Send the commercial proposal"
  const fresh = await dealAt(call, 'Колос: сканеры для склада', 'Колос Агро', 'Олег Петров', 'kolos', 0); // at the first stage
  // Today already holds a call on the fresh deal, two hours from now.
  const inTwoHours = new Date(Date.now() + 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const todays = await call('POST', `/api/deals/${fresh.id}/activities`, {
    kind: 'call', subject: 'Первый звонок в «Колос»', dueAt: inTwoHours,
  });

  const anna = await signIn(browser, crm.url, 'anna@crm.local', { locale: 'ru-RU', timezoneId: zone });
  await anna.getByTestId('diary').waitFor();

  // Plan a call for tomorrow on the Vasilek deal, found by name.
  await anna.getByTestId('diary-view-tomorrow').click();
  const tomorrow = localDay(new Date(Date.now() + 24 * 3600_000));
  await anna.getByTestId(`diary-day-${tomorrow}`).waitFor();
  await anna.getByTestId('diary-plan').click();
  const form = anna.getByTestId('plan-form');
  await form.waitFor();
  assert.equal(await anna.getByTestId('plan-date').inputValue(), tomorrow);
  await anna.getByTestId('plan-kind-call').check();
  await anna.getByTestId('plan-subject').fill('Позвонить в «Василёк» о пилоте');
  await anna.getByTestId('plan-time').fill('11:30');
  await anna.getByTestId('plan-duration').fill('15');
  await anna.getByTestId('plan-deal-search').fill('Василёк');
  await anna.getByTestId(`plan-deal-option-${proposal.id}`).click();
  await anna.getByTestId('plan-submit').click();
  await form.waitFor({ state: 'detached' });
  const planned = anna.getByTestId(`diary-day-${tomorrow}`).locator('[data-testid^="activity-"]').filter({ hasText: 'Позвонить в «Василёк» о пилоте' });
  await planned.waitFor();
  assert.match(await planned.innerText(), /11:30/);
  assert.match(await planned.innerText(), /Василёк: мониторинг автопарка/);

  // Today: the Kolos call, closed with "no answer" in one click; the journal has it.
  await anna.getByTestId('diary-view-today').click();
  const kolos = anna.getByTestId(`activity-${todays.id}`);
  await kolos.waitFor();
  await anna.getByTestId('diary-view-week').click();
  await anna.getByTestId('diary-week').waitFor();
  await anna.getByTestId(`activity-${todays.id}`).waitFor();
  await readme(anna, 'diary');
  await anna.getByTestId(`quick-no-answer-${todays.id}`).click();
  await anna.locator(`[data-testid="activity-${todays.id}"][data-state="done"]`).waitFor();
  const done = (await call('GET', `/api/activities?dealId=${fresh.id}&state=done`)).items;
  assert.equal(done.find((a) => a.id === todays.id)?.result, 'no-answer');
  const journal = await call('GET', `/api/deals/${fresh.id}/interactions`);
  assert.ok(journal.some((i) => i.result === 'no-answer'), `the journal logged the call: ${JSON.stringify(journal)}`);

  // The board: drag the Vasilek card to the presentation; "Sent" needs the amount, asked for in the Move dialog.
  await anna.getByTestId('tab-board').click();
  await anna.getByTestId('workspace-funnel').selectOption('b2b-sales');
  const card = anna.getByTestId(`deal-${proposal.id}`);
  await anna.getByTestId('column-proposal').locator(`[data-testid="deal-${proposal.id}"]`).waitFor();
  await card.dragTo(anna.getByTestId('column-presentation'));
  const dialog = anna.getByTestId('move-dialog');
  await dialog.getByTestId('missing-amount').waitFor();
  await dialog.getByTestId('missing-amount-input').fill('450000');
  await dialog.getByTestId('missing-save').click();
  await dialog.waitFor({ state: 'detached' });
  await anna.getByTestId('column-presentation').locator(`[data-testid="deal-${proposal.id}"]`).waitFor();
  const moved = await call('GET', `/api/deals/${proposal.id}`);
  assert.equal(moved.stageId, 'presentation');
  assert.equal(moved.amount, 450000);
  await readme(anna, 'board');

  // A phone: the day, the board and the Move dialog fit a 390 px screen; the main button is reachable and works.
  await anna.setViewportSize({ width: 390, height: 844 });
  const overflow = () => anna.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok((await overflow()) <= 0, 'the board page does not scroll sideways as a whole');
  await anna.getByTestId('tab-diary').click();
  await anna.getByTestId('diary').waitFor();
  assert.ok((await overflow()) <= 0, 'the diary does not scroll sideways as a whole');
  await anna.getByTestId('tab-board').click();
  await anna.getByTestId(`move-${fresh.id}`).click();
  await dialog.waitFor();
  const main = dialog.getByTestId('outcome-Done');
  await main.waitFor();
  await main.scrollIntoViewIfNeeded();
  const box = await main.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 844,
    `the main button is on the screen: ${JSON.stringify(box)}`);
  await readme(anna, 'phone-move');
  await main.click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await call('GET', `/api/deals/${fresh.id}`)).stageId, 'requirements');
  await anna.context().close();
});
