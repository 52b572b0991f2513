import { useState } from 'react';
import type { ManagerCompliance } from '../../api/types';
import { formatPercent } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDuration, parseDuration, totalSeconds } from '../../model/duration';
import type { MessageKey } from '../../i18n/dict';

type Key =
  'name' | 'measured' | 'met' | 'breached' | 'compliance' | 'medianOverrun' | 'openOverdue' | 'lateHeld';
const COLUMNS: { key: Key; label: MessageKey }[] = [
  { key: 'name', label: 'dash.manager' },
  { key: 'measured', label: 'dash.measured' },
  { key: 'met', label: 'dash.met' },
  { key: 'breached', label: 'dash.breached' },
  { key: 'compliance', label: 'dash.compliance' },
  { key: 'medianOverrun', label: 'dash.medianOverrun' },
  { key: 'openOverdue', label: 'dash.openOverdue' },
  { key: 'lateHeld', label: 'dash.lateHeld' },
];

/** Seconds of an ISO duration, -1 when there is none: "PT9M" must sort before "PT12M", which text order gets wrong.
 * The server writes overruns in hours, never days, so the length of a day does not matter here. */
function seconds(iso: string | null | undefined): number {
  const parts = parseDuration(iso);
  return parts ? totalSeconds(parts, 24) : -1;
}

export function sortRows(rows: ManagerCompliance[], key: Key, asc: boolean): ManagerCompliance[] {
  const value = (r: ManagerCompliance): string | number => {
    const v = r[key];
    if (key === 'medianOverrun' || key === 'lateHeld') return seconds(v as string | null | undefined);
    return (v as string | number | null | undefined) ?? 0;
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return asc ? c : -c;
  });
}

export function ManagersTable({
  rows,
  selected,
  onSelect,
}: {
  rows: ManagerCompliance[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: Key; asc: boolean }>({ key: 'compliance', asc: true });
  const sorted = sortRows(rows, sort.key, sort.asc);
  return (
    <div className="table-scroll">
      <table className="table" data-testid="managers-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                aria-sort={sort.key === c.key ? (sort.asc ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="ghost small"
                  data-testid={`sort-${c.key}`}
                  onClick={() =>
                    setSort((s) => ({ key: c.key, asc: s.key === c.key ? !s.asc : c.key === 'name' }))
                  }
                >
                  {t(c.label)} {sort.key === c.key ? (sort.asc ? '▲' : '▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr
              key={r.managerId}
              data-testid={`manager-row-${r.managerId}`}
              className={`clickable ${selected === r.managerId ? 'selected' : ''}`}
              onClick={() => onSelect(r.managerId)}
            >
              <td>{r.name}</td>
              <td>{r.measured}</td>
              <td>{r.met}</td>
              <td>{r.breached}</td>
              <td className={r.compliance < 0.8 ? 'bad' : ''}>{formatPercent(r.compliance)}</td>
              <td>{r.medianOverrun ? formatDuration(r.medianOverrun) : '—'}</td>
              <td className={r.openOverdue > 0 ? 'bad' : ''}>{r.openOverdue}</td>
              <td data-testid={`late-held-${r.managerId}`}>
                {seconds(r.lateHeld) > 0 ? formatDuration(r.lateHeld!) : '—'}
              </td>
            </tr>
          ))}
          {sorted.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="muted">
                {t('dash.noData')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
