import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import {
  dayApi,
  type Board as BoardData,
  type BoardColumn,
  type BoardFilters as Filters,
  type DayDeal,
} from '../../api/day';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { Deal, User } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { formatMoney } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { outcomesLeadingTo } from '../../model/boardMoves';
import { missingData, type MissingItem } from '../../model/missing';
import { useAlertRevision } from '../alerts/AlertsProvider';
import { Dialog } from '../shared/Dialog';
import { loadDefinition } from '../shared/funnels';
import { MoveDialog } from '../shared/MoveDialog';
import { useNow } from '../shared/useNow';
import { BoardCard } from './BoardCard';
import { BoardFilters } from './BoardFilters';

interface Drop {
  deal: DayDeal;
  column: BoardColumn;
  outcomes: string[];
}

/** A second page of one column answers as a board with that column, or as the column itself. */
function columnOf(page: BoardData | BoardColumn, stageId: string): BoardColumn | undefined {
  return 'columns' in page ? page.columns.find((c) => c.stageId === stageId) : page;
}

/**
 * The funnel as stage columns from GET /api/deals/board: totals per column over every matching deal, the first
 * page of cards and "more". Dropping a card on a column moves the deal by the outcome that leads there (asking
 * which when several do); a move that lacks data opens the Move dialog on what is missing.
 */
export function Board({ workflowId, user }: { workflowId: string; user: User }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const revision = useAlertRevision();
  // The workspace remounts the board per funnel (key), so the funnel is fixed here.
  const [filters, setFilters] = useState<Filters>(() => ({
    workflowId,
    ownerId: user.role === 'manager' ? user.id : undefined,
  }));
  const [board, setBoard] = useState<BoardData>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [moving, setMoving] = useState<{
    deal: Deal;
    missing?: { outcome: string; items: MissingItem[] };
  } | null>(null);
  const [choosing, setChoosing] = useState<Drop | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dragged = useRef<DayDeal | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    dayApi.board(filters).then(
      (b) => mine === seq.current && (setBoard(b), setError(undefined)),
      (e: unknown) => mine === seq.current && setError(e),
    );
  }, [filters, tick, revision]);

  const reload = useCallback(() => setTick((n) => n + 1), []);

  const more = async (column: BoardColumn) => {
    if (!column.nextCursor) return;
    try {
      const page = columnOf(
        await dayApi.boardColumnPage(filters, column.stageId, column.nextCursor),
        column.stageId,
      );
      if (!page) return;
      setBoard(
        (b) =>
          b && {
            ...b,
            columns: b.columns.map((c) =>
              c.stageId === column.stageId
                ? {
                    ...c,
                    deals: [...c.deals, ...page.deals.filter((d) => !c.deals.some((x) => x.id === d.id))],
                    nextCursor: page.nextCursor,
                  }
                : c,
            ),
          },
      );
    } catch (e) {
      setError(e);
    }
  };

  const move = async (deal: DayDeal, outcome: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.move(deal.id, { outcome }, deal.version);
      reload();
    } catch (e) {
      const items = e instanceof ApiError && e.status === 400 ? missingData(e.problem) : null;
      if (items && items.length > 0) setMoving({ deal, missing: { outcome, items } });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const drop = (column: BoardColumn) => async (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const deal = dragged.current;
    dragged.current = null;
    setNotice(null);
    if (!deal || deal.stageId === column.stageId) return;
    try {
      const def = await loadDefinition(deal.workflowId, deal.workflowVersion);
      const outcomes = outcomesLeadingTo(def, deal.stageId, column.stageId);
      if (outcomes.length === 0) setNotice(t('board.noWay', { stage: column.name ?? column.stageId }));
      else if (outcomes.length === 1) await move(deal, outcomes[0]!);
      else setChoosing({ deal, column, outcomes });
    } catch (err) {
      setError(err);
    }
  };

  const showOwner = user.role !== 'manager';
  return (
    <div className="board-page">
      <BoardFilters user={user} filters={filters} onChange={setFilters} />
      <p className="muted small">{t('board.dragHint')}</p>
      {notice && (
        <p className="warning-box small" role="status" data-testid="board-notice">
          {notice}
        </p>
      )}
      <ErrorText error={error} />
      <div className="board" data-testid="board" aria-busy={busy}>
        {(board?.columns ?? []).map((c) => (
          <section
            key={c.stageId}
            className={`board-column ${over === c.stageId ? 'drop-over' : ''}`}
            data-testid={`column-${c.stageId}`}
            onDragOver={(e) => {
              e.preventDefault();
              if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
              setOver(c.stageId);
            }}
            onDragLeave={() => setOver((o) => (o === c.stageId ? null : o))}
            onDrop={drop(c)}
          >
            <header>
              <strong>{c.name ?? c.stageId}</strong>
              <div className="muted small column-totals" data-testid={`column-total-${c.stageId}`}>
                <span data-testid={`column-count-${c.stageId}`}>{c.count}</span>
                {' · '}
                <span data-testid={`column-amount-${c.stageId}`}>{formatMoney(c.amount ?? 0, lang)}</span>
              </div>
            </header>
            {c.deals.map((d) => (
              <BoardCard
                key={d.id}
                deal={d}
                now={now}
                showOwner={showOwner}
                onMove={(deal) => setMoving({ deal })}
                onDragStart={(deal) => (dragged.current = deal)}
              />
            ))}
            {c.nextCursor && (
              <button
                type="button"
                className="ghost small"
                data-testid={`column-more-${c.stageId}`}
                onClick={() => void more(c)}
              >
                {t('board.more')} ({c.count - c.deals.length})
              </button>
            )}
          </section>
        ))}
        {board && board.columns.length === 0 && <p className="muted">{t('board.empty')}</p>}
      </div>
      {choosing && (
        <Dialog
          title={t('board.pickOutcome', {
            title: choosing.deal.title,
            stage: choosing.column.name ?? choosing.column.stageId,
          })}
          onClose={() => setChoosing(null)}
          testId="board-outcome-dialog"
        >
          <div className="row wrap outcomes">
            {choosing.outcomes.map((o) => (
              <button
                key={o}
                type="button"
                className="primary"
                data-testid={`board-outcome-${o}`}
                onClick={() => {
                  const { deal } = choosing;
                  setChoosing(null);
                  void move(deal, o);
                }}
              >
                {o}
              </button>
            ))}
          </div>
        </Dialog>
      )}
      {moving && (
        <MoveDialog
          deal={moving.deal}
          missing={moving.missing}
          onClose={() => {
            setMoving(null);
            reload();
          }}
          onDone={() => {
            setMoving(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
