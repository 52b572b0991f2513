import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { DictionaryEntry, DictionaryKind } from '../../api/records';

/** Dictionaries change rarely (admins edit them): one request per kind and session, retried after a failure. */
const cache = new Map<DictionaryKind, Promise<DictionaryEntry[]>>();

export function loadDictionary(kind: DictionaryKind): Promise<DictionaryEntry[]> {
  let pending = cache.get(kind);
  if (!pending) {
    pending = api.dictionary(kind).catch((e: unknown) => {
      cache.delete(kind);
      throw e;
    });
    cache.set(kind, pending);
  }
  return pending;
}

/** For tests: forget what was loaded. */
export function clearDictionaries(): void {
  cache.clear();
}

export function useDictionary(kind: DictionaryKind): DictionaryEntry[] {
  const [entries, setEntries] = useState<DictionaryEntry[]>([]);
  useEffect(() => {
    let live = true;
    loadDictionary(kind).then(
      (list) => live && setEntries(list),
      () => live && setEntries([]),
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return entries;
}

/** The entry's name, or the id itself when the dictionary does not (or no longer) have it. */
export function nameIn(entries: DictionaryEntry[], id: string | null | undefined): string {
  if (!id) return '';
  return entries.find((e) => e.id === id)?.name ?? id;
}
