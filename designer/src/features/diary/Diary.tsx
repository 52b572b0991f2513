import { useCallback, useState } from 'react';
import { activityApi, type Activity } from '../../api/activities';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/dict';
import {
  addDays,
  dayIn,
  dayOf,
  daysOf,
  groupByDay,
  loadOf,
  rescheduleTo,
  type DiaryView,
} from '../../model/diary';
import { useNow } from '../shared/useNow';
import { ActivityRow } from './ActivityRow';
import { DayLimit } from './DayLimit';
import { DayLoadBar } from './DayLoadBar';
import { DeadlineList } from './DeadlineList';
import { PlanActivityForm, type PlanDraft } from './PlanActivityForm';
import { useDiary } from './useDiary';
import { WeekView } from './WeekView';

const VIEWS: { id: DiaryView; key: MessageKey }[] = [
  { id: 'today', key: 'diary.today' },
  { id: 'tomorrow', key: 'diary.tomorrow' },
  { id: 'week', key: 'diary.week' },
];

/**
 * The manager's day across every funnel: overdue first, then today, tomorrow or the week; regulation deadlines
 * beside the activities; one-click results for calls; planning, rescheduling and the load against the day limit.
 */
export function Diary() {
  const { t } = useI18n();
  const now = useNow(60_000);
  // Days are the manager's, in their zone as the server counts them; the browser's own until the first answer.
  const [zone, setZone] = useState<string | null>(null);
  const today = dayIn(now, zone);
  const [view, setView] = useState<DiaryView>('today');
  const [anchor, setAnchor] = useState<string | null>(null);
  const days = daysOf(view, today, anchor ?? today);
  const { diary, error, reload, patch } = useDiary(days[0]!, days[days.length - 1]!);
  if (diary?.timeZone && diary.timeZone !== zone && isZone(diary.timeZone)) setZone(diary.timeZone);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>();
  const [plan, setPlan] = useState<PlanDraft | null>(null);

  const { overdue, byDay } = groupByDay(diary?.activities ?? [], days, zone);
  const limit = diary?.limit ?? null;
  // The server lists the oldest overdue activities from before the period and counts them all.
  const listedBefore = overdue.filter((a) => dayOf(a, zone) < days[0]!).length;
  const hiddenOverdue = Math.max(0, (diary?.overdueBefore ?? 0) - listedBefore);
  const loads = diary?.days ?? [];

  const run = useCallback(
    async (a: Activity, action: () => Promise<Activity>) => {
      setBusy(a.id);
      setActionError(undefined);
      try {
        patch(await action());
        reload();
        return true;
      } catch (e) {
        setActionError(e);
        reload();
        return false;
      } finally {
        setBusy(null);
      }
    },
    [patch, reload],
  );

  const complete = useCallback(
    async (a: Activity, result: string, text?: string) => {
      const ok = await run(a, () => activityApi.complete(a.id, result, text));
      // "Call back later" is a promise to the client: offer the follow-up call at once, on the same deal.
      if (ok && result === 'call-back-later' && a.dealId)
        setPlan({
          date: addDays(today, 1),
          deal: { id: a.dealId, title: a.dealTitle ?? a.dealId },
          kind: a.kind,
          subject: a.subject,
        });
    },
    [run, today],
  );

  const moveTo = useCallback(
    (a: Activity, day: string) => {
      const change = rescheduleTo(a, day, zone);
      if (change) void run(a, () => activityApi.patch(a.id, change, a.version));
    },
    [run, zone],
  );

  const rows = (list: Activity[], withDate = false) =>
    list.map((a) => (
      <ActivityRow
        key={a.id}
        activity={a}
        zone={zone}
        withDate={withDate}
        busy={busy === a.id}
        onComplete={complete}
      />
    ));

  return (
    <div className="diary" data-testid="diary">
      <div className="row wrap space diary-bar">
        <div className="tabs" role="tablist">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={view === v.id}
              className={view === v.id ? 'tab active' : 'tab'}
              data-testid={`diary-view-${v.id}`}
              onClick={() => {
                setView(v.id);
                setAnchor(null);
              }}
            >
              {t(v.key)}
            </button>
          ))}
        </div>
        {view === 'week' && (
          <div className="row">
            <button
              type="button"
              className="ghost small"
              aria-label={t('diary.prevWeek')}
              data-testid="diary-prev-week"
              onClick={() => setAnchor(addDays(days[0]!, -7))}
            >
              ◀
            </button>
            <button
              type="button"
              className="ghost small"
              aria-label={t('diary.nextWeek')}
              data-testid="diary-next-week"
              onClick={() => setAnchor(addDays(days[0]!, 7))}
            >
              ▶
            </button>
          </div>
        )}
        <button
          type="button"
          className="primary"
          data-testid="diary-plan"
          onClick={() => setPlan({ date: view === 'today' ? today : days[0]! })}
        >
          + {t('diary.plan')}
        </button>
      </div>
      <ErrorText error={error ?? actionError} />

      {overdue.length > 0 && (
        <section className="diary-overdue" data-testid="diary-overdue">
          <h3 className="bad">
            {t('diary.overdue')} <span className="badge">{overdue.length}</span>
          </h3>
          <ul className="list">{rows(overdue, true)}</ul>
          {hiddenOverdue > 0 && (
            <p className="muted small" data-testid="diary-more-overdue">
              {t('diary.moreOverdue', { n: hiddenOverdue })}
            </p>
          )}
        </section>
      )}

      {view === 'week' ? (
        <>
          <p className="muted small">{t('diary.dragHint')}</p>
          <WeekView
            days={days}
            today={today}
            zone={zone}
            byDay={byDay}
            loads={loads}
            limit={limit}
            deadlines={diary?.deadlines ?? []}
            busy={busy}
            onComplete={complete}
            onMoveTo={moveTo}
          />
        </>
      ) : (
        <div className="diary-day">
          <section data-testid={`diary-day-${days[0]}`}>
            <div className="row wrap space">
              <h3>{t(view === 'today' ? 'diary.today' : 'diary.tomorrow')}</h3>
              <DayLoadBar
                day={days[0]!}
                load={loadOf(
                  loads.find((l) => l.date === days[0]),
                  limit,
                )}
              />
            </div>
            <ul className="list">
              {rows(byDay.get(days[0]!) ?? [])}
              {diary && (byDay.get(days[0]!) ?? []).length === 0 && (
                <li className="muted">{t('diary.empty')}</li>
              )}
            </ul>
          </section>
          {(diary?.deadlines.length ?? 0) > 0 && (
            <aside>
              <h3>{t('diary.deadlines')}</h3>
              <DeadlineList testId="diary-deadlines" deadlines={diary!.deadlines} />
            </aside>
          )}
        </div>
      )}

      {diary && <DayLimit limit={limit} onSaved={reload} />}

      {plan && (
        <PlanActivityForm
          draft={plan}
          days={loads}
          limit={limit}
          zone={zone}
          onClose={() => setPlan(null)}
          onPlanned={() => {
            setPlan(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

/** A zone this browser knows (a server may name one the browser's time-zone data lacks). */
function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
