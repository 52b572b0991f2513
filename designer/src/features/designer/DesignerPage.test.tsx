// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { sampleFunnel } from '../../model/fixtures';
import type { WorkflowDefinition } from '../../model/types';
import { mockApi, signInAs } from '../../test/mockApi';
import DesignerPage from './DesignerPage';

function withoutPositions(): WorkflowDefinition {
  const def = sampleFunnel();
  def.activities = def.activities.map(({ design: _, ...a }) => a);
  return def;
}

function setup(validateErrors: unknown[] = []) {
  signInAs('admin');
  return mockApi({
    'GET /api/workflows/b2b-sales': () => ({ ...withoutPositions(), version: 4 }),
    'GET /api/workflows': () => [
      { id: 'b2b-sales', name: 'B2B sales', draftVersion: 4, publishedVersion: 3 },
    ],
    'GET /api/calendars': () => [{ id: 'moscow', name: 'Moscow office', timeZone: 'Europe/Moscow' }],
    'POST /api/workflows/validate': () => ({ valid: validateErrors.length === 0, errors: validateErrors }),
    'PUT /api/workflows/b2b-sales': () => ({ id: 'b2b-sales', version: 5, status: 'draft' }),
    'POST /api/workflows/b2b-sales/publish': () => ({ version: 5 }),
    'POST /api/calendars/moscow/deadline': () => ({ dueAt: '2027-03-08T10:00:00Z' }),
  });
}

const renderPage = (version?: number) =>
  render(
    <I18nProvider initial="en">
      <DesignerPage workflowId="b2b-sales" version={version} />
    </I18nProvider>,
  );

describe('designer page', () => {
  it('draws every activity as a node, laid out when the funnel has no positions', async () => {
    setup();
    renderPage();
    for (const id of ['new', 'paused', 'big', 'proposal', 'won', 'lost'])
      expect(await screen.findByTestId(`node-${id}`)).toBeTruthy();
    expect(screen.getByTestId('validation-status').textContent).toBe('No problems');
  });

  it('adds from the palette, undoes and redoes', async () => {
    setup();
    renderPage();
    await screen.findByTestId('node-new');
    fireEvent.click(screen.getByTestId('palette-Timer'));
    expect(await screen.findByTestId('node-timer')).toBeTruthy();
    expect((screen.getByTestId('prop-name') as HTMLInputElement).value).toBe('Timer');
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(screen.queryByTestId('node-timer')).toBeNull());
    fireEvent.click(screen.getByTestId('redo'));
    expect(await screen.findByTestId('node-timer')).toBeTruthy();
  });

  it('Ctrl+Z undoes a property edit as one step', async () => {
    setup();
    renderPage();
    fireEvent.click(await screen.findByTestId('palette-Stage'));
    const name = await screen.findByTestId('prop-name');
    fireEvent.change(name, { target: { value: 'Q' } });
    fireEvent.change(name, { target: { value: 'Qualify' } });
    expect(screen.getByTestId('node-stage').textContent).toContain('Qualify');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('node-stage').textContent).toContain('Stage'));
  });

  it('flags a client-side problem on the node at once', async () => {
    setup();
    renderPage();
    fireEvent.click(await screen.findByTestId('palette-Decision'));
    const condition = await screen.findByTestId('prop-condition');
    fireEvent.change(condition, { target: { value: 'deal.amount >=' } });
    expect(screen.getByTestId('prop-condition-check').textContent).toContain('expression expected');
    expect(screen.getByTestId('node-decision').getAttribute('data-errors')).not.toBe('0');
  });

  it('shows server validation errors on their node and the rest in the banner', async () => {
    setup([
      { activityId: 'proposal', code: 'bad-setting', message: 'Server says no' },
      { activityId: null, code: 'unknown-calendar', message: 'No such calendar' },
    ]);
    renderPage();
    await screen.findByTestId('node-proposal');
    expect(await screen.findByText('Server says no', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByTestId('error-banner').textContent).toContain('No such calendar');
    expect(screen.getByTestId('node-proposal').className).toContain('has-errors');
  });

  it('saves the draft with If-Match and publishes', async () => {
    const { calls } = setup();
    renderPage();
    await screen.findByTestId('node-new');
    fireEvent.change(screen.getByTestId('funnel-name'), { target: { value: 'B2B sales 2' } });
    await act(async () => fireEvent.click(screen.getByTestId('publish')));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/workflows/b2b-sales/publish')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers['If-Match']).toBe('"4"');
    const body = put.body as WorkflowDefinition;
    expect(body.name).toBe('B2B sales 2');
    expect(body.activities.every((a) => a.design)).toBe(true);
    expect(body.activities.find((a) => a.id === 'paused')!.returnOutcome).toBe('Resume');
  });

  it('opens the funnel for website leads from its settings', async () => {
    const { calls } = setup();
    renderPage();
    await screen.findByTestId('node-new');
    const accepts = screen.getByTestId('funnel-accepts-leads') as HTMLInputElement;
    expect(accepts.checked).toBe(false);
    fireEvent.click(accepts);
    await act(async () => fireEvent.click(screen.getByTestId('publish')));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/workflows/b2b-sales/publish')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect((put.body as WorkflowDefinition).acceptsLeads).toBe(true);
  });

  it('a past version is read-only: no palette, no save', async () => {
    setup();
    renderPage(2);
    await screen.findByTestId('node-new');
    expect(screen.queryByTestId('palette-Stage')).toBeNull();
    expect(screen.queryByTestId('save')).toBeNull();
    expect(screen.getByTestId('readonly-badge').textContent).toContain('v2');
  });

  it('shows live deal counts on the published version', async () => {
    signInAs('admin');
    const deals = (sla?: string) =>
      sla === 'overdue'
        ? [{ id: 'd1', stageId: 'new' }]
        : sla === 'atRisk'
          ? []
          : [
              { id: 'd1', stageId: 'new' },
              { id: 'd2', stageId: 'new' },
            ];
    mockApi({
      'GET /api/workflows/b2b-sales': () => ({ ...withoutPositions(), version: 3 }),
      'GET /api/workflows': () => [
        { id: 'b2b-sales', name: 'B2B sales', draftVersion: 4, publishedVersion: 3 },
      ],
      'GET /api/calendars': () => [],
      'GET /api/deals': (c) => deals(new URLSearchParams(c.path.split('?')[1]).get('sla') ?? undefined),
    });
    renderPage(3);
    const counts = await screen.findByTestId('counts-new', {}, { timeout: 3000 });
    expect(counts.textContent).toBe('201');
  });
});
