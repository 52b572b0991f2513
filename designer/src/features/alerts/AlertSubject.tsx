import { Link } from '../../app/Link';
import type { Alert } from './alertStore';

/**
 * What an alert is about, as a link: the activity's subject and its deal for reminders and overdue activities,
 * the deal otherwise. An activity on a client alone has no deal page to open, so it opens the day.
 */
export function AlertSubject({ alert: a, onClick }: { alert: Alert; onClick?: () => void }) {
  const deal = a.dealId ? (
    <Link
      href={`/deals/${encodeURIComponent(a.dealId)}`}
      onClick={onClick}
      data-testid={`alert-deal-${a.id}`}
    >
      {a.dealTitle ?? a.dealId}
    </Link>
  ) : null;
  if (!a.activityId && !a.message) return deal;
  return (
    <>
      {a.dealId ? (
        <span className="alert-message">«{a.message}»</span>
      ) : (
        <Link href="/workspace" onClick={onClick}>
          «{a.message}»
        </Link>
      )}
      {deal && <> · {deal}</>}
    </>
  );
}
