// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { MoveDialog } from './MoveDialog';
import { clearDictionaries } from './useDictionary';

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

function open(routes: Parameters<typeof mockApi>[0], shown = deal) {
  clearDictionaries();
  signInAs('manager', 'anna');
  const api = mockApi({ 'GET /api/workflows/req': () => funnel, ...routes });
  const onDone = vi.fn();
  const onChanged = vi.fn();
  render(
    <I18nProvider initial="en">
      <MoveDialog deal={shown} onDone={onDone} onClose={() => {}} onChanged={onChanged} />
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

describe('move dialog: phones, next step kind, required file', () => {
  it('keeps the outcome buttons in a footer outside the scrolling body', async () => {
    open({});
    const button = await screen.findByTestId('outcome-Sent');
    const footer = screen.getByTestId('move-dialog-footer');
    const body = screen.getByTestId('move-dialog-body');
    expect(footer.contains(button)).toBe(true);
    expect(body.contains(button)).toBe(false);
    // The footer comes after the body in the dialog, so the body is what scrolls (styles/work.css).
    expect(body.className).toBe('dialog-body');
    expect(footer.className).toBe('dialog-footer');
    expect(body.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('move-dialog').lastElementChild).toBe(footer);
    expect(body.contains(screen.getByTestId('move-comment'))).toBe(true);
  });

  it('sends the next step with its kind', async () => {
    const { calls, onDone } = open({ 'POST /api/deals/d1/moves': () => ({ ...deal, version: 6 }) });
    await screen.findByTestId('outcome-Sent');
    fireEvent.change(screen.getByTestId('next-step-kind'), { target: { value: 'meeting' } });
    fireEvent.change(screen.getByTestId('next-step-at'), { target: { value: '2027-03-04T11:00' } });
    fireEvent.change(screen.getByTestId('next-step-what'), { target: { value: 'Demo' } });
    fireEvent.click(screen.getByTestId('outcome-Sent'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      outcome: 'Sent',
      nextStep: {
        what: 'Demo',
        kind: 'meeting',
        at: new Date('2027-03-04T11:00').toISOString().replace('.000Z', 'Z'),
      },
    });
  });

  it('offers to upload the required file right there, then moves', async () => {
    const withFile = {
      ...funnel,
      activities: [
        { ...funnel.activities[0], requires: { Sent: { file: 'proposal' } } },
        funnel.activities[1],
      ],
    };
    let uploaded = false;
    const { fetchMock, onDone } = open(
      {
        'GET /api/workflows/req': () => withFile,
        'GET /api/dictionaries/fileCategories': () => [{ id: 'proposal', name: 'Commercial proposal' }],
        'POST /api/deals/d1/files': () => {
          uploaded = true;
          return {
            status: 201,
            body: { id: 'f1', name: 'kp.pdf', size: 10, contentType: 'application/pdf' },
          };
        },
        'POST /api/deals/d1/moves': () =>
          uploaded
            ? { ...deal, stageId: 'won', version: 6 }
            : missing({ file: ['Attach a file of category proposal.'] }),
      },
      // Published definitions are cached by version: this funnel is another version.
      { ...deal, workflowVersion: 5 },
    );
    fireEvent.click(await screen.findByTestId('outcome-Sent'));
    const fix = await screen.findByTestId('missing-file-fix');
    await waitFor(() =>
      expect(screen.getByTestId('missing-file').textContent).toContain('Commercial proposal'),
    );
    // The category is the one the stage asks for: no picker.
    expect(screen.queryByTestId('missing-upload-category')).toBeNull();
    const file = new File(['%PDF'], 'kp.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('missing-upload-input'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('missing-upload-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ stageId: 'won' })));
    const upload = fetchMock.mock.calls.find(([url]) => url === '/api/deals/d1/files')!;
    expect((upload[1]!.body as FormData).get('category')).toBe('proposal');
    expect(fix).toBeTruthy();
  });
});
