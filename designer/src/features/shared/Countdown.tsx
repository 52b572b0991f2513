import type { Clock } from '../../api/types';
import { clockLook, remaining } from '../../model/clocks';
import { formatCountdown } from '../../model/duration';
import { useI18n } from '../../i18n/I18nProvider';

/** A clock's time left, coloured by state: green running, amber after warnAt, red breached, grey paused. */
export function Countdown({ clock, now, testId }: { clock: Clock; now: number; testId?: string }) {
  const { t } = useI18n();
  const look = clockLook(clock, now);
  const left = remaining(clock, now);
  const text =
    look === 'met'
      ? t('clock.met')
      : look === 'paused'
        ? t('clock.paused')
        : left === undefined
          ? '—'
          : formatCountdown(left);
  return (
    <span
      className={`countdown look-${look}`}
      data-testid={testId}
      data-look={look}
      title={clock.name ?? clock.regulationId}
    >
      {text}
    </span>
  );
}
