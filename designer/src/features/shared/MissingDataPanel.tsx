import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import type { DealPatch } from '../../api/records';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { missingInteractionFields, needsInteraction, type MissingItem } from '../../model/missing';
import type { InteractionRequirement } from '../../model/requirements';
import { FileUpload } from '../files/FileUpload';
import { DictionarySelect } from './DictionarySelect';
import { nameIn, useDictionary } from './useDictionary';

/**
 * What a refused move lacks, one line each, with the fix next to it: the amount, the source and custom fields
 * are filled in here (PATCH the deal, then the move is tried again), so is a required file (uploaded here,
 * then the move is tried again); an interaction is logged on the deal page.
 */
export function MissingDataPanel({
  deal,
  outcome,
  items,
  interaction,
  onPatched,
  onLogInteraction,
  requiredFile,
  onFileUploaded,
}: {
  deal: Deal;
  outcome: string;
  items: MissingItem[];
  /** What the stage asks of the interaction for this outcome, from the funnel definition. */
  interaction: InteractionRequirement | undefined;
  onPatched: (deal: Deal) => void;
  onLogInteraction: () => void;
  /** The file category the stage asks for this outcome, from the funnel definition. */
  requiredFile?: string;
  /** A required file was uploaded: try the move again. Without it the panel only names the file. */
  onFileUploaded?: () => void;
}) {
  const { t, tx } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fillable = items.filter((i) => ['amount', 'source', 'customField'].includes(i.fix.kind));
  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const categories = useDictionary('fileCategories');
  const fileItem = items.find((i) => i.fix.kind === 'file');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const patch: DealPatch = {};
    for (const item of fillable) {
      const value = (values[item.key] ?? '').trim();
      if (!value) continue;
      if (item.fix.kind === 'amount') patch.amount = Number(value);
      else if (item.fix.kind === 'source') patch.source = value;
      else if (item.fix.kind === 'customField') patch.fields = { ...patch.fields, [item.fix.name]: value };
    }
    if (Object.keys(patch).length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      onPatched(await api.patchDeal(deal.id, patch, deal.version));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const describe = (i: MissingItem) => {
    if (i.fix.kind === 'interactionField')
      return t('missing.interactionField', { field: tx(`interaction.field.${i.fix.field}`, i.fix.field) });
    if (i.fix.kind === 'file')
      return requiredFile ? t('missing.file', { category: nameIn(categories, requiredFile) }) : i.message;
    return tx(`missing.${i.fix.kind === 'other' ? i.key : i.fix.kind}`, i.message);
  };
  const kind = interaction?.kind;
  const fields = missingInteractionFields(items, interaction?.fields ?? []);
  return (
    <div className="warning-box missing" data-testid="missing-data">
      <strong>{t('missing.heading', { outcome })}</strong>
      <ul>
        {items.map((i) => (
          <li key={i.key} data-testid={`missing-${i.key}`}>
            {describe(i)}
            {i.fix.kind === 'customField' && <code> {i.fix.name}</code>}
          </li>
        ))}
      </ul>
      {fillable.length > 0 && (
        <form className="row wrap" onSubmit={save}>
          {fillable.map((i) =>
            i.fix.kind === 'source' ? (
              <DictionarySelect
                key={i.key}
                kind="sources"
                testId="missing-source-input"
                label={t('newDeal.source')}
                value={values[i.key] ?? ''}
                onChange={set(i.key)}
              />
            ) : (
              <input
                key={i.key}
                type={i.fix.kind === 'amount' ? 'number' : 'text'}
                min={i.fix.kind === 'amount' ? 0 : undefined}
                data-testid={i.fix.kind === 'amount' ? 'missing-amount-input' : `missing-field-${i.key}`}
                aria-label={i.fix.kind === 'amount' ? t('newDeal.amount') : i.key}
                placeholder={i.fix.kind === 'amount' ? t('newDeal.amount') : i.key.slice('fields.'.length)}
                value={values[i.key] ?? ''}
                onChange={(e) => set(i.key)(e.target.value)}
              />
            ),
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="missing-save">
            {t('missing.saveAndMove')}
          </button>
        </form>
      )}
      {fileItem && onFileUploaded && (
        <div className="missing-file" data-testid="missing-file-fix">
          <p className="small">{t('missing.fileUpload')}</p>
          <FileUpload
            owner={{ dealId: deal.id }}
            initialCategory={requiredFile}
            lockCategory={!!requiredFile}
            testId="missing-upload"
            onUploaded={onFileUploaded}
          />
        </div>
      )}
      {needsInteraction(items) && (
        <p className="small" data-testid="missing-interaction-hint">
          {t('missing.logHint', {
            kind: kind ? tx(`interaction.${kind}`, kind).toLowerCase() : t('missing.anyInteraction'),
            fields: fields.map((f) => tx(`interaction.field.${f}`, f)).join(', ') || '—',
          })}{' '}
          <Link
            href={`/deals/${encodeURIComponent(deal.id)}?log=${kind ?? 'call'}`}
            data-testid="missing-log-interaction"
            onClick={onLogInteraction}
          >
            {t('missing.logNow')}
          </Link>
        </p>
      )}
      <ErrorText error={error} />
    </div>
  );
}
