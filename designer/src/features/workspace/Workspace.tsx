import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { navigate } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import type { WorkflowDefinition } from '../../model/types';
import { useAuth } from '../auth/AuthProvider';
import { loadDefinition } from '../shared/funnels';
import { MoveDialog } from '../shared/MoveDialog';
import { Board } from './Board';
import { NewDealForm } from './NewDealForm';
import { PlanCounters } from './PlanCounters';
import { Queue } from './Queue';
import { TodayList } from './TodayList';
import { useWorkspaceDeals } from './useWorkspaceDeals';

type Tab = 'board' | 'queue' | 'today' | 'new';
const TABS: Tab[] = ['board', 'queue', 'today', 'new'];

export default function Workspace() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [tab, setTab] = useState<Tab>('board');
  const workflows = useAsync(() => api.workflows(), []);
  const published = (workflows.data ?? []).filter((w) => w.publishedVersion);
  const [workflowId, setWorkflowId] = useState<string>();
  const current = published.find((w) => w.id === workflowId) ?? published[0];
  const [definition, setDefinition] = useState<WorkflowDefinition>();
  const [moving, setMoving] = useState<Deal | null>(null);
  const deals = useWorkspaceDeals(user!, current?.id);

  useEffect(() => {
    if (!current) return;
    loadDefinition(current.id, current.publishedVersion).then(setDefinition, () => setDefinition(undefined));
  }, [current?.id, current?.publishedVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="workspace">
      <div className="row wrap space">
        <div className="tabs" role="tablist">
          {TABS.map((k) => (
            <button
              key={k}
              role="tab"
              type="button"
              aria-selected={tab === k}
              className={tab === k ? 'tab active' : 'tab'}
              data-testid={`tab-${k}`}
              onClick={() => setTab(k)}
            >
              {t(`workspace.${k}`)}
              {k === 'queue' && deals.queue.length > 0 && <span className="badge">{deals.queue.length}</span>}
            </button>
          ))}
        </div>
        {published.length > 1 && (
          <select
            data-testid="workspace-funnel"
            value={current?.id}
            onChange={(e) => setWorkflowId(e.target.value)}
          >
            {published.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <PlanCounters />
      <ErrorText error={workflows.error ?? deals.error} />
      {tab === 'board' && <Board definition={definition} deals={deals.mine} onMove={setMoving} />}
      {tab === 'queue' && <Queue deals={deals.queue} onTaken={deals.reload} />}
      {tab === 'today' && <TodayList deals={deals.mine} />}
      {tab === 'new' && (
        <NewDealForm
          workflows={published}
          workflowId={current?.id}
          onCreated={(deal) => navigate(`/deals/${encodeURIComponent(deal.id)}`)}
        />
      )}
      {moving && (
        <MoveDialog
          deal={moving}
          onClose={() => setMoving(null)}
          onDone={(deal) => {
            setMoving(null);
            deals.replace(deal);
            deals.reload();
          }}
        />
      )}
    </div>
  );
}
