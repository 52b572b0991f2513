import type { WorkflowDefinition } from './types';

/** The contract's example funnel, completed so that it is valid. Shared by tests. */
export function sampleFunnel(): WorkflowDefinition {
  return {
    id: 'b2b-sales',
    name: 'B2B sales',
    calendarId: 'moscow',
    start: 'new',
    activities: [
      {
        id: 'new',
        type: 'Stage',
        name: 'Find all contacts',
        outcomes: ['Done', 'Pause', 'Lost'],
        regulation: {
          duration: 'PT4H',
          warnBefore: 'PT1H',
          escalations: [
            { after: 'PT0S', notify: 'owner' },
            { after: 'PT2H', notify: 'head' },
          ],
        },
        design: { x: 0, y: 0 },
      },
      {
        id: 'paused',
        type: 'Stage',
        name: 'Paused',
        outcomes: ['Resume', 'Lost'],
        pausesClocks: true,
        returnOutcome: 'Resume',
      },
      { id: 'big', type: 'Decision', condition: 'deal.amount >= 1000000', outcomes: ['True', 'False'] },
      { id: 'proposal', type: 'Stage', name: 'Proposal', outcomes: ['Won', 'Lost'] },
      { id: 'won', type: 'End', result: 'won' },
      { id: 'lost', type: 'End', result: 'lost' },
    ],
    connections: [
      { source: 'new', outcome: 'Done', target: 'big' },
      { source: 'new', outcome: 'Pause', target: 'paused' },
      { source: 'new', outcome: 'Lost', target: 'lost' },
      { source: 'paused', outcome: 'Lost', target: 'lost' },
      { source: 'big', outcome: 'True', target: 'proposal' },
      { source: 'big', outcome: 'False', target: 'proposal' },
      { source: 'proposal', outcome: 'Won', target: 'won' },
      { source: 'proposal', outcome: 'Lost', target: 'lost' },
    ],
    regulations: [
      {
        id: 'request-to-proposal',
        name: 'Proposal within 1 working day of the request',
        startOn: 'new',
        stopOn: 'proposal',
        duration: 'P1D',
        warnBefore: 'PT2H',
      },
    ],
  };
}
