import { useState } from 'react';
import { api } from '../../api/endpoints';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { formatMoney, formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { useAlertRevision } from '../alerts/AlertsProvider';
import { Countdown } from '../shared/Countdown';
import { MoveDialog } from '../shared/MoveDialog';
import { useNow } from '../shared/useNow';
import { HistoryList } from './HistoryList';
import { InteractionForm } from './InteractionForm';
import { NextStepForm } from './NextStepForm';

export default function DealPage({ dealId }: { dealId: string }) {
  const { t, tx, lang } = useI18n();
  const revision = useAlertRevision();
  const { data, error, reload } = useAsync(() => api.deal(dealId), [dealId, revision]);
  const [override, setOverride] = useState<Deal | null>(null);
  const [moving, setMoving] = useState(false);
  const now = useNow();
  const deal = override && data && (override.version ?? 0) >= (data.version ?? 0) ? override : data;

  if (error) return <ErrorText error={error} />;
  if (!deal) return <p className="muted">{t('common.loading')}</p>;
  const refresh = (d?: Deal) => {
    if (d) setOverride(d);
    reload();
  };

  return (
    <div className="deal-page" data-testid="deal-page">
      <div className="row wrap space">
        <div>
          <h1 data-testid="deal-title">{deal.title}</h1>
          <div className="muted">
            {deal.client?.name} · {deal.stageName ?? deal.stageId} ·{' '}
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
          {(deal.clocks ?? []).length === 0 && <p className="muted">{t('deal.noClocks')}</p>}
          <table className="table">
            <tbody>
              {(deal.clocks ?? []).map((c) => (
                <tr key={`${c.regulationId}-${c.startedAt}`} data-testid={`clock-${c.regulationId}`}>
                  <td>{c.name ?? c.regulationId}</td>
                  <td>
                    <Countdown clock={c} now={now} />
                  </td>
                  <td className="muted small">
                    {t('alerts.due')} {formatTime(c.dueAt, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('deal.contact')}</h2>
          <p className="small">
            {[deal.contact?.name, deal.contact?.position, deal.contact?.email, deal.contact?.phone]
              .filter(Boolean)
              .join(' · ') || '—'}
          </p>
          <h2>{t('move.nextStep')}</h2>
          <NextStepForm deal={deal} onSaved={refresh} />
        </section>
        <section className="card">
          <h2>{t('deal.journal')}</h2>
          <InteractionForm dealId={deal.id} onSaved={() => refresh()} />
          <HistoryList history={deal.history ?? []} />
        </section>
      </div>
      {moving && (
        <MoveDialog
          deal={deal}
          onClose={() => setMoving(false)}
          onDone={(d) => {
            setMoving(false);
            refresh(d);
          }}
        />
      )}
    </div>
  );
}
