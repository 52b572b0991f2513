import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api } from '../../api/endpoints';
import { currentToken } from '../../api/http';
import { useI18n } from '../../i18n/I18nProvider';
import {
  alertReducer,
  initialAlertState,
  isNewAlert,
  isRetiredAlert,
  needsReAck,
  unreadCount,
  type Alert,
  type AlertState,
} from './alertStore';
import { beep } from './beep';

interface Alerts {
  state: AlertState;
  unread: number;
  muted: boolean;
  setMuted: (muted: boolean) => void;
  ack: (id: string) => Promise<void>;
  closeToast: (id: string) => void;
  /** Bumps on every new alert, so screens with live numbers can refresh. */
  revision: number;
}

const AlertsContext = createContext<Alerts | null>(null);
const MUTE_KEY = 'crm.alerts.muted';
const RETRY = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

export function AlertsProvider({ children }: { children: ReactNode }) {
  const { tx } = useI18n();
  const [state, dispatch] = useReducer(alertReducer, initialAlertState);
  const [muted, setMutedState] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const [revision, setRevision] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const hubRef = useRef<HubConnection | null>(null);

  const setMuted = useCallback((value: boolean) => {
    localStorage.setItem(MUTE_KEY, value ? '1' : '0');
    setMutedState(value);
  }, []);

  const sendAck = useCallback(async (id: string): Promise<boolean> => {
    const hub = hubRef.current;
    try {
      if (hub?.state === HubConnectionState.Connected) await hub.invoke('Ack', id);
      else await api.ackAlert(id);
      return true;
    } catch {
      try {
        await api.ackAlert(id);
        return true;
      } catch {
        return false;
      }
    }
  }, []);

  const onAlert = useCallback(
    (alert: Alert) => {
      const current = stateRef.current;
      if (needsReAck(current, alert)) {
        void sendAck(alert.id).then((ok) => ok && dispatch({ type: 'ackSent', id: alert.id }));
        return;
      }
      if (!isNewAlert(current, alert)) return;
      dispatch({ type: 'received', alert });
      setRevision((r) => r + 1);
      if (isRetiredAlert(alert)) return; // an earlier alert of a kind no longer raised: listed, not announced
      if (!mutedRef.current) beep();
      if ('Notification' in window && Notification.permission === 'granted') {
        try {
          new Notification(tx(`alert.kind.${alert.kind}`, alert.kind), {
            body: alert.dealTitle ?? '',
            tag: alert.id,
          });
        } catch {
          // Some browsers only allow notifications from a service worker.
        }
      }
    },
    [sendAck, tx],
  );
  const onAlertRef = useRef(onAlert);
  onAlertRef.current = onAlert;

  const flushPending = useCallback(async () => {
    for (const id of stateRef.current.pendingAcks) if (await sendAck(id)) dispatch({ type: 'ackSent', id });
  }, [sendAck]);

  useEffect(() => {
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const hub = new HubConnectionBuilder()
      .withUrl('/hubs/alerts', { accessTokenFactory: () => currentToken() ?? '' })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => RETRY(ctx.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    hubRef.current = hub;
    hub.on('alert', (alert: Alert) => onAlertRef.current(alert));
    hub.onreconnecting(() => dispatch({ type: 'status', status: 'reconnecting' }));
    hub.onreconnected(() => {
      dispatch({ type: 'status', status: 'connected' });
      void flushPending();
    });
    hub.onclose(() => {
      if (stopped) return;
      dispatch({ type: 'status', status: 'reconnecting' });
      retryTimer = setTimeout(() => void start(0), RETRY(3));
    });

    const start = async (attempt: number) => {
      if (stopped) return;
      dispatch({ type: 'status', status: attempt === 0 ? 'connecting' : 'reconnecting' });
      try {
        await hub.start();
        if (stopped) return;
        dispatch({ type: 'status', status: 'connected' });
        void flushPending();
      } catch {
        if (!stopped) retryTimer = setTimeout(() => void start(attempt + 1), RETRY(attempt));
      }
    };

    void api
      .alerts()
      .then((alerts) => !stopped && dispatch({ type: 'loaded', alerts: alerts ?? [] }))
      .catch(() => {});
    void start(0);
    // Browsers only grant notification permission after a user gesture: ask on the first click.
    const onFirstClick = () => {
      if ('Notification' in window && Notification.permission === 'default')
        void Notification.requestPermission().catch(() => {});
    };
    document.addEventListener('click', onFirstClick, { once: true });

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      document.removeEventListener('click', onFirstClick);
      hubRef.current = null;
      void hub.stop();
    };
  }, [flushPending]);

  const ack = useCallback(
    async (id: string) => {
      const sent = await sendAck(id);
      dispatch({ type: 'acked', id, sent });
    },
    [sendAck],
  );
  const closeToast = useCallback((id: string) => dispatch({ type: 'toastClosed', id }), []);

  const value = useMemo(
    () => ({ state, unread: unreadCount(state), muted, setMuted, ack, closeToast, revision }),
    [state, muted, setMuted, ack, closeToast, revision],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): Alerts {
  const ctx = useContext(AlertsContext);
  if (!ctx) throw new Error('useAlerts outside AlertsProvider');
  return ctx;
}

/** For screens that may render without the provider (e.g. in tests): 0 revision when absent. */
export function useAlertRevision(): number {
  return useContext(AlertsContext)?.revision ?? 0;
}
