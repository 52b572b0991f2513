import type { MouseEvent } from 'react';
import type { SearchResults } from '../../api/records';
import { useI18n } from '../../i18n/I18nProvider';

const enc = encodeURIComponent;

/** The top search's drop-down: clients, contacts (opening their client) and deals, each a link to its page. */
export function SearchResultList({
  results,
  onPick,
}: {
  results: SearchResults;
  onPick: (href: string) => void;
}) {
  const { t, tx } = useI18n();
  const empty = results.clients.length + results.contacts.length + results.deals.length === 0;
  const link = (href: string, testId: string, main: string, extra: string) => (
    <li key={testId}>
      <a
        href={href}
        data-testid={testId}
        onClick={(e: MouseEvent) => {
          e.preventDefault();
          onPick(href);
        }}
      >
        <span>{main}</span>
        {extra && <span className="muted small"> {extra}</span>}
      </a>
    </li>
  );
  return (
    <div className="search-results card" data-testid="search-results">
      {empty && <p className="muted">{t('search.nothing')}</p>}
      {results.clients.length > 0 && (
        <section>
          <h3>{t('search.clients')}</h3>
          <ul>
            {results.clients.map((c) =>
              link(`/clients/${enc(c.id)}`, `search-client-${c.id}`, c.name, t(`newDeal.${c.kind}`)),
            )}
          </ul>
        </section>
      )}
      {results.contacts.length > 0 && (
        <section>
          <h3>{t('search.contacts')}</h3>
          <ul>
            {results.contacts.map((c) =>
              link(
                `/clients/${enc(c.clientId)}?contact=${enc(c.id)}`,
                `search-contact-${c.id}`,
                c.name,
                [...c.phones, ...c.emails].join(', '),
              ),
            )}
          </ul>
        </section>
      )}
      {results.deals.length > 0 && (
        <section>
          <h3>{t('search.deals')}</h3>
          <ul>
            {results.deals.map((d) =>
              link(
                `/deals/${enc(d.id)}`,
                `search-deal-${d.id}`,
                d.title,
                [d.clientName, tx(`deal.state.${d.state}`, d.state)].filter(Boolean).join(' · '),
              ),
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
