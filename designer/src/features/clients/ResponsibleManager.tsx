import { useState } from 'react';
import { loadSession, request } from '../../api/http';
import type { Client } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import { useAssignees } from '../activities/useAssignees';

/** PUT /api/clients/{id} takes the whole client: the same card with another responsible manager. */
export function saveResponsible(client: Client, responsibleId: string): Promise<Client> {
  return request<Client>('PUT', `/api/clients/${encodeURIComponent(client.id)}`, {
    body: {
      name: client.name,
      kind: client.kind,
      source: client.source ?? undefined,
      segments: client.segments,
      responsibleId,
    },
    headers: { 'If-Match': `"${client.version}"` },
  });
}

/** The client's responsible manager; heads and admins (who may list users) change it in place. */
export function ResponsibleManager({ client, onSaved }: { client: Client; onSaved: () => void }) {
  const { t } = useI18n();
  const role = loadSession()?.user.role;
  const users = useAssignees();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const change = async (id: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await saveResponsible(client, id);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const name = client.responsibleName ?? users.find((u) => u.id === client.responsibleId)?.name;
  return (
    <div className="responsible" data-testid="client-responsible">
      <span className="muted small">{t('clients.responsible')}: </span>
      {role !== 'manager' && users.length > 0 ? (
        <select
          data-testid="client-responsible-select"
          aria-label={t('clients.responsible')}
          value={client.responsibleId ?? ''}
          disabled={busy}
          onChange={(e) => void change(e.target.value)}
        >
          {/* The server keeps a responsible manager when none is sent: there is no "nobody" to pick. */}
          {!client.responsibleId && (
            <option value="" disabled>
              {t('clients.noResponsible')}
            </option>
          )}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      ) : (
        <strong data-testid="client-responsible-name">{name ?? t('clients.noResponsible')}</strong>
      )}
      <ErrorText error={error} />
    </div>
  );
}
