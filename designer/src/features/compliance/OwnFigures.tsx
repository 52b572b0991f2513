import type { OwnCompliance } from '../../api/types';
import { formatPercent } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/dict';
import { formatDuration } from '../../model/duration';

/** Below this the dashboard marks a manager's compliance red; the manager sees the same line. */
const COMPLIANCE_BAR = 0.8;

interface Stat {
  id: string;
  label: MessageKey;
  value: string | number;
  bad?: boolean;
}

function statsOf(f: OwnCompliance): Stat[] {
  const duration = (iso: string | null | undefined) => (iso ? formatDuration(iso) : '—');
  return [
    { id: 'measured', label: 'dash.measured', value: f.measured },
    { id: 'met', label: 'dash.met', value: f.met },
    { id: 'breached', label: 'dash.breached', value: f.breached, bad: f.breached > 0 },
    {
      id: 'compliance',
      label: 'dash.compliance',
      value: formatPercent(f.compliance),
      bad: f.compliance !== null && f.compliance < COMPLIANCE_BAR,
    },
    { id: 'medianOverrun', label: 'dash.medianOverrun', value: duration(f.medianOverrun) },
    { id: 'p90Overrun', label: 'me.p90Overrun', value: duration(f.p90Overrun) },
    { id: 'openOverdue', label: 'dash.openOverdue', value: f.openOverdue, bad: f.openOverdue > 0 },
    { id: 'lateHeld', label: 'dash.lateHeld', value: duration(f.lateHeld) },
  ];
}

/** The caller's figures for the period as a grid of small cards, labelled as on the head's dashboard. */
export function OwnFigures({ figures }: { figures: OwnCompliance }) {
  const { t } = useI18n();
  return (
    <div className="stats" data-testid="own-figures">
      {statsOf(figures).map((s) => (
        <div key={s.id} className="card stat" data-testid={`stat-${s.id}`}>
          <div className="muted small">{t(s.label)}</div>
          <strong className={s.bad ? 'bad' : undefined} data-testid={`stat-${s.id}-value`}>
            {s.value}
          </strong>
        </div>
      ))}
    </div>
  );
}
