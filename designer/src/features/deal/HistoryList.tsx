import type { HistoryEntry } from '../../api/types';
import { formatTime } from '../../app/format';
import type { Lang } from '../../i18n/dict';
import { useI18n } from '../../i18n/I18nProvider';
import { nameIn, useDictionary } from '../shared/useDictionary';

/** The deal's history, newest first, each entry in words; kinds this screen does not know show their details as "key: value". */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const { tx, lang } = useI18n();
  const results = useDictionary('workResults');
  const resultName = (id: string) => nameIn(results, id);
  const sorted = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ul className="history" data-testid="history">
      {sorted.map((h, i) => (
        <li key={`${h.at}-${i}`} className={`history-${h.kind}`}>
          <span className="muted small">{formatTime(h.at, lang)}</span>{' '}
          <strong>{tx(`history.${h.kind}`, h.kind)}</strong>
          {h.by && <span className="muted small"> · {h.by}</span>}
          <div className="small">{describe(h.kind, h.details ?? {}, tx, lang, resultName)}</div>
        </li>
      ))}
    </ul>
  );
}

type Tx = (key: string, fallback: string) => string;

function describe(
  kind: string,
  d: Record<string, unknown>,
  tx: Tx,
  lang: Lang,
  resultName: (id: string) => string,
): string {
  const s = (k: string) => (d[k] === null || d[k] === undefined ? '' : String(d[k]));
  const when = (k: string) => (s(k) ? formatTime(s(k), lang) : '');
  switch (kind) {
    case 'moved':
      return [s('outcome'), s('toName') || s('to')].filter(Boolean).join(' → ');
    case 'alert':
      return [
        tx(`alert.kind.${s('kind')}`, s('kind')),
        s('regulationName') || s('message'),
        when('dueAt') && `(${when('dueAt')})`,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'clockStarted':
      return `${s('regulationId')} → ${when('dueAt')}`;
    case 'clockStopped':
      return `${s('regulationId')}: ${tx(`clock.${s('state')}`, s('state'))}`;
    case 'interaction':
      return [
        tx(`interaction.${s('kind')}`, s('kind')),
        s('topic'),
        s('text'),
        s('result') && `(${resultName(s('result'))})`,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'nextStep':
      return `${s('what')} · ${when('at')}`;
    case 'comment':
      return s('text');
    case 'closed':
      return s('result');
    default:
      return raw(d);
  }
}

function raw(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}
