import { useState, type FormEvent } from 'react';
import { ACTIVITY_KINDS, type ActivityKind, type NewActivity } from '../../api/activities';
import type { User } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import { dueOf, tomorrowAt, type DueDraft } from './due';

export const DURATIONS = [15, 30, 60, 90, 120];
export const REMINDERS = ['PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT2H'] as const;

/**
 * Plans an activity: its kind, what to do, when (a time or a whole day), how long, with whom, for whom and
 * when to remind. Sends the contract's shape; the server answers the created activity.
 */
export function PlanActivityForm({
  contacts,
  users,
  defaultAssigneeId,
  initialSubject = '',
  submit,
  onSaved,
  onCancel,
  testId = 'plan-activity',
}: {
  contacts: { id: string; name: string }[];
  /** Who may be the assignee; empty hides the picker (a manager plans for the deal's owner or themselves). */
  users: Pick<User, 'id' | 'name'>[];
  defaultAssigneeId?: string | null;
  initialSubject?: string;
  submit: (activity: NewActivity) => Promise<unknown>;
  onSaved: () => void;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ActivityKind>('call');
  const [subject, setSubject] = useState(initialSubject);
  const [due, setDue] = useState<DueDraft>(() => tomorrowAt(10));
  const [duration, setDuration] = useState('');
  const [contactId, setContactId] = useState(contacts.length === 1 ? contacts[0]!.id : '');
  const [assigneeId, setAssigneeId] = useState(defaultAssigneeId ?? '');
  const [remind, setRemind] = useState<string>('PT15M');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const when = dueOf(due);
    if (!subject.trim() || !when) return;
    setBusy(true);
    setError(undefined);
    try {
      await submit({
        kind,
        subject: subject.trim(),
        ...when,
        durationMinutes: !due.allDay && duration ? Number(duration) : undefined,
        contactId: contactId || undefined,
        assigneeId: users.length > 0 && assigneeId ? assigneeId : undefined,
        remindBefore: remind || undefined,
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="plan-activity card inset" onSubmit={send} data-testid={testId}>
      <KindPicker value={kind} onChange={setKind} testId={testId} />
      <input
        className="wide"
        required
        data-testid={`${testId}-subject`}
        aria-label={t('activity.subject')}
        placeholder={t('activity.subject')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
      />
      <div className="form-grid compact">
        <DueFields value={due} onChange={setDue} testId={testId} />
        {!due.allDay && (
          <label>
            {t('activity.duration')}
            <select
              data-testid={`${testId}-duration`}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            >
              <option value="">{t('common.none')}</option>
              {DURATIONS.map((m) => (
                <option key={m} value={m}>
                  {t('activity.minutes', { n: m })}
                </option>
              ))}
            </select>
          </label>
        )}
        {contacts.length > 0 && (
          <label>
            {t('interaction.contact')}
            <select
              data-testid={`${testId}-contact`}
              value={contactId}
              onChange={(e) => setContactId(e.target.value)}
            >
              <option value="">{t('common.none')}</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {users.length > 0 && (
          <label>
            {t('activity.assignee')}
            <select
              data-testid={`${testId}-assignee`}
              value={assigneeId}
              onChange={(e) => setAssigneeId(e.target.value)}
            >
              <option value="">{t('activity.defaultAssignee')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('activity.remind')}
          <select data-testid={`${testId}-remind`} value={remind} onChange={(e) => setRemind(e.target.value)}>
            <option value="">{t('activity.noReminder')}</option>
            {REMINDERS.map((r) => (
              <option key={r} value={r}>
                {t(`activity.remind.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid={`${testId}-submit`}>
          {t('activity.plan')}
        </button>
        {onCancel && (
          <button type="button" className="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </form>
  );
}

/** Call, meeting, task or e-mail: shared by the deal page's form and the diary's. */
export function KindPicker({
  value,
  onChange,
  testId,
  icons,
}: {
  value: ActivityKind;
  onChange: (next: ActivityKind) => void;
  testId: string;
  /** Icons shown before each kind's name (the diary's rows use the same ones). */
  icons?: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <div className="row wrap kinds" role="radiogroup" aria-label={t('activity.kind')}>
      {ACTIVITY_KINDS.map((k) => (
        <label key={k} className="radio">
          <input
            type="radio"
            name={`${testId}-kind`}
            checked={value === k}
            data-testid={`${testId}-kind-${k}`}
            onChange={() => onChange(k)}
          />
          {icons?.[k] ? `${icons[k]} ` : ''}
          {t(`activity.kind.${k}`)}
        </label>
      ))}
    </div>
  );
}

/** The date, the time (or "whole day"): shared by planning and rescheduling. */
export function DueFields({
  value,
  onChange,
  testId,
}: {
  value: DueDraft;
  onChange: (next: DueDraft) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('activity.date')}
        <input
          type="date"
          required
          data-testid={`${testId}-date`}
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.target.value })}
        />
      </label>
      {!value.allDay && (
        <label>
          {t('activity.time')}
          <input
            type="time"
            required
            data-testid={`${testId}-time`}
            value={value.time}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
          />
        </label>
      )}
      <label className="inline">
        <input
          type="checkbox"
          data-testid={`${testId}-all-day`}
          checked={value.allDay}
          onChange={(e) => onChange({ ...value, allDay: e.target.checked })}
        />
        {t('activity.allDay')}
      </label>
    </>
  );
}
