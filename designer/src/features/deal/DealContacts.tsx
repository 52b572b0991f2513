import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import { housekeepingApi } from '../../api/housekeeping';
import type { Contact } from '../../api/records';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { ContactFields } from '../clients/ContactFields';
import { EMPTY_CONTACT, toContactInput, type ContactDraft } from '../clients/contactInput';

/**
 * The deal's people: each can be taken off the deal; more are added from the client's contacts or created on
 * the client and added in one go.
 */
export function DealContacts({ deal, onChanged }: { deal: Deal; onChanged: () => void }) {
  const { t } = useI18n();
  const contacts = deal.contacts ?? [];
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>();
  const open = deal.state === 'open';
  const run = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };

  return (
    <div className="deal-contacts">
      <ul className="plain small" data-testid="deal-contacts">
        {contacts.length === 0 && (
          <li>
            {[deal.contact?.name, deal.contact?.position, deal.contact?.email, deal.contact?.phone]
              .filter(Boolean)
              .join(' · ') || '—'}
          </li>
        )}
        {contacts.map((c) => (
          <li key={c.id} className="row space" data-testid={`deal-contact-${c.id}`}>
            <span>{[c.name, c.position, ...c.emails, ...c.phones].filter(Boolean).join(' · ')}</span>
            {open && deal.clientId && (
              <button
                type="button"
                className="ghost small"
                data-testid={`deal-contact-remove-${c.id}`}
                aria-label={`${t('common.remove')} ${c.name}`}
                onClick={() => void run(() => housekeepingApi.removeContact(deal, c.id))}
              >
                {t('common.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {open && deal.clientId && !adding && (
        <button
          type="button"
          className="small"
          data-testid="deal-contact-add"
          onClick={() => setAdding(true)}
        >
          {t('clients.addContact')}
        </button>
      )}
      {adding && deal.clientId && (
        <AddContact
          clientId={deal.clientId}
          onDeal={contacts}
          add={async (contactId) => {
            if (await run(() => housekeepingApi.addContact(deal, contactId, contacts.length === 0)))
              setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ErrorText error={error} />
    </div>
  );
}

function AddContact({
  clientId,
  onDeal,
  add,
  onCancel,
}: {
  clientId: string;
  onDeal: Contact[];
  add: (contactId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { data: client, error } = useAsync(() => api.client(clientId), [clientId]);
  const [picked, setPicked] = useState('');
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<ContactDraft>(EMPTY_CONTACT);
  const [createError, setCreateError] = useState<unknown>();
  const free = (client?.contacts ?? []).filter((c) => !onDeal.some((d) => d.id === c.id));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!creating) {
      if (picked) await add(picked);
      return;
    }
    if (!draft.name.trim()) return;
    setCreateError(undefined);
    try {
      const created = await api.addContact(clientId, toContactInput(draft));
      await add(created.id);
    } catch (err) {
      setCreateError(err);
    }
  };
  return (
    <form className="card inset" onSubmit={submit} data-testid="deal-contact-form">
      <ErrorText error={error} />
      {!creating ? (
        <div className="row wrap">
          <select
            data-testid="deal-contact-pick"
            aria-label={t('clients.contacts')}
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
          >
            <option value="">
              {free.length ? t('housekeeping.pickContact') : t('housekeeping.noFreeContacts')}
            </option>
            {free.map((c) => (
              <option key={c.id} value={c.id}>
                {[c.name, c.position].filter(Boolean).join(', ')}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="link small"
            data-testid="deal-contact-new"
            onClick={() => setCreating(true)}
          >
            {t('housekeeping.newContact')}
          </button>
        </div>
      ) : (
        <div className="form-grid compact">
          <ContactFields value={draft} onChange={setDraft} prefix="deal-new-contact" nameRequired />
        </div>
      )}
      <div className="row">
        <button
          type="submit"
          className="primary small"
          data-testid="deal-contact-save"
          disabled={!creating && !picked}
        >
          {t('clients.addContact')}
        </button>
        <button type="button" className="ghost small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorText error={createError} />
    </form>
  );
}
