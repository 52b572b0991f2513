import { Graph, layout } from '@dagrejs/dagre';
import type { DesignPosition, WorkflowDefinition } from './types';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 80;

/**
 * Lays out a funnel left to right with dagre. Returns a top-left position for every activity; with
 * `onlyMissing`, activities that already have a `design` position keep it.
 */
export function autoLayout(def: WorkflowDefinition, onlyMissing = false): Map<string, DesignPosition> {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(def.activities.map((a) => a.id));
  for (const a of def.activities) g.setNode(a.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const c of def.connections)
    if (ids.has(c.source) && ids.has(c.target)) g.setEdge(c.source, c.target, {}, `${c.source}:${c.outcome}`);
  layout(g);

  const positions = new Map<string, DesignPosition>();
  for (const a of def.activities) {
    if (onlyMissing && a.design) {
      positions.set(a.id, a.design);
      continue;
    }
    const n = g.node(a.id) as { x?: number; y?: number } | undefined;
    const x = Math.round((n?.x ?? 0) - NODE_WIDTH / 2);
    const y = Math.round((n?.y ?? 0) - NODE_HEIGHT / 2);
    positions.set(a.id, { x, y });
  }
  return positions;
}

export function needsLayout(def: WorkflowDefinition): boolean {
  return def.activities.some((a) => !a.design);
}

/** The definition with positions applied to its activities. */
export function applyLayout(
  def: WorkflowDefinition,
  positions: Map<string, DesignPosition>,
): WorkflowDefinition {
  return {
    ...def,
    activities: def.activities.map((a) => {
      const p = positions.get(a.id);
      return p ? { ...a, design: { x: p.x, y: p.y } } : a;
    }),
  };
}
