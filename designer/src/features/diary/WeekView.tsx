import { useRef, useState, type DragEvent } from 'react';
import type { Activity } from '../../api/activities';
import type { DiaryDay, DiaryDeadline } from '../../api/day';
import { useI18n } from '../../i18n/I18nProvider';
import { addDays, dayIn, loadOf, parseDay } from '../../model/diary';
import { ActivityRow } from './ActivityRow';
import { DayLoadBar } from './DayLoadBar';
import { DeadlineList } from './DeadlineList';

/**
 * Seven day columns. Dragging an open activity onto another day reschedules it there (same time of day); the
 * ‹ › buttons on each activity do the same from the keyboard or on a touch screen.
 */
export function WeekView({
  days,
  today,
  zone,
  byDay,
  loads,
  limit,
  deadlines,
  busy,
  onComplete,
  onMoveTo,
}: {
  days: string[];
  today: string;
  zone: string | null;
  byDay: Map<string, Activity[]>;
  loads: DiaryDay[];
  limit: number | null | undefined;
  deadlines: DiaryDeadline[];
  busy: string | null;
  onComplete: (a: Activity, result: string, text?: string) => void;
  onMoveTo: (a: Activity, day: string) => void;
}) {
  const { lang } = useI18n();
  const dragged = useRef<Activity | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const shift = (a: Activity, n: number) => {
    const from = days.find((d) => byDay.get(d)?.some((x) => x.id === a.id));
    if (!from) return;
    onMoveTo(a, addDays(from, n));
  };
  const drop = (day: string) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const a = dragged.current;
    dragged.current = null;
    if (a) onMoveTo(a, day);
  };

  return (
    <div className="week" data-testid="diary-week">
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        const header = parseDay(day).toLocaleDateString(locale, {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
        });
        return (
          <section
            key={day}
            className={`week-day ${day === today ? 'today' : ''} ${over === day ? 'drop-over' : ''}`}
            data-testid={`week-day-${day}`}
            onDragOver={(e) => {
              e.preventDefault();
              if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
              setOver(day);
            }}
            onDragLeave={() => setOver((o) => (o === day ? null : o))}
            onDrop={drop(day)}
          >
            <header>
              <strong>{header}</strong>
              <DayLoadBar
                day={day}
                load={loadOf(
                  loads.find((l) => l.date === day),
                  limit,
                )}
              />
            </header>
            <ul className="list">
              {items.map((a) => (
                <ActivityRow
                  key={a.id}
                  activity={a}
                  zone={zone}
                  busy={busy === a.id}
                  onComplete={onComplete}
                  onShift={shift}
                  draggable
                  onDragStart={(x) => (dragged.current = x)}
                />
              ))}
            </ul>
            <DeadlineList
              testId={`deadlines-${day}`}
              deadlines={deadlines.filter((d) => dayIn(d.dueAt, zone) === day)}
            />
          </section>
        );
      })}
    </div>
  );
}
