import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Connection as FlowConnection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  addActivity,
  connect,
  disconnect,
  moveActivity,
  parseConnectionId,
  removeActivity,
} from '../../model/graph';
import { formatDuration } from '../../model/duration';
import type { StageCounts } from '../../model/stageCounts';
import { ACTIVITY_TYPES, type ActivityType, type ValidationError } from '../../model/types';
import { ActivityNode } from './ActivityNode';
import { PALETTE_MIME } from './Palette';
import { RegulationEdge } from './RegulationEdge';
import { toEdges, toNodes, type ActivityFlowNode } from './nodeData';
import type { FunnelEditor } from './useFunnelEditor';

// Module level, so React Flow does not see new types on every render.
const nodeTypes = { activity: ActivityNode };
const edgeTypes = { regulation: RegulationEdge };

interface Props {
  editor: FunnelEditor;
  errorsByActivity: Map<string, ValidationError[]>;
  counts: Map<string, StageCounts> | null;
}

export function Canvas({ editor, errorsByActivity, counts }: Props) {
  const { def, readOnly, edit, selection, setSelection } = editor;
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<ActivityFlowNode[]>([]);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const selectedId = selection?.kind === 'activity' ? selection.id : null;

  useEffect(() => {
    if (def) setNodes((prev) => toNodes(def, selectedId, errorsByActivity, counts, readOnly, prev));
  }, [def, selectedId, errorsByActivity, counts, readOnly]);

  // Frame the whole funnel once every node has been measured; React Flow's own fitView runs before the
  // funnel has loaded, on no nodes at all.
  const funnelId = def?.id;
  const measured = useNodesInitialized();
  useEffect(() => {
    if (measured) void flow.fitView({ padding: 0.15, duration: 0 });
  }, [funnelId, measured, flow]);

  const edges = useMemo(
    () => (def ? toEdges(def, selectedEdge, readOnly, (d) => formatDuration(d)) : []),
    [def, selectedEdge, readOnly],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      // Positions and dimensions live here while dragging; the model hears of it on drag stop.
      setNodes((ns) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove'),
          ns,
        ),
      );
      for (const c of changes) {
        if (c.type === 'select' && c.selected) setSelection({ kind: 'activity', id: c.id });
      }
    },
    [edit, setSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const c of changes) {
        if (c.type === 'select') {
          setSelectedEdge(c.selected ? c.id : null);
          if (c.selected && c.id.startsWith('reg:')) setSelection({ kind: 'regulation', id: c.id.slice(4) });
        }
      }
    },
    [edit, setSelection],
  );

  // One undo step for a whole deletion: the nodes and every edge that goes with them.
  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: ActivityFlowNode[]; edges: Edge[] }) => {
      edit((d) => {
        let next = gone.reduce((acc, n) => removeActivity(acc, n.id), d);
        for (const e of cut) {
          const parsed = parseConnectionId(e.id);
          if (parsed) next = disconnect(next, parsed.source, parsed.outcome);
        }
        return next;
      });
      if (gone.length) setSelection(null);
    },
    [edit, setSelection],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (!c.sourceHandle || c.sourceHandle.startsWith('reg-')) return;
      edit((d) => connect(d, { source: c.source, outcome: c.sourceHandle!, target: c.target }));
    },
    [edit],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, __: ActivityFlowNode, dragged: ActivityFlowNode[]) => {
      edit((d) => dragged.reduce((acc, n) => moveActivity(acc, n.id, n.position), d));
    },
    [edit],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      const type = e.dataTransfer.getData(PALETTE_MIME) as ActivityType;
      if (!ACTIVITY_TYPES.includes(type)) return;
      const position = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      let added = '';
      edit((d) => {
        const r = addActivity(d, type, position);
        added = r.id;
        return r.definition;
      });
      if (added) setSelection({ kind: 'activity', id: added });
    },
    [edit, flow, setSelection],
  );

  const isValidConnection = useCallback(
    (c: FlowConnection | Edge) =>
      !!c.sourceHandle && !c.sourceHandle.startsWith('reg-') && c.targetHandle === 'in',
    [],
  );

  return (
    <div className="canvas" data-testid="canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <ReactFlow<ActivityFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => {
          setSelection(null);
          setSelectedEdge(null);
        }}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        fitView
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
