// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import DealPage from './DealPage';

describe('deal page', () => {
  it('shows clocks and history, and adds to the journal', async () => {
    signInAs('manager', 'anna');
    const { calls } = mockApi({
      'GET /api/deals/d1': () => ({
        id: 'd1',
        title: 'ACME rollout',
        workflowId: 'b2b-sales',
        stageId: 'new',
        stageName: 'Find all contacts',
        state: 'open',
        version: 3,
        clocks: [{ regulationId: 'new', name: 'Contacts', state: 'paused', dueAt: '2027-03-01T10:00:00Z' }],
        history: [{ at: '2027-03-01T08:00:00Z', by: 'anna', kind: 'moved', details: { outcome: 'Done' } }],
      }),
      'POST /api/deals/d1/interactions': () => ({ status: 201, body: {} }),
      'GET /api/deals/d1/interactions': () => [],
      'GET /api/dictionaries/workResults': () => [{ id: 'meeting-held', name: 'Meeting held' }],
    });
    render(
      <I18nProvider initial="en">
        <DealPage dealId="d1" />
      </I18nProvider>,
    );
    expect((await screen.findByTestId('deal-title')).textContent).toBe('ACME rollout');
    expect(screen.getByTestId('clock-new').textContent).toContain('paused');
    expect(screen.getByTestId('history').textContent).toContain('Done');
    fireEvent.click(screen.getByTestId('interaction-kind-meeting'));
    fireEvent.change(screen.getByTestId('interaction-text'), { target: { value: 'Met the CFO' } });
    fireEvent.change(screen.getByTestId('interaction-topic'), { target: { value: 'Budget' } });
    await screen.findByRole('option', { name: 'Meeting held' });
    fireEvent.change(screen.getByTestId('interaction-result'), { target: { value: 'meeting-held' } });
    fireEvent.click(screen.getByTestId('interaction-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      kind: 'meeting',
      text: 'Met the CFO',
      topic: 'Budget',
      result: 'meeting-held',
    });
    expect((post.body as { at: string }).at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});
