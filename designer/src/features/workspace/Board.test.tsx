// @vitest-environment jsdom
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs, type Call } from '../../test/mockApi';
import { Board } from './Board';

const funnel = {
  id: 'b2b',
  name: 'B2B',
  start: 'proposal',
  activities: [
    {
      id: 'proposal',
      type: 'Stage',
      name: 'Proposal',
      outcomes: ['Sent', 'Lost'],
      requires: { Sent: { fields: ['amount'] } },
    },
    { id: 'size', type: 'Decision', outcomes: ['True', 'False'], condition: 'amount > 1000000' },
    { id: 'presentation', type: 'Stage', name: 'Presentation', outcomes: ['Agreed', 'Objections'] },
    { id: 'closing', type: 'Stage', name: 'Closing', outcomes: ['Signed'] },
    { id: 'won', type: 'End', result: 'won' },
    { id: 'lost', type: 'End', result: 'lost' },
  ],
  connections: [
    { source: 'proposal', outcome: 'Sent', target: 'size' },
    { source: 'proposal', outcome: 'Lost', target: 'lost' },
    { source: 'size', outcome: 'True', target: 'presentation' },
    { source: 'size', outcome: 'False', target: 'presentation' },
    { source: 'presentation', outcome: 'Agreed', target: 'closing' },
    { source: 'presentation', outcome: 'Objections', target: 'closing' },
    { source: 'closing', outcome: 'Signed', target: 'won' },
  ],
};
const deal = (id: string, stageId: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Deal ${id}`,
  workflowId: 'b2b',
  workflowVersion: 2,
  stageId,
  ownerId: 'anna',
  ownerName: 'Anna Petrova',
  state: 'open',
  version: 4,
  nextStepState: 'ok',
  ...extra,
});
const board = () => ({
  workflowId: 'b2b',
  workflowVersion: 2,
  columns: [
    {
      stageId: 'proposal',
      name: 'Proposal',
      count: 3,
      amount: 1250000,
      deals: [
        deal('d1', 'proposal', { nextStepState: 'missing' }),
        deal('d2', 'proposal', { nextStepState: 'overdue' }),
      ],
      nextCursor: 'c-2',
    },
    {
      stageId: 'presentation',
      name: 'Presentation',
      count: 1,
      amount: 0,
      deals: [deal('d3', 'presentation')],
    },
    { stageId: 'closing', name: 'Closing', count: 0, amount: 0, deals: [] },
  ],
});
const anna: User = { id: 'anna', name: 'Anna', email: 'anna@crm.local', role: 'manager', teamId: 'sales' };
const head: User = { id: 'head', name: 'Helen', email: 'head@crm.local', role: 'head', teamId: 'sales' };

function setup(routes: Parameters<typeof mockApi>[0] = {}) {
  signInAs('manager', 'anna');
  return mockApi({
    'GET /api/workflows/b2b': () => funnel,
    'GET /api/deals/board': (c) =>
      c.path.includes('cursor=c-2')
        ? {
            ...board(),
            columns: [{ ...board().columns[0], deals: [deal('d9', 'proposal')], nextCursor: null }],
          }
        : board(),
    'GET /api/dictionaries/sources': () => [{ id: 'web', name: 'Website' }],
    'GET /api/users': () => [
      { id: 'anna', name: 'Anna Petrova', role: 'manager' },
      { id: 'boris', name: 'Boris Ivanov', role: 'manager' },
    ],
    ...routes,
  });
}
const renderBoard = (user: User = anna, lang: 'en' | 'ru' = 'en') =>
  render(
    <I18nProvider initial={lang}>
      <Board workflowId="b2b" user={user} />
    </I18nProvider>,
  );
const boardCalls = (calls: Call[]) => calls.filter((c) => c.path.startsWith('/api/deals/board'));
const dragTo = (card: HTMLElement, column: HTMLElement) => {
  fireEvent.dragStart(card);
  fireEvent.dragOver(column);
  fireEvent(column, createEvent.drop(column));
};

describe('the board', () => {
  it('heads every column with the count and amount of all matching deals, in Russian number format', async () => {
    setup();
    renderBoard(anna, 'ru');
    expect((await screen.findByTestId('column-count-proposal')).textContent).toBe('3');
    expect(screen.getByTestId('column-amount-proposal').textContent!.replace(/\s/g, ' ')).toBe('1 250 000');
    expect(screen.getByTestId('step-flag-d1').textContent).toContain('Нет следующего шага');
    expect(screen.getByTestId('step-flag-d2').dataset.flag).toBe('overdue');
    expect(screen.queryByTestId('step-flag-d3')).toBeNull();
    expect(screen.queryByTestId('owner-d1')).toBeNull(); // a manager sees only their own: no owner line
  });

  it('shows the owner on each card to a head, who can filter by any of the team', async () => {
    const { calls } = setup();
    renderBoard(head);
    expect((await screen.findByTestId('owner-d1')).textContent).toContain('Anna Petrova');
    expect(boardCalls(calls)[0]!.path).not.toContain('ownerId');
    await within(screen.getByTestId('board-owner')).findByText('Boris Ivanov');
    fireEvent.change(screen.getByTestId('board-owner'), { target: { value: 'boris' } });
    await waitFor(() => expect(boardCalls(calls).at(-1)!.path).toContain('ownerId=boris'));
  });

  it('sends every filter to the server', async () => {
    const { calls } = setup();
    renderBoard();
    await screen.findByTestId('deal-d1');
    expect(boardCalls(calls)[0]!.path).toBe('/api/deals/board?workflowId=b2b&ownerId=anna&limit=50');
    await within(screen.getByTestId('board-source')).findByText('Website');
    fireEvent.change(screen.getByTestId('board-source'), { target: { value: 'web' } });
    fireEvent.click(screen.getByTestId('board-overdue'));
    fireEvent.change(screen.getByTestId('board-next-step'), { target: { value: 'missing' } });
    fireEvent.change(screen.getByTestId('board-search'), { target: { value: 'Romashka' } });
    await waitFor(() => expect(boardCalls(calls).at(-1)!.path).toContain('q=Romashka'), { timeout: 2000 });
    const last = new URLSearchParams(boardCalls(calls).at(-1)!.path.split('?')[1]);
    expect(Object.fromEntries(last)).toEqual({
      workflowId: 'b2b',
      ownerId: 'anna',
      source: 'web',
      q: 'Romashka',
      overdue: 'true',
      nextStep: 'missing',
      limit: '50',
    });
  });

  it('"more" fetches the next page of one column by its cursor and adds it', async () => {
    const { calls } = setup();
    renderBoard();
    fireEvent.click(await screen.findByTestId('column-more-proposal'));
    expect(await screen.findByTestId('deal-d9')).toBeTruthy();
    expect(boardCalls(calls).at(-1)!.path).toContain('stageId=proposal&cursor=c-2');
    expect(within(screen.getByTestId('column-proposal')).getAllByTestId(/^deal-d/)).toHaveLength(3);
    expect(screen.queryByTestId('column-more-proposal')).toBeNull();
  });

  it('a card dropped on the next stage moves by the one outcome leading there; missing data opens the Move dialog on it', async () => {
    let moves = 0;
    const { calls } = setup({
      'POST /api/deals/d1/moves': () =>
        ++moves === 1
          ? {
              status: 400,
              body: { status: 400, code: 'missing-data', errors: { amount: ['Fill in the amount.'] } },
            }
          : deal('d1', 'presentation', { version: 6 }),
      'PATCH /api/deals/d1': () => deal('d1', 'proposal', { amount: 300000, version: 5 }),
    });
    renderBoard();
    dragTo(await screen.findByTestId('deal-d1'), screen.getByTestId('column-presentation'));
    const dialog = await screen.findByTestId('move-dialog');
    const first = calls.find((c) => c.method === 'POST')!;
    expect(first.body).toEqual({ outcome: 'Sent' });
    expect(first.headers['If-Match']).toBe('"4"');
    expect(within(dialog).getByTestId('missing-amount')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('missing-amount-input'), { target: { value: '300000' } });
    fireEvent.click(within(dialog).getByTestId('missing-save'));
    await waitFor(() => expect(screen.queryByTestId('move-dialog')).toBeNull());
    const retry = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(retry.body).toMatchObject({ outcome: 'Sent' });
    expect(retry.headers['If-Match']).toBe('"5"');
    await waitFor(() => expect(boardCalls(calls).length).toBeGreaterThan(1)); // the board is read again
  });

  it('asks which outcome when several lead to the column, and says so when none does', async () => {
    const { calls } = setup({ 'POST /api/deals/d3/moves': () => deal('d3', 'closing') });
    renderBoard();
    dragTo(await screen.findByTestId('deal-d3'), screen.getByTestId('column-closing'));
    const chooser = await screen.findByTestId('board-outcome-dialog');
    expect(
      within(chooser)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['×', 'Agreed', 'Objections']);
    fireEvent.click(within(chooser).getByTestId('board-outcome-Objections'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/deals/d3/moves')).toBe(true));
    expect(calls.find((c) => c.path === '/api/deals/d3/moves')!.body).toEqual({ outcome: 'Objections' });

    dragTo(screen.getByTestId('deal-d2'), screen.getByTestId('column-closing'));
    expect((await screen.findByTestId('board-notice')).textContent).toContain('“Closing”');
    expect(calls.some((c) => c.path === '/api/deals/d2/moves')).toBe(false);
  });
});
