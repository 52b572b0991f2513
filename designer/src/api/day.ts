/**
 * The manager's working day (issue #15, CONTRACT15): activities, the diary, the board and next-step gaps.
 * Kept apart from endpoints.ts so the day's screens and the deal page can grow without stepping on each other.
 * Activities themselves (types and calls) live in activities.ts, shared with the deal and client pages.
 */
import { request, type Query } from './http';
import type { Activity, ActivityKind } from './activities';
import type { Deal, NextStep } from './types';

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

  board: (filters: BoardFilters) => request<Board>('GET', '/api/deals/board', { query: boardQuery(filters) }),
  boardColumnPage: (filters: BoardFilters, stageId: string, cursor: string) =>
    request<Board>('GET', '/api/deals/board', { query: { ...boardQuery(filters), stageId, cursor } }),
  findDeals: (q: string) => request<DayDeal[]>('GET', '/api/deals', { query: { q, state: 'open' } }),

  nextStepGaps: () => request<NextStepGap[]>('GET', '/api/next-steps/gaps'),
};
