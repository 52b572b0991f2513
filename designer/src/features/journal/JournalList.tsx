import { useEffect, useRef, useState } from 'react';
import { loadSession } from '../../api/http';
import type { Contact, Interaction } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { Link } from '../../app/Link';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { CorrectionForm } from './CorrectionForm';
import { Revisions } from './Revisions';

export type JournalScope = 'deal' | 'client';
export interface JournalQuery {
  scope: JournalScope;
  managerId?: string;
}

/** "01", "02", …: the entry's number in creation order, as the paper journal would have it. */
export const entryNumber = (n: number | null | undefined) => (n ? String(n).padStart(2, '0') : '');

/**
 * The journal, newest first, with a search box over topic and text (the server searches). Each entry shows
 * its number, the date of the letter or meeting itself apart from the date it was written down, and an
 * "edited" mark that opens its earlier versions; the author corrects their own entries. With `canScope` a
 * switch widens it to the client's whole history (every deal), filterable by manager.
 */
export function JournalList({
  load,
  revision,
  contacts,
  canScope = false,
  initialScope = 'deal',
  onCorrected,
}: {
  load: (q: string | undefined, query: JournalQuery) => Promise<Interaction[]>;
  revision: number;
  contacts: Pick<Contact, 'id' | 'name'>[];
  canScope?: boolean;
  initialScope?: JournalScope;
  onCorrected?: () => void;
}) {
  const { t, tx, lang } = useI18n();
  const me = loadSession()?.user;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [scope, setScope] = useState<JournalScope>(initialScope);
  const [managerId, setManagerId] = useState('');
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, error } = useAsync(
    () => load(q || undefined, { scope, managerId: managerId || undefined }),
    [q, revision, scope, managerId, tick],
  );
  // The manager filter offers everyone seen in this journal so far, so picking one does not empty the list.
  const managers = useRef(new Map<string, string>());
  for (const i of data ?? [])
    if (i.by) managers.current.set(i.by, i.byName ?? managers.current.get(i.by) ?? i.by);
  const contactName = (id: string | null | undefined) => contacts.find((c) => c.id === id)?.name;
  const wide = scope === 'client';
  const mayCorrect = (i: Interaction) => !!me && (me.role === 'admin' || (!!i.by && i.by === me.id));

  return (
    <div className="journal">
      {(canScope || wide) && (
        <div className="row wrap journal-filters">
          {canScope && (
            <div className="segmented" role="radiogroup" aria-label={t('journal.scope')}>
              {(['deal', 'client'] as const).map((s) => (
                <label key={s} className="radio">
                  <input
                    type="radio"
                    name="journal-scope"
                    checked={scope === s}
                    data-testid={`journal-scope-${s}`}
                    onChange={() => setScope(s)}
                  />
                  {t(`journal.scope.${s}`)}
                </label>
              ))}
            </div>
          )}
          {wide && (
            <select
              data-testid="journal-manager"
              aria-label={t('journal.manager')}
              value={managerId}
              onChange={(e) => setManagerId(e.target.value)}
            >
              <option value="">{t('journal.allManagers')}</option>
              {[...managers.current]
                .sort((a, b) => a[1].localeCompare(b[1]))
                .map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
            </select>
          )}
        </div>
      )}
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
          {q || managerId ? t('journal.nothingFound') : t('journal.empty')}
        </p>
      )}
      <ul className="journal-list" data-testid="journal">
        {(data ?? []).map((i) => {
          const edited = !!i.editedAt || (i.revisions ?? 0) > 0;
          return (
            <li key={i.id} data-testid={`journal-entry-${i.id}`}>
              <div className="row wrap space">
                <span>
                  {i.number ? (
                    <span className="entry-number" data-testid="journal-number">
                      {entryNumber(i.number)}
                    </span>
                  ) : null}
                  <strong>{tx(`interaction.${i.kind}`, i.kind)}</strong>{' '}
                  <span className="small" data-testid="journal-at" title={t('journal.happenedAt')}>
                    {formatTime(i.at, lang)}
                  </span>
                </span>
                <span className="muted small">
                  {i.createdAt && (
                    <span data-testid="journal-written">
                      {t('journal.written', { when: formatTime(i.createdAt, lang) })}
                    </span>
                  )}
                  {edited && (
                    <button
                      type="button"
                      className="link small"
                      data-testid="journal-edited"
                      onClick={() => setShowing(showing === i.id ? null : i.id)}
                    >
                      {t('journal.edited')}
                    </button>
                  )}
                </span>
              </div>
              {wide && i.dealId && (
                <div className="small">
                  <Link href={`/deals/${encodeURIComponent(i.dealId)}`} data-testid="journal-deal">
                    {i.dealTitle ?? t('activity.deal')}
                  </Link>
                </div>
              )}
              {editing === i.id ? (
                <CorrectionForm
                  entry={i}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    setTick((n) => n + 1);
                    onCorrected?.();
                  }}
                />
              ) : (
                <>
                  {i.topic && <div className="journal-topic">{i.topic}</div>}
                  <div>{i.text}</div>
                </>
              )}
              <div className="small muted row wrap">
                <span>{[contactName(i.contactId), i.byName ?? i.by].filter(Boolean).join(' · ')}</span>
                {(i.resultName || i.result) && (
                  <span className="pill result" data-testid="journal-result">
                    {i.resultName ?? i.result}
                  </span>
                )}
                {mayCorrect(i) && editing !== i.id && (
                  <button
                    type="button"
                    className="link small"
                    data-testid="journal-correct"
                    onClick={() => setEditing(i.id)}
                  >
                    {t('journal.correct')}
                  </button>
                )}
              </div>
              {showing === i.id && <Revisions id={i.id} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
