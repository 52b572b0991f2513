// @vitest-environment jsdom
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { addDays, dayIn, daysOf, localDay, parseDay } from '../../model/diary';
import { mockApi, signInAs, type Call } from '../../test/mockApi';
import { Diary } from './Diary';

const today = localDay(new Date());
const tomorrow = addDays(today, 1);
const at = (day: string, h: number, m = 0) => {
  const d = parseDay(day);
  d.setHours(h, m, 0, 0);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
};
const activity = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'call',
  subject: `Subject ${id}`,
  dealId: 'd1',
  dealTitle: 'Romashka furniture',
  contactName: 'Irina',
  assigneeId: 'anna',
  dueAt: at(today, 15),
  allDay: false,
  state: 'open',
  overdue: false,
  version: 3,
  ...extra,
});

const activities = [
  activity('late', { dueAt: at(addDays(today, -2), 9), overdue: true, subject: 'Promised a call' }),
  activity('a1', { subject: 'Call Irina' }),
  activity('wd', {
    kind: 'task',
    allDay: true,
    dueDate: today,
    dueAt: at(today, 0),
    subject: 'Prepare the contract',
  }),
  activity('t1', { dueAt: at(tomorrow, 11), subject: 'Tomorrow call' }),
];

function setup(
  limit: number | null = 5,
  extra: Parameters<typeof mockApi>[0] = {},
  zone = Intl.DateTimeFormat().resolvedOptions().timeZone,
) {
  signInAs('manager', 'anna');
  return mockApi({
    'GET /api/diary': (c) => {
      const q = new URLSearchParams(c.path.split('?')[1]);
      const days = [today, tomorrow, ...daysOf('week', today)].filter(
        (d) => d >= q.get('from')! && d <= q.get('to')!,
      );
      return {
        timeZone: zone,
        limit,
        days: [...new Set(days)].map((date) => ({
          date,
          planned: date === today ? 6 : 1,
          done: date === today ? 2 : 0,
          overdue: 0,
        })),
        activities,
        overdueBefore: 3,
        deadlines: [
          {
            dealId: 'd2',
            dealTitle: 'Vector Bank',
            clockId: 'c1',
            name: 'Answer within a day',
            stageName: 'Proposal',
            dueAt: at(today, 18),
            state: 'running',
          },
        ],
      };
    },
    'POST /api/activities/a1/complete': (c) => ({
      ...activity('a1'),
      state: 'done',
      result: (c.body as { result: string }).result,
    }),
    'POST /api/activities/late/complete': (c) => ({
      ...activity('late'),
      state: 'done',
      result: (c.body as { result: string }).result,
    }),
    'GET /api/dictionaries/workResults': () => [
      { id: 'no-answer', name: 'No answer' },
      { id: 'interested', name: 'Client interested' },
    ],
    'GET /api/deals': () => [
      { id: 'd7', title: 'Sever Steel supply', client: { name: 'Sever Steel', kind: 'company' } },
    ],
    'POST /api/deals/d7/activities': (c) => ({
      status: 201,
      body: { ...activity('n1'), ...(c.body as object) },
    }),
    'POST /api/deals/d1/activities': (c) => ({
      status: 201,
      body: { ...activity('n2'), ...(c.body as object) },
    }),
    'PATCH /api/activities/t1': (c) => ({ ...activity('t1'), ...(c.body as object) }),
    'PATCH /api/activities/a1': (c) => ({ ...activity('a1'), ...(c.body as object) }),
    'PUT /api/me/day-limit': () => ({ status: 204 }),
    ...extra,
  });
}

const renderDiary = (lang: 'en' | 'ru' = 'en') =>
  render(
    <I18nProvider initial={lang}>
      <Diary />
    </I18nProvider>,
  );
const posted = (calls: Call[], path: string) => calls.filter((c) => c.method !== 'GET' && c.path === path);

describe('the diary', () => {
  it('shows overdue first in red, then today with time, kind, deal, contact, and the deadlines beside', async () => {
    setup();
    renderDiary();
    const overdue = await screen.findByTestId('diary-overdue');
    expect(within(overdue).getByTestId('activity-late').className).toContain('overdue');
    expect(within(overdue).getByTestId('diary-more-overdue').textContent).toBe(
      'and 2 more overdue from earlier',
    );
    const day = screen.getByTestId(`diary-day-${today}`);
    const rows = within(day).getAllByTestId(/^activity-(a1|wd)$/);
    expect(rows.map((r) => r.dataset.testid)).toEqual(['activity-wd', 'activity-a1']); // whole day first
    expect(rows[0]!.textContent).toContain('all day');
    expect(rows[1]!.textContent).toContain('15:00');
    expect(rows[1]!.textContent).toContain('Call Irina');
    expect(rows[1]!.textContent).toContain('with Irina');
    expect(within(rows[1]!).getByRole('img', { name: 'Call' })).toBeTruthy();
    expect(screen.getByTestId('activity-deal-a1').getAttribute('href')).toBe('/deals/d1');
    expect(within(day).queryByTestId('activity-t1')).toBeNull(); // tomorrow's
    expect(screen.getByTestId('deadline-c1').textContent).toContain('Answer within a day');
  });

  it('in Russian, a whole-day activity says "весь день" and the quick results read as a manager says them', async () => {
    setup();
    renderDiary('ru');
    expect((await screen.findByTestId('activity-wd')).textContent).toContain('весь день');
    expect(screen.getByTestId('quick-no-answer-a1').textContent).toBe('Нет ответа');
    expect(screen.getByTestId('quick-wrong-number-a1').textContent).toBe('Неверный номер');
    expect(screen.getByTestId('quick-call-back-later-a1').textContent).toBe('Перезвонить позже');
    expect(screen.queryByTestId('quick-no-answer-wd')).toBeNull(); // a task has no "no answer"
  });

  it('completes a call with "no answer" in one click', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('quick-no-answer-a1'));
    await waitFor(() => expect(posted(calls, '/api/activities/a1/complete')).toHaveLength(1));
    expect(posted(calls, '/api/activities/a1/complete')[0]!.body).toEqual({ result: 'no-answer' });
    await waitFor(() => expect(screen.getByTestId('activity-a1').dataset.state).toBe('done'));
  });

  it('"call back later" completes the call and offers the follow-up on the same deal tomorrow', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('quick-call-back-later-late'));
    const form = await screen.findByTestId('plan-form');
    expect(posted(calls, '/api/activities/late/complete')[0]!.body).toEqual({ result: 'call-back-later' });
    expect((within(form).getByTestId('plan-date') as HTMLInputElement).value).toBe(tomorrow);
    expect(within(form).getByTestId('plan-deal-picked').textContent).toContain('Romashka furniture');
    expect((within(form).getByTestId('plan-subject') as HTMLInputElement).value).toBe('Promised a call');
    fireEvent.click(within(form).getByTestId('plan-submit'));
    await waitFor(() => expect(posted(calls, '/api/deals/d1/activities')).toHaveLength(1));
  });

  it('completes with a result picked from the dictionary and a comment', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('complete-a1'));
    const form = screen.getByTestId('complete-form');
    const select = within(form).getByTestId('complete-result');
    await within(select as HTMLElement).findByText('Client interested');
    expect((within(form).getByTestId('complete-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'interested' } });
    fireEvent.change(within(form).getByTestId('complete-text'), { target: { value: 'Wants a pilot' } });
    fireEvent.click(within(form).getByTestId('complete-submit'));
    await waitFor(() => expect(posted(calls, '/api/activities/a1/complete')).toHaveLength(1));
    expect(posted(calls, '/api/activities/a1/complete')[0]!.body).toEqual({
      result: 'interested',
      text: 'Wants a pilot',
    });
  });

  it('plans a call for tomorrow on a deal found by name, at a time, with a reminder', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('diary-view-tomorrow'));
    expect(await screen.findByTestId('activity-t1')).toBeTruthy();
    fireEvent.click(screen.getByTestId('diary-plan'));
    const form = await screen.findByTestId('plan-form');
    expect((within(form).getByTestId('plan-date') as HTMLInputElement).value).toBe(tomorrow);
    fireEvent.change(within(form).getByTestId('plan-subject'), { target: { value: 'Discuss the volume' } });
    fireEvent.change(within(form).getByTestId('plan-time'), { target: { value: '14:30' } });
    fireEvent.change(within(form).getByTestId('plan-duration'), { target: { value: '20' } });
    fireEvent.change(within(form).getByTestId('plan-remind'), { target: { value: '30' } });
    expect((within(form).getByTestId('plan-submit') as HTMLButtonElement).disabled).toBe(true); // no deal yet
    fireEvent.change(within(form).getByTestId('plan-deal-search'), { target: { value: 'Sever' } });
    fireEvent.click(await within(form).findByTestId('plan-deal-option-d7', {}, { timeout: 2000 }));
    fireEvent.click(within(form).getByTestId('plan-submit'));
    await waitFor(() => expect(posted(calls, '/api/deals/d7/activities')).toHaveLength(1));
    expect(calls.find((c) => c.path.startsWith('/api/deals?'))!.path).toContain('q=Sever');
    expect(posted(calls, '/api/deals/d7/activities')[0]!.body).toEqual({
      kind: 'call',
      subject: 'Discuss the volume',
      dueAt: at(tomorrow, 14, 30),
      durationMinutes: 20,
      remindBefore: 'PT30M',
    });
    await waitFor(() => expect(screen.queryByTestId('plan-form')).toBeNull());
  });

  it('plans a whole-day task by date', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('diary-plan'));
    const form = await screen.findByTestId('plan-form');
    fireEvent.click(within(form).getByTestId('plan-kind-task'));
    fireEvent.change(within(form).getByTestId('plan-subject'), { target: { value: 'Send the contract' } });
    fireEvent.click(within(form).getByTestId('plan-all-day'));
    fireEvent.change(within(form).getByTestId('plan-remind'), { target: { value: '0' } });
    fireEvent.change(within(form).getByTestId('plan-deal-search'), { target: { value: 'Sever' } });
    fireEvent.click(await within(form).findByTestId('plan-deal-option-d7', {}, { timeout: 2000 }));
    fireEvent.click(within(form).getByTestId('plan-submit'));
    await waitFor(() => expect(posted(calls, '/api/deals/d7/activities')).toHaveLength(1));
    expect(posted(calls, '/api/deals/d7/activities')[0]!.body).toEqual({
      kind: 'task',
      subject: 'Send the contract',
      dueDate: today,
    });
  });

  it('warns when today is over the limit, and before planning into a full day', async () => {
    setup(5);
    renderDiary();
    const load = await screen.findByTestId(`load-${today}`);
    await waitFor(() => expect(load.dataset.over).toBe('true'));
    expect(screen.getByTestId(`over-limit-${today}`).textContent).toContain('1 over your limit');
    expect(load.textContent).toContain('6 of 5');
    fireEvent.click(screen.getByTestId('diary-plan'));
    expect((await screen.findByTestId('plan-day-full')).textContent).toContain('6 of your 5');
  });

  it('saves the per-day limit', async () => {
    const { calls } = setup(null);
    renderDiary();
    const input = await screen.findByTestId('day-limit-input');
    expect(screen.getByTestId(`load-${today}`).dataset.over).toBe('false');
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('day-limit-save'));
    await waitFor(() => expect(posted(calls, '/api/me/day-limit')).toHaveLength(1));
    expect(posted(calls, '/api/me/day-limit')[0]!.body).toEqual({ limit: 8 });
  });

  it('the week shows seven days; dropping an activity on another day reschedules it at the same time', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('diary-view-week'));
    const week = await screen.findByTestId('diary-week');
    const days = daysOf('week', today);
    expect(within(week).getAllByTestId(/^week-day-/)).toHaveLength(7);
    const card = await within(week).findByTestId('activity-a1');
    expect(card.getAttribute('draggable')).toBe('true');
    const target = days.find((d) => d !== today)!;
    fireEvent.dragStart(card);
    const column = screen.getByTestId(`week-day-${target}`);
    fireEvent.dragOver(column);
    fireEvent(column, createEvent.drop(column));
    await waitFor(() => expect(posted(calls, '/api/activities/a1')).toHaveLength(1));
    const patch = posted(calls, '/api/activities/a1')[0]!;
    expect(patch.method).toBe('PATCH');
    expect(patch.body).toEqual({ dueAt: at(target, 15) });
    expect(patch.headers['If-Match']).toBe('"3"');
    expect(screen.getByTestId(`load-${today}`)).toBeTruthy();
  });

  it('the keyboard moves an activity a day later or earlier within the week', async () => {
    const { calls } = setup();
    renderDiary();
    fireEvent.click(await screen.findByTestId('diary-view-week'));
    const sunday = daysOf('week', today)[6] === today;
    fireEvent.click(await screen.findByTestId(sunday ? 'shift-earlier-a1' : 'shift-later-a1'));
    await waitFor(() => expect(posted(calls, '/api/activities/a1')).toHaveLength(1));
    expect(posted(calls, '/api/activities/a1')[0]!.body).toEqual({
      dueAt: at(addDays(today, sunday ? -1 : 1), 15),
    });
  });

  it('counts days and times on the manager’s clock when their zone is not the browser’s', async () => {
    const zone = 'Asia/Vladivostok'; // UTC+10 all year
    const theirToday = dayIn(Date.now(), zone);
    const theirTomorrow = addDays(theirToday, 1);
    const { calls } = setup(null, {}, zone);
    renderDiary();
    fireEvent.click(await screen.findByTestId('diary-view-tomorrow'));
    await waitFor(() =>
      expect(calls.filter((c) => c.path.startsWith('/api/diary')).at(-1)!.path).toContain(
        `from=${theirTomorrow}`,
      ),
    );
    fireEvent.click(screen.getByTestId('diary-plan'));
    const form = await screen.findByTestId('plan-form');
    expect((within(form).getByTestId('plan-date') as HTMLInputElement).value).toBe(theirTomorrow);
    fireEvent.change(within(form).getByTestId('plan-subject'), { target: { value: 'Early call' } });
    fireEvent.change(within(form).getByTestId('plan-time'), { target: { value: '14:30' } });
    fireEvent.change(within(form).getByTestId('plan-deal-search'), { target: { value: 'Sever' } });
    fireEvent.click(await within(form).findByTestId('plan-deal-option-d7', {}, { timeout: 2000 }));
    fireEvent.click(within(form).getByTestId('plan-submit'));
    await waitFor(() => expect(posted(calls, '/api/deals/d7/activities')).toHaveLength(1));
    expect(posted(calls, '/api/deals/d7/activities')[0]!.body).toMatchObject({
      dueAt: `${theirTomorrow}T04:30:00Z`,
    });
  });
});
