// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../api/activities';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { activity } from '../../test/work';
import { AuthProvider } from '../auth/AuthProvider';
import { clearDictionaries } from '../shared/useDictionary';
import ClientPage from './ClientPage';

const client = {
  id: 'c1',
  name: 'Romashka LLC',
  kind: 'company',
  source: null,
  segments: ['b2b'],
  version: 2,
  responsibleId: 'anna',
  responsibleName: 'Anna Petrova',
  contacts: [{ id: 'k1', clientId: 'c1', name: 'Irina Sokolova', phones: [], emails: [], version: 1 }],
  deals: [{ id: 'd1', title: 'Pilot', state: 'open' }],
};
const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

function page(role: 'manager' | 'head', routes: Parameters<typeof mockApi>[0] = {}) {
  signInAs(role, role === 'head' ? 'helen' : 'anna');
  const api = mockApi({
    'GET /api/clients/c1': () => client,
    'GET /api/dictionaries/sources': () => [],
    'GET /api/dictionaries/segments': () => [],
    'GET /api/dictionaries/fileCategories': () => [],
    'GET /api/clients/c1/interactions': () => [],
    'GET /api/clients/c1/files': () => [],
    'GET /api/activities': () => ({ items: [] }),
    ...routes,
  });
  render(
    <I18nProvider initial="en">
      <AuthProvider>
        <ClientPage clientId="c1" />
      </AuthProvider>
    </I18nProvider>,
  );
  return api;
}

beforeEach(() => clearDictionaries());

describe('client page: the working day', () => {
  it('shows a manager the responsible manager, without the means to change it', async () => {
    const { calls } = page('manager');
    expect((await screen.findByTestId('client-responsible-name')).textContent).toBe('Anna Petrova');
    expect(screen.queryByTestId('client-responsible-select')).toBeNull();
    await screen.findByTestId('files');
    expect(calls.some((c) => c.path === '/api/users')).toBe(false);
  });

  it('lets a head hand the client to another manager', async () => {
    const { calls } = page('head', {
      'GET /api/users': () => [
        { id: 'anna', name: 'Anna Petrova', email: 'a@x', role: 'manager' },
        { id: 'boris', name: 'Boris Ivanov', email: 'b@x', role: 'manager' },
      ],
      'PUT /api/clients/c1': (c) => ({ ...client, ...(c.body as object), version: 3 }),
    });
    const select = await screen.findByTestId('client-responsible-select');
    await waitFor(() => expect(select.textContent).toContain('Boris Ivanov'));
    expect((select as HTMLSelectElement).value).toBe('anna');
    fireEvent.change(select, { target: { value: 'boris' } });
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({
      name: 'Romashka LLC',
      kind: 'company',
      segments: ['b2b'],
      responsibleId: 'boris',
    });
    expect(put.headers['If-Match']).toBe('"2"');
  });

  it('lists the client’s activities with their deals and plans one on the client', async () => {
    const { calls } = page('manager', {
      'GET /api/activities': () => ({
        items: [activity('a1', { subject: 'Call about the pilot', dealId: 'd1', dealTitle: 'Pilot' })],
      }),
      'POST /api/clients/c1/activities': (c) => ({
        status: 201,
        body: activity('a2', c.body as Partial<Activity>),
      }),
    });
    const row = await screen.findByTestId('activity-a1');
    expect(within(row).getByRole('link').textContent).toBe('Pilot');
    // A client has no "next step" of its own: no warning, no mark.
    expect(within(row).queryByTestId('activity-next-mark')).toBeNull();
    expect(screen.queryByTestId('next-step-missing')).toBeNull();
    expect(query(calls.find((c) => c.path.startsWith('/api/activities'))!.path).get('clientId')).toBe('c1');

    fireEvent.click(screen.getByTestId('activity-plan-open'));
    fireEvent.change(screen.getByTestId('plan-activity-subject'), {
      target: { value: 'Birthday greetings' },
    });
    fireEvent.click(screen.getByTestId('plan-activity-kind-email'));
    fireEvent.click(screen.getByTestId('plan-activity-submit'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/clients/c1/activities')).toBe(true));
    expect(calls.find((c) => c.path === '/api/clients/c1/activities')!.body).toMatchObject({
      kind: 'email',
      subject: 'Birthday greetings',
      contactId: 'k1',
    });
  });

  it('shows the whole history across deals, filtered by manager', async () => {
    const { calls } = page('manager', {
      'GET /api/clients/c1/interactions': () => [
        {
          id: 'i1',
          dealId: 'd1',
          dealTitle: 'Pilot',
          kind: 'call',
          at: '2027-03-01T09:00:00Z',
          text: 'Called',
          by: 'boris',
          byName: 'Boris Ivanov',
          number: 4,
        },
      ],
    });
    const entry = await screen.findByTestId('journal-entry-i1');
    expect(within(entry).getByTestId('journal-deal').textContent).toBe('Pilot');
    expect(within(entry).getByTestId('journal-number').textContent).toBe('04');
    // The whole history is the only scope here: no switch.
    expect(screen.queryByTestId('journal-scope-deal')).toBeNull();
    fireEvent.change(screen.getByTestId('journal-manager'), { target: { value: 'boris' } });
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.path.startsWith('/api/clients/c1/interactions') && query(c.path).get('managerId') === 'boris',
        ),
      ).toBe(true),
    );
  });
});
