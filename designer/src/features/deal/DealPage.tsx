import { useState } from 'react';
import { api } from '../../api/endpoints';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { formatMoney } from '../../app/format';
import { Link } from '../../app/Link';
import { queryParam, usePath } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { useAlertRevision } from '../alerts/AlertsProvider';
import { InteractionForm, KINDS } from '../journal/InteractionForm';
import { JournalList } from '../journal/JournalList';
import { MoveDialog } from '../shared/MoveDialog';
import { ClocksTable } from './ClocksTable';
import { HistoryList } from './HistoryList';
import { NextStepForm } from './NextStepForm';

export default function DealPage({ dealId }: { dealId: string }) {
  const { t, tx, lang } = useI18n();
  const revision = useAlertRevision();
  const path = usePath();
  const { data, error, reload } = useAsync(() => api.deal(dealId), [dealId, revision]);
  const [override, setOverride] = useState<Deal | null>(null);
  const [moving, setMoving] = useState(false);
  const [journalRevision, setJournalRevision] = useState(0);
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
  const contacts = deal.contacts ?? [];

  return (
    <div className="deal-page" data-testid="deal-page">
      <div className="row wrap space">
        <div>
          <h1 data-testid="deal-title">{deal.title}</h1>
          <div className="muted">
            {deal.clientId ? (
              <Link href={`/clients/${encodeURIComponent(deal.clientId)}`} data-testid="deal-client-link">
                {deal.client?.name ?? deal.clientId}
              </Link>
            ) : (
              deal.client?.name
            )}{' '}
            · {deal.stageName ?? deal.stageId} ·{' '}
            <span data-testid="deal-state">{tx(`deal.state.${deal.state}`, deal.state)}</span>
            {deal.amount ? ` · ${formatMoney(deal.amount, lang)}` : ''}
          </div>
        </div>
        {deal.state === 'open' && (
          <button type="button" className="primary" data-testid="deal-move" onClick={() => setMoving(true)}>
            {t('deal.move')}
          </button>
        )}
      </div>
      <div className="columns">
        <section className="card">
          <h2>{t('deal.clocks')}</h2>
          <ClocksTable clocks={deal.clocks ?? []} />
          <h2>{t('deal.contact')}</h2>
          <ul className="plain small" data-testid="deal-contacts">
            {contacts.length === 0 && (
              <li>
                {[deal.contact?.name, deal.contact?.position, deal.contact?.email, deal.contact?.phone]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </li>
            )}
            {contacts.map((c) => (
              <li key={c.id}>{[c.name, c.position, ...c.emails, ...c.phones].filter(Boolean).join(' · ')}</li>
            ))}
          </ul>
          <h2>{t('move.nextStep')}</h2>
          <NextStepForm deal={deal} onSaved={refresh} />
          <h2>{t('deal.history')}</h2>
          <HistoryList history={deal.history ?? []} />
        </section>
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
            load={(q) => api.dealInteractions(deal.id, q)}
            revision={journalRevision}
            contacts={contacts}
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
            refresh(d);
          }}
        />
      )}
    </div>
  );
}
