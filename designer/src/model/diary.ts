/**
 * The diary's arithmetic, free of React: which days a view covers, which day an activity falls on, what a drag to
 * another day changes, and the load of a day against the manager's limit. Days are counted in the manager's zone
 * (the diary's `timeZone`, as the server counts them), or in the browser's own when no zone is known yet.
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

const formats = new Map<string, Intl.DateTimeFormat>();
function partsIn(ms: number, zone: string) {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  const p = partsIn(ms, zone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
}

/** The day an instant falls on in the zone (the browser's own without one). */
export function dayIn(instant: string | number, zone?: string | null): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!zone) return localDay(new Date(ms));
  const p = partsIn(ms, zone);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** The wall-clock time of an instant in the zone. */
export function timeIn(instant: string, zone?: string | null): { h: number; mi: number; s: number } {
  if (!zone) {
    const d = new Date(instant);
    return { h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds() };
  }
  const p = partsIn(Date.parse(instant), zone);
  return { h: p.h, mi: p.mi, s: p.s };
}

/** The instant (ISO, UTC) a wall-clock time on a day has in the zone; a time skipped by a clock change moves on. */
export function instantAt(day: string, h: number, mi: number, zone?: string | null, s = 0): string {
  let ms: number;
  if (!zone) {
    const d = parseDay(day);
    d.setHours(h, mi, s, 0);
    ms = d.getTime();
  } else {
    const [y, mo, d] = day.split('-').map(Number);
    const wall = Date.UTC(y!, mo! - 1, d!, h, mi, s);
    const first = offsetAt(wall, zone);
    ms = wall - first;
    const second = offsetAt(ms, zone);
    if (second !== first) ms = wall - second;
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
export function dayOf(a: DiaryItem, zone?: string | null): string {
  if (a.allDay && a.dueDate) return a.dueDate;
  return dayIn(a.dueAt, zone);
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
  zone?: string | null,
): { overdue: T[]; byDay: Map<string, T[]> } {
  const byDay = new Map(days.map((d) => [d, [] as T[]]));
  const overdue: T[] = [];
  for (const a of items) {
    if (a.state === 'cancelled') continue;
    if (isOverdue(a)) overdue.push(a);
    else byDay.get(dayOf(a, zone))?.push(a);
  }
  overdue.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  for (const list of byDay.values()) list.sort(byTime);
  return { overdue, byDay };
}

/**
 * What to PATCH when an activity is dropped on another day: the same local time of day on that day,
 * or the new date for a whole-day one. Null when it already is on that day.
 */
export function rescheduleTo(
  a: DiaryItem,
  day: string,
  zone?: string | null,
): { dueAt: string } | { dueDate: string } | null {
  if (dayOf(a, zone) === day) return null;
  if (a.allDay) return { dueDate: day };
  const { h, mi, s } = timeIn(a.dueAt, zone);
  return { dueAt: instantAt(day, h, mi, zone, s) };
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
