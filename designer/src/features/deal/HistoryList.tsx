import type { Clock, HistoryEntry } from '../../api/types';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { nameIn, useDictionary } from '../shared/useDictionary';
import { describeHistory } from './historyWords';

/** The deal's history, newest first, each entry a sentence ("Anna moved it from «Presentation» to «Closing»"). */
export function HistoryList({
  history,
  clocks = [],
  contacts = [],
  owner,
}: {
  history: HistoryEntry[];
  clocks?: Clock[];
  contacts?: { id: string; name: string }[];
  owner?: { id?: string | null; name?: string | null };
}) {
  const { t, tx, lang } = useI18n();
  const results = useDictionary('workResults');
  const context = {
    t,
    tx,
    when: (iso: string) => formatTime(iso, lang),
    resultName: (id: string) => nameIn(results, id),
    clocks,
    contacts,
    owner,
  };
  const sorted = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ul className="history" data-testid="history">
      {sorted.map((h, i) => (
        <li key={`${h.at}-${i}`} className={`history-${h.kind}`}>
          <span className="muted small">{formatTime(h.at, lang)}</span>
          <div>{describeHistory(h, context)}</div>
        </li>
      ))}
    </ul>
  );
}
