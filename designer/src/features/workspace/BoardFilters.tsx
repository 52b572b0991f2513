import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import type { BoardFilters as Filters } from '../../api/day';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';

/** Owner, source, text, overdue and next step: each goes to the server as a query parameter of the board. */
export function BoardFilters({
  user,
  filters,
  onChange,
}: {
  user: User;
  filters: Filters;
  onChange: (f: Filters) => void;
}) {
  const { t } = useI18n();
  const [people, setPeople] = useState<User[]>([]);
  const [q, setQ] = useState(filters.q ?? '');
  const isHead = user.role !== 'manager';
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    if (!isHead) return;
    api.users().then(
      (list) => setPeople((list ?? []).filter((u) => u.role !== 'admin')),
      () => setPeople([]),
    );
  }, [isHead]);

  // Typing waits for a pause before it asks the server.
  useEffect(() => {
    if ((filtersRef.current.q ?? '') === q) return;
    const timer = setTimeout(() => onChange({ ...filtersRef.current, q: q || undefined }), 300);
    return () => clearTimeout(timer);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="row wrap board-filters" data-testid="board-filters">
      <label>
        {t('board.owner')}
        <select
          data-testid="board-owner"
          value={filters.ownerId ?? ''}
          onChange={(e) => set({ ownerId: e.target.value || undefined })}
        >
          <option value="">{t('board.everyone')}</option>
          {isHead ? (
            people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))
          ) : (
            <option value={user.id}>{t('board.mine')}</option>
          )}
        </select>
      </label>
      <label>
        {t('board.source')}
        <DictionarySelect
          kind="sources"
          testId="board-source"
          label={t('board.source')}
          value={filters.source ?? ''}
          onChange={(v) => set({ source: v || undefined })}
        />
      </label>
      <label>
        {t('board.nextStep')}
        <select
          data-testid="board-next-step"
          value={filters.nextStep ?? ''}
          onChange={(e) => set({ nextStep: (e.target.value || undefined) as Filters['nextStep'] })}
        >
          <option value="">{t('board.nextStep.any')}</option>
          <option value="missing">{t('board.nextStep.missing')}</option>
          <option value="overdue">{t('board.nextStep.overdue')}</option>
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="board-overdue"
          checked={!!filters.overdue}
          onChange={(e) => set({ overdue: e.target.checked || undefined })}
        />
        {t('board.overdueOnly')}
      </label>
      <input
        type="search"
        data-testid="board-search"
        aria-label={t('board.search')}
        placeholder={t('board.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
    </div>
  );
}
