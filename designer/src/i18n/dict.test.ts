import { describe, expect, it } from 'vitest';
import { dictionaries } from './dict';
import { translate } from './I18nProvider';

describe('dictionaries', () => {
  it('Russian has a non-empty text for every key, with the same placeholders', () => {
    for (const [key, text] of Object.entries(dictionaries.en)) {
      const ru = dictionaries.ru[key as keyof typeof dictionaries.en];
      expect(ru, key).toBeTruthy();
      expect((ru.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((text.match(/\{\w+\}/g) ?? []).sort());
    }
  });

  it('fills placeholders', () => {
    expect(translate('ru', 'plan.ofTarget', { done: 5, target: 10 })).toBe('5 из 10');
    expect(translate('en', 'plan.ofTarget', { done: 5, target: 10 })).toBe('5 of 10');
  });
});
