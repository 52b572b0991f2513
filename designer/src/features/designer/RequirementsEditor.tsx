import { useI18n } from '../../i18n/I18nProvider';
import { findActivity, updateActivity } from '../../model/graph';
import {
  INTERACTION_KINDS,
  REQUIRABLE_DEAL_FIELDS,
  REQUIRABLE_INTERACTION_FIELDS,
  requirementFor,
  requiresOf,
  setInteractionKind,
  setRequiredFile,
  toggleInteractionField,
  toggleRequiredField,
  type StageRequires,
} from '../../model/requirements';
import type { Activity } from '../../model/types';
import { useDictionary } from '../shared/useDictionary';
import type { FunnelEditor } from './useFunnelEditor';

const NONE = '-';
const ANY = '*';

/**
 * A stage's `requires`, per outcome: deal fields to fill in first, and an interaction of some kind (with
 * the fields it must have) to log at this stage before the outcome can be chosen.
 */
export function RequirementsEditor({ activity, editor }: { activity: Activity; editor: FunnelEditor }) {
  const { t } = useI18n();
  const { edit, readOnly } = editor;
  const categories = useDictionary('fileCategories');
  const outcomes = activity.outcomes ?? [];
  if (outcomes.length === 0) return null;
  const change = (fn: (r: StageRequires | undefined) => StageRequires | undefined) =>
    edit((d) => {
      const current = findActivity(d, activity.id);
      return current ? updateActivity(d, activity.id, { requires: fn(requiresOf(current)) }) : d;
    });

  return (
    <fieldset className="requires-editor" disabled={readOnly} data-testid="prop-requires">
      <legend>{t('requires.title')}</legend>
      {outcomes.map((o, i) => {
        const req = requirementFor(activity, o);
        const interaction = req.interaction;
        const kindValue = !interaction ? NONE : (interaction.kind ?? ANY);
        const count = (req.fields?.length ?? 0) + (interaction ? 1 : 0) + (req.file ? 1 : 0);
        return (
          <details key={o} className="requires-outcome" open={count > 0}>
            <summary data-testid={`prop-requires-${i}`}>
              {o}
              {count > 0 && <span className="badge">{count}</span>}
            </summary>
            <div className="row wrap">
              {REQUIRABLE_DEAL_FIELDS.map((f) => (
                <label key={f} className="inline">
                  <input
                    type="checkbox"
                    data-testid={`prop-requires-${i}-${f}`}
                    checked={req.fields?.includes(f) ?? false}
                    onChange={(e) => change((r) => toggleRequiredField(r, o, f, e.target.checked))}
                  />
                  {t(`requires.field.${f}`)}
                </label>
              ))}
            </div>
            <label>
              {t('requires.interaction')}
              <select
                data-testid={`prop-requires-${i}-interaction`}
                value={kindValue}
                onChange={(e) => {
                  const v = e.target.value;
                  change((r) => setInteractionKind(r, o, v === NONE ? null : v === ANY ? '' : v));
                }}
              >
                <option value={NONE}>{t('requires.noInteraction')}</option>
                <option value={ANY}>{t('requires.anyInteraction')}</option>
                {INTERACTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`interaction.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {interaction && (
              <div className="row wrap">
                {REQUIRABLE_INTERACTION_FIELDS.map((f) => (
                  <label key={f} className="inline">
                    <input
                      type="checkbox"
                      data-testid={`prop-requires-${i}-interaction-${f}`}
                      checked={interaction.fields?.includes(f) ?? false}
                      onChange={(e) => change((r) => toggleInteractionField(r, o, f, e.target.checked))}
                    />
                    {t(`interaction.field.${f}`)}
                  </label>
                ))}
              </div>
            )}
            <label>
              {t('requires.file')}
              <select
                data-testid={`prop-requires-${i}-file`}
                value={req.file ?? ''}
                onChange={(e) => change((r) => setRequiredFile(r, o, e.target.value || null))}
              >
                <option value="">{t('requires.noFile')}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                {req.file && !categories.some((c) => c.id === req.file) && (
                  <option value={req.file}>{req.file}</option>
                )}
              </select>
            </label>
          </details>
        );
      })}
    </fieldset>
  );
}
