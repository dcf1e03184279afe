'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** false while the server renders and during hydration, true after (and on every client-side render). */
export const useHydrated = () => useSyncExternalStore(subscribe, () => true, () => false);
