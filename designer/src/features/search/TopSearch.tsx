import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import type { SearchResults } from '../../api/records';
import { navigate } from '../../app/router';
import { useI18n } from '../../i18n/I18nProvider';
import { SearchResultList } from './SearchResultList';

/**
 * One search box over clients, contacts and deals (name, e-mail, phone). The server compares phones by
 * digits, so "8 (495) 123-45-67" finds "+7 495 123 45 67". Answers to older queries are dropped.
 */
export function TopSearch() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setResults(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.search(query, abort.signal).then(
        (r) => setResults(r),
        () => {
          if (!abort.signal.aborted) setResults(null);
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q]);

  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const go = (href: string) => {
    setOpen(false);
    setQ('');
    navigate(href);
  };

  return (
    <div className="top-search" ref={box}>
      <input
        type="search"
        data-testid="top-search"
        aria-label={t('search.placeholder')}
        placeholder={t('search.placeholder')}
        value={q}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
      />
      {open && results && <SearchResultList results={results} onPick={go} />}
    </div>
  );
}
