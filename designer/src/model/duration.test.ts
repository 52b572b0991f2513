import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  formatDuration,
  fromSimple,
  isValidDuration,
  parseDuration,
  toSimple,
} from './duration';

describe('working durations', () => {
  it('parses ISO-8601 without months or years', () => {
    expect(parseDuration('PT4H')).toMatchObject({ hours: 4 });
    expect(parseDuration('P1DT2H30M')).toMatchObject({ days: 1, hours: 2, minutes: 30 });
    expect(parseDuration('P1M')).toBeUndefined();
    expect(parseDuration('PT')).toBeUndefined();
    expect(parseDuration('4h')).toBeUndefined();
  });

  it('zero is only allowed where asked', () => {
    expect(isValidDuration('PT0S')).toBe(false);
    expect(isValidDuration('PT0S', true)).toBe(true);
  });

  it('converts to and from one number in one unit', () => {
    expect(toSimple('PT4H')).toEqual({ amount: 4, unit: 'hours' });
    expect(toSimple('P2D')).toEqual({ amount: 2, unit: 'days' });
    expect(toSimple('PT90M')).toEqual({ amount: 90, unit: 'minutes' });
    expect(toSimple('P1DT1H')).toBeUndefined();
    expect(fromSimple({ amount: 1, unit: 'days' })).toBe('P1D');
    expect(fromSimple({ amount: 4, unit: 'hours' })).toBe('PT4H');
  });

  it('formats for people', () => {
    expect(formatDuration('P1DT4H')).toBe('1d 4h');
    expect(formatCountdown(2 * 3600_000 + 5 * 60_000)).toBe('2h 05m');
    expect(formatCountdown(-90_000)).toBe('−1m 30s');
    expect(formatCountdown(3 * 86400_000 + 4 * 3600_000)).toBe('3d 4h');
  });
});
