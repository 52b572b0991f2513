import type { StageRequires } from './requirements';

/** The funnel definition exactly as the API stores it (see shared/contract.md). */

export const ACTIVITY_TYPES = ['Stage', 'Decision', 'Timer', 'Notify', 'Assign', 'End'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface DesignPosition {
  x: number;
  y: number;
}

export interface Escalation {
  after: string;
  notify: 'owner' | 'head' | string;
}

export interface StageRegulation {
  duration?: string;
  warnBefore?: string;
  escalations?: Escalation[];
}

export interface Activity {
  id: string;
  /** One of ACTIVITY_TYPES, or a type this designer does not know (kept verbatim). */
  type: string;
  name?: string;
  outcomes?: string[];
  regulation?: StageRegulation;
  pausesClocks?: boolean;
  returnOutcome?: string;
  design?: DesignPosition;
  // Type-specific settings sit directly on the activity.
  condition?: string;
  duration?: string;
  until?: 'nextStep';
  notify?: 'owner' | 'head';
  message?: string;
  strategy?: 'roundRobin' | 'user' | 'queue';
  teamId?: string;
  userId?: string;
  result?: 'won' | 'lost';
  /** Stage: what each outcome needs first (see model/requirements.ts). */
  requires?: StageRequires;
  [extra: string]: unknown;
}

export interface Connection {
  source: string;
  outcome: string;
  target: string;
}

export interface FunnelRegulation {
  id: string;
  name?: string;
  startOn: string;
  stopOn: string;
  duration: string;
  warnBefore?: string;
  escalations?: Escalation[];
}

export interface WorkflowDefinition {
  id: string;
  name: string;
  description?: string;
  calendarId?: string;
  /** Website leads may land in this funnel (the published version decides). */
  acceptsLeads?: boolean;
  start?: string;
  activities: Activity[];
  connections: Connection[];
  regulations?: FunnelRegulation[];
  [extra: string]: unknown;
}

export interface ValidationError {
  activityId?: string | null;
  code: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}
