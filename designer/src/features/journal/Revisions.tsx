import { journalApi } from '../../api/journal';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';

/** An entry's earlier versions, newest first: who changed it when, and what it said before. */
export function Revisions({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { data, error } = useAsync(() => journalApi.revisions(id), [id]);
  return (
    <div className="revisions" data-testid="journal-revisions">
      <ErrorText error={error} />
      {data && data.length === 0 && <p className="muted small">{t('journal.noRevisions')}</p>}
      <ol className="small">
        {[...(data ?? [])]
          .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
          .map((r, n) => (
            <li key={`${r.at}-${n}`} data-testid="journal-revision">
              <span className="muted">
                {t('journal.revisionBy', { who: r.byName ?? r.by ?? '—', when: formatTime(r.at, lang) })}
              </span>
              {r.interactionAt && <span className="muted"> · {formatTime(r.interactionAt, lang)}</span>}
              {r.topic && <div className="journal-topic">{r.topic}</div>}
              <div>{r.text}</div>
              {r.result && <span className="pill result">{r.result}</span>}
            </li>
          ))}
      </ol>
    </div>
  );
}
