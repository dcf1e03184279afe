'use client';
// One request's state for a card: loading, error (message), or the value; `reload` runs it again and keeps the
// last value on screen while it does. `initial` (read by the server render) stands in for the first load.
import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

export function useLoad<T>(load: () => Promise<T>, deps: React.DependencyList, initial?: Loaded<T>): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>(initial ?? { status: 'loading' });
  const latest = useRef(0);
  const loaded = useRef(initial !== undefined);
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
    if (loaded.current) {
      loaded.current = false; // the server's value for these deps; the next change of deps loads again
      return;
    }
    setState({ status: 'loading' });
    void reload();
  }, [reload]);
  return [state, reload];
}
