import type { Lang } from '../../i18n/dict';

const UNITS: Record<Lang, string[]> = { ru: ['Б', 'КБ', 'МБ', 'ГБ'], en: ['B', 'KB', 'MB', 'GB'] };

/** "840 Б", "12,5 КБ", "3,2 МБ" (binary steps, one decimal under ten units). */
export function formatSize(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS[lang].length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits });
  return `${number} ${UNITS[lang][unit]}`;
}
