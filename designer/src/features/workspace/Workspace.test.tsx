// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { sampleFunnel } from '../../model/fixtures';
import { mockApi, signInAs } from '../../test/mockApi';
import { AuthProvider } from '../auth/AuthProvider';
import Workspace from './Workspace';

const soon = new Date(Date.now() + 2 * 3600_000).toISOString();
const warnedAt = new Date(Date.now() - 60_000).toISOString();
const deal = (id: string, stageId: string, ownerId: string | null, extra = {}) => ({
  id,
  title: `Deal ${id}`,
  workflowId: 'b2b-sales',
  workflowVersion: 3,
  stageId,
  ownerId,
  state: 'open',
  version: 7,
  clocks: [{ regulationId: stageId, state: 'running', dueAt: soon, warnAt: warnedAt }],
  ...extra,
});

function setup() {
  signInAs('manager', 'anna');
  return mockApi({
    'GET /api/workflows': () => [
      { id: 'b2b-sales', name: 'B2B sales', draftVersion: 3, publishedVersion: 3 },
    ],
    'GET /api/workflows/b2b-sales': () => sampleFunnel(),
    'GET /api/deals': () => [
      deal('d1', 'new', 'anna', {
        nextStep: { at: new Date(Date.now() - 3600_000).toISOString(), what: 'Call back' },
      }),
      deal('d2', 'proposal', 'anna'),
      deal('d3', 'new', null),
      deal('d4', 'new', 'boris'),
    ],
    'POST /api/deals/d1/moves': (c) => ({ ...deal('d1', 'paused', 'anna'), version: 8, echo: c.body }),
    'POST /api/deals/d3/take': () => deal('d3', 'new', 'anna'),
    'GET /api/plans/me': () => ({ status: 404 }),
    'GET /api/diary': () => ({ timeZone: 'UTC', limit: null, days: [], activities: [], deadlines: [] }),
    'GET /api/deals/board': () => ({
      workflowId: 'b2b-sales',
      workflowVersion: 3,
      columns: [
        {
          stageId: 'new',
          name: 'New',
          count: 1,
          amount: 0,
          deals: [
            deal('d1', 'new', 'anna', {
              nextStep: { at: new Date(Date.now() - 3600_000).toISOString(), what: 'Call back' },
            }),
          ],
        },
        {
          stageId: 'proposal',
          name: 'Proposal',
          count: 1,
          amount: 0,
          deals: [deal('d2', 'proposal', 'anna')],
        },
      ],
    }),
    'POST /api/deals': (c) =>
      c.path.includes('allowDuplicate=true')
        ? { status: 201, body: deal('d9', 'new', 'anna') }
        : { status: 409, body: { title: 'Duplicate', existingDealId: 'd1' } },
  });
}

const renderWorkspace = () =>
  render(
    <I18nProvider initial="en">
      <AuthProvider>
        <Workspace />
      </AuthProvider>
    </I18nProvider>,
  );

describe('workspace', () => {
  it('opens on the day, and the board puts my deals in stage columns with a coloured countdown', async () => {
    const { calls } = setup();
    renderWorkspace();
    expect(await screen.findByTestId('diary')).toBeTruthy();
    fireEvent.click(screen.getByTestId('tab-board'));
    const column = await screen.findByTestId('column-new');
    expect(await within(column).findByTestId('deal-d1')).toBeTruthy();
    expect(within(screen.getByTestId('column-proposal')).getByTestId('deal-d2')).toBeTruthy();
    expect(screen.getByTestId('countdown-d1').getAttribute('data-look')).toBe('warning');
    expect(screen.queryByTestId('plans')).toBeNull();
    // A manager's board starts on their own deals.
    expect(calls.find((c) => c.path.startsWith('/api/deals/board'))!.path).toContain('ownerId=anna');
    expect(window.location.search).toBe('?tab=board');
  });

  it('moves a deal by picking an outcome, with a next step', async () => {
    const { calls } = setup();
    renderWorkspace();
    fireEvent.click(await screen.findByTestId('tab-board'));
    fireEvent.click(await screen.findByTestId('move-d1'));
    fireEvent.change(screen.getByTestId('next-step-at'), { target: { value: '2027-03-01T10:00' } });
    fireEvent.change(screen.getByTestId('next-step-what'), { target: { value: 'Send proposal' } });
    fireEvent.click(await screen.findByTestId('outcome-Pause'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/deals/d1/moves')).toBe(true));
    const move = calls.find((c) => c.path === '/api/deals/d1/moves')!;
    expect(move.body).toMatchObject({ outcome: 'Pause', nextStep: { what: 'Send proposal' } });
    expect(move.headers['If-Match']).toBe('"7"');
  });

  it('takes a deal from the team queue', async () => {
    const { calls } = setup();
    renderWorkspace();
    fireEvent.click(await screen.findByTestId('tab-queue'));
    fireEvent.click(await screen.findByTestId('take-d3'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/deals/d3/take')).toBe(true),
    );
  });

  it('a duplicate offers the existing deal and "create anyway"', async () => {
    const { calls } = setup();
    renderWorkspace();
    fireEvent.click(await screen.findByTestId('tab-new'));
    fireEvent.change(await screen.findByTestId('new-deal-title'), { target: { value: 'Big one' } });
    fireEvent.change(screen.getByTestId('new-deal-client'), { target: { value: 'ACME' } });
    fireEvent.change(screen.getByTestId('new-deal-email'), { target: { value: 'a@acme.test' } });
    fireEvent.click(screen.getByTestId('new-deal-submit'));
    expect((await screen.findByTestId('duplicate-link')).getAttribute('href')).toBe('/deals/d1');
    fireEvent.click(screen.getByTestId('create-anyway'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/deals?allowDuplicate=true')).toBe(true));
    const body = calls.find((c) => c.method === 'POST' && c.path.startsWith('/api/deals'))!.body;
    expect(body).toMatchObject({
      title: 'Big one',
      workflowId: 'b2b-sales',
      client: { name: 'ACME', kind: 'company' },
    });
  });
});
