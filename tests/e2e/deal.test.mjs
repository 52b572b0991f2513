// The deal page against the real API (issue #15): Anna plans the next step on the deal itself, attaches the
// commercial proposal and downloads it back, and reads the deal's history in words with the stages' names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCrm } from './crmHost.mjs';
import { launch, signIn } from './browser.mjs';

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

test('on the deal page Anna plans the next step, attaches the proposal and reads the history in words', async () => {
  const call = await apiAs('anna@crm.local');
  let deal = await call('POST', '/api/deals', {
    title: 'Sokol: delivery tracking', workflowId: 'b2b-sales', fields: {},
    client: { name: 'Sokol Trans', kind: 'company' },
    contact: { name: 'Olga Sokolova', email: 'olga@sokol.test', phone: '', position: '' },
  });
  deal = await call('POST', `/api/deals/${deal.id}/moves`, { outcome: 'Done' });

  const anna = await signIn(browser, crm.url, 'anna@crm.local');
  await anna.goto(`${crm.url}/deals/${deal.id}`);
  const activities = anna.getByTestId('activities');
  await activities.waitFor();
  await activities.getByTestId('next-step-missing').waitFor();

  // The next step, planned on the deal: it is listed, marked as the next step, and the warning is gone.
  await activities.getByTestId('activity-plan-open').click();
  await activities.getByTestId('plan-activity-kind-meeting').check();
  await activities.getByTestId('plan-activity-subject').fill('Demo at the Sokol office');
  await activities.getByTestId('plan-activity-submit').click();
  const planned = activities.getByTestId('activity-list').locator('li').filter({ hasText: 'Demo at the Sokol office' });
  await planned.waitFor();
  await planned.getByTestId('activity-next-mark').waitFor();
  await activities.getByTestId('next-step-missing').waitFor({ state: 'detached' });
  const open = (await call('GET', `/api/activities?dealId=${deal.id}&state=open`)).items;
  assert.deepEqual(open.map((a) => [a.kind, a.subject]), [['meeting', 'Demo at the Sokol office']]);
  assert.equal((await call('GET', `/api/deals/${deal.id}`)).nextStepState, 'ok');

  // The proposal, attached and downloadable by its link.
  const files = anna.getByTestId('files');
  await files.getByTestId('file-upload-input').setInputFiles({
    name: 'proposal.txt', mimeType: 'text/plain', buffer: Buffer.from('Commercial proposal for Sokol Trans\n'),
  });
  await files.getByTestId('file-upload-submit').click();
  await files.getByTestId('file-list').locator('li').filter({ hasText: 'proposal.txt' }).waitFor();
  const stored = await call('GET', `/api/deals/${deal.id}/files`);
  assert.deepEqual(stored.map((f) => f.name), ['proposal.txt']);
  const download = anna.waitForEvent('download');
  await files.getByTestId('file-download').first().click();
  assert.equal((await download).suggestedFilename(), 'proposal.txt');

  // The history names the stages, not their ids.
  const history = await anna.getByTestId('history').innerText();
  assert.match(history, /Anna Petrova moved it from «Find all contacts and social profiles» to «Collect requirements»/);
  assert.doesNotMatch(history, /«requirements»/);
  await anna.context().close();
});
