import { useState } from 'react';
import { activityApi } from '../../api/activities';
import { api } from '../../api/endpoints';
import { journalApi } from '../../api/journal';
import { ErrorText } from '../../app/ErrorText';
import { formatMoney } from '../../app/format';
import { Link } from '../../app/Link';
import { queryParam, usePath } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { ActivitiesSection } from '../activities/ActivitiesSection';
import { useAssignees } from '../activities/useAssignees';
import { useAuth } from '../auth/AuthProvider';
import { FilesSection } from '../files/FilesSection';
import { InteractionForm } from '../journal/InteractionForm';
import { JournalList } from '../journal/JournalList';
import { nameIn, useDictionary } from '../shared/useDictionary';
import { AuditSection } from './AuditSection';
import { ContactsCard } from './ContactsCard';
import { ResponsibleManager } from './ResponsibleManager';
import '../../styles/work.css';

/**
 * One client: its responsible manager, contacts, deals (those the caller may see), activities, files and
 * the whole interaction history across its deals.
 */
export default function ClientPage({ clientId }: { clientId: string }) {
  const { t, tx, lang } = useI18n();
  const path = usePath();
  const { data: client, error, reload } = useAsync(() => api.client(clientId), [clientId]);
  const { user } = useAuth();
  const [journalRevision, setJournalRevision] = useState(0);
  const sources = useDictionary('sources');
  const segments = useDictionary('segments');
  const users = useAssignees();

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
      <ResponsibleManager client={client} onSaved={reload} />
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
          {user?.role !== 'admin' && (
            <ActivitiesSection
              load={() => activityApi.list({ clientId: client.id, state: 'open' })}
              plan={(a) => activityApi.planOnClient(client.id, a)}
              contacts={contacts}
              users={users}
              defaultAssigneeId={client.responsibleId ?? user?.id}
              warn={false}
              showDeal
              onChanged={() => setJournalRevision((n) => n + 1)}
            />
          )}
          <FilesSection owner={{ clientId: client.id }} />
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
            load={(q, query) => journalApi.client(client.id, { q, managerId: query.managerId })}
            revision={journalRevision}
            contacts={contacts}
            initialScope="client"
          />
        </section>
      </div>
    </div>
  );
}
