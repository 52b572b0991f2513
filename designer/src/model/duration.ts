/**
 * ISO-8601 durations as regulations use them: working time, where a day (`P1D`) is one working day of
 * the funnel's calendar and `PT4H` four working hours. Months and years are refused, as on the server.
 */

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(text: string | undefined | null): DurationParts | undefined {
  if (!text) return undefined;
  const trimmed = text.trim().toUpperCase();
  if (trimmed === 'P' || trimmed.endsWith('T')) return undefined;
  const m = PATTERN.exec(trimmed);
  if (!m) return undefined;
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  return { weeks: n(m[1]), days: n(m[2]), hours: n(m[3]), minutes: n(m[4]), seconds: n(m[5]) };
}

export function isValidDuration(text: string | undefined, allowZero = false): boolean {
  const parts = parseDuration(text);
  if (!parts) return false;
  return allowZero || totalSeconds(parts, 8) > 0;
}

/** Seconds of working time, given the length of a working day in hours. */
export function totalSeconds(parts: DurationParts, workingDayHours: number): number {
  const days = parts.weeks * 7 + parts.days;
  return days * workingDayHours * 3600 + parts.hours * 3600 + parts.minutes * 60 + parts.seconds;
}

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export interface SimpleDuration {
  amount: number;
  unit: DurationUnit;
}

/** Reads a duration the way the properties panel edits it: one number in one unit. */
export function toSimple(text: string | undefined): SimpleDuration | undefined {
  const p = parseDuration(text);
  if (!p) return undefined;
  const days = p.weeks * 7 + p.days;
  const seconds = p.hours * 3600 + p.minutes * 60 + p.seconds;
  if (days > 0 && seconds === 0) return { amount: days, unit: 'days' };
  if (days === 0 && seconds % 3600 === 0) return { amount: seconds / 3600, unit: 'hours' };
  if (days === 0 && seconds % 60 === 0) return { amount: seconds / 60, unit: 'minutes' };
  if (days === 0) return { amount: seconds, unit: 'seconds' };
  return undefined; // mixed days and hours: edit as raw text
}

export function fromSimple(value: SimpleDuration): string {
  const amount = Math.max(0, value.amount);
  switch (value.unit) {
    case 'days':
      return `P${amount}D`;
    case 'hours':
      return `PT${amount}H`;
    case 'minutes':
      return `PT${amount}M`;
    case 'seconds':
      return `PT${amount}S`;
  }
}

/** A short human form, e.g. "1d 4h" or "30m"; ISO text when it cannot be parsed. */
export function formatDuration(text: string | undefined, labels = { d: 'd', h: 'h', m: 'm' }): string {
  const p = parseDuration(text);
  if (!p) return text ?? '';
  const bits: string[] = [];
  const days = p.weeks * 7 + p.days;
  if (days) bits.push(`${days}${labels.d}`);
  if (p.hours) bits.push(`${p.hours}${labels.h}`);
  if (p.minutes) bits.push(`${p.minutes}${labels.m}`);
  if (p.seconds) bits.push(`${p.seconds}s`);
  if (!bits.length) bits.push(`0${labels.m}`);
  return bits.join(' ');
}

/** Milliseconds as a countdown "2h 05m", "3d 4h" or "45s"; negative values get a leading minus. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return `${sign}${d}d ${h}h`;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${sign}${m}m ${String(s).padStart(2, '0')}s`;
  return `${sign}${s}s`;
}
