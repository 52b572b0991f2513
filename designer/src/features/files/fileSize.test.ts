import { describe, expect, it } from 'vitest';
import { formatSize } from './fileSize';

describe('file sizes', () => {
  it('speaks Russian units with a decimal comma', () => {
    expect(formatSize(840, 'ru')).toBe('840 Б');
    expect(formatSize(12_800, 'ru')).toBe('13 КБ');
    expect(formatSize(3_355_443, 'ru')).toBe('3,2 МБ');
    expect(formatSize(1536, 'ru')).toBe('1,5 КБ');
  });

  it('and English ones', () => {
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(20 * 1024 * 1024, 'en')).toBe('20 MB');
  });
});
