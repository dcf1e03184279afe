'use client';
// Dates in server-rendered cards: while the server renders and the browser hydrates, both format with the zone the
// server read from the rider's cookie (the HTML must match); once hydrated, the browser's own (normally the same).
import { createContext, useContext } from 'react';
import type { DateZone } from './format';
import { useHydrated } from '../client/hydrated';
import { localToday } from '../plan/plan-data.mjs';

export type ServerZone = DateZone & { today: string };

const ServerZoneContext = createContext<ServerZone | null>(null);
const BROWSER: DateZone = {};
export function ServerZoneProvider({ zone, children }: { zone: ServerZone; children: React.ReactNode }) {
  return <ServerZoneContext.Provider value={zone}>{children}</ServerZoneContext.Provider>;
}

/** The zone to format dates with. */
export function useZone(): DateZone {
  const server = useContext(ServerZoneContext);
  return useHydrated() || !server ? BROWSER : server;
}

/** Today as "yyyy-mm-dd": the server's idea of the rider's day until hydrated, then the browser's. */
export function useToday(): string {
  const server = useContext(ServerZoneContext);
  return useHydrated() || !server ? localToday() : server.today;
}
