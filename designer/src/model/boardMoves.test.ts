import { describe, expect, it } from 'vitest';
import { outcomesLeadingTo, stagesReachedBy } from './boardMoves';
import type { WorkflowDefinition } from './types';

// The built-in B2B funnel's middle: "Sent" passes a decision (and maybe a notification) before the presentation.
const def: WorkflowDefinition = {
  id: 'b2b',
  name: 'B2B',
  start: 'proposal',
  activities: [
    { id: 'proposal', type: 'Stage', outcomes: ['Sent', 'Pause', 'Lost'] },
    { id: 'size', type: 'Decision', outcomes: ['True', 'False'] },
    { id: 'notify-head', type: 'Notify', outcomes: ['Done'] },
    { id: 'presentation', type: 'Stage', outcomes: ['Agreed', 'Objections', 'Lost'] },
    { id: 'objections', type: 'Stage', outcomes: ['Resolved'] },
    { id: 'closing', type: 'Stage', outcomes: ['Signed'] },
    { id: 'paused', type: 'Stage', outcomes: ['Lost'], pausesClocks: true },
    { id: 'lost', type: 'End', result: 'lost' },
  ],
  connections: [
    { source: 'proposal', outcome: 'Sent', target: 'size' },
    { source: 'proposal', outcome: 'Pause', target: 'paused' },
    { source: 'proposal', outcome: 'Lost', target: 'lost' },
    { source: 'size', outcome: 'True', target: 'notify-head' },
    { source: 'size', outcome: 'False', target: 'presentation' },
    { source: 'notify-head', outcome: 'Done', target: 'presentation' },
    { source: 'presentation', outcome: 'Agreed', target: 'closing' },
    { source: 'presentation', outcome: 'Objections', target: 'objections' },
    { source: 'presentation', outcome: 'Lost', target: 'lost' },
    { source: 'objections', outcome: 'Resolved', target: 'closing' },
  ],
} as WorkflowDefinition;

describe('which outcome a drop means', () => {
  it('follows decisions and notifications to the stage they lead to', () => {
    expect([...stagesReachedBy(def, 'proposal', 'Sent')]).toEqual(['presentation']);
    expect(outcomesLeadingTo(def, 'proposal', 'presentation')).toEqual(['Sent']);
  });

  it('offers only outcomes that lead to the column, in the stage’s order', () => {
    expect(outcomesLeadingTo(def, 'presentation', 'closing')).toEqual(['Agreed']);
    expect(outcomesLeadingTo(def, 'presentation', 'objections')).toEqual(['Objections']);
    expect(outcomesLeadingTo(def, 'proposal', 'paused')).toEqual(['Pause']);
  });

  it('offers nothing for a column no outcome reaches, for the same column, or without a definition', () => {
    expect(outcomesLeadingTo(def, 'proposal', 'closing')).toEqual([]);
    expect(outcomesLeadingTo(def, 'proposal', 'proposal')).toEqual([]);
    expect(outcomesLeadingTo(undefined, 'proposal', 'presentation')).toEqual([]);
  });

  it('returns several when two outcomes lead to the same stage', () => {
    const twoWays = {
      ...def,
      connections: [...def.connections, { source: 'presentation', outcome: 'Objections', target: 'closing' }],
    } as WorkflowDefinition;
    expect(outcomesLeadingTo(twoWays, 'presentation', 'closing')).toEqual(['Agreed', 'Objections']);
  });
});
