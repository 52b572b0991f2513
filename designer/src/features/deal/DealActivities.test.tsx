// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../api/activities';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { activity, deal, dealPageRoutes } from '../../test/work';
import { clearDictionaries } from '../shared/useDictionary';
import DealPage from './DealPage';

const renderPage = (lang: 'en' | 'ru' = 'en') =>
  render(
    <I18nProvider initial={lang}>
      <DealPage dealId="d1" />
    </I18nProvider>,
  );

function withActivities(items: Activity[], dealExtra = {}, routes: Parameters<typeof mockApi>[0] = {}) {
  signInAs('manager', 'anna');
  return mockApi({
    ...dealPageRoutes,
    'GET /api/deals/d1': () => deal(dealExtra),
    'GET /api/activities': () => ({ items }),
    ...routes,
  });
}

beforeEach(() => clearDictionaries());

describe('deal page: activities', () => {
  it('lists the deal’s open activities and marks the earliest as the next step', async () => {
    const { calls } = withActivities(
      [
        activity('a2', { subject: 'Send the contract', dueAt: '2027-03-05T09:00:00Z', kind: 'email' }),
        activity('a1', { subject: 'Call Irina', dueAt: '2027-03-02T09:00:00Z' }),
      ],
      { nextStepState: 'ok', nextStep: { at: '2027-03-02T09:00:00Z', what: 'Call Irina', activityId: 'a1' } },
    );
    renderPage();
    const first = await screen.findByTestId('activity-a1');
    expect(within(first).getByTestId('activity-next-mark').textContent).toBe('next step');
    expect(within(screen.getByTestId('activity-a2')).queryByTestId('activity-next-mark')).toBeNull();
    expect(screen.queryByTestId('next-step-missing')).toBeNull();
    const list = calls.find((c) => c.path.startsWith('/api/activities'))!;
    expect(new URLSearchParams(list.path.split('?')[1]).get('dealId')).toBe('d1');
    expect(new URLSearchParams(list.path.split('?')[1]).get('state')).toBe('open');
  });

  it('warns in Russian when an open deal has no next step, and when it is overdue', async () => {
    withActivities([], { nextStepState: 'missing' });
    const { unmount } = renderPage('ru');
    expect((await screen.findByTestId('next-step-missing')).textContent).toContain('Нет следующего шага');
    expect(screen.getByTestId('activity-plan-open').textContent).toBe('Запланировать следующий шаг');
    unmount();

    withActivities([activity('a1', { overdue: true })], { nextStepState: 'overdue' });
    renderPage('ru');
    expect((await screen.findByTestId('next-step-overdue')).textContent).toContain('просрочен');
    expect((await screen.findByTestId('activity-a1')).className).toContain('overdue');
  });

  it('judges the next step itself when the server does not say', async () => {
    withActivities([]);
    renderPage();
    expect(await screen.findByTestId('next-step-missing')).toBeTruthy();
  });

  it('plans a meeting with a contact, a duration and a reminder', async () => {
    const { calls } = withActivities(
      [],
      { nextStepState: 'missing' },
      {
        'POST /api/deals/d1/activities': (c) => ({
          status: 201,
          body: activity('a9', c.body as Partial<Activity>),
        }),
      },
    );
    renderPage();
    fireEvent.click(await screen.findByTestId('activity-plan-open'));
    fireEvent.click(screen.getByTestId('plan-activity-kind-meeting'));
    fireEvent.change(screen.getByTestId('plan-activity-subject'), {
      target: { value: 'Demo at their office' },
    });
    fireEvent.change(screen.getByTestId('plan-activity-date'), { target: { value: '2027-03-04' } });
    fireEvent.change(screen.getByTestId('plan-activity-time'), { target: { value: '14:30' } });
    fireEvent.change(screen.getByTestId('plan-activity-duration'), { target: { value: '60' } });
    fireEvent.change(screen.getByTestId('plan-activity-contact'), { target: { value: 'k1' } });
    fireEvent.change(screen.getByTestId('plan-activity-remind'), { target: { value: 'PT1H' } });
    fireEvent.click(screen.getByTestId('plan-activity-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      kind: 'meeting',
      subject: 'Demo at their office',
      dueAt: new Date('2027-03-04T14:30').toISOString().replace('.000Z', 'Z'),
      durationMinutes: 60,
      contactId: 'k1',
      remindBefore: 'PT1H',
    });
    // Planned: the form closes, the list and the deal are read again.
    await waitFor(() => expect(screen.queryByTestId('plan-activity')).toBeNull());
    expect(calls.filter((c) => c.path.startsWith('/api/activities')).length).toBeGreaterThan(1);
  });

  it('plans a whole-day task by its date', async () => {
    const { calls } = withActivities(
      [],
      {},
      {
        'POST /api/deals/d1/activities': (c) => ({
          status: 201,
          body: activity('a9', c.body as Partial<Activity>),
        }),
      },
    );
    renderPage();
    fireEvent.click(await screen.findByTestId('activity-plan-open'));
    fireEvent.click(screen.getByTestId('plan-activity-kind-task'));
    fireEvent.change(screen.getByTestId('plan-activity-subject'), {
      target: { value: 'Prepare the proposal' },
    });
    fireEvent.click(screen.getByTestId('plan-activity-all-day'));
    expect(screen.queryByTestId('plan-activity-time')).toBeNull();
    fireEvent.change(screen.getByTestId('plan-activity-date'), { target: { value: '2027-03-04' } });
    fireEvent.change(screen.getByTestId('plan-activity-remind'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('plan-activity-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      kind: 'task',
      subject: 'Prepare the proposal',
      dueDate: '2027-03-04',
      contactId: 'k1',
    });
  });

  it('completes a call with "no answer" in one click', async () => {
    const { calls } = withActivities(
      [activity('a1')],
      {},
      {
        'POST /api/activities/a1/complete': () => activity('a1', { state: 'done', result: 'no-answer' }),
      },
    );
    renderPage('ru');
    const row = await screen.findByTestId('activity-a1');
    expect(within(row).getByTestId('activity-quick-no-answer').textContent).toBe('Нет ответа');
    expect(within(row).getByTestId('activity-quick-wrong-number').textContent).toBe('Неверный номер');
    expect(within(row).getByTestId('activity-quick-call-back-later').textContent).toBe('Перезвонить позже');
    fireEvent.click(within(row).getByTestId('activity-quick-no-answer'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/activities/a1/complete')).toBe(true));
    const complete = calls.find((c) => c.path === '/api/activities/a1/complete')!;
    expect(complete.body).toEqual({ result: 'no-answer' });
    expect(complete.headers['If-Match']).toBe('"1"');
    // The journal got an entry: it is read again.
    await waitFor(() =>
      expect(calls.filter((c) => c.path.startsWith('/api/deals/d1/interactions')).length).toBeGreaterThan(1),
    );
  });

  it('completes a meeting with a result and a text; no quick results for meetings', async () => {
    const { calls } = withActivities(
      [activity('a1', { kind: 'meeting' })],
      {},
      {
        'POST /api/activities/a1/complete': () => activity('a1', { state: 'done' }),
      },
    );
    renderPage();
    const row = await screen.findByTestId('activity-a1');
    expect(within(row).queryByTestId('activity-quick-no-answer')).toBeNull();
    fireEvent.click(within(row).getByTestId('activity-complete'));
    await waitFor(() => expect(screen.getByTestId('activity-result').textContent).toContain('Meeting held'));
    fireEvent.change(screen.getByTestId('activity-result'), { target: { value: 'meeting-held' } });
    fireEvent.change(screen.getByTestId('activity-text'), { target: { value: 'They want a pilot' } });
    fireEvent.click(screen.getByTestId('activity-complete-save'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/activities/a1/complete')).toBe(true));
    expect(calls.find((c) => c.path === '/api/activities/a1/complete')!.body).toEqual({
      result: 'meeting-held',
      text: 'They want a pilot',
    });
  });

  it('reschedules with the version it read, and cancels', async () => {
    const { calls } = withActivities(
      [activity('a1', { version: 4 })],
      {},
      {
        'PATCH /api/activities/a1': (c) => activity('a1', { ...(c.body as Partial<Activity>), version: 5 }),
        'POST /api/activities/a1/cancel': () => activity('a1', { state: 'cancelled' }),
      },
    );
    renderPage();
    fireEvent.click(await screen.findByTestId('activity-reschedule'));
    fireEvent.change(screen.getByTestId('reschedule-date'), { target: { value: '2027-03-09' } });
    fireEvent.change(screen.getByTestId('reschedule-time'), { target: { value: '11:00' } });
    fireEvent.click(screen.getByTestId('activity-reschedule-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ dueAt: new Date('2027-03-09T11:00').toISOString().replace('.000Z', 'Z') });
    expect(patch.headers['If-Match']).toBe('"4"');

    fireEvent.click(await screen.findByTestId('activity-cancel'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/activities/a1/cancel')).toBe(true));
  });

  it('shows the server’s refusal next to the activity', async () => {
    withActivities(
      [activity('a1')],
      {},
      {
        'POST /api/activities/a1/cancel': () => ({
          status: 409,
          body: { title: 'Conflict', detail: 'The activity is already done.' },
        }),
      },
    );
    renderPage();
    fireEvent.click(await screen.findByTestId('activity-cancel'));
    const row = screen.getByTestId('activity-a1');
    await waitFor(() =>
      expect(row.querySelector('[role=alert]')?.textContent).toBe('The activity is already done.'),
    );
  });

  it('offers no planning on a closed deal', async () => {
    withActivities([], { state: 'won', nextStepState: null });
    renderPage();
    await screen.findByTestId('activities');
    expect(screen.queryByTestId('activity-plan-open')).toBeNull();
    expect(screen.queryByTestId('next-step-missing')).toBeNull();
  });
});
