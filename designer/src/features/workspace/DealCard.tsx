import { memo } from 'react';
import type { Deal } from '../../api/types';
import { Link } from '../../app/Link';
import { formatMoney } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { mainClock } from '../../model/clocks';
import { Countdown } from '../shared/Countdown';

interface Props {
  deal: Deal;
  now: number;
  onMove?: (deal: Deal) => void;
  onTake?: (deal: Deal) => void;
}

export const DealCard = memo(function DealCard({ deal, now, onMove, onTake }: Props) {
  const { t, lang } = useI18n();
  const clock = mainClock(deal.clocks);
  return (
    <article className="deal-card card" data-testid={`deal-${deal.id}`}>
      <div className="row space">
        <Link href={`/deals/${encodeURIComponent(deal.id)}`} className="deal-title">
          {deal.title}
        </Link>
        {clock && <Countdown clock={clock} now={now} testId={`countdown-${deal.id}`} />}
      </div>
      <div className="muted small">
        {deal.client?.name}
        {deal.amount ? ` · ${formatMoney(deal.amount, lang)}` : ''}
      </div>
      {deal.nextStep?.what && <div className="small">→ {deal.nextStep.what}</div>}
      <div className="row">
        {onMove && (
          <button
            type="button"
            className="small"
            data-testid={`move-${deal.id}`}
            onClick={() => onMove(deal)}
          >
            {t('deal.move')}
          </button>
        )}
        {onTake && (
          <button
            type="button"
            className="small primary"
            data-testid={`take-${deal.id}`}
            onClick={() => onTake(deal)}
          >
            {t('deal.take')}
          </button>
        )}
      </div>
    </article>
  );
});
