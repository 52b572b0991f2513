import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { fromLocalInput, toLocalInput } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';

export function NextStepForm({ deal, onSaved }: { deal: Deal; onSaved: (deal: Deal) => void }) {
  const { t } = useI18n();
  const [at, setAt] = useState(toLocalInput(deal.nextStep?.at));
  const [what, setWhat] = useState(deal.nextStep?.what ?? '');
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const when = fromLocalInput(at);
    if (!when || !what.trim()) return;
    try {
      setError(undefined);
      onSaved(await api.setNextStep(deal.id, { at: when, what: what.trim() }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="row wrap" onSubmit={submit} data-testid="next-step-form">
      <input
        type="datetime-local"
        data-testid="deal-next-at"
        value={at}
        onChange={(e) => setAt(e.target.value)}
        aria-label={t('move.nextStepAt')}
      />
      <input
        data-testid="deal-next-what"
        value={what}
        placeholder={t('move.nextStepWhat')}
        onChange={(e) => setWhat(e.target.value)}
      />
      <button type="submit" data-testid="deal-next-save" disabled={deal.state !== 'open'}>
        {t('common.save')}
      </button>
      <ErrorText error={error} />
    </form>
  );
}
