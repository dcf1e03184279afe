'use client';
// A distance, elevation or speed in the rider's units (metric / imperial, kept in this browser: lib/client/preferences.tsx),
// for server-rendered pages: the only part of the value that depends on the browser.
import { usePreferences } from '@/lib/client/preferences';

export function Distance({ meters, digits }: { meters: number | null | undefined; digits?: number }) {
  return <>{usePreferences().distance(meters, digits)}</>;
}

export function Elevation({ meters }: { meters: number | null | undefined }) {
  return <>{usePreferences().elevation(meters)}</>;
}

export function Speed({ mps }: { mps: number | null | undefined }) {
  return <>{usePreferences().speed(mps)}</>;
}
