import { describe, expect, it } from 'vitest';
import { buckets, defaultPeriod } from './period';

describe('dashboard periods', () => {
  it('default is the last 30 days', () => {
    expect(defaultPeriod(new Date(2027, 2, 31))).toEqual({ from: '2027-03-02', to: '2027-03-31' });
  });

  it('splits a period into contiguous buckets covering it', () => {
    const b = buckets({ from: '2027-03-01', to: '2027-03-30' }, 8);
    expect(b.length).toBeLessThanOrEqual(8);
    expect(b[0]!.from).toBe('2027-03-01');
    expect(b.at(-1)!.to).toBe('2027-03-30');
  });

  it('a single day is one bucket', () => {
    expect(buckets({ from: '2027-03-01', to: '2027-03-01' })).toEqual([
      { from: '2027-03-01', to: '2027-03-01' },
    ]);
  });
});
