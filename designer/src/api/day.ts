/**
 * The manager's working day (issue #15, CONTRACT15): activities, the diary, the board and next-step gaps.
 * Kept apart from endpoints.ts so the day's screens and the deal page can grow without stepping on each other.
 */
import { request, type Query } from './http';
import type { Deal, NextStep } from './types';

const enc = encodeURIComponent;
const ifMatch = (version?: number) => (version === undefined ? undefined : { 'If-Match': `"${version}"` });

export type ActivityKind = 'call' | 'meeting' | 'task' | 'email';
export const ACTIVITY_KINDS: ActivityKind[] = ['call', 'meeting', 'task', 'email'];

export interface Activity {
  id: string;
  kind: ActivityKind;
  subject: string;
  dealId?: string | null;
  dealTitle?: string | null;
  clientId?: string | null;
  clientName?: string | null;
  contactId?: string | null;
  contactName?: string | null;
  assigneeId: string;
  assigneeName?: string | null;
  dueAt: string;
  allDay: boolean;
  /** Whole-day activities: the day in the assignee's zone. */
  dueDate?: string | null;
  durationMinutes?: number | null;
  remindBefore?: string | null;
  remindAt?: string | null;
  state: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  result?: string | null;
  resultName?: string | null;
  text?: string | null;
  completedAt?: string | null;
  completedBy?: string | null;
  createdAt?: string;
  createdBy?: string | null;
  version?: number;
}

export interface NewActivity {
  kind: ActivityKind;
  subject: string;
  dueAt?: string;
  dueDate?: string;
  durationMinutes?: number;
  contactId?: string;
  assigneeId?: string;
  remindBefore?: string;
}

export interface ActivityPatch {
  subject?: string;
  dueAt?: string;
  dueDate?: string;
  durationMinutes?: number;
  assigneeId?: string;
  contactId?: string;
  remindBefore?: string;
  kind?: ActivityKind;
}

export interface DiaryDay {
  date: string;
  planned: number;
  done: number;
  overdue: number;
}

export interface DiaryDeadline {
  dealId: string;
  dealTitle: string;
  clockId: string;
  name: string;
  stageId?: string | null;
  stageName?: string | null;
  dueAt: string;
  state: string;
}

export interface Diary {
  timeZone: string;
  limit?: number | null;
  days: DiaryDay[];
  activities: Activity[];
  deadlines: DiaryDeadline[];
  /** Overdue open activities from before the period, of which the oldest are listed in `activities`. */
  overdueBefore?: number;
}

/** The deal as the board and the day see it: the next step is an activity, heads see the owner's name. */
export type DayDeal = Deal & {
  ownerName?: string | null;
  nextStep?: (NextStep & { activityId?: string; kind?: ActivityKind; overdue?: boolean }) | null;
  nextStepState?: 'ok' | 'missing' | 'overdue' | null;
};

export interface BoardColumn {
  stageId: string;
  name?: string | null;
  count: number;
  amount: number;
  deals: DayDeal[];
  nextCursor?: string | null;
}

export interface Board {
  workflowId: string;
  workflowVersion: number;
  columns: BoardColumn[];
}

export interface BoardFilters {
  workflowId: string;
  ownerId?: string;
  source?: string;
  q?: string;
  overdue?: boolean;
  nextStep?: 'missing' | 'overdue';
}

export interface NextStepGap {
  ownerId: string;
  ownerName?: string | null;
  open: number;
  missing: number;
  overdue: number;
}

const boardQuery = (f: BoardFilters): Query => ({
  workflowId: f.workflowId,
  ownerId: f.ownerId,
  source: f.source,
  q: f.q?.trim() || undefined,
  overdue: f.overdue || undefined,
  nextStep: f.nextStep,
  limit: 50,
});

export const dayApi = {
  diary: (from: string, to: string, assigneeId?: string) =>
    request<Diary>('GET', '/api/diary', { query: { from, to, assigneeId } }),
  setDayLimit: (limit: number | null) => request<unknown>('PUT', '/api/me/day-limit', { body: { limit } }),

  planOnDeal: (dealId: string, activity: NewActivity) =>
    request<Activity>('POST', `/api/deals/${enc(dealId)}/activities`, { body: activity }),
  patchActivity: (id: string, patch: ActivityPatch, version?: number) =>
    request<Activity>('PATCH', `/api/activities/${enc(id)}`, { body: patch, headers: ifMatch(version) }),
  complete: (id: string, result: string, text?: string) =>
    request<Activity>('POST', `/api/activities/${enc(id)}/complete`, { body: { result, text } }),
  cancel: (id: string) => request<Activity>('POST', `/api/activities/${enc(id)}/cancel`),

  board: (filters: BoardFilters) => request<Board>('GET', '/api/deals/board', { query: boardQuery(filters) }),
  boardColumnPage: (filters: BoardFilters, stageId: string, cursor: string) =>
    request<Board>('GET', '/api/deals/board', { query: { ...boardQuery(filters), stageId, cursor } }),
  findDeals: (q: string) => request<DayDeal[]>('GET', '/api/deals', { query: { q, state: 'open' } }),

  nextStepGaps: () => request<NextStepGap[]>('GET', '/api/next-steps/gaps'),
};
