import { describe, expect, it } from 'vitest';
import { clockLook, mainClock } from './clocks';
import { countByStage } from './stageCounts';

const t = (s: string) => Date.parse(s);
const clock = { state: 'running', warnAt: '2027-03-01T10:00:00Z', dueAt: '2027-03-01T11:00:00Z' };

describe('clock colours', () => {
  it('running, then warning after warnAt, then breached after dueAt', () => {
    expect(clockLook(clock, t('2027-03-01T09:00:00Z'))).toBe('running');
    expect(clockLook(clock, t('2027-03-01T10:30:00Z'))).toBe('warning');
    expect(clockLook(clock, t('2027-03-01T11:00:00Z'))).toBe('breached');
  });

  it('paused and breached states win over time', () => {
    expect(clockLook({ ...clock, state: 'paused' }, t('2027-03-02T00:00:00Z'))).toBe('paused');
    expect(clockLook({ ...clock, state: 'Breached' }, t('2027-01-01T00:00:00Z'))).toBe('breached');
  });

  it('main clock is the earliest open one', () => {
    const c = mainClock([
      { state: 'met', dueAt: '2027-01-01T00:00:00Z' },
      { state: 'running', dueAt: '2027-03-02T00:00:00Z' },
      { state: 'running', dueAt: '2027-03-01T00:00:00Z' },
    ]);
    expect(c?.dueAt).toBe('2027-03-01T00:00:00Z');
  });

  it('counts open, at-risk and overdue deals per stage', () => {
    const counts = countByStage(
      [{ stageId: 'a' }, { stageId: 'a' }, { stageId: 'b' }],
      [{ stageId: 'a' }],
      [{ stageId: 'b' }],
    );
    expect(counts.get('a')).toEqual({ open: 2, atRisk: 1, overdue: 0 });
    expect(counts.get('b')).toEqual({ open: 1, atRisk: 0, overdue: 1 });
  });
});
