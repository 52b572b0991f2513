import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayIn,
  dayOf,
  instantAt,
  daysOf,
  groupByDay,
  loadOf,
  localDay,
  parseDay,
  remindDuration,
  rescheduleTo,
  weekStart,
  type DiaryItem,
} from './diary';

const at = (day: string, h: number, m = 0) => {
  const d = parseDay(day);
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};
const item = (id: string, extra: Partial<DiaryItem> = {}): DiaryItem => ({
  id,
  dueAt: at('2026-12-03', 10),
  allDay: false,
  state: 'open',
  overdue: false,
  ...extra,
});

describe('diary days', () => {
  it('today, tomorrow and the Monday-to-Sunday week', () => {
    expect(daysOf('today', '2026-12-02')).toEqual(['2026-12-02']);
    expect(daysOf('tomorrow', '2026-12-31')).toEqual(['2027-01-01']);
    expect(daysOf('week', '2026-12-02')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('weekStart agrees with stepping back one day at a time to a Monday, over two years', () => {
    let day = '2026-01-01';
    for (let i = 0; i < 730; i++) {
      let ref = parseDay(day);
      while (ref.getDay() !== 1) ref = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - 1);
      expect(weekStart(day), day).toBe(localDay(ref));
      day = addDays(day, 1);
    }
    expect(day).toBe('2028-01-01');
  });
});

describe('grouping', () => {
  it('puts overdue open activities first, the rest under their day, whole-day before timed', () => {
    const list = [
      item('late', { dueAt: at('2026-11-28', 9), overdue: true }),
      item('noon', { dueAt: at('2026-12-03', 12) }),
      item('all', { dueAt: at('2026-12-03', 0), allDay: true, dueDate: '2026-12-03' }),
      item('nine', { dueAt: at('2026-12-03', 9), state: 'done' }),
      item('gone', { state: 'cancelled' }),
      item('far', { dueAt: at('2026-12-20', 9) }),
    ];
    const { overdue, byDay } = groupByDay(list, ['2026-12-03', '2026-12-04']);
    expect(overdue.map((a) => a.id)).toEqual(['late']);
    expect(byDay.get('2026-12-03')!.map((a) => a.id)).toEqual(['all', 'nine', 'noon']);
    expect(byDay.get('2026-12-04')).toEqual([]);
  });

  it('a whole-day activity is on its date whatever instant carries it', () => {
    expect(dayOf(item('a', { allDay: true, dueDate: '2026-12-05', dueAt: '2026-12-04T21:00:00Z' }))).toBe(
      '2026-12-05',
    );
  });
});

describe('reschedule by drag', () => {
  it('keeps the time of day on the new day', () => {
    const change = rescheduleTo(item('a', { dueAt: at('2026-12-03', 14, 30) }), '2026-12-05');
    expect(change).toHaveProperty('dueAt');
    const due = new Date((change as { dueAt: string }).dueAt);
    expect(localDay(due)).toBe('2026-12-05');
    expect([due.getHours(), due.getMinutes()]).toEqual([14, 30]);
  });

  it('moves a whole-day activity by its date, and a drop on its own day changes nothing', () => {
    const a = item('a', { allDay: true, dueDate: '2026-12-03' });
    expect(rescheduleTo(a, '2026-12-01')).toEqual({ dueDate: '2026-12-01' });
    expect(rescheduleTo(a, '2026-12-03')).toBeNull();
    expect(rescheduleTo(item('b'), '2026-12-03')).toBeNull();
  });
});

describe('load', () => {
  it('is over only past the limit, full at it, and never without one', () => {
    expect(loadOf({ planned: 6, done: 2 }, 5)).toMatchObject({ over: true, full: true });
    expect(loadOf({ planned: 5, done: 2 }, 5)).toMatchObject({ over: false, full: true });
    expect(loadOf({ planned: 50, done: 0 }, null)).toMatchObject({ over: false, full: false, limit: null });
    expect(loadOf(undefined, 3)).toMatchObject({ planned: 0, done: 0, over: false });
  });

  it('writes reminders as ISO durations', () => {
    expect([5, 60, 90, 1440].map(remindDuration)).toEqual(['PT5M', 'PT1H', 'PT90M', 'P1D']);
  });
});

describe('days in the manager’s zone', () => {
  it('an instant falls on the zone’s day, whatever the browser’s', () => {
    expect(dayIn('2026-12-02T21:30:00Z', 'Europe/Moscow')).toBe('2026-12-03');
    expect(dayIn('2026-12-02T20:59:00Z', 'Europe/Moscow')).toBe('2026-12-02');
    expect(dayIn('2026-12-03T03:00:00Z', 'America/New_York')).toBe('2026-12-02');
  });

  it('a wall-clock time on a day is the instant the zone has for it, across a clock change', () => {
    expect(instantAt('2026-12-03', 11, 30, 'Europe/Moscow')).toBe('2026-12-03T08:30:00Z');
    expect(instantAt('2026-03-06', 10, 0, 'America/New_York')).toBe('2026-03-06T15:00:00Z'); // EST
    expect(instantAt('2026-03-09', 10, 0, 'America/New_York')).toBe('2026-03-09T14:00:00Z'); // EDT
  });

  it('a drag keeps the time on the manager’s clock, not the browser’s', () => {
    const a = item('a', { dueAt: '2026-03-06T15:00:00Z' }); // Friday 10:00 in New York
    expect(rescheduleTo(a, '2026-03-09', 'America/New_York')).toEqual({ dueAt: '2026-03-09T14:00:00Z' });
    expect(rescheduleTo(a, '2026-03-06', 'America/New_York')).toBeNull();
    // 21:30 UTC is already the next day in Moscow: it is grouped there.
    const late = item('b', { dueAt: '2026-12-02T21:30:00Z' });
    expect(groupByDay([late], ['2026-12-03'], 'Europe/Moscow').byDay.get('2026-12-03')).toEqual([late]);
  });
});
