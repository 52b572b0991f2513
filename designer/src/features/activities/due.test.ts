import { describe, expect, it } from 'vitest';
import { draftOf, dueOf, tomorrowAt } from './due';

describe('due time drafts', () => {
  it('sends a whole day as its date and a timed one as a UTC instant', () => {
    expect(dueOf({ date: '2027-03-04', time: '10:00', allDay: true })).toEqual({ dueDate: '2027-03-04' });
    expect(dueOf({ date: '2027-03-04', time: '14:30', allDay: false })).toEqual({
      dueAt: new Date('2027-03-04T14:30').toISOString().replace('.000Z', 'Z'),
    });
    expect(dueOf({ date: '', time: '14:30', allDay: false })).toBeNull();
    expect(dueOf({ date: '2027-03-04', time: '', allDay: false })).toBeNull();
  });

  it('reads an activity back into the same draft', () => {
    const draft = { date: '2027-03-04', time: '14:30', allDay: false };
    const sent = dueOf(draft) as { dueAt: string };
    expect(draftOf(sent.dueAt, false)).toEqual(draft);
    expect(draftOf('2027-03-03T21:00:00Z', true, '2027-03-04')).toMatchObject({
      date: '2027-03-04',
      allDay: true,
    });
  });

  it('starts at tomorrow 10:00', () => {
    expect(tomorrowAt(10, new Date(2027, 2, 31, 18, 0))).toEqual({
      date: '2027-04-01',
      time: '10:00',
      allDay: false,
    });
  });
});
