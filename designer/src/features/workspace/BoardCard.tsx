import { memo, type DragEvent } from 'react';
import type { DayDeal } from '../../api/day';
import { Link } from '../../app/Link';
import { formatMoney, formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { mainClock } from '../../model/clocks';
import { Countdown } from '../shared/Countdown';
import { KIND_ICON } from '../diary/ActivityRow';

/** A deal on the board: draggable to another stage, with its next step (or the lack of one) and, for heads, the owner. */
export const BoardCard = memo(function BoardCard({
  deal,
  now,
  showOwner,
  onMove,
  onDragStart,
}: {
  deal: DayDeal;
  now: number;
  showOwner: boolean;
  onMove: (deal: DayDeal) => void;
  onDragStart: (deal: DayDeal) => void;
}) {
  const { t, lang } = useI18n();
  const clock = mainClock(deal.clocks);
  const flag =
    deal.nextStepState === 'missing' || deal.nextStepState === 'overdue' ? deal.nextStepState : null;
  const drag = (e: DragEvent) => {
    e.dataTransfer?.setData('text/plain', deal.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    onDragStart(deal);
  };
  return (
    <article
      className={`deal-card card ${flag ? `step-${flag}` : ''}`}
      data-testid={`deal-${deal.id}`}
      draggable
      onDragStart={drag}
    >
      <div className="row space">
        <Link href={`/deals/${encodeURIComponent(deal.id)}`} className="deal-title" draggable={false}>
          {deal.title}
        </Link>
        {clock && <Countdown clock={clock} now={now} testId={`countdown-${deal.id}`} />}
      </div>
      <div className="muted small">
        {deal.client?.name}
        {deal.amount ? ` · ${formatMoney(deal.amount, lang)}` : ''}
      </div>
      {showOwner && (
        <div className="small" data-testid={`owner-${deal.id}`}>
          👤 {deal.ownerName ?? deal.ownerId ?? '—'}
        </div>
      )}
      {deal.nextStep?.what && (
        <div className={`small ${deal.nextStep.overdue ? 'bad' : ''}`}>
          {deal.nextStep.kind ? KIND_ICON[deal.nextStep.kind] : '→'} {formatTime(deal.nextStep.at, lang)} ·{' '}
          {deal.nextStep.what}
        </div>
      )}
      {flag && (
        <span className="pill look-breached small" data-testid={`step-flag-${deal.id}`} data-flag={flag}>
          ⚠ {t(`board.flag.${flag}`)}
        </span>
      )}
      <div className="row">
        <button type="button" className="small" data-testid={`move-${deal.id}`} onClick={() => onMove(deal)}>
          {t('deal.move')}
        </button>
      </div>
    </article>
  );
});
