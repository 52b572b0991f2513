import { describe, expect, it } from 'vitest';
import {
  activeToasts,
  alertReducer,
  initialAlertState,
  isNewAlert,
  needsReAck,
  unreadCount,
  type Alert,
  type AlertAction,
  type AlertState,
} from './alertStore';

const alert = (id: string, raisedAt = '2027-03-01T10:00:00Z'): Alert => ({
  id,
  kind: 'warning',
  dealId: `deal-${id}`,
  raisedAt,
});
const run = (...actions: AlertAction[]): AlertState => actions.reduce(alertReducer, initialAlertState);

describe('alert store', () => {
  it('de-duplicates by id', () => {
    const s = run({ type: 'received', alert: alert('1') }, { type: 'received', alert: alert('1') });
    expect(s.alerts).toHaveLength(1);
    expect(s.toasts).toEqual(['1']);
  });

  it('counts unread and drops the count on ack', () => {
    let s = run({ type: 'received', alert: alert('1') }, { type: 'received', alert: alert('2') });
    expect(unreadCount(s)).toBe(2);
    s = alertReducer(s, { type: 'acked', id: '1', sent: true });
    expect(unreadCount(s)).toBe(1);
    expect(activeToasts(s).map((a) => a.id)).toEqual(['2']);
    expect(s.pendingAcks).toEqual([]);
  });

  it('a replay after reconnect adds nothing and toasts nothing again', () => {
    let s = run(
      { type: 'received', alert: alert('1') },
      { type: 'toastClosed', id: '1' },
      { type: 'status', status: 'reconnecting' },
      { type: 'status', status: 'connected' },
    );
    expect(isNewAlert(s, alert('1'))).toBe(false);
    s = alertReducer(s, { type: 'received', alert: alert('1') });
    expect(s.alerts).toHaveLength(1);
    expect(s.toasts).toEqual([]);
  });

  it('the initial load merges with live alerts and keeps newest first', () => {
    const s = run(
      { type: 'received', alert: alert('2', '2027-03-01T12:00:00Z') },
      { type: 'loaded', alerts: [alert('1', '2027-03-01T09:00:00Z'), alert('2', '2027-03-01T12:00:00Z')] },
    );
    expect(s.alerts.map((a) => a.id)).toEqual(['2', '1']);
    expect(s.toasts).toEqual(['2']);
  });

  it('an ack made offline is queued, then a replay asks for a re-ack and is not shown', () => {
    let s = run({ type: 'received', alert: alert('1') }, { type: 'acked', id: '1', sent: false });
    expect(s.pendingAcks).toEqual(['1']);
    expect(needsReAck(s, alert('1'))).toBe(true);
    s = alertReducer(s, { type: 'received', alert: alert('1') });
    expect(unreadCount(s)).toBe(0);
    s = alertReducer(s, { type: 'ackSent', id: '1' });
    expect(s.pendingAcks).toEqual([]);
  });

  it('a stored alert of a retired kind is listed and unread, but never toasted', () => {
    const old: Alert = { ...alert('old'), kind: 'nextStepOverdue' };
    const s = run({ type: 'received', alert: old }, { type: 'received', alert: alert('live') });
    expect(s.alerts.map((a) => a.id).sort()).toEqual(['live', 'old']);
    expect(unreadCount(s)).toBe(2);
    expect(activeToasts(s).map((a) => a.id)).toEqual(['live']);
  });

  it('acking twice is a no-op', () => {
    const s = run({ type: 'received', alert: alert('1') }, { type: 'acked', id: '1', sent: true });
    expect(alertReducer(s, { type: 'acked', id: '1', sent: true })).toBe(s);
  });
});
