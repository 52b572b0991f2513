import type { HistoryEntry } from '../../api/types';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';

/** The deal's history, newest first; details are shown as "key: value" since their shape varies by kind. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const { tx, lang } = useI18n();
  const sorted = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ul className="history" data-testid="history">
      {sorted.map((h, i) => (
        <li key={`${h.at}-${i}`} className={`history-${h.kind}`}>
          <span className="muted small">{formatTime(h.at, lang)}</span>{' '}
          <strong>{tx(`history.${h.kind}`, h.kind)}</strong>
          {h.by && <span className="muted small"> · {h.by}</span>}
          <div className="small">{describe(h.details)}</div>
        </li>
      ))}
    </ul>
  );
}

function describe(details: Record<string, unknown> | undefined): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}
