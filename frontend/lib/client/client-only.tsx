'use client';
// next/dynamic({ ssr: false }) without Suspense. A component whose code is its own chunk (charts, map), rendered in
// the browser only, with `fallback` until the code is there. Not Suspense because React holds a boundary's content
// back for up to 300 ms after its fallback showed (to batch reveals): charts drawn from data already at hand waited.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useHydrated } from './hydrated';

export function clientOnly<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, fallback: ReactNode): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => (loading ??= load().then((m) => (loaded = m.default)));

  function ClientOnly(props: P) {
    const hydrated = useHydrated();
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        (error: Error) => console.error(`A part of this page could not be loaded: ${error.message}`),
      );
      return () => {
        live = false;
      };
    }, []);
    // While hydrating, the server's HTML (the fallback) must be matched even when the code is already here.
    const Component = hydrated ? loaded : null;
    return Component ? <Component {...props} /> : <>{fallback}</>;
  }
  return ClientOnly;
}
