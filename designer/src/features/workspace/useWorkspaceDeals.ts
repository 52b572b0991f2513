import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { Deal, User } from '../../api/types';
import { useAlertRevision } from '../alerts/AlertsProvider';

export interface WorkspaceDeals {
  mine: Deal[];
  queue: Deal[];
  loading: boolean;
  error: unknown;
  reload: () => void;
  replace: (deal: Deal) => void;
}

/**
 * One call, GET /api/deals?state=open&workflowId=…, returns every open deal the caller may see: a manager's
 * own deals plus the team's unassigned queue, a head's whole team. The board and queue split it by owner.
 */
export function useWorkspaceDeals(user: User, workflowId: string | undefined): WorkspaceDeals {
  const [deals, setDeals] = useState<Deal[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  const revision = useAlertRevision();

  useEffect(() => {
    if (!workflowId) return;
    let live = true;
    setLoading(true);
    api
      .deals({ state: 'open', workflowId })
      .then((list) => live && (setDeals(list ?? []), setError(undefined)))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [workflowId, tick, revision]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const replace = useCallback(
    (deal: Deal) =>
      setDeals((list) =>
        deal.state === 'open'
          ? list.map((d) => (d.id === deal.id ? deal : d))
          : list.filter((d) => d.id !== deal.id),
      ),
    [],
  );

  const mine = deals.filter((d) => (user.role === 'manager' ? d.ownerId === user.id : !!d.ownerId));
  const queue = deals.filter((d) => !d.ownerId);
  return { mine, queue, loading, error, reload, replace };
}
