import { useEffect, useState } from 'react';
import type { Contact, Interaction } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';

/** The journal, newest first, with a search box over topic and text (the server searches). */
export function JournalList({
  load,
  revision,
  contacts,
}: {
  load: (q: string | undefined) => Promise<Interaction[]>;
  revision: number;
  contacts: Pick<Contact, 'id' | 'name'>[];
}) {
  const { t, tx, lang } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, error } = useAsync(() => load(q || undefined), [q, revision]);
  const contactName = (id: string | null | undefined) => contacts.find((c) => c.id === id)?.name;

  return (
    <div className="journal">
      <input
        type="search"
        data-testid="journal-search"
        aria-label={t('journal.search')}
        placeholder={t('journal.search')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ErrorText error={error} />
      {data && data.length === 0 && (
        <p className="muted" data-testid="journal-empty">
          {q ? t('journal.nothingFound') : t('journal.empty')}
        </p>
      )}
      <ul className="journal-list" data-testid="journal">
        {(data ?? []).map((i) => (
          <li key={i.id} data-testid={`journal-entry-${i.id}`}>
            <div className="row wrap space">
              <strong>{tx(`interaction.${i.kind}`, i.kind)}</strong>
              <span className="muted small">{formatTime(i.at, lang)}</span>
            </div>
            {i.topic && <div className="journal-topic">{i.topic}</div>}
            <div>{i.text}</div>
            <div className="small muted">
              {[contactName(i.contactId), i.by].filter(Boolean).join(' · ')}
              {(i.resultName || i.result) && (
                <span className="pill result" data-testid="journal-result">
                  {i.resultName ?? i.result}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
