import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { countByStage, type StageCounts } from '../../model/stageCounts';
import { useAlertRevision } from '../alerts/AlertsProvider';

const POLL_MS = 30_000;

/**
 * Live open / at-risk / overdue counts per stage from three deal queries. Refreshes on every alert and every
 * 30 s (an admin may receive no alerts at all).
 */
export function useStageCounts(workflowId: string | null, enabled: boolean): Map<string, StageCounts> | null {
  const [counts, setCounts] = useState<Map<string, StageCounts> | null>(null);
  const [tick, setTick] = useState(0);
  const revision = useAlertRevision();

  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => clearInterval(timer);
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !workflowId) {
      setCounts(null);
      return;
    }
    let live = true;
    Promise.all([
      api.deals({ workflowId, state: 'open' }),
      api.deals({ workflowId, state: 'open', sla: 'atRisk' }),
      api.deals({ workflowId, state: 'open', sla: 'overdue' }),
    ]).then(
      ([open, atRisk, overdue]) => live && setCounts(countByStage(open ?? [], atRisk ?? [], overdue ?? [])),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [workflowId, enabled, tick, revision]);

  return counts;
}
