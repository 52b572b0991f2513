import { useCallback, useEffect, useRef, useState } from 'react';
import { dayApi, type Diary } from '../../api/day';
import { useAlertRevision } from '../alerts/AlertsProvider';

export interface DiaryState {
  diary: Diary | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Shows a changed activity at once, before the reload answers. */
  patch: (changed: Diary['activities'][number]) => void;
}

/** GET /api/diary for the days shown; reloads when an alert arrives (an activity may have gone overdue). */
export function useDiary(from: string, to: string): DiaryState {
  const [diary, setDiary] = useState<Diary>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const revision = useAlertRevision();
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    dayApi.diary(from, to).then(
      (d) => {
        if (mine !== seq.current) return;
        setDiary(d);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [from, to, tick, revision]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const patch = useCallback(
    (changed: Diary['activities'][number]) =>
      setDiary(
        (d) => d && { ...d, activities: d.activities.map((a) => (a.id === changed.id ? changed : a)) },
      ),
    [],
  );
  return { diary, error, loading, reload, patch };
}
