import { describe, expect, it } from 'vitest';
import { formatHours, parseHours } from './hours';

describe('calendar hours text', () => {
  it('round trips', () => {
    const ranges = parseHours('9:00-13:00, 14:00 - 18:00');
    expect(ranges).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ]);
    expect(formatHours(ranges!)).toBe('09:00-13:00, 14:00-18:00');
  });

  it('an empty day is no hours; garbage is refused', () => {
    expect(parseHours('')).toEqual([]);
    expect(parseHours('nine to five')).toBeNull();
  });
});
