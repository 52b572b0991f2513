import { isoDay } from '../../app/format';

export interface Period {
  from: string; // local date yyyy-mm-dd
  to: string; // local date yyyy-mm-dd, inclusive
}

export function defaultPeriod(now = new Date()): Period {
  const from = new Date(now);
  from.setDate(from.getDate() - 29);
  return { from: isoDay(from), to: isoDay(now) };
}

/** The API takes instants: the period runs from local midnight of `from` to local midnight after `to`. */
export function periodQuery(p: Period): { from: string; to: string } {
  const start = new Date(`${p.from}T00:00:00`);
  const end = new Date(`${p.to}T00:00:00`);
  end.setDate(end.getDate() + 1);
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { from: iso(start), to: iso(end) };
}

/** Splits a period into at most `max` consecutive buckets of whole days, for the trend chart. */
export function buckets(p: Period, max = 8): Period[] {
  const start = new Date(`${p.from}T00:00:00`);
  const end = new Date(`${p.to}T00:00:00`);
  const days = Math.max(1, Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1);
  const size = Math.max(1, Math.ceil(days / max));
  const out: Period[] = [];
  for (let offset = 0; offset < days; offset += size) {
    const a = new Date(start);
    a.setDate(a.getDate() + offset);
    const b = new Date(start);
    b.setDate(b.getDate() + Math.min(days - 1, offset + size - 1));
    out.push({ from: isoDay(a), to: isoDay(b) });
  }
  return out;
}

/**
 * The browser's IANA zone, so that a report split by week starts each week on the user's own Monday rather than at
 * UTC midnight. Undefined when the browser does not say; the server then splits in UTC.
 */
export function localTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
