import { useI18n } from '../../i18n/I18nProvider';
import { updateActivity } from '../../model/graph';
import type { Activity, Escalation, StageRegulation } from '../../model/types';
import { DeadlinePreview } from './DeadlinePreview';
import { DurationInput } from './DurationInput';
import type { FunnelEditor } from './useFunnelEditor';

/** A stage's own regulation (duration, warning, escalations) and its clock-pausing settings. */
export function RegulationFields({ activity, editor }: { activity: Activity; editor: FunnelEditor }) {
  const { t } = useI18n();
  const { edit, readOnly, def } = editor;
  const reg = activity.regulation;
  const key = (field: string) => `${activity.id}:${field}`;
  const setReg = (patch: Partial<StageRegulation> | undefined, field: string) =>
    edit(
      (d) =>
        updateActivity(d, activity.id, {
          regulation: patch === undefined ? undefined : { ...reg, ...patch },
        }),
      key(field),
    );
  const escalations = reg?.escalations ?? [];
  const setEscalation = (i: number, patch: Partial<Escalation>) =>
    setReg({ escalations: escalations.map((e, j) => (j === i ? { ...e, ...patch } : e)) }, `esc${i}`);

  return (
    <>
      <fieldset disabled={readOnly}>
        <legend>
          <label className="inline">
            <input
              type="checkbox"
              data-testid="prop-regulation"
              checked={!!reg}
              onChange={(e) =>
                setReg(
                  e.target.checked ? { duration: 'PT4H', warnBefore: 'PT1H', escalations: [] } : undefined,
                  'reg',
                )
              }
            />
            {t('prop.regulation')}
          </label>
        </legend>
        {reg && (
          <>
            <label>
              {t('prop.duration')}
              <DurationInput
                testId="prop-duration"
                value={reg.duration}
                onChange={(v) => setReg({ duration: v }, 'duration')}
              />
            </label>
            <label>
              {t('prop.warnBefore')}
              <DurationInput
                testId="prop-warn"
                value={reg.warnBefore}
                onChange={(v) => setReg({ warnBefore: v || undefined }, 'warn')}
              />
            </label>
            <DeadlinePreview calendarId={def?.calendarId} duration={reg.duration} />
            <div className="sub-list">
              <span className="muted small">{t('prop.escalations')}</span>
              {escalations.map((e, i) => (
                <div key={i} className="row wrap" data-testid={`prop-escalation-${i}`}>
                  <DurationInput
                    testId={`prop-escalation-${i}-after`}
                    allowZero
                    value={e.after}
                    onChange={(v) => setEscalation(i, { after: v })}
                  />
                  <select
                    data-testid={`prop-escalation-${i}-notify`}
                    value={e.notify}
                    onChange={(ev) => setEscalation(i, { notify: ev.target.value })}
                  >
                    <option value="owner">{t('notify.owner')}</option>
                    <option value="head">{t('notify.head')}</option>
                  </select>
                  <button
                    type="button"
                    className="ghost small"
                    data-testid={`prop-escalation-${i}-remove`}
                    onClick={() =>
                      setReg({ escalations: escalations.filter((_, j) => j !== i) }, 'escRemove')
                    }
                  >
                    ×
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="small"
                data-testid="prop-escalation-add"
                onClick={() =>
                  setReg({ escalations: [...escalations, { after: 'PT0S', notify: 'owner' }] }, 'escAdd')
                }
              >
                + {t('prop.escalation')}
              </button>
            </div>
          </>
        )}
      </fieldset>
      <fieldset disabled={readOnly}>
        <label className="inline">
          <input
            type="checkbox"
            data-testid="prop-pauses"
            checked={!!activity.pausesClocks}
            onChange={(e) =>
              edit((d) =>
                updateActivity(d, activity.id, {
                  pausesClocks: e.target.checked || undefined,
                  returnOutcome: e.target.checked ? activity.returnOutcome : undefined,
                }),
              )
            }
          />
          {t('prop.pausesClocks')}
        </label>
        {activity.pausesClocks && (
          <label>
            {t('prop.returnOutcome')}
            <select
              data-testid="prop-return"
              value={activity.returnOutcome ?? ''}
              onChange={(e) =>
                edit((d) => updateActivity(d, activity.id, { returnOutcome: e.target.value || undefined }))
              }
            >
              <option value="">—</option>
              {(activity.outcomes ?? []).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
            <span className="muted small">{t('prop.returnHint')}</span>
          </label>
        )}
      </fieldset>
    </>
  );
}
