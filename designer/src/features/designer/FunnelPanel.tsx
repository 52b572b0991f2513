import { useState } from 'react';
import { api } from '../../api/endpoints';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { newRegulationId, removeRegulation, upsertRegulation } from '../../model/graph';
import type { FunnelRegulation, ValidationError } from '../../model/types';
import { DeadlinePreview } from './DeadlinePreview';
import { DurationInput } from './DurationInput';
import type { FunnelEditor } from './useFunnelEditor';

/** Funnel-wide settings when no activity is selected: name, id, calendar and stage-to-stage regulations. */
export function FunnelPanel({
  editor,
  errors,
  focusRegulation,
}: {
  editor: FunnelEditor;
  errors: ValidationError[];
  focusRegulation?: string;
}) {
  const { t } = useI18n();
  const { def, edit, readOnly, isNew } = editor;
  const calendars = useAsync(() => api.calendars(), []);
  const [previewDuration, setPreviewDuration] = useState('PT4H');
  if (!def) return null;
  const stages = def.activities.filter((a) => a.type === 'Stage');
  const regs = def.regulations ?? [];
  const setReg = (r: FunnelRegulation, field: string) =>
    edit((d) => upsertRegulation(d, r), `reg:${r.id}:${field}`);

  const addRegulation = () => {
    const startOn = stages[0]?.id ?? '';
    const stopOn = stages[1]?.id ?? startOn;
    edit((d) =>
      upsertRegulation(d, {
        id: newRegulationId(d, startOn, stopOn),
        name: '',
        startOn,
        stopOn,
        duration: 'P1D',
        warnBefore: 'PT2H',
      }),
    );
  };

  return (
    <div className="properties" data-testid="funnel-panel">
      <h2>{t('designer.funnel')}</h2>
      <fieldset disabled={readOnly}>
        <label>
          {t('prop.name')}
          <input
            data-testid="funnel-name"
            value={def.name}
            onChange={(e) => edit((d) => ({ ...d, name: e.target.value }), 'funnel:name')}
          />
        </label>
        <label>
          {t('prop.id')}
          <input
            className="mono"
            data-testid="funnel-id"
            value={def.id}
            disabled={!isNew}
            onChange={(e) => edit((d) => ({ ...d, id: e.target.value.trim() }), 'funnel:id')}
          />
        </label>
        <label>
          {t('designer.calendar')}
          <select
            data-testid="funnel-calendar"
            value={def.calendarId ?? ''}
            onChange={(e) => edit((d) => ({ ...d, calendarId: e.target.value || undefined }))}
          >
            <option value="">24x7</option>
            {(calendars.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.timeZone})
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            data-testid="funnel-accepts-leads"
            checked={!!def.acceptsLeads}
            onChange={(e) => edit((d) => ({ ...d, acceptsLeads: e.target.checked || undefined }))}
          />
          {t('designer.acceptsLeads')}
        </label>
      </fieldset>
      <div className="card inset">
        <label>
          {t('preview.title')}
          <DurationInput testId="preview-duration" value={previewDuration} onChange={setPreviewDuration} />
        </label>
        <DeadlinePreview
          calendarId={def.calendarId || '24x7'}
          duration={previewDuration}
          testId="funnel-deadline-preview"
        />
      </div>
      <h3>{t('designer.regulations')}</h3>
      {regs.map((r, i) => {
        const regErrors = errors.filter((e) => e.activityId === r.id);
        return (
          <fieldset
            key={r.id}
            disabled={readOnly}
            className={`regulation-item ${focusRegulation === r.id ? 'focused' : ''} ${regErrors.length ? 'has-errors' : ''}`}
            data-testid={`funnel-reg-${i}`}
          >
            <label>
              {t('prop.name')}
              <input
                data-testid={`funnel-reg-${i}-name`}
                value={r.name ?? ''}
                onChange={(e) => setReg({ ...r, name: e.target.value }, 'name')}
              />
            </label>
            <div className="row wrap">
              <label>
                {t('reg.startOn')}
                <select
                  data-testid={`funnel-reg-${i}-start`}
                  value={r.startOn}
                  onChange={(e) => setReg({ ...r, startOn: e.target.value }, 'start')}
                >
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name || s.id}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('reg.stopOn')}
                <select
                  data-testid={`funnel-reg-${i}-stop`}
                  value={r.stopOn}
                  onChange={(e) => setReg({ ...r, stopOn: e.target.value }, 'stop')}
                >
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name || s.id}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label>
              {t('prop.duration')}
              <DurationInput
                testId={`funnel-reg-${i}-duration`}
                value={r.duration}
                onChange={(v) => setReg({ ...r, duration: v }, 'duration')}
              />
            </label>
            <label>
              {t('prop.warnBefore')}
              <DurationInput
                testId={`funnel-reg-${i}-warn`}
                value={r.warnBefore}
                onChange={(v) => setReg({ ...r, warnBefore: v || undefined }, 'warn')}
              />
            </label>
            {regErrors.map((e, j) => (
              <p key={j} className="error small">
                {e.message}
              </p>
            ))}
            <button
              type="button"
              className="ghost small"
              data-testid={`funnel-reg-${i}-remove`}
              onClick={() => edit((d) => removeRegulation(d, r.id))}
            >
              {t('common.remove')}
            </button>
          </fieldset>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          className="small"
          data-testid="funnel-reg-add"
          disabled={stages.length === 0}
          onClick={addRegulation}
        >
          + {t('designer.addRegulation')}
        </button>
      )}
    </div>
  );
}
