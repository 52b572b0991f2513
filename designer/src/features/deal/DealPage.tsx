import { useState } from 'react';
import { activityApi } from '../../api/activities';
import { api } from '../../api/endpoints';
import { journalApi } from '../../api/journal';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { formatMoney } from '../../app/format';
import { Link } from '../../app/Link';
import { queryParam, usePath } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { ActivitiesSection } from '../activities/ActivitiesSection';
import { useAssignees } from '../activities/useAssignees';
import { useAlertRevision } from '../alerts/AlertsProvider';
import { FilesSection } from '../files/FilesSection';
import { InteractionForm, KINDS } from '../journal/InteractionForm';
import { JournalList } from '../journal/JournalList';
import { MoveDialog } from '../shared/MoveDialog';
import { ClocksTable } from './ClocksTable';
import { DealContacts } from './DealContacts';
import { HistoryList } from './HistoryList';
import { Housekeeping } from './Housekeeping';
import '../../styles/work.css';

export default function DealPage({ dealId }: { dealId: string }) {
  const { t, tx, lang } = useI18n();
  const revision = useAlertRevision();
  const path = usePath();
  const { data, error, reload } = useAsync(() => api.deal(dealId), [dealId, revision]);
  const [override, setOverride] = useState<Deal | null>(null);
  const [moving, setMoving] = useState(false);
  const [journalRevision, setJournalRevision] = useState(0);
  const [workRevision, setWorkRevision] = useState(0);
  const users = useAssignees();
  const deal = override && data && (override.version ?? 0) >= (data.version ?? 0) ? override : data;
  // "?log=meeting" (from a move refused for a missing meeting) opens the form on that kind.
  const log = queryParam(path, 'log');
  const logKind = KINDS.find((k) => k === log);

  if (error) return <ErrorText error={error} />;
  if (!deal) return <p className="muted">{t('common.loading')}</p>;
  const refresh = (d?: Deal) => {
    if (d) setOverride(d);
    reload();
  };
  // A completed activity is logged in the journal; a move may plan the next step: both views follow.
  const workChanged = () => {
    setJournalRevision((n) => n + 1);
    refresh();
  };
  const contacts = deal.contacts ?? [];
  const open = deal.state === 'open';

  return (
    <div className="deal-page" data-testid="deal-page">
      <div className="row wrap space deal-head">
        <div className="deal-head-text">
          <h1 data-testid="deal-title">{deal.title}</h1>
          <div className="muted">
            {deal.clientId ? (
              <Link href={`/clients/${encodeURIComponent(deal.clientId)}`} data-testid="deal-client-link">
                {deal.client?.name ?? t('deal.client')}
              </Link>
            ) : (
              deal.client?.name
            )}{' '}
            · {deal.stageName ?? deal.stageId} ·{' '}
            <span data-testid="deal-state">{tx(`deal.state.${deal.state}`, deal.state)}</span>
            {deal.amount ? ` · ${formatMoney(deal.amount, lang)}` : ''}
            {deal.ownerName ? ` · ${deal.ownerName}` : ''}
          </div>
        </div>
        {open && (
          <button type="button" className="primary" data-testid="deal-move" onClick={() => setMoving(true)}>
            {t('deal.move')}
          </button>
        )}
      </div>
      <div className="columns">
        <div className="stack">
          <ActivitiesSection
            load={() => activityApi.list({ dealId: deal.id, state: 'open' })}
            plan={(a) => activityApi.planOnDeal(deal.id, a)}
            contacts={contacts}
            users={users}
            defaultAssigneeId={deal.ownerId}
            nextStepId={deal.nextStep?.activityId}
            nextStepState={deal.nextStepState}
            warn={open}
            canPlan={open}
            revision={`${deal.version}:${workRevision}`}
            onChanged={workChanged}
          />
          <section className="card">
            <h2>{t('deal.contact')}</h2>
            <DealContacts deal={deal} onChanged={() => refresh()} />
            <h2>{t('deal.clocks')}</h2>
            <div className="table-scroll">
              <ClocksTable clocks={deal.clocks ?? []} />
            </div>
            <Housekeeping deal={deal} onChanged={(d) => refresh(d)} />
          </section>
          <FilesSection owner={{ dealId: deal.id }} />
          <section className="card">
            <h2>{t('deal.history')}</h2>
            <HistoryList
              history={deal.history ?? []}
              clocks={deal.clocks ?? []}
              contacts={contacts}
              owner={{ id: deal.ownerId, name: deal.ownerName }}
            />
          </section>
        </div>
        <section className="card" id="journal">
          <h2>{t('deal.journal')}</h2>
          <InteractionForm
            key={logKind ?? 'call'}
            initialKind={logKind}
            contacts={contacts}
            submit={(i) => api.addInteraction(deal.id, i)}
            onSaved={() => {
              setJournalRevision((n) => n + 1);
              refresh();
            }}
          />
          <JournalList
            load={(q, query) =>
              journalApi.deal(deal.id, {
                q,
                scope: query.scope === 'client' ? 'client' : undefined,
                managerId: query.managerId,
              })
            }
            revision={journalRevision}
            contacts={contacts}
            canScope={!!deal.clientId}
          />
        </section>
      </div>
      {moving && (
        <MoveDialog
          deal={deal}
          onClose={() => setMoving(false)}
          onChanged={refresh}
          onDone={(d) => {
            setMoving(false);
            setWorkRevision((n) => n + 1);
            refresh(d);
          }}
        />
      )}
    </div>
  );
}
