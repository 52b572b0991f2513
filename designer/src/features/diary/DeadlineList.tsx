import type { DiaryDeadline } from '../../api/day';
import { Link } from '../../app/Link';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';

/** Regulation clocks due in the period, beside the activities: the funnel's deadlines are part of the day too. */
export function DeadlineList({ deadlines, testId }: { deadlines: DiaryDeadline[]; testId: string }) {
  const { t, tx, lang } = useI18n();
  if (deadlines.length === 0) return null;
  return (
    <ul className="list deadlines" data-testid={testId}>
      {deadlines.map((d) => {
        const late = d.state === 'breached' || Date.parse(d.dueAt) < Date.now();
        return (
          <li
            key={d.clockId}
            className={`deadline card ${late ? 'overdue' : ''}`}
            data-testid={`deadline-${d.clockId}`}
          >
            <span className={`pill ${late ? 'look-breached' : 'look-running'}`}>
              ⏱ {t('diary.due')} {formatTime(d.dueAt, lang)}
            </span>
            <div>
              <strong>{d.name}</strong>
              {d.stageName && <span className="muted small"> · {d.stageName}</span>}
            </div>
            <Link href={`/deals/${encodeURIComponent(d.dealId)}`} className="small">
              {d.dealTitle}
            </Link>
            {d.state !== 'running' && (
              <span className="muted small"> · {tx(`clock.${d.state}`, d.state)}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
