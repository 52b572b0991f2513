import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  Position,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import type { RegulationEdgeData } from './nodeData';

/** A funnel-level regulation: a dashed arc from startOn to stopOn with a clock label. */
function RegulationEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  selected,
}: EdgeProps<Edge<RegulationEdgeData>>) {
  // Both ends leave upwards, so the arc rides above the outcome edges.
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition: Position.Top,
    targetX,
    targetY,
    targetPosition: Position.Top,
    curvature: 0.6,
  });
  return (
    <>
      <BaseEdge id={id} path={path} className={`regulation-edge ${selected ? 'selected' : ''}`} />
      <EdgeLabelRenderer>
        <div
          className="regulation-label nodrag nopan"
          data-testid={`regulation-${id.slice(4)}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          ⏱ {data?.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const RegulationEdge = memo(RegulationEdgeView);
