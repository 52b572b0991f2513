import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { Client } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';

export interface PickedClient {
  client: Client;
  contactIds: string[];
}

/** Finds an existing client by name (GET /api/clients?q=) and picks which of its contacts the deal is with. */
export function ClientPicker({
  value,
  onChange,
}: {
  value: PickedClient | null;
  onChange: (picked: PickedClient | null) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Client[]>([]);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const query = q.trim();
    if (value || query.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.clients(query).then(
        (list) => live && setFound(list.slice(0, 8)),
        (e: unknown) => live && setError(e),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, value]);

  const pick = async (c: Client) => {
    setError(undefined);
    try {
      const full = await api.client(c.id);
      const first = full.contacts?.[0]?.id;
      onChange({ client: full, contactIds: first ? [first] : [] });
    } catch (e) {
      setError(e);
    }
  };

  if (value) {
    const toggle = (id: string, on: boolean) =>
      onChange({
        ...value,
        contactIds: on
          ? [...value.contactIds.filter((x) => x !== id), id]
          : value.contactIds.filter((x) => x !== id),
      });
    return (
      <div className="picked-client full" data-testid="new-deal-picked-client">
        <div className="row space">
          <strong>{value.client.name}</strong>
          <button
            type="button"
            className="ghost small"
            data-testid="new-deal-client-change"
            onClick={() => onChange(null)}
          >
            {t('newDeal.changeClient')}
          </button>
        </div>
        {(value.client.contacts ?? []).map((c) => (
          <label key={c.id} className="inline">
            <input
              type="checkbox"
              data-testid={`new-deal-contact-${c.id}`}
              checked={value.contactIds.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            {[c.name, ...c.phones, ...c.emails].join(' · ')}
          </label>
        ))}
      </div>
    );
  }
  return (
    <div className="full">
      <input
        type="search"
        className="wide"
        data-testid="new-deal-client-search"
        aria-label={t('newDeal.findClient')}
        placeholder={t('newDeal.findClient')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul className="record-list">
        {found.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="ghost"
              data-testid={`new-deal-client-option-${c.id}`}
              onClick={() => void pick(c)}
            >
              {c.name}
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </div>
  );
}
