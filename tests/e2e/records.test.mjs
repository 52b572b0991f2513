// Records in the browser: a manager creates a client with a contact phone, logs a call with a result from the
// work-results dictionary, then finds the client again through the top search box by the phone typed another
// way and sees the call. A second run walks a deal of an existing client through the B2B funnel's requirements.
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

/** The API as a signed-in user, for setting up what a test does not drive through the screens. */
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

test('a manager creates a client, logs a call with a result and finds the client again by a phone typed differently', async () => {
  const anna = await signIn(browser, crm.url, 'anna@crm.local');
  await anna.getByTestId('nav-clients').click();
  await anna.getByTestId('clients-list').waitFor();
  await anna.getByTestId('client-new').click();
  await anna.getByTestId('client-name').fill('Romashka Trading');
  await anna.getByTestId('client-kind').selectOption('company');
  await anna.getByTestId('client-source').selectOption('cold-call');
  await anna.locator('[data-testid^="client-segment-"]').first().check();
  await anna.getByTestId('client-contact-name').fill('Irina Petrova');
  await anna.getByTestId('client-contact-position').fill('Purchasing manager');
  await anna.getByTestId('client-contact-phone').fill('+7 (495) 555-12-34');
  await anna.getByTestId('client-contact-email').fill('irina@romashka.test');
  await shot(anna, 'records-1-new-client');
  await anna.getByTestId('client-submit').click();

  await anna.getByTestId('client-title').filter({ hasText: 'Romashka Trading' }).waitFor();
  const clientUrl = anna.url();
  const clientId = decodeURIComponent(clientUrl.split('/clients/')[1]);
  await anna.getByTestId('contacts').filter({ hasText: '+7 (495) 555-12-34' }).waitFor();

  // The call, with its result picked from the work-results dictionary.
  await anna.getByTestId('interaction-kind-call').check();
  await anna.getByTestId('interaction-topic').fill('First call');
  await anna.getByTestId('interaction-contact').selectOption({ label: 'Irina Petrova' });
  await anna.getByTestId('interaction-result').selectOption({ label: 'Client interested' });
  await anna.getByTestId('interaction-text').fill('Talked about a pilot for three warehouses.');
  await anna.getByTestId('interaction-submit').click();
  await anna.getByTestId('journal').locator('li').filter({ hasText: 'Client interested' }).waitFor();
  await shot(anna, 'records-2-client-with-call');

  // Somewhere else entirely, the phone typed the Russian way finds her.
  await anna.getByTestId('nav-workspace').click();
  await anna.getByTestId('tab-board').waitFor();
  await anna.getByTestId('top-search').fill('8 495 5551234');
  const found = anna.getByTestId(`search-client-${clientId}`);
  await found.waitFor({ timeout: 10_000 });
  assert.match(await anna.getByTestId('search-results').innerText(), /Irina Petrova/);
  await shot(anna, 'records-3-top-search');
  await found.click();

  await anna.getByTestId('client-title').filter({ hasText: 'Romashka Trading' }).waitFor();
  assert.equal(anna.url(), clientUrl);
  const call = anna.getByTestId('journal').locator('li').filter({ hasText: 'Talked about a pilot' });
  await call.waitFor();
  const text = await call.innerText();
  assert.match(text, /Call/);
  assert.match(text, /First call/);
  assert.match(text, /Client interested/);
  assert.match(text, /Irina Petrova/);

  // The journal's own search box.
  await anna.getByTestId('journal-search').fill('warehouses');
  await call.waitFor();
  await anna.getByTestId('journal-search').fill('nothing like this');
  await anna.getByTestId('journal-empty').waitFor();
  await anna.getByTestId('journal-search').fill('');
  await call.waitFor();
  await shot(anna, 'records-4-client-found');

  // A phone-sized screen: the same page and the search still work.
  await anna.setViewportSize({ width: 390, height: 844 });
  await anna.getByTestId('top-search').fill('+7 495 555 12 34');
  await anna.getByTestId(`search-contact-${(await (await apiAs('anna@crm.local'))('GET', `/api/clients/${clientId}`)).contacts[0].id}`).waitFor();
  await shot(anna, 'records-5-mobile-search');
  await anna.keyboard.press('Escape');
  await anna.getByTestId('search-results').waitFor({ state: 'detached' });
  await shot(anna, 'records-6-mobile-client');
  await anna.context().close();
});

test('a deal of an existing client: the move dialog says what is missing and the fixes go through', async () => {
  const call = await apiAs('anna@crm.local');
  const client = await call('POST', '/api/clients', {
    name: 'Vasilek Logistics', kind: 'company', segments: [],
    contacts: [{ name: 'Oleg Smirnov', phones: ['+7 812 700 11 22'], emails: ['oleg@vasilek.test'] }],
  });

  const anna = await signIn(browser, crm.url, 'anna@crm.local');
  // The workspace opens on the day; the funnel matters on the deal tabs.
  await anna.getByTestId('tab-new').click();
  await anna.getByTestId('workspace-funnel').selectOption('b2b-sales');
  await anna.getByTestId('tab-new').click();
  await anna.getByTestId('new-deal-title').fill('Vasilek: fleet tracking');
  await anna.getByTestId('new-deal-funnel').selectOption('b2b-sales');
  await anna.getByTestId('new-deal-client-mode-existing').check();
  await anna.getByTestId('new-deal-client-search').fill('Vasilek');
  await anna.getByTestId(`new-deal-client-option-${client.id}`).click();
  await anna.getByTestId('new-deal-picked-client').filter({ hasText: 'Oleg Smirnov' }).waitFor();
  await shot(anna, 'records-7-new-deal-existing-client');
  await anna.getByTestId('new-deal-submit').click();
  await anna.getByTestId('deal-title').filter({ hasText: 'Vasilek: fleet tracking' }).waitFor();
  await anna.getByTestId('deal-client-link').filter({ hasText: 'Vasilek Logistics' }).waitFor();

  const move = async (outcome) => {
    await anna.getByTestId('deal-move').click();
    await anna.getByTestId(`outcome-${outcome}`).click();
  };
  for (const stage of ['Collect requirements', 'Send portfolio', 'Send the commercial proposal']) {
    await move('Done');
    await anna.getByTestId('move-dialog').waitFor({ state: 'detached' });
    await anna.getByTestId('deal-page').filter({ hasText: stage }).waitFor();
  }

  // "Sent" needs an amount: the dialog says so and takes it inline.
  await move('Sent');
  await anna.getByTestId('missing-amount').waitFor();
  await shot(anna, 'records-8-move-missing-amount');
  await anna.getByTestId('missing-amount-input').fill('450000');
  await anna.getByTestId('missing-save').click();
  await anna.getByTestId('move-dialog').waitFor({ state: 'detached' });
  await anna.getByTestId('deal-page').filter({ hasText: 'Presentation' }).waitFor();

  // "Agreed" needs a meeting with date, contact, topic and result.
  await move('Agreed');
  const hint = anna.getByTestId('missing-interaction-hint');
  await hint.waitFor();
  assert.match(await hint.innerText(), /meeting/i);
  await shot(anna, 'records-9-move-missing-meeting');
  await anna.getByTestId('missing-log-interaction').click();
  await anna.getByTestId('move-dialog').waitFor({ state: 'detached' });
  assert.equal(await anna.getByTestId('interaction-kind-meeting').isChecked(), true);
  await anna.getByTestId('interaction-topic').fill('Pilot scope');
  await anna.getByTestId('interaction-contact').selectOption({ label: 'Oleg Smirnov' });
  await anna.getByTestId('interaction-result').selectOption({ label: 'Meeting held' });
  await anna.getByTestId('interaction-text').fill('Presented the pilot; they agreed on two depots.');
  await anna.getByTestId('interaction-submit').click();
  await anna.getByTestId('journal').locator('li').filter({ hasText: 'Meeting held' }).waitFor();
  await move('Agreed');
  await anna.getByTestId('move-dialog').waitFor({ state: 'detached' });
  await anna.getByTestId('deal-page').filter({ hasText: 'Closing' }).waitFor();
  await shot(anna, 'records-10-deal-after-meeting');
});

test('the designer edits what an outcome requires, and a renamed outcome keeps its requirement', async () => {
  const admin = await signIn(browser, crm.url, 'admin@crm.local');
  await admin.goto(`${crm.url}/designer/b2b-sales`);
  await admin.getByTestId('node-presentation').click();
  const requires = admin.getByTestId('prop-requires');
  await requires.waitFor();
  assert.equal(await admin.getByTestId('prop-requires-0-interaction').inputValue(), 'meeting');
  assert.equal(await admin.getByTestId('prop-requires-0-interaction-topic').isChecked(), true);

  await admin.getByTestId('prop-outcome-0').fill('Accepted');
  await admin.getByTestId('prop-outcome-0').press('Tab');
  await admin.getByTestId('prop-requires-0').filter({ hasText: 'Accepted' }).waitFor();
  assert.equal(await admin.getByTestId('prop-requires-0-interaction').inputValue(), 'meeting');
  await admin.getByTestId('prop-requires-0-amount').check();
  await admin.getByTestId('validation-status').filter({ hasText: /no problems/i }).waitFor({ timeout: 10_000 });
  await requires.scrollIntoViewIfNeeded();
  await shot(admin, 'records-11-designer-requires');
});
