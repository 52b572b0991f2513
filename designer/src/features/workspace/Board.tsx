import type { Deal } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { orderedStages } from '../../model/stages';
import type { WorkflowDefinition } from '../../model/types';
import { useNow } from '../shared/useNow';
import { DealCard } from './DealCard';

/** My deals as columns, one per stage of the funnel; deals on stages the definition lacks go last. */
export function Board({
  definition,
  deals,
  onMove,
}: {
  definition: WorkflowDefinition | undefined;
  deals: Deal[];
  onMove: (deal: Deal) => void;
}) {
  const { t } = useI18n();
  const now = useNow();
  const stages = definition ? orderedStages(definition) : [];
  const known = new Set(stages.map((s) => s.id));
  const others = deals.filter((d) => !known.has(d.stageId));
  const columns = stages.map((s) => ({
    id: s.id,
    name: s.name ?? s.id,
    deals: deals.filter((d) => d.stageId === s.id),
  }));
  if (others.length) columns.push({ id: '_other', name: t('board.other'), deals: others });

  return (
    <div className="board" data-testid="board">
      {columns.map((c) => (
        <section key={c.id} className="board-column" data-testid={`column-${c.id}`}>
          <header>
            <strong>{c.name}</strong> <span className="muted">{c.deals.length}</span>
          </header>
          {c.deals.map((d) => (
            <DealCard key={d.id} deal={d} now={now} onMove={onMove} />
          ))}
        </section>
      ))}
      {columns.length === 0 && <p className="muted">{t('board.empty')}</p>}
    </div>
  );
}
