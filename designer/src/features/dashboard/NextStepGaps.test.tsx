// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { NextStepGaps } from './NextStepGaps';

const renderGaps = () =>
  render(
    <I18nProvider initial="en">
      <NextStepGaps />
    </I18nProvider>,
  );

describe('deals without a next step, for the head', () => {
  it('lists each manager’s open, missing and overdue counts, the worst first', async () => {
    signInAs('head', 'head');
    mockApi({
      'GET /api/next-steps/gaps': () => [
        { ownerId: 'anna', ownerName: 'Anna Petrova', open: 12, missing: 0, overdue: 1 },
        { ownerId: 'boris', ownerName: 'Boris Ivanov', open: 9, missing: 3, overdue: 2 },
      ],
    });
    renderGaps();
    await screen.findByTestId('gap-row-boris');
    const rows = screen.getAllByTestId(/^gap-row-/);
    expect(rows.map((r) => r.textContent)).toEqual(['Boris Ivanov932', 'Anna Petrova1201']);
    expect(rows[0]!.children[2]!.className).toBe('bad');
    expect(rows[1]!.children[2]!.className).toBe('');
    expect(screen.queryByText('Every open deal has a next step.')).toBeNull();
  });

  it('says so when every open deal has one', async () => {
    signInAs('head', 'head');
    mockApi({
      'GET /api/next-steps/gaps': () => [
        { ownerId: 'anna', ownerName: 'Anna', open: 4, missing: 0, overdue: 0 },
      ],
    });
    renderGaps();
    await waitFor(() => expect(screen.getByText('Every open deal has a next step.')).toBeTruthy());
  });
});
