import { useState } from 'react';
import { api } from '../../api/endpoints';
import type { OwnCompliance } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { PeriodPicker } from '../dashboard/PeriodPicker';
import { defaultPeriod, localTimeZone, periodQuery, type Period } from '../dashboard/period';
import { OwnClocksTable } from './OwnClocksTable';
import { OwnFigures } from './OwnFigures';
import { WeeklyTrend } from './WeeklyTrend';

/** Open overdue clocks from before the period still belong on the page even when nothing was measured in it. */
const nothingToShow = (own: OwnCompliance) => own.measured === 0 && own.clocks.length === 0;

/**
 * The caller's own compliance for a period: the figures the head sees for them, week by week, and every clock those
 * figures were counted from, so a manager can check each number against the deals behind it.
 */
export default function MyCompliance() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const { data, error, loading } = useAsync(
    () => api.complianceMe({ ...periodQuery(period), tz: localTimeZone() }),
    [period.from, period.to],
  );

  return (
    <div className="my-compliance" data-testid="my-compliance">
      <h1>{t('nav.myCompliance')}</h1>
      <div className="row wrap filters">
        <PeriodPicker period={period} onChange={setPeriod} />
      </div>
      <ErrorText error={error} />
      {loading && <p className="muted">{t('common.loading')}</p>}
      {data && nothingToShow(data) && (
        <p className="card muted" data-testid="own-empty">
          {t('me.nothingMeasured')}
        </p>
      )}
      {data && !nothingToShow(data) && (
        <>
          <p className="muted small">{t('me.explain')}</p>
          <OwnFigures figures={data} />
          <WeeklyTrend weeks={data.weeks} />
          <OwnClocksTable clocks={data.clocks} />
        </>
      )}
    </div>
  );
}
