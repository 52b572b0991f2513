import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import type { Contact } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import { ContactFields } from './ContactFields';
import { EMPTY_CONTACT, toContactInput, toDraft, type ContactDraft } from './contactInput';

/** The client's people: each with phones and e-mails, editable in place; "add contact" at the end. */
export function ContactsCard({
  clientId,
  contacts,
  highlight,
  onSaved,
}: {
  clientId: string;
  contacts: Contact[];
  highlight?: string | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <section className="card">
      <div className="row space">
        <h2>{t('clients.contacts')}</h2>
        <button type="button" className="small" data-testid="contact-add" onClick={() => setEditing('new')}>
          {t('clients.addContact')}
        </button>
      </div>
      <ul className="record-list" data-testid="contacts">
        {contacts.map((c) =>
          editing === c.id ? (
            <li key={c.id}>
              <ContactEditor
                initial={toDraft(c)}
                save={(d) => api.saveContact({ ...toContactInput(d), id: c.id, version: c.version })}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) onSaved();
                }}
              />
            </li>
          ) : (
            <li key={c.id} data-testid={`contact-${c.id}`} className={highlight === c.id ? 'highlight' : ''}>
              <div className="row space">
                <strong>{c.name}</strong>
                <button
                  type="button"
                  className="ghost small"
                  data-testid={`contact-edit-${c.id}`}
                  onClick={() => setEditing(c.id)}
                >
                  {t('common.edit')}
                </button>
              </div>
              <span className="small muted">
                {[c.position, ...c.phones, ...c.emails, c.birthday].filter(Boolean).join(' · ')}
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' && (
        <ContactEditor
          initial={EMPTY_CONTACT}
          save={(d) => api.addContact(clientId, toContactInput(d))}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onSaved();
          }}
        />
      )}
    </section>
  );
}

function ContactEditor({
  initial,
  save,
  onDone,
}: {
  initial: ContactDraft;
  save: (d: ContactDraft) => Promise<unknown>;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await save(draft);
      onDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card inset form-grid" onSubmit={submit} data-testid="contact-form">
      <ContactFields value={draft} onChange={setDraft} prefix="contact-form" nameRequired />
      <div className="row full">
        <button type="submit" className="primary" disabled={busy} data-testid="contact-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => onDone(false)} data-testid="contact-cancel">
          {t('common.cancel')}
        </button>
      </div>
      <div className="full">
        <ErrorText error={error} />
      </div>
    </form>
  );
}
