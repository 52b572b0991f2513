import { describe, expect, it } from 'vitest';
import { checkCondition } from './condition';

describe('condition syntax check', () => {
  it.each([
    'deal.amount >= 1000000',
    'deal.amount > 10 && deal.source == "web"',
    "not (deal.client.kind == 'company') or deal.amount < 5",
    'deal.fields["region"] in ["msk", "spb"]',
    '!deal.fields.vip',
    'deal.amount * 2 - 3 >= -1',
  ])('accepts %s', (text) => {
    expect(checkCondition(text)).toBeNull();
  });

  it.each([
    ['', 'a condition is required'],
    ['deal.amount >= ', 'expression expected at the end'],
    ['deal.amount = 5', "use '==' to compare"],
    ['(deal.amount > 5', "expected ')' at the end"],
    ['deal.amount > 5 5', "unexpected '5'"],
    ['deal. > 1', 'field name expected after "."'],
    ['"open', 'unterminated string'],
    ['1 < 2 < 3', 'chained comparison: join with && instead'],
  ])('refuses %s', (text, message) => {
    expect(checkCondition(text)?.message).toBe(message);
  });
});
