import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDuration } from '../../model/duration';
import { ClockHolders } from '../shared/ClockHolders';
import { periodQuery, type Period } from './period';

/** A manager's breaches in the period; each leads to the deal page. */
export function BreachesPanel({
  managerId,
  name,
  period,
}: {
  managerId: string;
  name: string;
  period: Period;
}) {
  const { t, lang } = useI18n();
  const { data, error, loading } = useAsync(
    () => api.managerBreaches(managerId, periodQuery(period)),
    [managerId, period.from, period.to],
  );
  return (
    <section className="card" data-testid="breaches">
      <h2>{t('dash.breachesOf', { name })}</h2>
      <ErrorText error={error} />
      {loading && <p className="muted">{t('common.loading')}</p>}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('dash.deal')}</th>
              <th>{t('dash.regulation')}</th>
              <th>{t('deal.stage')}</th>
              <th>{t('me.due')}</th>
              <th>{t('dash.overrun')}</th>
              <th>{t('dash.heldBy')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((b, i) => (
              <tr key={`${b.dealId}-${b.regulationId}-${i}`} data-testid={`breach-${b.dealId}`}>
                <td>
                  <Link href={`/deals/${encodeURIComponent(b.dealId)}`}>{b.dealTitle}</Link>
                </td>
                <td>{b.regulationName ?? b.regulationId}</td>
                <td className={b.stageName ? undefined : 'muted'}>{b.stageName ?? t('dash.funnelWide')}</td>
                <td>{formatTime(b.dueAt, lang)}</td>
                <td className="bad">{b.overrun ? formatDuration(b.overrun) : t('dash.stillOpen')}</td>
                <td>
                  <ClockHolders holders={b.holders} />
                </td>
              </tr>
            ))}
            {data && data.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('dash.noBreaches')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
