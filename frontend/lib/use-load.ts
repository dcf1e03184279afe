'use client';
// One request's state for a card: loading, error (message), or the value; `reload` runs it again and keeps the
// last value on screen while it does.
import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

export function useLoad<T>(load: () => Promise<T>, deps: React.DependencyList): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const latest = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const value = await run();
      if (ticket === latest.current) setState({ status: 'ready', value });
    } catch (error) {
      if (ticket === latest.current) setState({ status: 'error', message: (error as Error).message });
    }
  }, [run]);
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);
  return [state, reload];
}
