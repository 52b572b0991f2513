// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/audit';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { AuthProvider } from '../auth/AuthProvider';
import ClientPage from './ClientPage';

const client = {
  id: 'c1',
  name: 'Romashka LLC',
  kind: 'company',
  source: null,
  segments: [],
  version: 2,
  contacts: [{ id: 'k1', clientId: 'c1', name: 'Irina Sokolova', phones: [], emails: [], version: 1 }],
  deals: [],
};

const entry = (id: string, extra: Partial<AuditEntry>): AuditEntry => ({
  id,
  at: '2027-03-01T09:00:00Z',
  actorId: 'boris',
  actorName: 'Boris Ivanov',
  via: null,
  entityType: 'client',
  entityId: 'c1',
  clientId: 'c1',
  action: 'updated',
  changes: [],
  ...extra,
});

const renderPage = () =>
  render(
    <I18nProvider initial="en">
      <AuthProvider>
        <ClientPage clientId="c1" />
      </AuthProvider>
    </I18nProvider>,
  );

describe('client change history', () => {
  it('shows an admin who changed which field from what to what, and pages to older entries', async () => {
    signInAs('admin', 'admin');
    const { calls } = mockApi({
      'GET /api/clients/c1': () => client,
      'GET /api/dictionaries/sources': () => [],
      'GET /api/dictionaries/segments': () => [],
      'GET /api/clients/c1/interactions': () => [],
      'GET /api/clients/c1/audit': (call) =>
        call.path.includes('cursor=')
          ? {
              entries: [
                entry('e2', {
                  actorId: 'lead-form',
                  actorName: null,
                  action: 'created',
                  entityType: 'contact',
                  entityId: 'k1',
                  changes: [{ field: 'name', before: null, after: 'Irina Sokolova' }],
                }),
              ],
              nextCursor: null,
            }
          : {
              entries: [entry('e1', { changes: [{ field: 'source', before: 'website', after: null }] })],
              nextCursor: 'page-2',
            },
    });

    renderPage();

    const wiped = await screen.findByTestId('audit-e1');
    expect(wiped.textContent).toContain('Boris Ivanov changed');
    expect(wiped.textContent).toContain('source: website → —');
    fireEvent.click(screen.getByTestId('audit-more'));
    const created = await screen.findByTestId('audit-e2');
    expect(created.textContent).toContain('Website form created contact Irina Sokolova');
    expect(created.textContent).toContain('name: — → Irina Sokolova');
    expect(screen.queryByTestId('audit-more')).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/clients/c1/audit')).map((c) => c.path)).toEqual([
      '/api/clients/c1/audit',
      '/api/clients/c1/audit?cursor=page-2',
    ]);
  });

  it('is not shown to a manager, and the manager’s page does not ask for it', async () => {
    signInAs('manager', 'anna');
    const { calls } = mockApi({
      'GET /api/clients/c1': () => client,
      'GET /api/dictionaries/sources': () => [],
      'GET /api/dictionaries/segments': () => [],
      'GET /api/clients/c1/interactions': () => [],
    });

    renderPage();

    await screen.findByTestId('client-title');
    await waitFor(() =>
      expect(calls.some((c) => c.path.startsWith('/api/clients/c1/interactions'))).toBe(true),
    );
    expect(screen.queryByTestId('client-audit')).toBeNull();
    expect(calls.some((c) => c.path.includes('/audit'))).toBe(false);
  });
});
