import { useI18n } from '../../i18n/I18nProvider';
import { findActivity, removeActivity, renameActivityId, updateActivity } from '../../model/graph';
import type { ValidationError } from '../../model/types';
import { OutcomeList } from './OutcomeList';
import { RegulationFields } from './RegulationFields';
import { RequirementsEditor } from './RequirementsEditor';
import { TypeSettings } from './TypeSettings';
import type { FunnelEditor } from './useFunnelEditor';

/** The selected activity's properties. Text edits coalesce per field, so one Ctrl+Z undoes one field edit. */
export function PropertiesPanel({
  id,
  editor,
  errors,
}: {
  id: string;
  editor: FunnelEditor;
  errors: ValidationError[];
}) {
  const { t, tx } = useI18n();
  const { def, edit, readOnly, setSelection } = editor;
  const activity = def ? findActivity(def, id) : undefined;
  if (!def || !activity) return null;

  return (
    <div className="properties" data-testid="properties">
      <div className="row space">
        <h2>{tx(`type.${activity.type}`, activity.type)}</h2>
        {!readOnly && (
          <button
            type="button"
            className="danger small"
            data-testid="prop-delete"
            onClick={() => {
              edit((d) => removeActivity(d, id));
              setSelection(null);
            }}
          >
            {t('common.delete')}
          </button>
        )}
      </div>
      {errors.length > 0 && (
        <ul className="error small" data-testid="prop-errors">
          {errors.map((e, i) => (
            <li key={i}>
              <code>{e.code}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
      <fieldset disabled={readOnly}>
        <label>
          {t('prop.name')}
          <input
            data-testid="prop-name"
            value={activity.name ?? ''}
            onChange={(e) => edit((d) => updateActivity(d, id, { name: e.target.value }), `${id}:name`)}
          />
        </label>
        <label>
          {t('prop.id')}
          <input
            key={id}
            className="mono"
            data-testid="prop-id"
            defaultValue={id}
            onBlur={(e) => {
              const next = e.target.value.trim();
              if (next && next !== id && !findActivity(def, next)) {
                edit((d) => renameActivityId(d, id, next));
                setSelection({ kind: 'activity', id: next });
              } else e.target.value = id;
            }}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          />
        </label>
        {activity.type !== 'End' && (
          <label className="inline">
            <input
              type="radio"
              data-testid="prop-start"
              checked={def.start === id}
              onChange={() => edit((d) => ({ ...d, start: id }))}
            />
            {t('prop.isStart')}
          </label>
        )}
      </fieldset>
      <TypeSettings activity={activity} editor={editor} />
      {activity.type !== 'End' && <OutcomeList activity={activity} editor={editor} />}
      {activity.type === 'Stage' && <RegulationFields activity={activity} editor={editor} />}
      {activity.type === 'Stage' && <RequirementsEditor activity={activity} editor={editor} />}
    </div>
  );
}
