import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { nameIn, useDictionary } from '../shared/useDictionary';
import { NewClientForm } from './NewClientForm';

/** Clients: a search over names, the list, and "new client". */
export default function ClientsPage() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const sources = useDictionary('sources');
  const segments = useDictionary('segments');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, error } = useAsync(() => api.clients(q || undefined), [q]);

  return (
    <div className="clients-page">
      <div className="row wrap space">
        <h1>{t('clients.title')}</h1>
        <button
          type="button"
          className={creating ? '' : 'primary'}
          data-testid="client-new"
          onClick={() => setCreating((c) => !c)}
        >
          {creating ? t('common.cancel') : t('clients.new')}
        </button>
      </div>
      {creating && (
        <NewClientForm onCreated={(client) => navigate(`/clients/${encodeURIComponent(client.id)}`)} />
      )}
      <input
        type="search"
        className="wide"
        data-testid="clients-search"
        aria-label={t('clients.search')}
        placeholder={t('clients.search')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ErrorText error={error} />
      {data && data.length === 0 && <p className="muted">{t('clients.none')}</p>}
      <ul className="record-list" data-testid="clients-list">
        {(data ?? []).map((c) => (
          <li key={c.id} data-testid={`client-row-${c.id}`}>
            <Link href={`/clients/${encodeURIComponent(c.id)}`} data-testid={`client-link-${c.id}`}>
              <strong>{c.name}</strong>
            </Link>
            <span className="muted small">
              {[
                t(`newDeal.${c.kind}`),
                nameIn(sources, c.source),
                ...c.segments.map((s) => nameIn(segments, s)),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
