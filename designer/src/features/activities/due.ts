import { isoDay } from '../../app/format';

/** What the date/time inputs hold: a local day, a local time, or the whole day. */
export interface DueDraft {
  date: string;
  time: string;
  allDay: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Tomorrow at the given local hour: the usual "call back tomorrow". */
export function tomorrowAt(hour: number, now: Date = new Date()): DueDraft {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  return { date: isoDay(d), time: `${pad(hour)}:00`, allDay: false };
}

/** The draft of an existing due time, in the browser's zone. */
export function draftOf(dueAt: string, allDay: boolean, dueDate?: string | null): DueDraft {
  const d = new Date(dueAt);
  if (allDay) return { date: dueDate ?? isoDay(d), time: '10:00', allDay: true };
  return { date: isoDay(d), time: `${pad(d.getHours())}:${pad(d.getMinutes())}`, allDay: false };
}

/** The contract's `dueDate` for a whole day, else `dueAt` as a UTC instant; null while incomplete. */
export function dueOf(draft: DueDraft): { dueAt: string } | { dueDate: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return null;
  if (draft.allDay) return { dueDate: draft.date };
  if (!/^\d{2}:\d{2}$/.test(draft.time)) return null;
  const local = new Date(`${draft.date}T${draft.time}`);
  if (Number.isNaN(local.getTime())) return null;
  return { dueAt: local.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
