// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { MoveDialog } from './MoveDialog';

const funnel = {
  id: 'req',
  name: 'Requirements',
  start: 'proposal',
  activities: [
    {
      id: 'proposal',
      type: 'Stage',
      name: 'Proposal',
      outcomes: ['Sent', 'Agreed'],
      requires: {
        Sent: { fields: ['amount'] },
        Agreed: { interaction: { kind: 'meeting', fields: ['at', 'contact', 'topic', 'result'] } },
      },
    },
    { id: 'won', type: 'End', result: 'won' },
  ],
  connections: [
    { source: 'proposal', outcome: 'Sent', target: 'won' },
    { source: 'proposal', outcome: 'Agreed', target: 'won' },
  ],
};
const deal = {
  id: 'd1',
  title: 'ACME',
  workflowId: 'req',
  workflowVersion: 4,
  stageId: 'proposal',
  state: 'open',
  version: 5,
};
const missing = (errors: Record<string, string[]>) => ({
  status: 400,
  body: { title: 'The request is not valid.', status: 400, code: 'missing-data', errors },
});

function open(routes: Parameters<typeof mockApi>[0]) {
  signInAs('manager', 'anna');
  const api = mockApi({ 'GET /api/workflows/req': () => funnel, ...routes });
  const onDone = vi.fn();
  const onChanged = vi.fn();
  render(
    <I18nProvider initial="en">
      <MoveDialog deal={deal} onDone={onDone} onClose={() => {}} onChanged={onChanged} />
    </I18nProvider>,
  );
  return { ...api, onDone, onChanged };
}

describe('move dialog: missing data', () => {
  it('asks for the missing amount, patches the deal and moves it with the new version', async () => {
    let moves = 0;
    const { calls, onDone, onChanged } = open({
      'POST /api/deals/d1/moves': () =>
        ++moves === 1
          ? missing({ amount: ['Fill in the amount.'] })
          : { ...deal, stageId: 'won', version: 7 },
      'PATCH /api/deals/d1': (c) => ({ ...deal, amount: (c.body as { amount: number }).amount, version: 6 }),
    });
    fireEvent.click(await screen.findByTestId('outcome-Sent'));
    expect((await screen.findByTestId('missing-data')).textContent).toContain('amount');
    expect(screen.queryByTestId('missing-interaction-hint')).toBeNull();
    fireEvent.change(screen.getByTestId('missing-amount-input'), { target: { value: '250000' } });
    fireEvent.click(screen.getByTestId('missing-save'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ amount: 250000 });
    expect(patch.headers['If-Match']).toBe('"5"');
    const retry = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(retry.body).toMatchObject({ outcome: 'Sent' });
    expect(retry.headers['If-Match']).toBe('"6"');
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ version: 6 }));
  });

  it('names the meeting fields still missing and links to logging it', async () => {
    open({
      'POST /api/deals/d1/moves': () => missing({ 'interaction.topic': ['x'], 'interaction.result': ['y'] }),
    });
    fireEvent.click(await screen.findByTestId('outcome-Agreed'));
    const hint = await screen.findByTestId('missing-interaction-hint');
    expect(hint.textContent).toContain('Log a meeting with: topic, result.');
    expect(screen.getByTestId('missing-interaction.topic').textContent).toContain('has no topic');
    expect(screen.getByTestId('missing-log-interaction').getAttribute('href')).toBe('/deals/d1?log=meeting');
    expect(screen.queryByTestId('missing-save')).toBeNull();
  });
});
