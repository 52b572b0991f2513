import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import { housekeepingApi } from '../../api/housekeeping';
import type { SearchDeal } from '../../api/records';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { orderedStages } from '../../model/stages';
import type { WorkflowDefinition } from '../../model/types';
import { loadDefinition } from '../shared/funnels';

type Open = 'transfer' | 'duplicate' | null;

/** Rarer deal chores, folded away: another funnel, and closing a duplicate of another deal. */
export function Housekeeping({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  if (deal.state !== 'open') return null;
  const done = (changed: Deal) => {
    setOpen(null);
    onChanged(changed);
  };
  return (
    <div className="housekeeping" data-testid="housekeeping">
      <div className="row wrap">
        <button
          type="button"
          className={`small ${open === 'transfer' ? 'active' : ''}`}
          data-testid="deal-transfer-open"
          onClick={() => setOpen(open === 'transfer' ? null : 'transfer')}
        >
          {t('housekeeping.transfer')}
        </button>
        <button
          type="button"
          className={`small ${open === 'duplicate' ? 'active' : ''}`}
          data-testid="deal-duplicate-open"
          onClick={() => setOpen(open === 'duplicate' ? null : 'duplicate')}
        >
          {t('housekeeping.duplicate')}
        </button>
      </div>
      {open === 'transfer' && <TransferForm deal={deal} onDone={done} />}
      {open === 'duplicate' && <DuplicateForm deal={deal} onDone={done} />}
    </div>
  );
}

function TransferForm({ deal, onDone }: { deal: Deal; onDone: (deal: Deal) => void }) {
  const { t } = useI18n();
  const { data: workflows, error } = useAsync(() => api.workflows(), []);
  const targets = (workflows ?? []).filter((w) => w.publishedVersion && w.id !== deal.workflowId);
  const [workflowId, setWorkflowId] = useState('');
  const [stageId, setStageId] = useState('');
  const [definition, setDefinition] = useState<WorkflowDefinition>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const target = targets.find((w) => w.id === workflowId);
  useEffect(() => {
    setStageId('');
    setDefinition(undefined);
    if (!target) return;
    loadDefinition(target.id, target.publishedVersion).then(setDefinition, () => setDefinition(undefined));
  }, [target?.id, target?.publishedVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!workflowId) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await housekeepingApi.transfer(deal, workflowId, stageId || undefined));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card inset form-grid compact" onSubmit={submit} data-testid="deal-transfer-form">
      <label>
        {t('newDeal.funnel')}
        <select
          required
          data-testid="deal-transfer-funnel"
          value={workflowId}
          onChange={(e) => setWorkflowId(e.target.value)}
        >
          <option value="">{t('common.none')}</option>
          {targets.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('deal.stage')}
        <select
          data-testid="deal-transfer-stage"
          value={stageId}
          disabled={!definition}
          onChange={(e) => setStageId(e.target.value)}
        >
          <option value="">{t('housekeeping.firstStage')}</option>
          {(definition ? orderedStages(definition) : []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name ?? s.id}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button
          type="submit"
          className="primary small"
          disabled={busy || !workflowId}
          data-testid="deal-transfer-save"
        >
          {t('housekeeping.transferDo')}
        </button>
      </div>
      <ErrorText error={error ?? failure} />
    </form>
  );
}

function DuplicateForm({ deal, onDone }: { deal: Deal; onDone: (deal: Deal) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(deal.client?.name ?? '');
  const [found, setFound] = useState<SearchDeal[]>([]);
  const [picked, setPicked] = useState<SearchDeal | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setFound([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.search(query, abort.signal).then(
        (r) => setFound((r.deals ?? []).filter((d) => d.id !== deal.id)),
        () => !abort.signal.aborted && setFound([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, deal.id]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await housekeepingApi.closeDuplicate(deal, picked.id));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card inset" onSubmit={submit} data-testid="deal-duplicate-form">
      <p className="small muted">{t('housekeeping.duplicateHint')}</p>
      <input
        type="search"
        className="wide"
        data-testid="deal-duplicate-search"
        aria-label={t('housekeeping.findDeal')}
        placeholder={t('housekeeping.findDeal')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul className="record-list" data-testid="deal-duplicate-results">
        {found.map((d) => (
          <li key={d.id} className={picked?.id === d.id ? 'highlight' : ''}>
            <label className="radio">
              <input
                type="radio"
                name="duplicate-of"
                data-testid={`deal-duplicate-pick-${d.id}`}
                checked={picked?.id === d.id}
                onChange={() => setPicked(d)}
              />
              {d.title}
              <span className="muted small">
                {' '}
                {[d.clientName, d.contactName].filter(Boolean).join(' · ')}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <button
        type="submit"
        className="primary small"
        disabled={busy || !picked}
        data-testid="deal-duplicate-save"
      >
        {t('housekeeping.duplicateDo')}
      </button>
      <ErrorText error={failure} />
    </form>
  );
}
