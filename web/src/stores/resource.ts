/** Load a resource from the API for a page: data, error, loading, and a way to reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

export function useResource<T>(url: string | null): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (!url) return;
    const n = ++latest.current;
    setLoading(true);
    api
      .get<T>(url)
      .then((d) => {
        if (n !== latest.current) return;
        setData(d);
        setError(null);
      })
      .catch((e: Error) => n === latest.current && setError(e.message))
      .finally(() => n === latest.current && setLoading(false));
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
