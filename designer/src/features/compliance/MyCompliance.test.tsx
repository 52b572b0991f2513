// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { OwnClock, OwnCompliance } from '../../api/types';
import { App } from '../../app/App';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { AuthProvider } from '../auth/AuthProvider';
import MyCompliance from './MyCompliance';

// The app shell opens the alerts hub for managers; a hub that connects and stays silent is all these tests need.
vi.mock('@microsoft/signalr', () => {
  class Builder {
    withUrl() {
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return {
        state: 'Connected',
        on: () => {},
        onreconnecting: () => {},
        onreconnected: () => {},
        onclose: () => {},
        start: async () => {},
        stop: async () => {},
        invoke: async () => undefined,
      };
    }
  }
  return {
    HubConnectionBuilder: Builder,
    HubConnectionState: { Connected: 'Connected' },
    LogLevel: { Warning: 3 },
  };
});

const clock = (id: string, counted: OwnClock['counted'], extra: Partial<OwnClock> = {}): OwnClock => ({
  clockId: id,
  dealId: `deal-${id}`,
  dealTitle: `Deal ${id}`,
  regulationId: 'first-contact',
  regulationName: 'First contact',
  stageId: 'new',
  stageName: 'New',
  state: counted === 'met' ? 'met' : 'breached',
  counted,
  startedAt: '2027-03-01T09:00:00Z',
  dueAt: '2027-03-01T10:00:00Z',
  finishedAt: counted === 'openOverdue' ? null : '2027-03-01T10:30:00Z',
  overrun: counted === 'met' ? null : 'PT30M',
  holders: [],
  ...extra,
});

const own = (extra: Partial<OwnCompliance> = {}): OwnCompliance => ({
  managerId: 'anna',
  name: 'Anna Petrova',
  measured: 4,
  met: 3,
  breached: 1,
  compliance: 0.75,
  medianOverrun: 'PT30M',
  p90Overrun: 'PT2H',
  openOverdue: 1,
  lateHeld: 'PT45M',
  from: '2027-03-01T00:00:00Z',
  to: '2027-03-15T00:00:00Z',
  clocks: [
    clock('c1', 'breached', {
      holders: [
        { userId: 'boris', name: 'Boris Ivanov', held: 'PT40M', overrunHeld: 'PT0S' },
        { userId: 'anna', name: 'Anna Petrova', held: 'PT50M', overrunHeld: 'PT30M' },
      ],
    }),
    clock('c2', 'met'),
    clock('c3', 'openOverdue', { overrun: 'PT26H' }),
  ],
  weeks: [
    {
      weekStart: '2027-03-01',
      from: '2027-03-01T00:00:00Z',
      to: '2027-03-08T00:00:00Z',
      measured: 3,
      met: 3,
      breached: 0,
      compliance: 1,
    },
    {
      weekStart: '2027-03-08',
      from: '2027-03-08T00:00:00Z',
      to: '2027-03-15T00:00:00Z',
      measured: 1,
      met: 0,
      breached: 1,
      compliance: 0,
    },
  ],
  ...extra,
});

const renderPage = () =>
  render(
    <I18nProvider initial="en">
      <MyCompliance />
    </I18nProvider>,
  );

describe('my regulations', () => {
  it('shows my figures and one row per clock, saying what each counted as', async () => {
    signInAs('manager', 'anna');
    const { calls } = mockApi({ 'GET /api/compliance/me': () => own() });
    renderPage();
    expect((await screen.findByTestId('stat-measured-value')).textContent).toBe('4');
    expect(screen.getByTestId('stat-met-value').textContent).toBe('3');
    expect(screen.getByTestId('stat-breached-value').textContent).toBe('1');
    expect(screen.getByTestId('stat-compliance-value').textContent).toBe('75%');
    expect(screen.getByTestId('stat-compliance-value').className).toBe('bad');
    expect(screen.getByTestId('stat-medianOverrun-value').textContent).toBe('30m');
    expect(screen.getByTestId('stat-p90Overrun-value').textContent).toBe('2h');
    expect(screen.getByTestId('stat-openOverdue-value').textContent).toBe('1');
    expect(screen.getByTestId('stat-lateHeld-value').textContent).toBe('45m');

    const rows = screen.getByTestId('own-clocks').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.getAttribute('data-testid'))).toEqual([
      'own-clock-c1',
      'own-clock-c2',
      'own-clock-c3',
    ]);
    const counted = (id: string) => within(screen.getByTestId(`own-clock-${id}`)).getByTestId('counted');
    expect(counted('c1').dataset.counted).toBe('breached');
    expect(counted('c1').textContent).toBe('breached');
    expect(counted('c2').textContent).toBe('met');
    expect(counted('c3').textContent).toBe('overdue, still open');
    const open = screen.getByTestId('own-clock-c3');
    expect(within(open).getByText('still open')).toBeTruthy();
    expect(within(open).getByText('26h')).toBeTruthy();
    expect(within(open).getByText('Deal c3').getAttribute('href')).toBe('/deals/deal-c3');

    expect(screen.getByTestId('week-2027-03-08').textContent).toContain('0%');
    expect(calls[0]!.path).toMatch(/^\/api\/compliance\/me\?from=.+&to=.+/);
  });

  it('shows who held a breached clock and how much of the overrun was theirs', async () => {
    signInAs('manager', 'anna');
    mockApi({
      'GET /api/compliance/me': () =>
        own({
          clocks: [
            own().clocks[0]!,
            // A server from before the breakdown sends no holders at all.
            { ...clock('c4', 'breached'), holders: undefined },
          ],
        }),
    });
    renderPage();
    const breached = await screen.findByTestId('own-clock-c1');
    expect(within(breached).getByTestId('holder-boris').textContent).toBe('Boris Ivanov 40m');
    expect(within(breached).getByTestId('holder-anna').textContent).toBe('Anna Petrova 50m (30m late)');
    expect(within(screen.getByTestId('own-clock-c4')).queryByTestId('clock-holders')).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Held by' })).toBeTruthy();
  });

  it('says so when nothing was measured, instead of empty figures', async () => {
    signInAs('manager', 'anna');
    mockApi({
      'GET /api/compliance/me': () =>
        own({ measured: 0, met: 0, breached: 0, compliance: null, openOverdue: 0, clocks: [], weeks: [] }),
    });
    renderPage();
    expect(await screen.findByTestId('own-empty')).toBeTruthy();
    expect(screen.queryByTestId('own-figures')).toBeNull();
    expect(screen.queryByTestId('own-clocks')).toBeNull();
  });

  it('keeps an overdue clock from before the period on the page when nothing was measured in it', async () => {
    signInAs('manager', 'anna');
    mockApi({
      'GET /api/compliance/me': () =>
        own({ measured: 0, met: 0, breached: 0, compliance: null, clocks: [clock('c3', 'openOverdue')] }),
    });
    renderPage();
    expect(await screen.findByTestId('own-clock-c3')).toBeTruthy();
    expect(screen.getByTestId('stat-compliance-value').textContent).toBe('—');
    expect(screen.queryByTestId('own-empty')).toBeNull();
  });

  it('asks again for the period I pick, in my time zone so that weeks start on my Monday', async () => {
    signInAs('manager', 'anna');
    const { calls } = mockApi({ 'GET /api/compliance/me': () => own() });
    renderPage();
    await screen.findByTestId('own-figures');
    fireEvent.change(screen.getByTestId('period-from'), { target: { value: '2027-02-01' } });
    await waitFor(() => expect(calls).toHaveLength(2));
    const query = new URLSearchParams(calls[1]!.path.split('?')[1]);
    expect(query.get('from')).toBe(new Date('2027-02-01T00:00:00').toISOString().replace('.000Z', 'Z'));
    expect(query.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('shows the server’s refusal', async () => {
    signInAs('manager', 'anna');
    mockApi({
      'GET /api/compliance/me': () => ({
        status: 400,
        body: { title: 'Bad period', detail: "'from' is after 'to'." },
      }),
    });
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toBe("'from' is after 'to'.");
  });

  it('a manager finds the page in the navigation', async () => {
    signInAs('manager', 'anna');
    window.history.replaceState(null, '', '/me/compliance');
    mockApi({ 'GET /api/compliance/me': () => own(), 'GET /api/alerts': () => [] });
    render(
      <I18nProvider initial="en">
        <AuthProvider>
          <App />
        </AuthProvider>
      </I18nProvider>,
    );
    const link = await screen.findByTestId('nav-me-compliance');
    expect(link.textContent).toBe('My regulations');
    expect(link.getAttribute('href')).toBe('/me/compliance');
    expect(link.className).toBe('active');
    expect(await screen.findByTestId('own-clock-c1')).toBeTruthy();
  });
});
