import { useEffect } from 'react';
import { AlertSubject } from './AlertSubject';
import { useI18n } from '../../i18n/I18nProvider';
import { activeToasts } from './alertStore';
import { useAlerts } from './AlertsProvider';

const TOAST_MS = 10_000;

export function Toasts() {
  const { t, tx } = useI18n();
  const { state, ack, closeToast } = useAlerts();
  const toasts = activeToasts(state);

  useEffect(() => {
    const timers = toasts.map((a) => setTimeout(() => closeToast(a.id), TOAST_MS));
    return () => timers.forEach(clearTimeout);
  }, [toasts, closeToast]);

  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((a) => (
        <div
          key={a.id}
          className={`toast kind-${a.kind}`}
          data-testid="toast"
          data-alert-id={a.id}
          role="status"
        >
          <strong>{tx(`alert.kind.${a.kind}`, a.kind)}</strong>
          <span>
            <AlertSubject alert={a} />
          </span>
          {a.stageName && <span className="muted small">{a.stageName}</span>}
          <div className="row">
            <button type="button" className="small" data-testid="toast-ack" onClick={() => void ack(a.id)}>
              {t('alerts.ack')}
            </button>
            <button
              type="button"
              className="ghost small"
              data-testid="toast-close"
              onClick={() => closeToast(a.id)}
            >
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
