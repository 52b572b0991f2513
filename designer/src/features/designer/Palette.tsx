import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../../i18n/I18nProvider';
import { addActivity } from '../../model/graph';
import { ACTIVITY_TYPES, type ActivityType } from '../../model/types';
import type { FunnelEditor } from './useFunnelEditor';

export const PALETTE_MIME = 'application/x-crm-activity';

const NODE_WIDTH = 260;
const NODE_HEIGHT = 150;

/** The first place below `from` where a new node covers none of the others, so nodes never land on top of each other. */
function freeSpot(activities: { design?: { x: number; y: number } }[], from: { x: number; y: number }) {
  const spot = { x: Math.round(from.x), y: Math.round(from.y) };
  const taken = (p: { x: number; y: number }) =>
    activities.some(
      (a) => a.design && Math.abs(a.design.x - p.x) < NODE_WIDTH && Math.abs(a.design.y - p.y) < NODE_HEIGHT,
    );
  for (let i = 0; i < 50 && taken(spot); i++) spot.x += NODE_WIDTH + 40;
  return spot;
}

/** Drag an activity type onto the canvas, or click to drop it in the middle of the view. */
export function Palette({ editor }: { editor: FunnelEditor }) {
  const { t, tx } = useI18n();
  const flow = useReactFlow();
  const addAtCenter = (type: ActivityType) => {
    const el = document.querySelector('.canvas');
    const box = el?.getBoundingClientRect();
    const point = box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 200, y: 200 };
    const position = flow.screenToFlowPosition(point);
    let added = '';
    editor.edit((d) => {
      const r = addActivity(d, type, freeSpot(d.activities, position));
      added = r.id;
      return r.definition;
    });
    if (added) {
      editor.setSelection({ kind: 'activity', id: added });
      // Keep the new node in sight: it may have been placed beside the others, outside the view.
      setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }), 50);
    }
  };
  return (
    <aside className="palette" aria-label={t('designer.palette')}>
      {ACTIVITY_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          draggable
          className={`palette-item type-${type}`}
          data-testid={`palette-${type}`}
          title={tx(`type.${type}.hint`, type)}
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, type);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => addAtCenter(type)}
        >
          {t(`type.${type}`)}
        </button>
      ))}
    </aside>
  );
}
