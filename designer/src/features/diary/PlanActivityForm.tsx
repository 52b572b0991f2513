import { useState, type FormEvent } from 'react';
import { activityApi, type Activity, type ActivityKind } from '../../api/activities';
import type { DiaryDay } from '../../api/day';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import { instantAt, loadOf, remindDuration } from '../../model/diary';
import type { DueDraft } from '../activities/due';
import { DueFields, KindPicker } from '../activities/PlanActivityForm';
import { Dialog } from '../shared/Dialog';
import { DealPicker, type PickedDeal } from './DealPicker';
import { KIND_ICON } from './ActivityRow';

export interface PlanDraft {
  date: string;
  deal?: PickedDeal | null;
  kind?: ActivityKind;
  subject?: string;
}

const REMINDERS = [0, 5, 15, 30, 60, 120, 1440];

/** Plans a call, meeting, task or e-mail on a deal: at a time or for the whole day, with a reminder. */
export function PlanActivityForm({
  draft,
  days,
  limit,
  zone,
  onPlanned,
  onClose,
}: {
  draft: PlanDraft;
  /** The loads the diary knows, to warn before planning past the limit. */
  days: DiaryDay[];
  limit: number | null | undefined;
  /** The manager's zone: the date and time are on their clock. */
  zone?: string | null;
  onPlanned: (activity: Activity) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ActivityKind>(draft.kind ?? 'call');
  const [subject, setSubject] = useState(draft.subject ?? '');
  const [due, setDue] = useState<DueDraft>({ date: draft.date, time: '10:00', allDay: false });
  const { date, time, allDay } = due;
  const [duration, setDuration] = useState('');
  const [remind, setRemind] = useState(15);
  const [deal, setDeal] = useState<PickedDeal | null>(draft.deal ?? null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const load = loadOf(
    days.find((d) => d.date === date),
    limit,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!deal || !subject.trim() || !date) return;
    const [h, m] = time.split(':').map(Number);
    setBusy(true);
    setError(undefined);
    try {
      const planned = await activityApi.planOnDeal(deal.id, {
        kind,
        subject: subject.trim(),
        ...(allDay ? { dueDate: date } : { dueAt: instantAt(date, h ?? 0, m ?? 0, zone) }),
        durationMinutes: duration ? Number(duration) : undefined,
        remindBefore: remind ? remindDuration(remind) : undefined,
      });
      onPlanned(planned);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const reminderLabel = (n: number) =>
    n === 0
      ? t('newActivity.remindNone')
      : n === 1440
        ? t('newActivity.remindDay')
        : n >= 60
          ? t('newActivity.remindHours', { n: n / 60 })
          : t('newActivity.remindMinutes', { n });

  return (
    <Dialog title={t('diary.plan')} onClose={onClose} testId="plan-dialog">
      <form className="plan-form" onSubmit={submit} data-testid="plan-form">
        <KindPicker value={kind} onChange={setKind} testId="plan" icons={KIND_ICON} />
        <label>
          {t('newActivity.subject')}
          <input
            required
            data-testid="plan-subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
          />
        </label>
        <div className="row wrap">
          <DueFields value={due} onChange={setDue} testId="plan" />
        </div>
        <div className="row wrap">
          <label>
            {t('newActivity.duration')}
            <input
              type="number"
              min={0}
              step={5}
              data-testid="plan-duration"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
          </label>
          <label>
            {t('newActivity.remind')}
            <select
              data-testid="plan-remind"
              value={remind}
              onChange={(e) => setRemind(Number(e.target.value))}
            >
              {REMINDERS.map((n) => (
                <option key={n} value={n}>
                  {reminderLabel(n)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>{t('newActivity.deal')}</label>
        <DealPicker value={deal} onChange={setDeal} />
        {load.full && (
          <p className="warning-box small" data-testid="plan-day-full">
            ⚠ {t('diary.dayFull', { planned: load.planned, limit: load.limit! })}
          </p>
        )}
        <ErrorText error={error} />
        <div className="row">
          <button
            type="submit"
            className="primary"
            disabled={busy || !deal || !subject.trim()}
            title={deal ? undefined : t('newActivity.pickDeal')}
            data-testid="plan-submit"
          >
            {t('newActivity.submit')}
          </button>
          <button type="button" className="ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
