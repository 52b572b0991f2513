import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../app/format';
import { AlertSubject } from './AlertSubject';
import { unread } from './alertStore';
import { useAlerts } from './AlertsProvider';

export function AlertBell() {
  const { t, tx, lang } = useI18n();
  const { state, unread: count, ack, muted, setMuted } = useAlerts();
  const [open, setOpen] = useState(false);
  const list = unread(state);
  return (
    <div className="bell">
      {state.status !== 'connected' && (
        <span className={`hub-status ${state.status}`} data-testid="hub-status">
          {t(`hub.${state.status}`)}
        </span>
      )}
      <button
        type="button"
        className="ghost small"
        data-testid="mute-toggle"
        aria-pressed={muted}
        title={muted ? t('alerts.unmute') : t('alerts.mute')}
        onClick={() => setMuted(!muted)}
      >
        {muted ? '🔕' : '🔔'}
      </button>
      <button type="button" className="ghost" data-testid="alerts-open" onClick={() => setOpen(!open)}>
        {t('alerts.title')}
        {count > 0 && (
          <span className="badge" data-testid="unread-badge">
            {count}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-list card" data-testid="alerts-list">
          {list.length === 0 && <p className="muted">{t('alerts.none')}</p>}
          {list.map((a) => (
            <div key={a.id} className={`alert-row kind-${a.kind}`} data-testid={`alert-${a.id}`}>
              <div>
                <strong>{tx(`alert.kind.${a.kind}`, a.kind)}</strong>{' '}
                <AlertSubject alert={a} onClick={() => setOpen(false)} />
                <div className="muted small">
                  {[a.stageName, a.regulationName].filter(Boolean).join(' · ')}
                  {a.dueAt && ` · ${t('alerts.due')} ${formatTime(a.dueAt, lang)}`}
                </div>
              </div>
              <button
                type="button"
                className="small"
                data-testid={`alert-ack-${a.id}`}
                onClick={() => void ack(a.id)}
              >
                {t('alerts.ack')}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
