import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { formatTime, fromLocalInput, toLocalInput } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { isValidDuration } from '../../model/duration';

/** The coming Friday at 17:00 local time: a start that shows off working-time arithmetic. */
function nextFriday5pm(): string {
  const d = new Date();
  d.setDate(d.getDate() + ((5 - d.getDay() + 7) % 7));
  d.setHours(17, 0, 0, 0);
  return d.toISOString();
}

/** "Entered Fri 17:00 → due Mon 13:00", computed by the server in the funnel's calendar. */
export function DeadlinePreview({
  calendarId,
  duration,
  testId = 'deadline-preview',
}: {
  calendarId?: string;
  duration?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const [start, setStart] = useState(nextFriday5pm);
  const [due, setDue] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setDue(null);
    setFailed(false);
    if (!calendarId || !duration || !isValidDuration(duration)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.deadline(calendarId, start, duration, controller.signal).then(
        (r) => setDue(r.dueAt),
        (e: unknown) => !(e instanceof DOMException && e.name === 'AbortError') && setFailed(true),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [calendarId, duration, start]);

  if (!calendarId || !duration) return null;
  return (
    <div className="deadline-preview small" data-testid={testId}>
      <label className="inline">
        {t('preview.entered')}
        <input
          type="datetime-local"
          data-testid={`${testId}-start`}
          value={toLocalInput(start)}
          onChange={(e) => {
            const iso = fromLocalInput(e.target.value);
            if (iso) setStart(iso);
          }}
        />
      </label>
      <span>
        → {t('preview.due')}{' '}
        <strong data-testid={`${testId}-due`}>{due ? formatTime(due, lang) : failed ? '—' : '…'}</strong>
      </span>
    </div>
  );
}
