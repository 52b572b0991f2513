import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { PlanItem } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** "5 of 10" counters from GET /api/plans/me; hidden entirely when the server has no plans (404) or fails. */
export function PlanCounters() {
  const { t } = useI18n();
  const [items, setItems] = useState<PlanItem[] | null>(null);
  useEffect(() => {
    api.myPlans().then(
      (r) => setItems(Array.isArray(r) ? r : (r?.items ?? [])),
      () => setItems(null),
    );
  }, []);
  if (!items || items.length === 0) return null;
  return (
    <div className="plans row wrap" data-testid="plans">
      {items.map((p, i) => (
        <div key={i} className="card plan" data-testid={`plan-${i}`}>
          <div className="muted small">{p.label ?? p.name ?? p.metric}</div>
          <strong>{t('plan.ofTarget', { done: p.done ?? p.actual ?? 0, target: p.target ?? 0 })}</strong>
        </div>
      ))}
    </div>
  );
}
