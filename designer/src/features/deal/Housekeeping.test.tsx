// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { deal, dealPageRoutes } from '../../test/work';
import { clearDictionaries } from '../shared/useDictionary';
import DealPage from './DealPage';

const irina = { id: 'k1', clientId: 'c1', name: 'Irina Sokolova', phones: [], emails: [], version: 1 };
const oleg = {
  id: 'k2',
  clientId: 'c1',
  name: 'Oleg Ivanov',
  position: 'CFO',
  phones: [],
  emails: [],
  version: 1,
};

function page(routes: Parameters<typeof mockApi>[0]) {
  signInAs('manager', 'anna');
  const api = mockApi({
    ...dealPageRoutes,
    'GET /api/deals/d1': () => deal(),
    'GET /api/activities': () => ({ items: [] }),
    ...routes,
  });
  render(
    <I18nProvider initial="en">
      <DealPage dealId="d1" />
    </I18nProvider>,
  );
  return api;
}

beforeEach(() => clearDictionaries());

describe('deal housekeeping', () => {
  it('moves the deal to a stage of another published funnel', async () => {
    const { calls } = page({
      'GET /api/workflows': () => [
        { id: 'b2b-sales', name: 'B2B', publishedVersion: 2 },
        { id: 'retail', name: 'Продажи B2C', publishedVersion: 5 },
        { id: 'draft-only', name: 'Draft', publishedVersion: null },
      ],
      'GET /api/workflows/retail': () => ({
        id: 'retail',
        name: 'Продажи B2C',
        start: 'lead',
        activities: [
          { id: 'lead', type: 'Stage', name: 'Lead', outcomes: ['Qualified'] },
          { id: 'offer', type: 'Stage', name: 'Offer', outcomes: [] },
        ],
        connections: [{ source: 'lead', outcome: 'Qualified', target: 'offer' }],
      }),
      'POST /api/deals/d1/transfer': () =>
        deal({ workflowId: 'retail', stageId: 'offer', stageName: 'Offer', version: 4 }),
    });
    fireEvent.click(await screen.findByTestId('deal-transfer-open'));
    const names = (testId: string) =>
      [...screen.getByTestId(testId).querySelectorAll('option')].map((o) => o.textContent);
    // Only other funnels, and only published ones.
    await waitFor(() => expect(names('deal-transfer-funnel')).toEqual(['—', 'Продажи B2C']));
    fireEvent.change(screen.getByTestId('deal-transfer-funnel'), { target: { value: 'retail' } });
    await waitFor(() =>
      expect(names('deal-transfer-stage')).toEqual(['the funnel’s first stage', 'Lead', 'Offer']),
    );
    fireEvent.change(screen.getByTestId('deal-transfer-stage'), { target: { value: 'offer' } });
    fireEvent.click(screen.getByTestId('deal-transfer-save'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/deals/d1/transfer')).toBe(true));
    expect(calls.find((c) => c.path === '/api/deals/d1/transfer')!.body).toEqual({
      workflowId: 'retail',
      stageId: 'offer',
    });
    expect(calls.find((c) => c.path === '/api/deals/d1/transfer')!.headers['If-Match']).toBe('"3"');
    await waitFor(() => expect(screen.queryByTestId('deal-transfer-form')).toBeNull());
  });

  it('adds one of the client’s contacts, and removes one', async () => {
    const { calls } = page({
      'GET /api/clients/c1': () => ({
        id: 'c1',
        name: 'ACME',
        kind: 'company',
        segments: [],
        version: 1,
        contacts: [irina, oleg],
      }),
      'POST /api/deals/d1/contacts': () => ({ status: 204 }),
      'DELETE /api/deals/d1/contacts/k1': () => ({ status: 204 }),
    });
    fireEvent.click(await screen.findByTestId('deal-contact-add'));
    // Irina is on the deal already: only Oleg is offered.
    await waitFor(() =>
      expect(screen.getByTestId('deal-contact-pick').textContent).toContain('Oleg Ivanov, CFO'),
    );
    const offered = [...screen.getByTestId('deal-contact-pick').querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(offered).toEqual(['', 'k2']);
    fireEvent.change(screen.getByTestId('deal-contact-pick'), { target: { value: 'k2' } });
    fireEvent.click(screen.getByTestId('deal-contact-save'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/deals/d1/contacts')).toBe(true),
    );
    expect(calls.find((c) => c.path === '/api/deals/d1/contacts')!.body).toEqual({
      contactId: 'k2',
      main: false,
    });

    fireEvent.click(screen.getByTestId('deal-contact-remove-k1'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/deals/d1').length).toBe(3));
  });

  it('creates a new contact on the client and adds it to the deal', async () => {
    const { calls } = page({
      'GET /api/clients/c1': () => ({
        id: 'c1',
        name: 'ACME',
        kind: 'company',
        segments: [],
        version: 1,
        contacts: [irina],
      }),
      'POST /api/clients/c1/contacts': () => ({ status: 201, body: { ...oleg, id: 'k9' } }),
      'POST /api/deals/d1/contacts': () => ({ status: 204 }),
    });
    fireEvent.click(await screen.findByTestId('deal-contact-add'));
    fireEvent.click(await screen.findByTestId('deal-contact-new'));
    fireEvent.change(screen.getByTestId('deal-new-contact-name'), { target: { value: 'Oleg Ivanov' } });
    fireEvent.change(screen.getByTestId('deal-new-contact-phone'), { target: { value: '+7 900 1' } });
    fireEvent.click(screen.getByTestId('deal-contact-save'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/deals/d1/contacts')).toBe(true));
    expect(calls.find((c) => c.path === '/api/clients/c1/contacts')!.body).toMatchObject({
      name: 'Oleg Ivanov',
      phones: ['+7 900 1'],
    });
    expect(calls.find((c) => c.path === '/api/deals/d1/contacts')!.body).toMatchObject({ contactId: 'k9' });
  });

  it('closes the deal as a duplicate of one found by search', async () => {
    const { calls } = page({
      'GET /api/search': () => ({
        clients: [],
        contacts: [],
        deals: [
          { id: 'd1', title: 'ACME rollout', state: 'open' },
          { id: 'd7', title: 'ACME rollout (from the website)', state: 'open', clientName: 'ACME' },
        ],
      }),
      'POST /api/deals/d1/close-duplicate': () => deal({ state: 'duplicate', version: 4 }),
    });
    fireEvent.click(await screen.findByTestId('deal-duplicate-open'));
    // The search starts from the client's name; the deal itself is not offered.
    await screen.findByTestId('deal-duplicate-pick-d7');
    expect(screen.queryByTestId('deal-duplicate-pick-d1')).toBeNull();
    fireEvent.click(screen.getByTestId('deal-duplicate-pick-d7'));
    fireEvent.click(screen.getByTestId('deal-duplicate-save'));
    await waitFor(() => expect(screen.getByTestId('deal-state').textContent).toBe('duplicate'));
    expect(calls.find((c) => c.path === '/api/deals/d1/close-duplicate')!.body).toEqual({
      duplicateOf: 'd7',
    });
    expect(calls.find((c) => c.path.startsWith('/api/search'))!.path).toBe('/api/search?q=ACME');
    expect(screen.queryByTestId('deal-move')).toBeNull();
  });
});
