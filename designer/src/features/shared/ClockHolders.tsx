import type { ClockHolder } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDuration, parseDuration, totalSeconds } from '../../model/duration';

/** Compared only with zero, so the length of a working day does not matter. */
function ranLate(holder: ClockHolder): boolean {
  const overrun = parseDuration(holder.overrunHeld);
  return overrun !== undefined && totalSeconds(overrun, 8) > 0;
}

/**
 * Everyone who owned the deal while a clock ran, one line each: "Anna Petrova 22m (2m late)". The owner a
 * breach counts against may have held only part of the overrun; this is where the rest of it shows.
 */
export function ClockHolders({ holders }: { holders: ClockHolder[] | undefined }) {
  const { t } = useI18n();
  // A server from before the breakdown sends no holders at all.
  if (!holders?.length) return <span className="muted">—</span>;
  return (
    <ul className="plain small" data-testid="clock-holders">
      {holders.map((h, i) => (
        <li key={`${h.userId}-${i}`} data-testid={`holder-${h.userId}`}>
          {h.name ?? t('workspace.queue')} {formatDuration(h.held)}
          {ranLate(h) && (
            <span className="bad"> ({t('dash.heldLate', { overrun: formatDuration(h.overrunHeld) })})</span>
          )}
        </li>
      ))}
    </ul>
  );
}
