/** How a regulation clock looks to a manager at a given instant. */
export type ClockLook = 'running' | 'warning' | 'breached' | 'paused' | 'met';

export interface ClockLike {
  state: string;
  dueAt?: string | null;
  warnAt?: string | null;
  finishedAt?: string | null;
}

export function clockLook(clock: ClockLike, now: number): ClockLook {
  const state = clock.state.toLowerCase();
  if (state === 'met') return 'met';
  if (state === 'paused') return 'paused';
  if (state === 'breached') return 'breached';
  const due = clock.dueAt ? Date.parse(clock.dueAt) : NaN;
  if (!Number.isNaN(due) && now >= due) return 'breached';
  const warn = clock.warnAt ? Date.parse(clock.warnAt) : NaN;
  if (!Number.isNaN(warn) && now >= warn) return 'warning';
  return 'running';
}

/** The clock that matters most on a card: open ones first, the earliest due among them. */
export function mainClock<T extends ClockLike>(clocks: T[] | undefined): T | undefined {
  const open = (clocks ?? []).filter((c) => !['met'].includes(c.state.toLowerCase()) && !c.finishedAt);
  const sorted = [...open].sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));
  return sorted[0];
}

/** Milliseconds left until due (negative once overdue); undefined without a due date. */
export function remaining(clock: ClockLike, now: number): number | undefined {
  if (!clock.dueAt) return undefined;
  const due = Date.parse(clock.dueAt);
  return Number.isNaN(due) ? undefined : due - now;
}
