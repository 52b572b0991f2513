import { useI18n } from '../../i18n/I18nProvider';
import { checkCondition } from '../../model/condition';
import { updateActivity } from '../../model/graph';
import type { Activity } from '../../model/types';
import { DurationInput } from './DurationInput';
import type { FunnelEditor } from './useFunnelEditor';

/** The settings that sit directly on an activity of a given type (condition, timer, notify, assign, end). */
export function TypeSettings({ activity, editor }: { activity: Activity; editor: FunnelEditor }) {
  const { t } = useI18n();
  const { edit, readOnly } = editor;
  const set = (patch: Partial<Activity>, field: string) =>
    edit((d) => updateActivity(d, activity.id, patch), `${activity.id}:${field}`);

  switch (activity.type) {
    case 'Decision': {
      const problem = checkCondition(activity.condition);
      return (
        <label>
          {t('prop.condition')}
          <textarea
            rows={3}
            spellCheck={false}
            className={`mono ${problem ? 'invalid' : ''}`}
            data-testid="prop-condition"
            disabled={readOnly}
            value={activity.condition ?? ''}
            onChange={(e) => set({ condition: e.target.value }, 'condition')}
          />
          <span className={problem ? 'error small' : 'ok small'} data-testid="prop-condition-check">
            {problem ? `${problem.message} (${t('prop.at')} ${problem.position + 1})` : t('prop.conditionOk')}
          </span>
        </label>
      );
    }
    case 'Timer':
      return (
        <fieldset disabled={readOnly}>
          <label className="inline">
            <input
              type="checkbox"
              data-testid="prop-timer-until"
              checked={activity.until === 'nextStep'}
              onChange={(e) =>
                set(
                  e.target.checked
                    ? { until: 'nextStep', duration: undefined }
                    : { until: undefined, duration: 'PT1H' },
                  'until',
                )
              }
            />
            {t('prop.untilNextStep')}
          </label>
          {activity.until !== 'nextStep' && (
            <label>
              {t('prop.duration')}
              <DurationInput
                testId="prop-timer-duration"
                value={activity.duration}
                onChange={(v) => set({ duration: v }, 'duration')}
              />
            </label>
          )}
        </fieldset>
      );
    case 'Notify':
      return (
        <fieldset disabled={readOnly}>
          <label>
            {t('prop.notify')}
            <select
              data-testid="prop-notify"
              value={activity.notify ?? 'owner'}
              onChange={(e) => set({ notify: e.target.value as 'owner' | 'head' }, 'notify')}
            >
              <option value="owner">{t('notify.owner')}</option>
              <option value="head">{t('notify.head')}</option>
            </select>
          </label>
          <label>
            {t('prop.message')}
            <textarea
              rows={2}
              data-testid="prop-message"
              value={activity.message ?? ''}
              onChange={(e) => set({ message: e.target.value }, 'message')}
            />
          </label>
        </fieldset>
      );
    case 'Assign':
      return (
        <fieldset disabled={readOnly}>
          <label>
            {t('prop.strategy')}
            <select
              data-testid="prop-strategy"
              value={activity.strategy ?? 'roundRobin'}
              onChange={(e) => set({ strategy: e.target.value as Activity['strategy'] }, 'strategy')}
            >
              <option value="roundRobin">{t('strategy.roundRobin')}</option>
              <option value="user">{t('strategy.user')}</option>
              <option value="queue">{t('strategy.queue')}</option>
            </select>
          </label>
          <label>
            {t('prop.team')}
            <input
              data-testid="prop-team"
              value={activity.teamId ?? ''}
              onChange={(e) => set({ teamId: e.target.value || undefined }, 'team')}
            />
          </label>
          {activity.strategy === 'user' && (
            <label>
              {t('prop.user')}
              <input
                data-testid="prop-user"
                value={activity.userId ?? ''}
                onChange={(e) => set({ userId: e.target.value || undefined }, 'user')}
              />
            </label>
          )}
        </fieldset>
      );
    case 'End':
      return (
        <label>
          {t('prop.result')}
          <select
            data-testid="prop-result"
            disabled={readOnly}
            value={activity.result ?? 'won'}
            onChange={(e) => set({ result: e.target.value as 'won' | 'lost' }, 'result')}
          >
            <option value="won">{t('result.won')}</option>
            <option value="lost">{t('result.lost')}</option>
          </select>
        </label>
      );
    default:
      return null;
  }
}
