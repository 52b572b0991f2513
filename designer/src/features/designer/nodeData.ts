import type { Edge, Node } from '@xyflow/react';
import { connectionId } from '../../model/graph';
import type { StageCounts } from '../../model/stageCounts';
import type { Activity, ValidationError, WorkflowDefinition } from '../../model/types';

export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity;
  isStart: boolean;
  errors: ValidationError[];
  counts?: StageCounts;
  readOnly: boolean;
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

export interface RegulationEdgeData extends Record<string, unknown> {
  label: string;
}

/** Definition → React Flow nodes, keeping positions of nodes being dragged right now. */
export function toNodes(
  def: WorkflowDefinition,
  selectedId: string | null,
  errors: Map<string, ValidationError[]>,
  counts: Map<string, StageCounts> | null,
  readOnly: boolean,
  previous: ActivityFlowNode[],
): ActivityFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return def.activities.map((a) => ({
    id: a.id,
    type: 'activity',
    // A node being dragged keeps its live position; a measured one keeps its size so it is not re-measured.
    position: (before.get(a.id)?.dragging ? before.get(a.id)?.position : undefined) ??
      a.design ?? { x: 0, y: 0 },
    measured: before.get(a.id)?.measured,
    selected: a.id === selectedId,
    draggable: !readOnly,
    deletable: !readOnly,
    data: {
      activity: a,
      isStart: def.start === a.id,
      errors: errors.get(a.id) ?? [],
      counts: counts?.get(a.id),
      readOnly,
    },
  }));
}

export function toEdges(
  def: WorkflowDefinition,
  selectedEdge: string | null,
  readOnly: boolean,
  formatDuration: (iso: string) => string,
): Edge[] {
  const ids = new Set(def.activities.map((a) => a.id));
  const edges: Edge[] = def.connections
    .filter((c) => ids.has(c.source) && ids.has(c.target))
    .map((c) => {
      const id = connectionId(c);
      return {
        id,
        source: c.source,
        sourceHandle: c.outcome,
        target: c.target,
        targetHandle: 'in',
        label: c.outcome,
        type: 'smoothstep',
        selected: id === selectedEdge,
        deletable: !readOnly,
        markerEnd: { type: 'arrowclosed' as const },
        className: 'outcome-edge',
      } satisfies Edge;
    });
  for (const r of def.regulations ?? []) {
    if (!ids.has(r.startOn) || !ids.has(r.stopOn)) continue;
    edges.push({
      id: `reg:${r.id}`,
      source: r.startOn,
      sourceHandle: 'reg-out',
      target: r.stopOn,
      targetHandle: 'reg-in',
      type: 'regulation',
      selected: `reg:${r.id}` === selectedEdge,
      deletable: false,
      data: { label: `${r.name ?? r.id} · ${formatDuration(r.duration)}` },
    });
  }
  return edges;
}
