import { useState } from 'react';
import type { Activity, ActivityPage, NewActivity } from '../../api/activities';
import type { User } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { ActivityRow } from './ActivityRow';
import { PlanActivityForm } from './PlanActivityForm';

export type NextStepState = 'ok' | 'missing' | 'overdue';

/** The earliest open activity is the next step; the server's pick (`nextStepId`) wins when it names one. */
export function nextStepOf(items: Activity[], nextStepId?: string | null): Activity | undefined {
  const open = items.filter((a) => a.state === 'open');
  return (
    open.find((a) => a.id === nextStepId) ??
    [...open].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0]
  );
}

/** The server's `nextStepState`, or the same judgement from the list when the server says nothing. */
export function nextStepStateOf(items: Activity[], given: NextStepState | null | undefined): NextStepState {
  if (given) return given;
  const next = nextStepOf(items);
  return !next ? 'missing' : next.overdue ? 'overdue' : 'ok';
}

/**
 * The open activities of a deal or a client, the next step marked, with "plan" at the top and a warning
 * when an open deal has no next step or an overdue one.
 */
export function ActivitiesSection({
  load,
  plan,
  contacts,
  users,
  defaultAssigneeId,
  nextStepId,
  nextStepState,
  warn,
  showDeal,
  canPlan = true,
  revision,
  onChanged,
}: {
  load: () => Promise<ActivityPage>;
  plan: (activity: NewActivity) => Promise<unknown>;
  contacts: { id: string; name: string }[];
  users: Pick<User, 'id' | 'name'>[];
  defaultAssigneeId?: string | null;
  nextStepId?: string | null;
  nextStepState?: NextStepState | null;
  /** Whether a missing next step is a problem here (an open deal), not just an empty list. */
  warn: boolean;
  showDeal?: boolean;
  canPlan?: boolean;
  revision?: unknown;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const [planning, setPlanning] = useState(false);
  const { data, error } = useAsync(load, [tick, revision]);
  const items = (data?.items ?? []).filter((a) => a.state === 'open');
  const next = warn ? nextStepOf(items, nextStepId) : undefined;
  const state = data ? nextStepStateOf(items, nextStepState) : nextStepState;
  const changed = () => {
    setTick((n) => n + 1);
    onChanged();
  };

  return (
    <section className="card activities" data-testid="activities">
      <div className="row space">
        <h2>{t('activity.title')}</h2>
        {canPlan && !planning && (
          <button
            type="button"
            className={state === 'missing' && warn ? 'primary small' : 'small'}
            data-testid="activity-plan-open"
            onClick={() => setPlanning(true)}
          >
            {warn && state !== 'ok' ? t('activity.planNext') : t('activity.planNew')}
          </button>
        )}
      </div>
      {warn && state === 'missing' && (
        <p className="warning-box small" data-testid="next-step-missing">
          {t('activity.missingWarning')}
        </p>
      )}
      {warn && state === 'overdue' && (
        <p className="banner small" data-testid="next-step-overdue">
          {t('activity.overdueWarning')}
        </p>
      )}
      {planning && (
        <PlanActivityForm
          contacts={contacts}
          users={users}
          defaultAssigneeId={defaultAssigneeId}
          submit={plan}
          onCancel={() => setPlanning(false)}
          onSaved={() => {
            setPlanning(false);
            changed();
          }}
        />
      )}
      <ErrorText error={error} />
      {data && items.length === 0 && !warn && <p className="muted">{t('activity.none')}</p>}
      <ul className="activity-list" data-testid="activity-list">
        {items.map((a) => (
          <ActivityRow
            key={`${a.id}@${a.version}`}
            activity={a}
            next={a === next}
            showDeal={showDeal}
            onChanged={changed}
          />
        ))}
      </ul>
    </section>
  );
}
