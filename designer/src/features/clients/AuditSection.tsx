import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../api/audit';
import { api } from '../../api/endpoints';
import type { Contact } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';

/** The client's change history (its own and its contacts'), newest first: who changed which field from what to what. */
export function AuditSection({
  clientId,
  contacts,
  revision,
}: {
  clientId: string;
  contacts: Contact[];
  revision: string;
}) {
  const { t, tx, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.clientAudit(clientId).then(
      (page) => {
        if (!live) return;
        setEntries(page.entries);
        setCursor(page.nextCursor);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [clientId, revision]);

  const more = async () => {
    if (!cursor) return;
    try {
      const page = await api.clientAudit(clientId, cursor);
      setEntries((shown) => [...(shown ?? []), ...page.entries]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    }
  };
  const actor = (e: AuditEntry) => e.actorName ?? tx(`audit.actor.${e.actorId}`, e.actorId);
  const subject = (e: AuditEntry) =>
    e.entityType === 'contact'
      ? `${t('audit.contact')} ${contacts.find((c) => c.id === e.entityId)?.name ?? ''}`.trim()
      : '';
  const via = (e: AuditEntry) =>
    e.via === 'import' ? t('audit.viaImport') : e.via === 'deal' ? t('audit.viaDeal') : '';

  return (
    <section className="card" data-testid="client-audit">
      <h2>{t('audit.title')}</h2>
      {error !== null && <ErrorText error={error} />}
      {entries?.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      <ul className="record-list">
        {(entries ?? []).map((e) => (
          <li key={e.id} data-testid={`audit-${e.id}`}>
            <span>
              {[actor(e), tx(`audit.action.${e.action}`, e.action), subject(e)].filter(Boolean).join(' ')}
            </span>
            <span className="muted small">
              {[formatTime(e.at, lang), via(e)].filter(Boolean).join(' · ')}
            </span>
            <ul className="small">
              {e.changes.map((c, i) => (
                <li key={i}>
                  {tx(`audit.field.${c.field}`, c.field)}: {c.before ?? '—'} → {c.after ?? '—'}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" className="small" data-testid="audit-more" onClick={() => void more()}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
