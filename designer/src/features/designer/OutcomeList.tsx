import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { addOutcome, connect, disconnect, removeOutcome, renameOutcome } from '../../model/graph';
import type { Activity } from '../../model/types';
import type { FunnelEditor } from './useFunnelEditor';

/** Outcomes of one activity: rename (on blur/Enter), remove, add, and pick where each one leads. */
export function OutcomeList({ activity, editor }: { activity: Activity; editor: FunnelEditor }) {
  const { t } = useI18n();
  const { def, edit, readOnly } = editor;
  const [draft, setDraft] = useState('');
  if (!def) return null;
  const outcomes = activity.outcomes ?? [];
  const targetOf = (o: string) =>
    def.connections.find((c) => c.source === activity.id && c.outcome === o)?.target ?? '';

  return (
    <fieldset className="outcomes-editor" disabled={readOnly}>
      <legend>{t('prop.outcomes')}</legend>
      {outcomes.map((o, i) => (
        <div key={o} className="outcome-row">
          <input
            defaultValue={o}
            aria-label={t('prop.outcomeName')}
            data-testid={`prop-outcome-${i}`}
            onBlur={(e) => edit((d) => renameOutcome(d, activity.id, o, e.target.value))}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          />
          <select
            aria-label={t('prop.leadsTo')}
            data-testid={`prop-outcome-target-${i}`}
            value={targetOf(o)}
            onChange={(e) =>
              edit((d) =>
                e.target.value
                  ? connect(d, { source: activity.id, outcome: o, target: e.target.value })
                  : disconnect(d, activity.id, o),
              )
            }
          >
            <option value="">{activity.returnOutcome === o ? t('prop.returns') : '—'}</option>
            {def.activities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || a.id}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="ghost small"
            aria-label={t('common.remove')}
            data-testid={`prop-outcome-remove-${i}`}
            onClick={() => edit((d) => removeOutcome(d, activity.id, o))}
          >
            ×
          </button>
        </div>
      ))}
      <form
        className="outcome-row"
        onSubmit={(e) => {
          e.preventDefault();
          edit((d) => addOutcome(d, activity.id, draft));
          setDraft('');
        }}
      >
        <input
          placeholder={t('prop.newOutcome')}
          data-testid="prop-outcome-new"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="small" data-testid="prop-outcome-add" disabled={!draft.trim()}>
          +
        </button>
      </form>
    </fieldset>
  );
}
