import { request, type Query } from './http';

/** Activities (issue #15): calls, meetings, tasks and e-mails planned on a deal or a client. */
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
  /** Whole-day activities only: the day in the assignee's zone. */
  dueDate?: string | null;
  durationMinutes?: number | null;
  /** ISO-8601 duration before the due time ("PT15M"). */
  remindBefore?: string | null;
  remindAt?: string | null;
  state: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  result?: string | null;
  resultName?: string | null;
  text?: string | null;
  completedAt?: string | null;
  completedBy?: string | null;
  createdAt: string;
  createdBy?: string | null;
  version: number;
}

/** Either `dueAt` (an instant) or `dueDate` (a whole day). */
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

export type ActivityPatch = Partial<Omit<NewActivity, 'kind'>> & { kind?: ActivityKind };

export interface ActivityPage {
  items: Activity[];
  nextCursor?: string | null;
}

/** Quick results: one click completes the activity with an empty text. */
export const QUICK_RESULTS = ['no-answer', 'wrong-number', 'call-back-later'] as const;

const enc = encodeURIComponent;
const ifMatch = (version?: number) => (version === undefined ? undefined : { 'If-Match': `"${version}"` });

export const activityApi = {
  list: (query: Query) => request<ActivityPage>('GET', '/api/activities', { query }),
  planOnDeal: (dealId: string, activity: NewActivity) =>
    request<Activity>('POST', `/api/deals/${enc(dealId)}/activities`, { body: activity }),
  planOnClient: (clientId: string, activity: NewActivity) =>
    request<Activity>('POST', `/api/clients/${enc(clientId)}/activities`, { body: activity }),
  patch: (id: string, patch: ActivityPatch, version?: number) =>
    request<Activity>('PATCH', `/api/activities/${enc(id)}`, { body: patch, headers: ifMatch(version) }),
  complete: (id: string, result: string, text?: string, version?: number) =>
    request<Activity>('POST', `/api/activities/${enc(id)}/complete`, {
      body: { result, text },
      headers: ifMatch(version),
    }),
  cancel: (id: string, version?: number) =>
    request<Activity>('POST', `/api/activities/${enc(id)}/cancel`, { headers: ifMatch(version) }),
};
