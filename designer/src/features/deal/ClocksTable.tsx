import type { Clock } from '../../api/types';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Countdown } from '../shared/Countdown';
import { useNow } from '../shared/useNow';

/** The deal's regulation clocks with their countdowns. */
export function ClocksTable({ clocks }: { clocks: Clock[] }) {
  const { t, lang } = useI18n();
  const now = useNow();
  if (clocks.length === 0) return <p className="muted">{t('deal.noClocks')}</p>;
  return (
    <table className="table">
      <tbody>
        {clocks.map((c) => (
          <tr key={`${c.regulationId}-${c.startedAt}`} data-testid={`clock-${c.regulationId}`}>
            <td>{c.name ?? c.regulationId}</td>
            <td>
              <Countdown clock={c} now={now} />
            </td>
            <td className="muted small">
              {t('alerts.due')} {formatTime(c.dueAt, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
