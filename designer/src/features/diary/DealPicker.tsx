import { useEffect, useState } from 'react';
import { dayApi, type DayDeal } from '../../api/day';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';

export interface PickedDeal {
  id: string;
  title: string;
}

/** Finds an open deal by title, client or contact (GET /api/deals?q=) to plan an activity on. */
export function DealPicker({
  value,
  onChange,
}: {
  value: PickedDeal | null;
  onChange: (d: PickedDeal | null) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<DayDeal[]>([]);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const query = q.trim();
    if (value || query.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      dayApi.findDeals(query).then(
        (list) => live && (setFound((list ?? []).slice(0, 8)), setError(undefined)),
        (e: unknown) => live && setError(e),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, value]);

  if (value)
    return (
      <div className="row space picked-deal" data-testid="plan-deal-picked">
        <strong>{value.title}</strong>
        <button
          type="button"
          className="ghost small"
          data-testid="plan-deal-change"
          onClick={() => onChange(null)}
        >
          {t('newDeal.changeClient')}
        </button>
      </div>
    );
  return (
    <div>
      <input
        type="search"
        className="wide"
        data-testid="plan-deal-search"
        aria-label={t('newActivity.findDeal')}
        placeholder={t('newActivity.findDeal')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul className="record-list">
        {found.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="ghost"
              data-testid={`plan-deal-option-${d.id}`}
              onClick={() => onChange({ id: d.id, title: d.title })}
            >
              {d.title}
              {d.client?.name ? <span className="muted small"> · {d.client.name}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </div>
  );
}
