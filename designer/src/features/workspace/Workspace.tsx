import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { navigate, queryParam, usePath } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/dict';
import { useAuth } from '../auth/AuthProvider';
import { Diary } from '../diary/Diary';
import { Board } from './Board';
import { NewDealForm } from './NewDealForm';
import { PlanCounters } from './PlanCounters';
import { Queue } from './Queue';
import { useWorkspaceDeals } from './useWorkspaceDeals';

type Tab = 'diary' | 'board' | 'queue' | 'new';
const TABS: { id: Tab; key: MessageKey }[] = [
  { id: 'diary', key: 'workspace.diary' },
  { id: 'board', key: 'workspace.dealsBoard' },
  { id: 'queue', key: 'workspace.queue' },
  { id: 'new', key: 'workspace.new' },
];

/** The manager's workspace: the day (landing), the funnel board, the team queue and a new deal; the tab is in the URL. */
export default function Workspace() {
  const { t } = useI18n();
  const { user } = useAuth();
  const path = usePath();
  const asked = queryParam(path, 'tab') as Tab | null;
  const tab: Tab = TABS.some((x) => x.id === asked) ? asked! : 'diary';
  const workflows = useAsync(() => api.workflows(), []);
  const published = (workflows.data ?? []).filter((w) => w.publishedVersion);
  const [workflowId, setWorkflowId] = useState<string>();
  const current = published.find((w) => w.id === workflowId) ?? published[0];
  const deals = useWorkspaceDeals(user!, current?.id);
  const funnelMatters = tab === 'board' || tab === 'new' || tab === 'queue';

  return (
    <div className="workspace">
      <div className="row wrap space">
        <div className="tabs" role="tablist">
          {TABS.map((k) => (
            <button
              key={k.id}
              role="tab"
              type="button"
              aria-selected={tab === k.id}
              className={tab === k.id ? 'tab active' : 'tab'}
              data-testid={`tab-${k.id}`}
              onClick={() => navigate(`/workspace?tab=${k.id}`, true)}
            >
              {t(k.key)}
              {k.id === 'queue' && deals.queue.length > 0 && (
                <span className="badge">{deals.queue.length}</span>
              )}
            </button>
          ))}
        </div>
        {funnelMatters && published.length > 1 && (
          <select
            data-testid="workspace-funnel"
            aria-label={t('newDeal.funnel')}
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
      {tab === 'diary' && <Diary />}
      {tab === 'board' && current && <Board key={current.id} workflowId={current.id} user={user!} />}
      {tab === 'queue' && <Queue deals={deals.queue} onTaken={deals.reload} />}
      {tab === 'new' && (
        <NewDealForm
          workflows={published}
          workflowId={current?.id}
          onCreated={(deal) => navigate(`/deals/${encodeURIComponent(deal.id)}`)}
        />
      )}
    </div>
  );
}
