import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { Calendar } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/dict';
import { DeadlinePreview } from '../designer/DeadlinePreview';
import { DurationInput } from '../designer/DurationInput';
import { formatHours, parseHours } from './hours';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Admin view of business calendars: weekly hours, holidays, overrides, and a live deadline check. */
export default function CalendarsPage() {
  const { t } = useI18n();
  const list = useAsync(() => api.calendars(), []);
  const [selected, setSelected] = useState<string>();
  const current = (list.data ?? []).find((c) => c.id === selected) ?? list.data?.[0];
  const [duration, setDuration] = useState('PT8H');

  return (
    <div className="calendars columns">
      <section className="card">
        <h1>{t('nav.calendars')}</h1>
        <ErrorText error={list.error} />
        <ul className="list">
          {(list.data ?? []).map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`ghost ${c.id === current?.id ? 'active' : ''}`}
                data-testid={`calendar-${c.id}`}
                onClick={() => setSelected(c.id)}
              >
                {c.name} <span className="muted small">{c.timeZone}</span>
              </button>
            </li>
          ))}
        </ul>
        {current && (
          <div className="card inset">
            <label>
              {t('preview.title')}
              <DurationInput testId="calendar-preview-duration" value={duration} onChange={setDuration} />
            </label>
            <DeadlinePreview calendarId={current.id} duration={duration} testId="calendar-preview" />
          </div>
        )}
      </section>
      {current && <CalendarEditor key={current.id} calendar={current} onSaved={list.reload} />}
    </div>
  );
}

function CalendarEditor({ calendar, onSaved }: { calendar: Calendar; onSaved: () => void }) {
  const { t } = useI18n();
  const [week, setWeek] = useState(() =>
    Object.fromEntries(DAYS.map((d) => [d, formatHours(calendar.week?.[d])])),
  );
  const [holidays, setHolidays] = useState((calendar.holidays ?? []).join('\n'));
  const [overrides, setOverrides] = useState(
    (calendar.overrides ?? []).map((o) => `${o.date} ${formatHours(o.hours)}`).join('\n'),
  );
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const readOnly = calendar.id === '24x7';
  useEffect(() => setSaved(false), [week, holidays, overrides]);

  const parsedWeek = Object.fromEntries(DAYS.map((d) => [d, parseHours(week[d] ?? '')]));
  const parsedOverrides = overrides
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date, ...rest] = l.split(/\s+/);
      return { date: date ?? '', hours: parseHours(rest.join(' ')) };
    });
  const valid =
    DAYS.every((d) => parsedWeek[d]) &&
    parsedOverrides.every((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.date) && o.hours);

  const save = async () => {
    setError(undefined);
    try {
      await api.saveCalendar({
        ...calendar,
        week: Object.fromEntries(DAYS.map((d) => [d, parsedWeek[d] ?? []])),
        holidays: holidays.split(/[\s,]+/).filter(Boolean),
        overrides: parsedOverrides.map((o) => ({ date: o.date, hours: o.hours ?? [] })),
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" data-testid="calendar-editor">
      <h2>
        {calendar.name} <span className="muted small">{calendar.timeZone}</span>
      </h2>
      <fieldset disabled={readOnly}>
        {DAYS.map((d) => (
          <label key={d} className="day-row">
            <span>{t(`day.${d}` as MessageKey)}</span>
            <input
              className={parsedWeek[d] ? '' : 'invalid'}
              data-testid={`calendar-day-${d}`}
              value={week[d]}
              placeholder={t('calendar.dayOff')}
              onChange={(e) => setWeek((w) => ({ ...w, [d]: e.target.value }))}
            />
          </label>
        ))}
        <label>
          {t('calendar.holidays')}
          <textarea
            rows={3}
            data-testid="calendar-holidays"
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
          />
        </label>
        <label>
          {t('calendar.overrides')}
          <textarea
            rows={3}
            data-testid="calendar-overrides"
            placeholder="2027-11-06 09:00-17:00"
            value={overrides}
            onChange={(e) => setOverrides(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="calendar-save"
          disabled={!valid}
          onClick={() => void save()}
        >
          {t('common.save')}
        </button>
        {saved && <span className="ok small"> {t('designer.saved')}</span>}
      </fieldset>
      <ErrorText error={error} />
    </section>
  );
}
