import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect } from 'react';
import { formatDuration } from '../../model/duration';
import { useI18n } from '../../i18n/I18nProvider';
import type { ActivityFlowNode } from './nodeData';

const ICONS: Record<string, string> = {
  Stage: '▭',
  Decision: '◇',
  Timer: '⏲',
  Notify: '✉',
  Assign: '👤',
  End: '⏹',
};

/** One activity on the canvas: a target on the left, one source handle per outcome on the right. */
function ActivityNodeView({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const { t } = useI18n();
  const { activity: a, isStart, errors, counts } = data;
  const outcomes = a.outcomes ?? [];
  // Handles are found by measuring the DOM: tell React Flow when the set of outcome handles changes.
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = outcomes.join('\u0000');
  useEffect(() => updateNodeInternals(id), [id, handleKey, updateNodeInternals]);
  const classes = [
    'activity-node',
    `type-${a.type}`,
    selected ? 'selected' : '',
    errors.length ? 'has-errors' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid={`node-${a.id}`} data-errors={errors.length}>
      <Handle type="target" position={Position.Left} id="in" className="handle-in" />
      <Handle
        type="source"
        position={Position.Top}
        id="reg-out"
        className="handle-reg"
        isConnectable={false}
      />
      <Handle
        type="target"
        position={Position.Top}
        id="reg-in"
        className="handle-reg"
        isConnectable={false}
      />
      <div className="node-head">
        <span className="node-icon" aria-hidden>
          {ICONS[a.type] ?? '•'}
        </span>
        <strong className="node-name">{a.name || a.id}</strong>
        {isStart && <span className="chip start">{t('designer.start')}</span>}
      </div>
      <div className="node-meta muted small">
        {a.type}
        {a.regulation?.duration && <span className="chip">⏱ {formatDuration(a.regulation.duration)}</span>}
        {a.pausesClocks && <span className="chip">⏸</span>}
        {a.type === 'End' && <span className={`chip result-${a.result}`}>{a.result}</span>}
      </div>
      {counts && (
        <div className="node-counts" data-testid={`counts-${a.id}`}>
          <span className="count open" title={t('designer.countOpen')}>
            {counts.open}
          </span>
          <span className="count risk" title={t('designer.countAtRisk')}>
            {counts.atRisk}
          </span>
          <span className="count overdue" title={t('designer.countOverdue')}>
            {counts.overdue}
          </span>
        </div>
      )}
      <ul className="node-outcomes">
        {outcomes.map((o) => (
          <li key={o} className={a.returnOutcome === o ? 'return' : ''}>
            <span>{a.returnOutcome === o ? `↩ ${o}` : o}</span>
            <Handle
              type="source"
              position={Position.Right}
              id={o}
              className="handle-out"
              data-testid={`handle-${a.id}-${o}`}
            />
          </li>
        ))}
      </ul>
      {errors.length > 0 && (
        <div className="node-errors" data-testid={`node-errors-${a.id}`}>
          {errors.slice(0, 2).map((e, i) => (
            <div key={i}>{e.message}</div>
          ))}
          {errors.length > 2 && <div>+{errors.length - 2}</div>}
        </div>
      )}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
