import { useI18n } from '../../i18n/I18nProvider';
import type { Period } from './period';

/** The two dates of a report period; meant to sit in a `.filters` row next to a page's other controls. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useI18n();
  // A cleared date input sends "": keep the last real date rather than ask the server for no period.
  const set = (part: keyof Period, value: string) => {
    if (value) onChange({ ...period, [part]: value });
  };
  return (
    <>
      <label>
        {t('dash.from')}
        <input
          type="date"
          data-testid="period-from"
          value={period.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        {t('dash.to')}
        <input
          type="date"
          data-testid="period-to"
          value={period.to}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
    </>
  );
}
