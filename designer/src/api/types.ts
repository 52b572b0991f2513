import type { ValidationError, WorkflowDefinition } from '../model/types';
import type { Contact } from './records';

export type Role = 'admin' | 'head' | 'manager';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId?: string | null;
  /** After an admin's reset (or as the first admin): a new password before anything else. */
  mustChangePassword?: boolean;
}

export interface AuthResponse {
  accessToken: string;
  expiresAt: string;
  user: User;
  mustChangePassword?: boolean;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  draftVersion?: number | null;
  publishedVersion?: number | null;
  updatedAt?: string;
}

/** GET /api/workflows/{id}: the definition, plus whatever version metadata the server adds. */
export type WorkflowDocument = WorkflowDefinition & { version?: number; status?: string };

export interface WorkflowVersion {
  version: number;
  status?: string;
  publishedAt?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
}

export interface SaveResult {
  id: string;
  version: number;
  status?: string;
}

export interface TimeRange {
  from: string;
  to: string;
}

export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  week: Record<string, TimeRange[]>;
  holidays: string[];
  overrides: { date: string; hours: TimeRange[] }[];
  version?: number;
}

export interface NextStep {
  at: string;
  what: string;
  /** Issue #15: the next step is an activity of this kind (a call when left out). */
  kind?: 'call' | 'meeting' | 'task' | 'email';
  activityId?: string;
  overdue?: boolean;
}

export interface Clock {
  regulationId: string;
  name?: string;
  startedAt?: string;
  dueAt?: string | null;
  warnAt?: string | null;
  state: string;
  finishedAt?: string | null;
  ownerId?: string | null;
}

export interface HistoryEntry {
  at: string;
  by?: string | null;
  kind: string;
  details?: Record<string, unknown>;
  /** Names for the words ("Anna moved it from Presentation to Closing"), where they apply. */
  byName?: string | null;
  fromStageName?: string | null;
  toStageName?: string | null;
  outcome?: string | null;
  fromWorkflowName?: string | null;
  toWorkflowName?: string | null;
}

export interface Deal {
  id: string;
  title: string;
  workflowId: string;
  workflowVersion?: number;
  stageId: string;
  stageName?: string;
  ownerId?: string | null;
  teamId?: string | null;
  state: 'open' | 'won' | 'lost' | string;
  amount?: number | null;
  source?: string | null;
  client?: { name: string; kind: 'company' | 'person' } | null;
  contact?: { name?: string; email?: string; phone?: string; position?: string } | null;
  nextStep?: NextStep | null;
  /** Open deals only: whether a next step is planned and on time. */
  nextStepState?: 'ok' | 'missing' | 'overdue' | null;
  ownerName?: string | null;
  version?: number;
  clocks?: Clock[];
  history?: HistoryEntry[];
  fields?: Record<string, unknown>;
  clientId?: string | null;
  contactIds?: string[];
  /** The linked contacts in full; only on GET /api/deals/{id}. */
  contacts?: Contact[] | null;
}

export interface NewDeal {
  title: string;
  workflowId: string;
  ownerId?: string;
  teamId?: string;
  amount?: number;
  source?: string;
  /** Inline client and contact, or an existing client by id (with its contacts by id). */
  client?: { name: string; kind: 'company' | 'person' };
  contact?: { name: string; email: string; phone: string; position: string };
  clientId?: string;
  contactIds?: string[];
  fields: Record<string, unknown>;
}

export type { InteractionKind, NewInteraction } from './records';

export interface MoveRequest {
  outcome: string;
  comment?: string;
  nextStep?: NextStep;
  /** Data a stage may require, filled in by the move itself. */
  amount?: number;
  source?: string;
  fields?: Record<string, unknown>;
}

export interface ManagerCompliance {
  managerId: string;
  name: string;
  measured: number;
  met: number;
  breached: number;
  compliance: number;
  medianOverrun?: string | null;
  openOverdue: number;
  /** Working time this person held clocks past their deadlines (breaches in the period), whoever they count against. */
  lateHeld?: string;
}

/** Who owned the deal while a clock ran, and how much of its working time (ISO-8601) fell to them. */
export interface ClockHolder {
  /** Null for time the deal sat in the team queue, owned by no one. */
  userId: string | null;
  name: string | null;
  held: string;
  /** The part of `held` past the clock's deadline; "PT0S" when none. */
  overrunHeld: string;
}

export interface Breach {
  dealId: string;
  dealTitle: string;
  regulationId: string;
  regulationName?: string;
  stageName?: string;
  startedAt?: string;
  dueAt?: string;
  finishedAt?: string | null;
  overrun?: string | null;
  /** In the order they took the deal; empty for clocks recorded before the breakdown. */
  holders: ClockHolder[];
}

/** Where a clock went in the caller's own figures: met or breached inside the period, or breached before it and still running. */
export type ClockCounted = 'met' | 'breached' | 'openOverdue';

/** One clock behind GET /api/compliance/me's figures. Instants are ISO strings, durations ISO-8601 working time. */
export interface OwnClock {
  clockId: string;
  dealId: string;
  dealTitle: string;
  regulationId: string;
  regulationName: string;
  stageId?: string | null;
  stageName?: string | null;
  state: string;
  counted: ClockCounted;
  startedAt: string;
  dueAt?: string | null;
  finishedAt?: string | null;
  /** Final once finished, so far while still running; null for a clock met in time. */
  overrun: string | null;
  /** Missing from servers that predate the breakdown, empty for clocks recorded before it. */
  holders?: ClockHolder[];
}

/** One week (Monday to Monday in the period's zone, clipped to the period) of a compliance trend. */
export interface WeekView {
  weekStart: string;
  from: string;
  to: string;
  measured: number;
  met: number;
  breached: number;
  compliance: number | null;
}

/** GET /api/compliance/me: the caller's own figures, their weekly trend, and the clocks they were counted from. */
export interface OwnCompliance {
  managerId: string;
  name: string;
  measured: number;
  met: number;
  breached: number;
  /** Null when nothing was measured. */
  compliance: number | null;
  medianOverrun?: string | null;
  p90Overrun?: string | null;
  openOverdue: number;
  /** Working time the caller held clocks past their deadlines (breaches in the period), whoever they count against. */
  lateHeld?: string;
  from: string;
  to: string;
  clocks: OwnClock[];
  weeks: WeekView[];
}

/** One row of GET /api/compliance/regulations; the contract leaves the exact fields open, so all are optional. */
export interface RegulationCompliance {
  regulationId?: string;
  regulationName?: string;
  name?: string;
  stageId?: string | null;
  stageName?: string | null;
  measured?: number;
  met?: number;
  breached?: number;
  compliance?: number;
}

export interface PlanItem {
  name?: string;
  label?: string;
  metric?: string;
  done?: number;
  actual?: number;
  target?: number;
}

export type { ValidationError };
