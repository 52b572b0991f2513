import type { Activity } from '../api/activities';
import type { Deal } from '../api/types';

/** Shapes of CONTRACT15 for the deal and client page tests. */
export const activity = (id: string, extra: Partial<Activity> = {}): Activity => ({
  id,
  kind: 'call',
  subject: `Subject ${id}`,
  dealId: 'd1',
  dealTitle: 'ACME rollout',
  assigneeId: 'anna',
  assigneeName: 'Anna Petrova',
  dueAt: '2027-03-02T09:00:00Z',
  allDay: false,
  state: 'open',
  overdue: false,
  createdAt: '2027-03-01T08:00:00Z',
  version: 1,
  ...extra,
});

export const deal = (extra: Partial<Deal> = {}): Deal => ({
  id: 'd1',
  title: 'ACME rollout',
  workflowId: 'b2b-sales',
  workflowVersion: 2,
  stageId: 'new',
  stageName: 'Find all contacts',
  state: 'open',
  ownerId: 'anna',
  version: 3,
  clocks: [],
  history: [],
  clientId: 'c1',
  client: { name: 'ACME', kind: 'company' },
  contacts: [
    { id: 'k1', clientId: 'c1', name: 'Irina Sokolova', phones: ['+7 495 1'], emails: [], version: 1 },
  ],
  ...extra,
});

/** What every deal page asks besides the deal itself. */
export const dealPageRoutes = {
  'GET /api/deals/d1/interactions': () => [],
  'GET /api/deals/d1/files': () => [],
  'GET /api/dictionaries/workResults': () => [
    { id: 'no-answer', name: 'Нет ответа' },
    { id: 'meeting-held', name: 'Meeting held' },
  ],
  'GET /api/dictionaries/fileCategories': () => [
    { id: 'proposal', name: 'Proposal' },
    { id: 'contract', name: 'Contract' },
  ],
};
