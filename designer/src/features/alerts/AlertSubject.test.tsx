// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider, useI18n } from '../../i18n/I18nProvider';
import type { Alert } from './alertStore';
import { AlertSubject } from './AlertSubject';

function Row({ alert }: { alert: Alert }) {
  const { tx } = useI18n();
  return (
    <div data-testid="row">
      <strong>{tx(`alert.kind.${alert.kind}`, alert.kind)}</strong> <AlertSubject alert={alert} />
    </div>
  );
}
const renderRow = (alert: Alert, lang: 'en' | 'ru') =>
  render(
    <I18nProvider initial={lang}>
      <Row alert={alert} />
    </I18nProvider>,
  );

describe('activity alerts in words', () => {
  it('a reminder names the activity and links its deal', () => {
    renderRow(
      {
        id: 'a1',
        kind: 'activityReminder',
        activityId: 'act-1',
        message: 'Call Irina',
        dealId: 'd1',
        dealTitle: 'Romashka furniture',
      },
      'ru',
    );
    expect(screen.getByTestId('row').textContent).toBe('Напоминание «Call Irina» · Romashka furniture');
    expect(screen.getByTestId('alert-deal-a1').getAttribute('href')).toBe('/deals/d1');
  });

  it('an overdue activity on a client alone opens the day instead of a deal', () => {
    renderRow(
      { id: 'a2', kind: 'activityOverdue', activityId: 'act-2', message: 'Send the contract', dealId: '' },
      'en',
    );
    expect(screen.getByTestId('row').textContent).toBe('Activity overdue «Send the contract»');
    expect(screen.getByRole('link').getAttribute('href')).toBe('/workspace');
  });

  it('a clock alert still links its deal by title', () => {
    renderRow({ id: 'a3', kind: 'breach', dealId: 'd3', dealTitle: 'Vector Bank' }, 'en');
    expect(screen.getByTestId('row').textContent).toBe('Deadline missed Vector Bank');
  });
});
