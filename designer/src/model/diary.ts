/**
 * The diary's arithmetic, free of React: which days a view covers, which day an activity falls on, what a drag to
 * another day changes, and the load of a day against the manager's limit. Dates are the browser's local days.
 */
export type DiaryView = 'today' | 'tomorrow' | 'week';

export interface DiaryItem {
  id: string;
  dueAt: string;
  allDay: boolean;
  dueDate?: string | null;
  state: string;
  overdue: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A local date "YYYY-MM-DD" as a Date at local midnight. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setDate(d.getDate() + n);
  return localDay(d);
}

/** Monday of the week the day falls in. */
export function weekStart(day: string): string {
  const d = parseDay(day);
  return addDays(day, -((d.getDay() + 6) % 7));
}

/** The days a view shows, in order: one day, or Monday to Sunday of the week that holds `anchor`. */
export function daysOf(view: DiaryView, today: string, anchor: string = today): string[] {
  if (view === 'today') return [today];
  if (view === 'tomorrow') return [addDays(today, 1)];
  const monday = weekStart(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The day an activity is on: a whole-day one by its date, a timed one by its local due time. */
export function dayOf(a: DiaryItem): string {
  if (a.allDay && a.dueDate) return a.dueDate;
  return localDay(new Date(a.dueAt));
}

export function isOverdue(a: DiaryItem): boolean {
  return a.state === 'open' && a.overdue;
}

/** Whole-day first, then by time; open before done on the same minute. */
export function byTime(a: DiaryItem, b: DiaryItem): number {
  return (
    Number(b.allDay) - Number(a.allDay) ||
    Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
    Number(a.state !== 'open') - Number(b.state !== 'open')
  );
}

/**
 * Overdue open activities in their own group (the oldest first), and everything else under the day it is on.
 * Activities outside the days (and not overdue) are dropped; cancelled ones are not shown at all.
 */
export function groupByDay<T extends DiaryItem>(
  items: T[],
  days: string[],
): { overdue: T[]; byDay: Map<string, T[]> } {
  const byDay = new Map(days.map((d) => [d, [] as T[]]));
  const overdue: T[] = [];
  for (const a of items) {
    if (a.state === 'cancelled') continue;
    if (isOverdue(a)) overdue.push(a);
    else byDay.get(dayOf(a))?.push(a);
  }
  overdue.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  for (const list of byDay.values()) list.sort(byTime);
  return { overdue, byDay };
}

/**
 * What to PATCH when an activity is dropped on another day: the same local time of day on that day,
 * or the new date for a whole-day one. Null when it already is on that day.
 */
export function rescheduleTo(a: DiaryItem, day: string): { dueAt: string } | { dueDate: string } | null {
  if (dayOf(a) === day) return null;
  if (a.allDay) return { dueDate: day };
  const due = new Date(a.dueAt);
  const target = parseDay(day);
  target.setHours(due.getHours(), due.getMinutes(), due.getSeconds(), 0);
  return { dueAt: target.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

export interface DayLoad {
  planned: number;
  done: number;
  limit: number | null;
  /** Planned beyond the limit. */
  over: boolean;
  /** Planned at the limit: one more would be too many. */
  full: boolean;
}

export function loadOf(
  day: { planned: number; done: number } | undefined,
  limit: number | null | undefined,
): DayLoad {
  const planned = day?.planned ?? 0;
  const done = day?.done ?? 0;
  const l = limit ?? null;
  return { planned, done, limit: l, over: l !== null && planned > l, full: l !== null && planned >= l };
}

/** An ISO-8601 duration ("PT15M", "PT1H", "P1D") for a reminder offered in minutes. */
export function remindDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `P${minutes / 1440}D`;
  if (minutes % 60 === 0) return `PT${minutes / 60}H`;
  return `PT${minutes}M`;
}
