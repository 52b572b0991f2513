import type { Deal } from '../../api/types';
import { Link } from '../../app/Link';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useNow } from '../shared/useNow';

/** Next steps due today or already past, overdue first, then by time. */
export function todaysSteps(deals: Deal[], now: number): { deal: Deal; overdue: boolean }[] {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return deals
    .filter((d) => d.nextStep?.at && Date.parse(d.nextStep.at) <= end.getTime())
    .map((d) => ({ deal: d, overdue: Date.parse(d.nextStep!.at) < now }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        Date.parse(a.deal.nextStep!.at) - Date.parse(b.deal.nextStep!.at),
    );
}

export function TodayList({ deals }: { deals: Deal[] }) {
  const { t, lang } = useI18n();
  const now = useNow(30_000);
  const items = todaysSteps(deals, now);
  return (
    <ul className="list today" data-testid="today">
      {items.length === 0 && <li className="muted">{t('today.empty')}</li>}
      {items.map(({ deal, overdue }) => (
        <li key={deal.id} className={`card ${overdue ? 'overdue' : ''}`} data-testid={`today-${deal.id}`}>
          <span className={`pill ${overdue ? 'look-breached' : 'look-running'}`}>
            {overdue ? t('today.overdue') : formatTime(deal.nextStep!.at, lang)}
          </span>{' '}
          <Link href={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>
          <div className="small">{deal.nextStep!.what}</div>
        </li>
      ))}
    </ul>
  );
}
