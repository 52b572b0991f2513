import { useState } from 'react';
import { api } from '../../api/endpoints';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import { useNow } from '../shared/useNow';
import { DealCard } from './DealCard';

/** The team's unassigned deals; "take" makes one mine (409 when someone was quicker). */
export function Queue({ deals, onTaken }: { deals: Deal[]; onTaken: () => void }) {
  const { t } = useI18n();
  const now = useNow();
  const [error, setError] = useState<unknown>();
  const take = async (deal: Deal) => {
    setError(undefined);
    try {
      await api.take(deal.id);
    } catch (e) {
      setError(e);
    }
    onTaken();
  };
  return (
    <div className="list" data-testid="queue">
      <ErrorText error={error} />
      {deals.length === 0 && <p className="muted">{t('queue.empty')}</p>}
      {deals.map((d) => (
        <DealCard key={d.id} deal={d} now={now} onTake={take} />
      ))}
    </div>
  );
}
