import type { ValidationError, WorkflowDefinition } from '../model/types';

export type Role = 'admin' | 'head' | 'manager';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId?: string | null;
}

export interface AuthResponse {
  accessToken: string;
  expiresAt: string;
  user: User;
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
  version?: number;
  clocks?: Clock[];
  history?: HistoryEntry[];
}

export interface NewDeal {
  title: string;
  workflowId: string;
  ownerId?: string;
  teamId?: string;
  amount?: number;
  source?: string;
  client: { name: string; kind: 'company' | 'person' };
  contact: { name: string; email: string; phone: string; position: string };
  fields: Record<string, unknown>;
}

export type InteractionKind = 'call' | 'meeting' | 'email' | 'note';

export interface NewInteraction {
  kind: InteractionKind;
  at: string;
  text: string;
  result?: string;
}

export interface MoveRequest {
  outcome: string;
  comment?: string;
  nextStep?: NextStep;
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
