import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { BreachesPanel } from './BreachesPanel';
import { StageChart, TrendChart } from './Charts';
import { ManagersTable } from './ManagersTable';
import { NextStepGaps } from './NextStepGaps';
import { PeriodPicker } from './PeriodPicker';
import { defaultPeriod, periodQuery, type Period } from './period';

export default function Dashboard() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const [workflowId, setWorkflowId] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>();
  const workflows = useAsync(() => api.workflows(), []);
  const managers = useAsync(
    () => api.complianceManagers({ ...periodQuery(period), workflowId: workflowId || undefined }),
    [period.from, period.to, workflowId],
  );
  const selectedRow = managers.data?.find((m) => m.managerId === selected);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExportError(undefined);
    try {
      await api.exportCompliance(format, { ...periodQuery(period), workflowId: workflowId || undefined });
    } catch (e) {
      setExportError(e);
    }
  };

  return (
    <div className="dashboard">
      <div className="row wrap filters">
        <PeriodPicker period={period} onChange={setPeriod} />
        <label>
          {t('newDeal.funnel')}
          <select
            data-testid="dash-funnel"
            value={workflowId}
            onChange={(e) => setWorkflowId(e.target.value)}
          >
            <option value="">{t('dash.allFunnels')}</option>
            {(workflows.data ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <div className="spacer" />
        <button type="button" data-testid="export-csv" onClick={() => void exportAs('csv')}>
          CSV
        </button>
        <button type="button" data-testid="export-xlsx" onClick={() => void exportAs('xlsx')}>
          XLSX
        </button>
      </div>
      <ErrorText error={exportError ?? managers.error} />
      <section className="card">
        <h2>{t('dash.managers')}</h2>
        <ManagersTable rows={managers.data ?? []} selected={selected} onSelect={setSelected} />
      </section>
      <NextStepGaps />
      {selected && (
        <BreachesPanel managerId={selected} name={selectedRow?.name ?? selected} period={period} />
      )}
      <div className="columns">
        <TrendChart period={period} workflowId={workflowId || undefined} />
        <StageChart period={period} workflowId={workflowId || undefined} />
      </div>
    </div>
  );
}
