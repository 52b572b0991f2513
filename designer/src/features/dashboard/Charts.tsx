import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api } from '../../api/endpoints';
import type { RegulationCompliance } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { buckets, periodQuery, type Period } from './period';

const pct = (met: number, measured: number) =>
  measured > 0 ? Math.round((1000 * met) / measured) / 10 : null;

function rowCompliance(r: RegulationCompliance): number | null {
  if (typeof r.measured === 'number' && typeof r.met === 'number') return pct(r.met, r.measured);
  return typeof r.compliance === 'number' ? Math.round(r.compliance * 1000) / 10 : null;
}

/** Per regulation and stage: compliance % as bars. */
export function StageChart({ period, workflowId }: { period: Period; workflowId?: string }) {
  const { t } = useI18n();
  const { data, error } = useAsync(
    () => api.complianceRegulations({ ...periodQuery(period), workflowId }),
    [period.from, period.to, workflowId],
  );
  const rows = (data ?? []).map((r) => ({
    name: [r.stageName, r.regulationName ?? r.name].filter(Boolean).join(' · ') || r.regulationId || '?',
    compliance: rowCompliance(r),
    breached: r.breached ?? 0,
  }));
  return (
    <section className="card chart" data-testid="stage-chart">
      <h2>{t('dash.byStage')}</h2>
      <ErrorText error={error} />
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ left: 0, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
          <YAxis domain={[0, 100]} unit="%" width={44} />
          <Tooltip />
          <Bar dataKey="compliance" name={t('dash.compliance')} fill="#2f7d4f" />
        </BarChart>
      </ResponsiveContainer>
    </section>
  );
}

/** The trend: the period cut into up to eight buckets, one regulations query per bucket, summed. */
export function TrendChart({ period, workflowId }: { period: Period; workflowId?: string }) {
  const { t } = useI18n();
  const { data, error } = useAsync(async () => {
    const parts = buckets(period, 8);
    const results = await Promise.all(
      parts.map((b) =>
        api
          .complianceRegulations({ ...periodQuery(b), workflowId })
          .catch(() => [] as RegulationCompliance[]),
      ),
    );
    return parts.map((b, i) => {
      const rows = results[i] ?? [];
      const measured = rows.reduce((s, r) => s + (r.measured ?? 0), 0);
      const met = rows.reduce((s, r) => s + (r.met ?? 0), 0);
      return { name: b.from.slice(5), compliance: pct(met, measured), measured };
    });
  }, [period.from, period.to, workflowId]);
  return (
    <section className="card chart" data-testid="trend-chart">
      <h2>{t('dash.trend')}</h2>
      <ErrorText error={error} />
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data ?? []} margin={{ left: 0, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} unit="%" width={44} />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="compliance"
            name={t('dash.compliance')}
            stroke="#1f5fa8"
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </section>
  );
}
