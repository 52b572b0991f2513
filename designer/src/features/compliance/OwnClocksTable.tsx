import type { ClockCounted, OwnClock } from '../../api/types';
import { Link } from '../../app/Link';
import { formatTime } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDuration } from '../../model/duration';
import { ClockHolders } from '../shared/ClockHolders';

/** Colours borrowed from the countdowns, so green, amber and red mean here what they mean on the board. */
const LOOK: Record<ClockCounted, string> = {
  met: 'look-running',
  breached: 'look-breached',
  openOverdue: 'look-warning',
};

function CountedBadge({ counted }: { counted: ClockCounted }) {
  const { tx } = useI18n();
  return (
    <span className={`pill ${LOOK[counted] ?? ''}`} data-testid="counted" data-counted={counted}>
      {tx(`me.counted.${counted}`, counted)}
    </span>
  );
}

function OwnClockRow({ clock }: { clock: OwnClock }) {
  const { t, lang } = useI18n();
  return (
    <tr data-testid={`own-clock-${clock.clockId}`}>
      <td>
        <Link href={`/deals/${encodeURIComponent(clock.dealId)}`}>{clock.dealTitle}</Link>
      </td>
      <td>{clock.regulationName || clock.regulationId}</td>
      <td className={clock.stageName ? undefined : 'muted'}>{clock.stageName ?? t('dash.funnelWide')}</td>
      <td>
        <CountedBadge counted={clock.counted} />
      </td>
      <td>{formatTime(clock.dueAt, lang)}</td>
      <td>
        {clock.finishedAt ? (
          formatTime(clock.finishedAt, lang)
        ) : (
          <span className="muted">{t('dash.stillOpen')}</span>
        )}
      </td>
      <td className={clock.overrun ? 'bad' : 'muted'}>
        {clock.overrun ? formatDuration(clock.overrun) : '—'}
      </td>
      <td>
        <ClockHolders holders={clock.holders} />
      </td>
    </tr>
  );
}

/** Every clock the figures were counted from, newest first as the server sends them; each opens its deal. */
export function OwnClocksTable({ clocks }: { clocks: OwnClock[] }) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="own-clocks">
      <h2>{t('me.clocks')}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('dash.deal')}</th>
              <th>{t('dash.regulation')}</th>
              <th>{t('deal.stage')}</th>
              <th>{t('me.counted')}</th>
              <th>{t('me.due')}</th>
              <th>{t('me.finished')}</th>
              <th>{t('dash.overrun')}</th>
              <th>{t('dash.heldBy')}</th>
            </tr>
          </thead>
          <tbody>
            {clocks.map((c) => (
              <OwnClockRow key={c.clockId} clock={c} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
