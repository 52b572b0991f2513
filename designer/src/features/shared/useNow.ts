import { useEffect, useState } from 'react';

/** The current time, re-rendering every `ms`; one timer per screen keeps dozens of countdowns cheap. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
