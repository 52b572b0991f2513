// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../api/records';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { deal, dealPageRoutes } from '../../test/work';
import DealPage from '../deal/DealPage';
import { clearDictionaries } from '../shared/useDictionary';

const entry = (id: string, extra: Partial<Interaction> = {}): Interaction => ({
  id,
  dealId: 'd1',
  kind: 'email',
  at: '2027-02-20T09:00:00Z',
  createdAt: '2027-03-01T10:00:00Z',
  text: `Text ${id}`,
  by: 'anna',
  byName: 'Anna Petrova',
  revisions: 0,
  ...extra,
});

const renderPage = (lang: 'en' | 'ru' = 'en') =>
  render(
    <I18nProvider initial={lang}>
      <DealPage dealId="d1" />
    </I18nProvider>,
  );
const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

function journal(routes: Parameters<typeof mockApi>[0]) {
  signInAs('manager', 'anna');
  return mockApi({
    ...dealPageRoutes,
    'GET /api/deals/d1': () => deal(),
    'GET /api/activities': () => ({ items: [] }),
    ...routes,
  });
}

beforeEach(() => clearDictionaries());

describe('journal', () => {
  it('numbers entries 01, 02 and shows the date of the letter apart from when it was written', async () => {
    journal({
      'GET /api/deals/d1/interactions': () => [
        entry('i2', { number: 2, at: '2027-02-25T09:00:00Z' }),
        entry('i1', { number: 1 }),
      ],
    });
    renderPage('ru');
    const first = await screen.findByTestId('journal-entry-i1');
    expect(within(first).getByTestId('journal-number').textContent).toBe('01');
    expect(within(screen.getByTestId('journal-entry-i2')).getByTestId('journal-number').textContent).toBe(
      '02',
    );
    expect(within(first).getByTestId('journal-at').textContent).toContain('20');
    expect(within(first).getByTestId('journal-written').textContent).toMatch(/^записано .*1/);
    expect(first.textContent).toContain('Anna Petrova');
  });

  it('marks an edited entry and opens its earlier versions', async () => {
    journal({
      'GET /api/deals/d1/interactions': () => [
        entry('i1', { number: 1, editedAt: '2027-03-02T10:00:00Z', revisions: 1 }),
      ],
      'GET /api/interactions/i1/revisions': () => [
        {
          at: '2027-03-02T10:00:00Z',
          by: 'anna',
          byName: 'Anna Petrova',
          text: 'The first wording',
          topic: 'Price',
          result: null,
          interactionAt: '2027-02-19T09:00:00Z',
        },
      ],
    });
    renderPage();
    fireEvent.click(await screen.findByTestId('journal-edited'));
    const revision = await screen.findByTestId('journal-revision');
    expect(revision.textContent).toContain('The first wording');
    expect(revision.textContent).toContain('Anna Petrova');
  });

  it('lets the author correct their own entry, not someone else’s', async () => {
    let corrected = false;
    const { calls } = journal({
      'GET /api/deals/d1/interactions': () => [
        entry('mine', { number: 2, text: corrected ? 'Fixed text' : 'Txet' }),
        entry('boris', { number: 1, by: 'boris', byName: 'Boris' }),
      ],
      'PUT /api/interactions/mine': (c) => {
        corrected = true;
        return entry('mine', { ...(c.body as Partial<Interaction>) });
      },
    });
    renderPage();
    const mine = await screen.findByTestId('journal-entry-mine');
    expect(within(screen.getByTestId('journal-entry-boris')).queryByTestId('journal-correct')).toBeNull();
    fireEvent.click(within(mine).getByTestId('journal-correct'));
    fireEvent.change(screen.getByTestId('correct-text'), { target: { value: 'Fixed text' } });
    fireEvent.change(screen.getByTestId('correct-topic'), { target: { value: 'Pilot' } });
    fireEvent.click(screen.getByTestId('correct-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ text: 'Fixed text', topic: 'Pilot' });
    expect((calls.find((c) => c.method === 'PUT')!.body as { at: string }).at).toBe('2027-02-20T09:00:00Z');
    await waitFor(() => expect(screen.getByTestId('journal-entry-mine').textContent).toContain('Fixed text'));
  });

  it('widens to the whole client’s history and filters it by manager', async () => {
    const { calls } = journal({
      'GET /api/deals/d1/interactions': (c) =>
        query(c.path).get('scope') === 'client'
          ? [
              entry('other', {
                number: 3,
                dealId: 'd7',
                dealTitle: 'ACME service',
                by: 'boris',
                byName: 'Boris',
              }),
              entry('i1', { number: 1 }),
            ]
          : [entry('i1', { number: 1 })],
    });
    renderPage();
    await screen.findByTestId('journal-entry-i1');
    expect(screen.queryByTestId('journal-manager')).toBeNull();
    fireEvent.click(screen.getByTestId('journal-scope-client'));
    const other = await screen.findByTestId('journal-entry-other');
    expect(within(other).getByTestId('journal-deal').textContent).toBe('ACME service');
    expect(within(other).getByTestId('journal-deal').getAttribute('href')).toBe('/deals/d7');
    fireEvent.change(screen.getByTestId('journal-manager'), { target: { value: 'boris' } });
    await waitFor(() =>
      expect(
        calls.some(
          (c) => query(c.path).get('managerId') === 'boris' && query(c.path).get('scope') === 'client',
        ),
      ).toBe(true),
    );
    // Both managers stay offered while one is picked.
    expect(
      [...screen.getByTestId('journal-manager').querySelectorAll('option')].map((o) => o.textContent),
    ).toEqual(['All managers', 'Anna Petrova', 'Boris']);
  });
});
