import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../app/ErrorText';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { groupErrors } from '../../model/validate';
import { Canvas } from './Canvas';
import { FunnelPanel } from './FunnelPanel';
import { Palette } from './Palette';
import { PropertiesPanel } from './PropertiesPanel';
import { useFunnelEditor, useUndoKeys } from './useFunnelEditor';
import { useStageCounts } from './useStageCounts';
import { VersionHistory } from './VersionHistory';

export default function DesignerPage({
  workflowId,
  version,
}: {
  workflowId: string | null;
  version?: number;
}) {
  const { t, tx } = useI18n();
  const editor = useFunnelEditor(workflowId, version);
  useUndoKeys(editor);
  const [showVersions, setShowVersions] = useState(false);
  const summary = useAsync(
    () =>
      workflowId
        ? api.workflows().then((l) => l.find((w) => w.id === workflowId))
        : Promise.resolve(undefined),
    [workflowId, editor.notice],
  );
  const published = summary.data?.publishedVersion ?? null;
  const live = version !== undefined && version === published;
  const counts = useStageCounts(workflowId, live);
  const { def, errors, selection } = editor;
  const grouped = useMemo(() => groupErrors(errors, def?.activities.map((a) => a.id) ?? []), [errors, def]);
  const unsaved = editor.dirty && !editor.readOnly;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  if (editor.loadError) return <ErrorText error={editor.loadError} />;
  if (!def) return <p className="muted">{t('common.loading')}</p>;

  const save = async () => {
    const id = await editor.saveDraft();
    if (id && workflowId === null) navigate(`/designer/${encodeURIComponent(id)}`, true);
  };
  const publish = async () => {
    const v = await editor.publish();
    if (v !== null) summary.reload();
  };
  // Errors tied to a funnel regulation are shown in the funnel panel, the rest without a node in the banner.
  const regulationIds = new Set((def.regulations ?? []).map((r) => r.id));
  const banner = grouped.general.filter((e) => !e.activityId || !regulationIds.has(e.activityId));

  return (
    <ReactFlowProvider>
      <div className="designer">
        <div className="toolbar row wrap">
          <Link href="/designer" className="ghost">
            ←
          </Link>
          <strong className="funnel-title">{def.name || def.id}</strong>
          {version !== undefined && (
            <span className="chip" data-testid="readonly-badge">
              v{version} · {live ? t('designer.live') : t('designer.readOnly')}
            </span>
          )}
          {editor.dirty && !editor.readOnly && <span className="muted small">{t('designer.unsaved')}</span>}
          <div className="spacer" />
          {!editor.readOnly && (
            <>
              <button
                type="button"
                data-testid="undo"
                disabled={!editor.canUndo}
                onClick={editor.undo}
                title="Ctrl+Z"
              >
                ↶ {t('designer.undo')}
              </button>
              <button
                type="button"
                data-testid="redo"
                disabled={!editor.canRedo}
                onClick={editor.redo}
                title="Ctrl+Shift+Z"
              >
                ↷ {t('designer.redo')}
              </button>
              <button type="button" data-testid="auto-layout" onClick={editor.relayout}>
                {t('designer.autoLayout')}
              </button>
              <button
                type="button"
                data-testid="save"
                disabled={editor.busy !== null}
                onClick={() => void save()}
              >
                {t('designer.save')}
              </button>
              <button
                type="button"
                className="primary"
                data-testid="publish"
                disabled={editor.busy !== null}
                onClick={() => void publish()}
              >
                {t('designer.publish')}
              </button>
            </>
          )}
          {workflowId && (
            <button
              type="button"
              data-testid="versions-toggle"
              aria-pressed={showVersions}
              onClick={() => setShowVersions(!showVersions)}
            >
              {t('designer.versions')}
            </button>
          )}
          <span className={errors.length ? 'error small' : 'ok small'} data-testid="validation-status">
            {errors.length ? t('designer.problems', { n: errors.length }) : t('designer.valid')}
          </span>
        </div>
        {editor.notice && (
          <p className="ok small" data-testid="designer-notice">
            {tx(
              editor.notice === 'published' ? 'designer.published_notice' : 'designer.saved',
              editor.notice,
            )}
          </p>
        )}
        <ErrorText error={editor.actionError} />
        {banner.length > 0 && (
          <div className="banner error" data-testid="error-banner">
            {banner.map((e, i) => (
              <div key={i}>
                <code>{e.code}</code> {e.message}
              </div>
            ))}
          </div>
        )}
        <div className="designer-body">
          {!editor.readOnly && <Palette editor={editor} />}
          <Canvas editor={editor} errorsByActivity={grouped.byActivity} counts={counts} />
          <aside className="side-panel">
            {showVersions && workflowId && (
              <VersionHistory workflowId={workflowId} current={version} published={published} />
            )}
            {selection?.kind === 'activity' ? (
              <PropertiesPanel
                id={selection.id}
                editor={editor}
                errors={grouped.byActivity.get(selection.id) ?? []}
              />
            ) : (
              <FunnelPanel
                editor={editor}
                errors={errors}
                focusRegulation={selection?.kind === 'regulation' ? selection.id : undefined}
              />
            )}
          </aside>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
