import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';

export default function WorkflowList() {
  const { t, lang } = useI18n();
  const { data, error, loading } = useAsync(() => api.workflows(), []);
  return (
    <div className="workflow-list">
      <div className="row space">
        <h1>{t('designer.funnels')}</h1>
        <Link href="/designer/new" className="button primary" data-testid="workflow-new">
          + {t('designer.newFunnel')}
        </Link>
      </div>
      <ErrorText error={error} />
      {loading && <p className="muted">{t('common.loading')}</p>}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('prop.name')}</th>
              <th>{t('designer.draft')}</th>
              <th>{t('designer.published')}</th>
              <th>{t('designer.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((w) => (
              <tr key={w.id} data-testid={`workflow-${w.id}`}>
                <td>
                  <Link href={`/designer/${encodeURIComponent(w.id)}`}>{w.name || w.id}</Link>
                </td>
                <td>{w.draftVersion ?? '—'}</td>
                <td>
                  {w.publishedVersion ? (
                    <Link
                      href={`/designer/${encodeURIComponent(w.id)}/versions/${w.publishedVersion}`}
                      data-testid={`workflow-live-${w.id}`}
                    >
                      v{w.publishedVersion} · {t('designer.live')}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="muted small">{formatTime(w.updatedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
