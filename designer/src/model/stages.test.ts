import { describe, expect, it } from 'vitest';
import { sampleFunnel } from './fixtures';
import { orderedStages, outcomesOf } from './stages';

describe('stage order for the board', () => {
  it('follows the flow from the start, lists only stages, and puts pause stages last', () => {
    expect(orderedStages(sampleFunnel()).map((s) => s.id)).toEqual(['new', 'proposal', 'paused']);
  });

  it('appends stages that cannot be reached before the pause stages', () => {
    const def = sampleFunnel();
    def.activities.push({ id: 'side', type: 'Stage', outcomes: [] });
    expect(
      orderedStages(def)
        .map((s) => s.id)
        .at(-2),
    ).toBe('side');
  });

  it('lists a stage’s outcomes', () => {
    expect(outcomesOf(sampleFunnel(), 'paused')).toEqual(['Resume', 'Lost']);
    expect(outcomesOf(undefined, 'x')).toEqual([]);
  });
});
