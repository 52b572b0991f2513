/**
 * The live-alert state as a pure reducer: de-duplication by id (the hub replays unacknowledged alerts
 * with the same ids after every reconnect), unread count, acknowledgement and acks queued while offline.
 * The SignalR wiring lives in useAlertHub; this file has no React and no network.
 */
/** The kinds the server raises today. */
export type AlertKind = 'warning' | 'breach' | 'escalation' | 'activityReminder' | 'activityOverdue';

/**
 * Kinds the server no longer raises (the next step became an activity, which alerts as `activityOverdue`).
 * Stored ones still come back in the list and on replay: they are listed, labelled as earlier alerts, never toasted.
 */
export const RETIRED_ALERT_KINDS: readonly string[] = ['nextStepOverdue'];

export const isRetiredAlert = (alert: Pick<Alert, 'kind'>): boolean =>
  RETIRED_ALERT_KINDS.includes(alert.kind);

export interface Alert {
  id: string;
  kind: AlertKind | string;
  dealId: string;
  dealTitle?: string;
  regulationId?: string;
  regulationName?: string;
  stageId?: string;
  stageName?: string;
  ownerId?: string;
  dueAt?: string;
  raisedAt?: string;
  /** Activity alerts: the activity and its subject. */
  activityId?: string;
  message?: string;
}

export type HubStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface AlertState {
  /** Newest first. */
  alerts: Alert[];
  acked: string[];
  /** Acks made while the hub was down, to send when it is back. */
  pendingAcks: string[];
  status: HubStatus;
  /** Ids that have been toasted already, so a replay does not toast again. */
  toasts: string[];
}

export const initialAlertState: AlertState = {
  alerts: [],
  acked: [],
  pendingAcks: [],
  status: 'disconnected',
  toasts: [],
};

export type AlertAction =
  | { type: 'received'; alert: Alert }
  | { type: 'loaded'; alerts: Alert[] }
  | { type: 'acked'; id: string; sent: boolean }
  | { type: 'ackSent'; id: string }
  | { type: 'toastClosed'; id: string }
  | { type: 'status'; status: HubStatus };

function byNewest(a: Alert, b: Alert): number {
  return Date.parse(b.raisedAt ?? '') - Date.parse(a.raisedAt ?? '') || 0;
}

function merge(state: AlertState, incoming: Alert[]): AlertState {
  const known = new Set(state.alerts.map((a) => a.id));
  const acked = new Set(state.acked);
  const fresh = incoming.filter((a) => a && a.id && !known.has(a.id) && !acked.has(a.id));
  const uniqueFresh = fresh.filter((a, i) => fresh.findIndex((b) => b.id === a.id) === i);
  if (!uniqueFresh.length) return state;
  return { ...state, alerts: [...uniqueFresh, ...state.alerts].sort(byNewest) };
}

export function alertReducer(state: AlertState, action: AlertAction): AlertState {
  switch (action.type) {
    case 'received': {
      const next = merge(state, [action.alert]);
      if (next === state || isRetiredAlert(action.alert)) return next;
      return { ...next, toasts: [...next.toasts, action.alert.id] };
    }
    case 'loaded':
      return merge(state, action.alerts);
    case 'acked': {
      if (state.acked.includes(action.id)) return state;
      return {
        ...state,
        acked: [...state.acked, action.id],
        toasts: state.toasts.filter((t) => t !== action.id),
        pendingAcks: action.sent ? state.pendingAcks : [...state.pendingAcks, action.id],
      };
    }
    case 'ackSent':
      return { ...state, pendingAcks: state.pendingAcks.filter((id) => id !== action.id) };
    case 'toastClosed':
      return { ...state, toasts: state.toasts.filter((t) => t !== action.id) };
    case 'status':
      return state.status === action.status ? state : { ...state, status: action.status };
  }
}

/** True when an incoming alert would be shown for the first time (neither known nor acknowledged). */
export function isNewAlert(state: AlertState, alert: Alert): boolean {
  return !state.alerts.some((a) => a.id === alert.id) && !state.acked.includes(alert.id);
}

/** A replay of an alert we already acknowledged while offline means the server missed our ack. */
export function needsReAck(state: AlertState, alert: Alert): boolean {
  return state.acked.includes(alert.id);
}

export function unread(state: AlertState): Alert[] {
  const acked = new Set(state.acked);
  return state.alerts.filter((a) => !acked.has(a.id));
}

export function unreadCount(state: AlertState): number {
  return unread(state).length;
}

export function activeToasts(state: AlertState): Alert[] {
  return state.toasts
    .map((id) => state.alerts.find((a) => a.id === id))
    .filter((a): a is Alert => a !== undefined);
}
