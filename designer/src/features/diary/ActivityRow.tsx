import { memo, useState, type DragEvent } from 'react';
import type { Activity } from '../../api/activities';
import { Link } from '../../app/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { isOverdue } from '../../model/diary';
import { CompleteForm } from './CompleteForm';

export const KIND_ICON: Record<string, string> = { call: '📞', meeting: '🤝', task: '✔️', email: '✉️' };
/** The quick results a call is closed with in one click (ids of the workResults dictionary). */
export const QUICK_RESULTS = ['no-answer', 'wrong-number', 'call-back-later'] as const;

interface Props {
  activity: Activity;
  /** The manager's zone: times read as on their clock. */
  zone?: string | null;
  /** Overdue rows come from earlier days: they show the date too. */
  withDate?: boolean;
  busy?: boolean;
  onComplete: (activity: Activity, result: string, text?: string) => void;
  onShift?: (activity: Activity, days: number) => void;
  draggable?: boolean;
  onDragStart?: (activity: Activity) => void;
}

/** One activity: kind, time, subject, deal or client, contact; one-click results for calls, a fuller "done" form. */
export const ActivityRow = memo(function ActivityRow({
  activity: a,
  zone,
  withDate,
  busy,
  onComplete,
  onShift,
  draggable,
  onDragStart,
}: Props) {
  const { t, tx, lang } = useI18n();
  const [completing, setCompleting] = useState(false);
  const open = a.state === 'open';
  const overdue = isOverdue(a);
  const when = a.allDay
    ? t('diary.allDay')
    : new Date(a.dueAt).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
        ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone ?? undefined,
      });
  const kind = tx(`activity.kind.${a.kind}`, a.kind);
  const drag = (e: DragEvent) => {
    e.dataTransfer?.setData('text/plain', a.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    onDragStart?.(a);
  };

  return (
    <li
      className={`diary-activity card ${overdue ? 'overdue' : ''} ${open ? '' : 'finished'}`}
      data-testid={`activity-${a.id}`}
      data-state={a.state}
      draggable={draggable && open}
      onDragStart={draggable && open ? drag : undefined}
    >
      <div className="diary-activity-main">
        <span className="diary-activity-kind" role="img" aria-label={kind} title={kind}>
          {KIND_ICON[a.kind] ?? '•'}
        </span>
        <span className={`diary-activity-time ${overdue ? 'bad' : ''}`}>
          {when}
          {overdue && a.allDay && withDate && ` ${a.dueDate ?? ''}`}
        </span>
        <span className="diary-activity-subject">{a.subject}</span>
      </div>
      <div className="small muted diary-activity-links">
        {a.dealId ? (
          <Link href={`/deals/${encodeURIComponent(a.dealId)}`} data-testid={`activity-deal-${a.id}`}>
            {a.dealTitle ?? a.dealId}
          </Link>
        ) : a.clientId ? (
          <Link href={`/clients/${encodeURIComponent(a.clientId)}`}>{a.clientName ?? a.clientId}</Link>
        ) : null}
        {a.contactName && <span> · {t('diary.withContact', { name: a.contactName })}</span>}
        {a.durationMinutes ? <span> · {a.durationMinutes}′</span> : null}
      </div>
      {!open && (
        <div className="small" data-testid={`activity-result-${a.id}`}>
          ✓ {a.resultName ?? a.result ?? t('diary.done')}
          {a.text ? ` — ${a.text}` : ''}
        </div>
      )}
      {open && (
        <div className="row wrap diary-activity-actions">
          {a.kind === 'call' &&
            QUICK_RESULTS.map((r) => (
              <button
                key={r}
                type="button"
                className="small"
                disabled={busy}
                data-testid={`quick-${r}-${a.id}`}
                onClick={() => onComplete(a, r)}
              >
                {t(`diary.quick.${r}`)}
              </button>
            ))}
          <button
            type="button"
            className="small primary"
            disabled={busy}
            aria-expanded={completing}
            data-testid={`complete-${a.id}`}
            onClick={() => setCompleting((c) => !c)}
          >
            {t('diary.complete')}
          </button>
          {onShift && (
            <>
              <button
                type="button"
                className="ghost small"
                aria-label={t('diary.earlier')}
                title={t('diary.earlier')}
                disabled={busy}
                data-testid={`shift-earlier-${a.id}`}
                onClick={() => onShift(a, -1)}
              >
                ‹
              </button>
              <button
                type="button"
                className="ghost small"
                aria-label={t('diary.later')}
                title={t('diary.later')}
                disabled={busy}
                data-testid={`shift-later-${a.id}`}
                onClick={() => onShift(a, 1)}
              >
                ›
              </button>
            </>
          )}
        </div>
      )}
      {open && completing && (
        <CompleteForm
          busy={busy}
          onSubmit={(result, text) => {
            setCompleting(false);
            onComplete(a, result, text);
          }}
        />
      )}
    </li>
  );
});
