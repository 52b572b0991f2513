import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../../i18n/I18nProvider';
import { addActivity } from '../../model/graph';
import { ACTIVITY_TYPES, type ActivityType } from '../../model/types';
import type { FunnelEditor } from './useFunnelEditor';

export const PALETTE_MIME = 'application/x-crm-activity';

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
      const r = addActivity(d, type, {
        x: position.x + Math.random() * 40,
        y: position.y + Math.random() * 40,
      });
      added = r.id;
      return r.definition;
    });
    if (added) editor.setSelection({ kind: 'activity', id: added });
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
