import { dayApi } from '../../api/day';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';

/** "No open deal without a next step": per manager, open deals, those with none planned and those with one overdue. */
export function NextStepGaps() {
  const { t } = useI18n();
  const gaps = useAsync(() => dayApi.nextStepGaps(), []);
  const rows = [...(gaps.data ?? [])].sort((a, b) => b.missing + b.overdue - (a.missing + a.overdue));
  const clean = gaps.data !== undefined && rows.every((r) => r.missing === 0 && r.overdue === 0);
  return (
    <section className="card" data-testid="next-step-gaps">
      <h2>{t('gaps.title')}</h2>
      <ErrorText error={gaps.error} />
      {clean && <p className="muted">{t('gaps.none')}</p>}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('dash.manager')}</th>
              <th>{t('gaps.open')}</th>
              <th>{t('gaps.missing')}</th>
              <th>{t('gaps.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.ownerId} data-testid={`gap-row-${r.ownerId}`}>
                <td>{r.ownerName ?? r.ownerId}</td>
                <td>{r.open}</td>
                <td className={r.missing > 0 ? 'bad' : ''}>{r.missing}</td>
                <td className={r.overdue > 0 ? 'bad' : ''}>{r.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
