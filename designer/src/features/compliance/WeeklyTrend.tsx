import type { WeekView } from '../../api/types';
import { formatDayMonth, formatPercent } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/dict';

/** The server's weeks are clipped to the period, so the label shows the days each one really covers. */
function weekLabel(week: WeekView, lang: Lang): string {
  const lastInstant = new Date(new Date(week.to).getTime() - 1).toISOString();
  const first = formatDayMonth(week.from, lang);
  const last = formatDayMonth(lastInstant, lang);
  return first === last ? first : `${first} – ${last}`;
}

/** The same figures week by week, to show whether things are getting better. */
export function WeeklyTrend({ weeks }: { weeks: WeekView[] }) {
  const { t, lang } = useI18n();
  if (weeks.length === 0) return null;
  return (
    <section className="card" data-testid="own-weeks">
      <h2>{t('me.weeks')}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('me.week')}</th>
              <th>{t('dash.measured')}</th>
              <th>{t('dash.met')}</th>
              <th>{t('dash.breached')}</th>
              <th>{t('dash.compliance')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.from} data-testid={`week-${w.weekStart}`}>
                <td>{weekLabel(w, lang)}</td>
                <td>{w.measured}</td>
                <td>{w.met}</td>
                <td className={w.breached > 0 ? 'bad' : undefined}>{w.breached}</td>
                <td>{formatPercent(w.compliance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
