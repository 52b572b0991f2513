import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { Client, ClientKind } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';
import { useDictionary } from '../shared/useDictionary';
import { ContactFields } from './ContactFields';
import { EMPTY_CONTACT, isBlank, toContactInput } from './contactInput';

/** A company or a person, its source and segments, and a first contact; a shared phone/e-mail names the client who has it. */
export function NewClientForm({ onCreated }: { onCreated: (client: Client) => void }) {
  const { t } = useI18n();
  const segmentList = useDictionary('segments');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ClientKind>('company');
  const [source, setSource] = useState('');
  const [segments, setSegments] = useState<string[]>([]);
  const [contact, setContact] = useState(EMPTY_CONTACT);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDuplicateOf(null);
    try {
      const client = await api.createClient({
        name: name.trim(),
        kind,
        source: source || undefined,
        segments,
        contacts: isBlank(contact) ? [] : [toContactInput(contact)],
      });
      onCreated(client);
    } catch (err) {
      const existing =
        err instanceof ApiError && err.status === 409
          ? (err.problem?.existingClientId as string | undefined)
          : undefined;
      if (existing) setDuplicateOf(existing);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setSegments((list) => (on ? [...list.filter((s) => s !== id), id] : list.filter((s) => s !== id)));

  return (
    <form className="card form-grid new-client" onSubmit={submit} data-testid="new-client-form">
      <label>
        {t('clients.name')}
        <input required data-testid="client-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('newDeal.clientKind')}
        <select
          data-testid="client-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ClientKind)}
        >
          <option value="company">{t('newDeal.company')}</option>
          <option value="person">{t('newDeal.person')}</option>
        </select>
      </label>
      <label>
        {t('newDeal.source')}
        <DictionarySelect kind="sources" testId="client-source" value={source} onChange={setSource} />
      </label>
      <fieldset className="segments">
        <legend>{t('clients.segments')}</legend>
        {segmentList.map((s) => (
          <label key={s.id} className="inline">
            <input
              type="checkbox"
              data-testid={`client-segment-${s.id}`}
              checked={segments.includes(s.id)}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      <h3 className="full">{t('clients.firstContact')}</h3>
      <ContactFields value={contact} onChange={setContact} prefix="client-contact" />
      {duplicateOf && (
        <div className="warning-box" data-testid="client-duplicate">
          {t('clients.duplicateContact')}{' '}
          <Link href={`/clients/${encodeURIComponent(duplicateOf)}`} data-testid="client-duplicate-link">
            {t('newDeal.openExisting')}
          </Link>
        </div>
      )}
      <div className="full">
        <ErrorText error={error} />
        <button type="submit" className="primary" disabled={busy} data-testid="client-submit">
          {t('clients.create')}
        </button>
      </div>
    </form>
  );
}
