import { en } from './en';
import { ru } from './ru';

/** All UI strings go through these dictionaries; `ru` must have every key of `en` (the type checks it). */
export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'ru';

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, ru };

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
