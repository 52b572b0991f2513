import { useEffect, useState, type FormEvent } from 'react';
import { dayApi } from '../../api/day';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';

/** "If you can do 5 a day, don't plan 6": the manager's own per-day limit (PUT /api/me/day-limit, empty = none). */
export function DayLimit({ limit, onSaved }: { limit: number | null | undefined; onSaved: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(limit ? String(limit) : '');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setValue(limit ? String(limit) : ''), [limit]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await dayApi.setDayLimit(value ? Number(value) : null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="row day-limit" onSubmit={save} data-testid="day-limit">
      <label className="inline">
        {t('diary.limit')}
        <input
          type="number"
          min={1}
          max={100}
          data-testid="day-limit-input"
          placeholder={t('diary.noLimit')}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(false);
          }}
        />
      </label>
      <button type="submit" className="small" data-testid="day-limit-save">
        {t('diary.saveLimit')}
      </button>
      {saved && <span className="small ok">{t('diary.limitSaved')}</span>}
      <ErrorText error={error} />
    </form>
  );
}
