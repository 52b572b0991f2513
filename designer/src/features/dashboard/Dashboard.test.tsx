// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { ManagersTable, sortRows } from './ManagersTable';
import type { Breach } from '../../api/types';
import { BreachesPanel } from './BreachesPanel';

const rows = [
  {
    managerId: 'anna',
    name: 'Anna',
    measured: 10,
    met: 9,
    breached: 1,
    compliance: 0.9,
    medianOverrun: 'PT9M',
    openOverdue: 0,
    lateHeld: 'PT2H',
  },
  {
    managerId: 'boris',
    name: 'Boris',
    measured: 8,
    met: 4,
    breached: 4,
    compliance: 0.5,
    medianOverrun: 'PT12M',
    openOverdue: 2,
    lateHeld: 'PT0S',
  },
];

describe('dashboard', () => {
  it('sorts rows by any column', () => {
    expect(sortRows(rows, 'compliance', true).map((r) => r.managerId)).toEqual(['boris', 'anna']);
    expect(sortRows(rows, 'name', true).map((r) => r.managerId)).toEqual(['anna', 'boris']);
    expect(sortRows(rows, 'openOverdue', false).map((r) => r.managerId)).toEqual(['boris', 'anna']);
  });

  it('sorts durations by length, not as text', () => {
    expect(sortRows(rows, 'medianOverrun', true).map((r) => r.managerId)).toEqual(['anna', 'boris']);
    expect(sortRows(rows, 'lateHeld', false).map((r) => r.managerId)).toEqual(['anna', 'boris']);
  });

  it('shows the late time each manager held, and a dash for none', () => {
    render(
      <I18nProvider initial="en">
        <ManagersTable rows={rows} selected={null} onSelect={() => {}} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('late-held-anna').textContent).toBe('2h');
    expect(screen.getByTestId('late-held-boris').textContent).toBe('—');
  });

  it('renders a row per manager and toggles sort order on header click', () => {
    let picked = '';
    render(
      <I18nProvider initial="en">
        <ManagersTable rows={rows} selected={null} onSelect={(id) => (picked = id)} />
      </I18nProvider>,
    );
    const body = () => screen.getByTestId('managers-table').querySelectorAll('tbody tr');
    expect(body()[0]!.getAttribute('data-testid')).toBe('manager-row-boris');
    fireEvent.click(screen.getByTestId('sort-compliance'));
    expect(body()[0]!.getAttribute('data-testid')).toBe('manager-row-anna');
    fireEvent.click(screen.getByTestId('manager-row-boris'));
    expect(picked).toBe('boris');
  });

  it('drills down to a manager’s breaches, each linking to its deal', async () => {
    signInAs('head');
    const { calls } = mockApi({
      'GET /api/compliance/managers/boris/breaches': () => [
        {
          dealId: 'd7',
          dealTitle: 'Late deal',
          regulationId: 'new',
          regulationName: 'First contact',
          stageName: 'New',
          dueAt: '2027-03-01T10:00:00Z',
          overrun: 'PT2H',
          holders: [],
        },
      ],
    });
    render(
      <I18nProvider initial="en">
        <BreachesPanel managerId="boris" name="Boris" period={{ from: '2027-03-01', to: '2027-03-31' }} />
      </I18nProvider>,
    );
    const row = await screen.findByTestId('breach-d7');
    expect(within(row).getByText('Late deal').getAttribute('href')).toBe('/deals/d7');
    expect(calls[0]!.path).toMatch(/^\/api\/compliance\/managers\/boris\/breaches\?from=.+&to=.+/);
  });

  it('shows everyone who held a breach, marking late only those who held part of the overrun', async () => {
    signInAs('head');
    const breach: Breach = {
      dealId: 'd8',
      dealTitle: 'Handed-over deal',
      regulationId: 'new',
      dueAt: '2027-03-01T10:00:00Z',
      overrun: 'PT2M',
      holders: [
        { userId: null, name: null, held: 'PT5M', overrunHeld: 'PT0S' },
        { userId: 'anna', name: 'Anna Petrova', held: 'PT22M', overrunHeld: 'PT0S' },
        { userId: 'boris', name: 'Boris Ivanov', held: 'PT10M', overrunHeld: 'PT2M' },
      ],
    };
    mockApi({ 'GET /api/compliance/managers/boris/breaches': () => [breach] });
    render(
      <I18nProvider initial="en">
        <BreachesPanel managerId="boris" name="Boris" period={{ from: '2027-03-01', to: '2027-03-31' }} />
      </I18nProvider>,
    );
    const row = await screen.findByTestId('breach-d8');
    const anna = within(row).getByTestId('holder-anna');
    const boris = within(row).getByTestId('holder-boris');
    expect(anna.textContent).toBe('Anna Petrova 22m');
    expect(boris.textContent).toBe('Boris Ivanov 10m (2m late)');
    // Time in the team queue belonged to no one: it shows as the queue's.
    expect(within(row).getByTestId('holder-null').textContent).toBe('Team queue 5m');
    // A funnel-wide regulation has no stage of its own.
    expect(within(row).getByText('whole funnel')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Held by' })).toBeTruthy();
  });

  it('spans the empty row across every column, holders included', async () => {
    signInAs('head');
    mockApi({ 'GET /api/compliance/managers/boris/breaches': () => [] });
    render(
      <I18nProvider initial="en">
        <BreachesPanel managerId="boris" name="Boris" period={{ from: '2027-03-01', to: '2027-03-31' }} />
      </I18nProvider>,
    );
    const empty = await screen.findByText('No breaches in this period');
    const columns = screen.getByTestId('breaches').querySelectorAll('thead th').length;
    expect(empty.getAttribute('colspan')).toBe(String(columns));
  });
});
