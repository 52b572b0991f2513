import { useState, type FormEvent } from 'react';
import { activityApi, QUICK_RESULTS, type Activity } from '../../api/activities';
import { ErrorText } from '../../app/ErrorText';
import { formatDate, formatTime } from '../../app/format';
import { Link } from '../../app/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';
import { DueFields } from './PlanActivityForm';
import { draftOf, dueOf, type DueDraft } from './due';

type Mode = 'view' | 'complete' | 'reschedule';

/**
 * One open activity: when, what, with whom, for whom; completed in one click with a quick result (calls),
 * or with a result and a text; rescheduled; cancelled. `onChanged` hears the server's new version.
 */
export function ActivityRow({
  activity: a,
  next,
  showDeal,
  onChanged,
}: {
  activity: Activity;
  /** This is the deal's next step (its earliest open activity). */
  next: boolean;
  /** On a client page, name the deal the activity belongs to. */
  showDeal?: boolean;
  onChanged: (activity: Activity) => void;
}) {
  const { t, tx, lang } = useI18n();
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<Activity>) => {
    setBusy(true);
    setError(undefined);
    try {
      const changed = await call();
      setMode('view');
      onChanged(changed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const when = a.allDay
    ? `${formatDate(a.dueDate ?? a.dueAt, lang)} · ${t('activity.allDay')}`
    : formatTime(a.dueAt, lang);
  const open = a.state === 'open';

  return (
    <li
      className={`activity ${a.overdue ? 'overdue' : ''} ${next ? 'next' : ''}`}
      data-testid={`activity-${a.id}`}
    >
      <div className="row wrap space">
        <span>
          <span className="pill kind">{tx(`activity.kind.${a.kind}`, a.kind)}</span>{' '}
          <strong>{a.subject}</strong>
          {next && (
            <span className="pill next-mark" data-testid="activity-next-mark">
              {t('activity.nextStep')}
            </span>
          )}
        </span>
        <span className={`small ${a.overdue ? 'bad' : 'muted'}`} data-testid="activity-when">
          {a.overdue && `${t('activity.overdue')} · `}
          {when}
          {a.durationMinutes ? ` · ${t('activity.minutes', { n: a.durationMinutes })}` : ''}
        </span>
      </div>
      <div className="small muted">
        {[
          showDeal && a.dealId && (
            <Link key="deal" href={`/deals/${encodeURIComponent(a.dealId)}`}>
              {a.dealTitle ?? t('activity.deal')}
            </Link>
          ),
          a.contactName && <span key="contact">{a.contactName}</span>,
          (a.assigneeName ?? a.assigneeId) && (
            <span key="assignee">
              {t('activity.assignee')}: {a.assigneeName ?? a.assigneeId}
            </span>
          ),
          !open && (
            <span key="state">
              {tx(`activity.state.${a.state}`, a.state)}
              {a.resultName || a.result ? `: ${a.resultName ?? a.result}` : ''}
            </span>
          ),
        ]
          .filter(Boolean)
          .flatMap((node, i) => (i === 0 ? [node] : [' · ', node]))}
      </div>
      {open && mode === 'view' && (
        <div className="row wrap activity-actions">
          {a.kind === 'call' &&
            QUICK_RESULTS.map((r) => (
              <button
                key={r}
                type="button"
                className="small"
                disabled={busy}
                data-testid={`activity-quick-${r}`}
                onClick={() => void run(() => activityApi.complete(a.id, r, undefined, a.version))}
              >
                {t(`activity.quick.${r}`)}
              </button>
            ))}
          <button
            type="button"
            className="small primary"
            data-testid="activity-complete"
            onClick={() => setMode('complete')}
          >
            {t('activity.complete')}
          </button>
          <button
            type="button"
            className="small"
            data-testid="activity-reschedule"
            onClick={() => setMode('reschedule')}
          >
            {t('activity.reschedule')}
          </button>
          <button
            type="button"
            className="small ghost"
            disabled={busy}
            data-testid="activity-cancel"
            onClick={() => void run(() => activityApi.cancel(a.id, a.version))}
          >
            {t('activity.cancel')}
          </button>
        </div>
      )}
      {mode === 'complete' && (
        <CompleteForm
          busy={busy}
          onCancel={() => setMode('view')}
          onSubmit={(result, text) => run(() => activityApi.complete(a.id, result, text, a.version))}
        />
      )}
      {mode === 'reschedule' && (
        <RescheduleForm
          activity={a}
          busy={busy}
          onCancel={() => setMode('view')}
          onSubmit={(when) => run(() => activityApi.patch(a.id, when, a.version))}
        />
      )}
      <ErrorText error={error} />
    </li>
  );
}

function CompleteForm({
  busy,
  onSubmit,
  onCancel,
}: {
  busy: boolean;
  onSubmit: (result: string, text: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [result, setResult] = useState('');
  const [text, setText] = useState('');
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (result) onSubmit(result, text.trim() || undefined);
  };
  return (
    <form className="activity-form" onSubmit={send} data-testid="activity-complete-form">
      <label>
        {t('interaction.result')}
        <DictionarySelect
          kind="workResults"
          testId="activity-result"
          value={result}
          onChange={setResult}
          required
        />
      </label>
      <textarea
        rows={2}
        data-testid="activity-text"
        aria-label={t('interaction.text')}
        placeholder={t('interaction.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <button
          type="submit"
          className="primary small"
          disabled={busy || !result}
          data-testid="activity-complete-save"
        >
          {t('activity.complete')}
        </button>
        <button type="button" className="ghost small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function RescheduleForm({
  activity,
  busy,
  onSubmit,
  onCancel,
}: {
  activity: Activity;
  busy: boolean;
  onSubmit: (when: { dueAt: string } | { dueDate: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DueDraft>(() =>
    draftOf(activity.dueAt, activity.allDay, activity.dueDate),
  );
  const send = (e: FormEvent) => {
    e.preventDefault();
    const when = dueOf(draft);
    if (when) onSubmit(when);
  };
  return (
    <form className="activity-form form-grid compact" onSubmit={send} data-testid="activity-reschedule-form">
      <DueFields value={draft} onChange={setDraft} testId="reschedule" />
      <div className="row">
        <button
          type="submit"
          className="primary small"
          disabled={busy}
          data-testid="activity-reschedule-save"
        >
          {t('common.save')}
        </button>
        <button type="button" className="ghost small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
