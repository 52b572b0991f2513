import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { Deal, NewDeal, WorkflowSummary } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';
import { ClientPicker, type PickedClient } from './ClientPicker';

const EMPTY = {
  title: '',
  amount: '',
  source: '',
  clientName: '',
  clientKind: 'company' as 'company' | 'person',
  contactName: '',
  email: '',
  phone: '',
  position: '',
};

/** Creates a deal; a 409 names the open deal with the same contact and offers "create anyway". */
export function NewDealForm({
  workflows,
  workflowId,
  onCreated,
}: {
  workflows: WorkflowSummary[];
  workflowId: string | undefined;
  onCreated: (deal: Deal) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [funnel, setFunnel] = useState(workflowId ?? '');
  const [existing, setExisting] = useState(false);
  const [picked, setPicked] = useState<PickedClient | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const body = (): NewDeal => ({
    title: form.title.trim(),
    workflowId: funnel || workflowId || '',
    amount: form.amount ? Number(form.amount) : undefined,
    source: form.source || undefined,
    ...(existing && picked
      ? { clientId: picked.client.id, contactIds: picked.contactIds }
      : {
          client: { name: form.clientName.trim(), kind: form.clientKind },
          contact: {
            name: form.contactName.trim(),
            email: form.email.trim(),
            phone: form.phone.trim(),
            position: form.position.trim(),
          },
        }),
    fields: {},
  });

  const create = async (allowDuplicate: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const deal = await api.createDeal(body(), allowDuplicate);
      setForm(EMPTY);
      setPicked(null);
      setDuplicateOf(null);
      onCreated(deal);
    } catch (e) {
      const existing =
        e instanceof ApiError && e.status === 409
          ? (e.problem?.existingDealId as string | undefined)
          : undefined;
      if (existing) setDuplicateOf(existing);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (existing && !picked) return;
    void create(false);
  };

  return (
    <form className="card form-grid" onSubmit={submit} data-testid="new-deal-form">
      <label>
        {t('newDeal.title')}
        <input required data-testid="new-deal-title" value={form.title} onChange={set('title')} />
      </label>
      <label>
        {t('newDeal.funnel')}
        <select data-testid="new-deal-funnel" value={funnel} onChange={(e) => setFunnel(e.target.value)}>
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('newDeal.amount')}
        <input
          type="number"
          min="0"
          data-testid="new-deal-amount"
          value={form.amount}
          onChange={set('amount')}
        />
      </label>
      <label>
        {t('newDeal.source')}
        <DictionarySelect
          kind="sources"
          testId="new-deal-source"
          value={form.source}
          onChange={(v) => setForm((f) => ({ ...f, source: v }))}
        />
      </label>
      <fieldset className="full row wrap client-mode">
        <legend>{t('newDeal.client')}</legend>
        <label className="radio">
          <input
            type="radio"
            name="client-mode"
            data-testid="new-deal-client-mode-new"
            checked={!existing}
            onChange={() => setExisting(false)}
          />
          {t('newDeal.newClient')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="client-mode"
            data-testid="new-deal-client-mode-existing"
            checked={existing}
            onChange={() => setExisting(true)}
          />
          {t('newDeal.existingClient')}
        </label>
      </fieldset>
      {existing ? (
        <ClientPicker value={picked} onChange={setPicked} />
      ) : (
        <InlineClient form={form} set={set} />
      )}
      {duplicateOf && (
        <div className="warning-box" data-testid="duplicate-warning">
          {t('newDeal.duplicate')}{' '}
          <Link href={`/deals/${encodeURIComponent(duplicateOf)}`} data-testid="duplicate-link">
            {t('newDeal.openExisting')}
          </Link>{' '}
          <button type="button" data-testid="create-anyway" disabled={busy} onClick={() => void create(true)}>
            {t('newDeal.createAnyway')}
          </button>
        </div>
      )}
      <ErrorText error={error} />
      <div>
        <button
          type="submit"
          className="primary"
          disabled={busy || (existing && !picked)}
          data-testid="new-deal-submit"
        >
          {t('newDeal.create')}
        </button>
      </div>
    </form>
  );
}

type Form = typeof EMPTY;

/** The client and contact typed in with the deal (the server reuses a contact with the same e-mail or phone). */
function InlineClient({
  form,
  set,
}: {
  form: Form;
  set: (key: keyof Form) => (e: { target: { value: string } }) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('newDeal.client')}
        <input required data-testid="new-deal-client" value={form.clientName} onChange={set('clientName')} />
      </label>
      <label>
        {t('newDeal.clientKind')}
        <select data-testid="new-deal-client-kind" value={form.clientKind} onChange={set('clientKind')}>
          <option value="company">{t('newDeal.company')}</option>
          <option value="person">{t('newDeal.person')}</option>
        </select>
      </label>
      <label>
        {t('newDeal.contact')}
        <input data-testid="new-deal-contact" value={form.contactName} onChange={set('contactName')} />
      </label>
      <label>
        {t('newDeal.position')}
        <input data-testid="new-deal-position" value={form.position} onChange={set('position')} />
      </label>
      <label>
        {t('newDeal.email')}
        <input type="email" data-testid="new-deal-email" value={form.email} onChange={set('email')} />
      </label>
      <label>
        {t('newDeal.phone')}
        <input type="tel" data-testid="new-deal-phone" value={form.phone} onChange={set('phone')} />
      </label>
    </>
  );
}
