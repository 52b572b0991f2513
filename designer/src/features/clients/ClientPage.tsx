import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { formatMoney } from '../../app/format';
import { Link } from '../../app/Link';
import { queryParam, usePath } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import { InteractionForm } from '../journal/InteractionForm';
import { JournalList } from '../journal/JournalList';
import { nameIn, useDictionary } from '../shared/useDictionary';
import { AuditSection } from './AuditSection';
import { ContactsCard } from './ContactsCard';

/** One client: its contacts, its deals (those the caller may see) and its interaction journal. */
export default function ClientPage({ clientId }: { clientId: string }) {
  const { t, tx, lang } = useI18n();
  const path = usePath();
  const { data: client, error, reload } = useAsync(() => api.client(clientId), [clientId]);
  const { user } = useAuth();
  const [journalRevision, setJournalRevision] = useState(0);
  const sources = useDictionary('sources');
  const segments = useDictionary('segments');

  if (error) return <ErrorText error={error} />;
  if (!client) return <p className="muted">{t('common.loading')}</p>;
  const contacts = client.contacts ?? [];
  const deals = client.deals ?? [];

  return (
    <div className="client-page" data-testid="client-page">
      <h1 data-testid="client-title">{client.name}</h1>
      <p className="muted">
        {[
          t(`newDeal.${client.kind}`),
          nameIn(sources, client.source),
          ...client.segments.map((s) => nameIn(segments, s)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="columns">
        <div className="stack">
          <ContactsCard
            clientId={client.id}
            contacts={contacts}
            highlight={queryParam(path, 'contact')}
            onSaved={reload}
          />
          <section className="card">
            <h2>{t('clients.deals')}</h2>
            {deals.length === 0 && <p className="muted">{t('clients.noDeals')}</p>}
            <ul className="record-list" data-testid="client-deals">
              {deals.map((d) => (
                <li key={d.id}>
                  <Link href={`/deals/${encodeURIComponent(d.id)}`} data-testid={`client-deal-${d.id}`}>
                    {d.title}
                  </Link>
                  <span className="muted small">
                    {[tx(`deal.state.${d.state}`, d.state), d.stageId, formatMoney(d.amount, lang)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {user?.role === 'admin' && (
            <AuditSection
              clientId={client.id}
              contacts={contacts}
              revision={`${client.version}:${contacts.map((c) => c.version).join(',')}`}
            />
          )}
        </div>
        <section className="card">
          <h2>{t('deal.journal')}</h2>
          <InteractionForm
            contacts={contacts}
            submit={(i) => api.addClientInteraction(client.id, i)}
            onSaved={() => setJournalRevision((n) => n + 1)}
          />
          <JournalList
            load={(q) => api.clientInteractions(client.id, q)}
            revision={journalRevision}
            contacts={contacts}
          />
        </section>
      </div>
    </div>
  );
}
