import { describe, expect, it } from 'vitest';
import { missingData, missingInteractionFields, needsInteraction } from './missing';

describe('missing-data problems', () => {
  it('lists what is missing with how to fix it', () => {
    const items = missingData({
      code: 'missing-data',
      errors: {
        amount: ['Fill in the amount.'],
        'fields.proposalNumber': ['Fill in the field.'],
        'interaction.topic': ['No topic.'],
      },
    })!;
    expect(items.map((i) => i.key)).toEqual(['amount', 'fields.proposalNumber', 'interaction.topic']);
    expect(items[0]!.fix).toEqual({ kind: 'amount' });
    expect(items[0]!.message).toBe('Fill in the amount.');
    expect(items[1]!.fix).toEqual({ kind: 'customField', name: 'proposalNumber' });
    expect(items[2]!.fix).toEqual({ kind: 'interactionField', field: 'topic' });
    expect(needsInteraction(items)).toBe(true);
  });

  it('is null for other problems', () => {
    expect(missingData({ code: 'stale-version', errors: { amount: ['x'] } })).toBeNull();
    expect(missingData({ code: 'missing-data' })).toBeNull();
    expect(missingData(null)).toBeNull();
  });

  it('names every asked field when no interaction was logged, only the lacking ones otherwise', () => {
    const none = missingData({ code: 'missing-data', errors: { interaction: ['Log a meeting.'] } })!;
    expect(missingInteractionFields(none, ['at', 'topic'])).toEqual(['at', 'topic']);
    const partial = missingData({
      code: 'missing-data',
      errors: { 'interaction.result': ['x'], 'interaction.contact': ['y'] },
    })!;
    expect(missingInteractionFields(partial, ['at', 'contact', 'topic', 'result'])).toEqual([
      'result',
      'contact',
    ]);
    expect(needsInteraction(missingData({ code: 'missing-data', errors: { amount: ['x'] } })!)).toBe(false);
  });
});
