import { useI18n } from '../../i18n/I18nProvider';
import type { DayLoad } from '../../model/diary';

/** Planned against done against the manager's limit, as one bar: done fills it, planned beyond the limit turns red. */
export function DayLoadBar({ day, load }: { day: string; load: DayLoad }) {
  const { t } = useI18n();
  const scale = Math.max(load.planned, load.limit ?? 0, 1);
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100)}%`;
  const label = t('diary.loadDay', { planned: load.planned, done: load.done });
  return (
    <div
      className={`day-load ${load.over ? 'over' : ''}`}
      data-testid={`load-${day}`}
      data-over={load.over}
      title={label}
    >
      <div className="day-load-bar" role="img" aria-label={label}>
        <span className="planned" style={{ width: pct(load.planned) }} />
        <span className="done" style={{ width: pct(load.done) }} />
        {load.limit !== null && <span className="limit" style={{ left: pct(load.limit) }} />}
      </div>
      <span className="small">
        {load.limit !== null
          ? t('diary.loadLimit', { planned: load.planned, limit: load.limit })
          : load.planned}
        {load.done > 0 && ` · ✓${load.done}`}
        {load.over && (
          <strong className="bad" data-testid={`over-limit-${day}`}>
            {' '}
            ⚠ {t('diary.overLimit', { n: load.planned - load.limit! })}
          </strong>
        )}
      </span>
    </div>
  );
}
