import { describe, expect, it } from 'vitest';
import { sampleFunnel } from './fixtures';
import { applyLayout, autoLayout, needsLayout } from './layout';

describe('auto-layout', () => {
  it('gives every activity a position, left to right along the flow', () => {
    const def = sampleFunnel();
    const positions = autoLayout(def);
    expect(positions.size).toBe(def.activities.length);
    for (const p of positions.values()) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
    expect(positions.get('new')!.x).toBeLessThan(positions.get('proposal')!.x);
    const laid = applyLayout(def, positions);
    expect(needsLayout(laid)).toBe(false);
  });

  it('keeps existing positions when asked', () => {
    const positions = autoLayout(sampleFunnel(), true);
    expect(positions.get('new')).toEqual({ x: 0, y: 0 });
  });

  it('copes with activities that have no connections', () => {
    const positions = autoLayout({
      id: 'x',
      name: 'x',
      activities: [{ id: 'a', type: 'Stage' }],
      connections: [],
    });
    expect(positions.get('a')).toBeDefined();
  });
});
