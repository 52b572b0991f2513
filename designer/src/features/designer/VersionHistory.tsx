import { api } from '../../api/endpoints';
import type { WorkflowVersion } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';

export function VersionHistory({
  workflowId,
  current,
  published,
}: {
  workflowId: string;
  current?: number;
  published?: number | null;
}) {
  const { t, lang } = useI18n();
  const { data, error } = useAsync(() => api.versions(workflowId), [workflowId]);
  const versions: WorkflowVersion[] = (data ?? [])
    .map((v) => (typeof v === 'number' ? { version: v } : v))
    .sort((a, b) => b.version - a.version);
  return (
    <div className="card versions" data-testid="versions">
      <h3>{t('designer.versions')}</h3>
      <ErrorText error={error} />
      <ul>
        <li>
          <Link href={`/designer/${encodeURIComponent(workflowId)}`} data-testid="version-draft">
            {t('designer.draft')}
          </Link>
        </li>
        {versions.map((v) => (
          <li key={v.version} className={v.version === current ? 'active' : ''}>
            <Link
              href={`/designer/${encodeURIComponent(workflowId)}/versions/${v.version}`}
              data-testid={`version-${v.version}`}
            >
              v{v.version}
            </Link>{' '}
            {v.version === published && <span className="chip start">{t('designer.published')}</span>}
            {v.status && v.version !== published && <span className="muted small">{v.status}</span>}{' '}
            <span className="muted small">
              {formatTime(v.publishedAt ?? v.createdAt ?? v.updatedAt, lang)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
