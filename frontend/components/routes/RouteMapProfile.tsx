'use client';
// A route's map and its elevation profile coloured by section, with one cursor shared by both.
import { useCallback, useMemo, useRef } from 'react';
import type { RouteDetail as Route } from '@/lib/api/types';
import { clientOnly } from '@/lib/client/client-only';
import { usePreferences } from '@/lib/client/preferences';
import { cumulativeMeters, positionAtDistance, profileByKind, SECTION_COLORS } from '@/lib/charts/chart-data.mjs';
import { distanceUnit } from '@/lib/format/units.mjs';
import type { ChartPanel } from '../charts/SyncedCharts';
import type { TrackMapHandle } from '../map/TrackMap';
import { Loading } from '../States';

const SyncedCharts = clientOnly(() => import('../charts/SyncedCharts'), <Loading what="profile" />);
const TrackMap = clientOnly(() => import('../map/TrackMap'), <Loading what="map" />);

export default function RouteMapProfile({ route }: { route: Route }) {
  const { units } = usePreferences();
  const map = useRef<TrackMapHandle>(null);
  const points = useMemo(() => {
    const coordinates = ((route.track as { coordinates?: number[][] } | null)?.coordinates ?? []) as number[][];
    return coordinates.map((c) => [c[1], c[0]] as [number, number]);
  }, [route.track]);
  const along = useMemo(() => cumulativeMeters(points), [points]);
  const chart = useMemo(() => {
    const { x, series } = profileByKind(route.profile, route.sections, units);
    const panels: ChartPanel[] = [
      { key: 'elevation', unit: units === 'imperial' ? 'ft' : 'm', height: 200, series: series.map((s) => ({ label: s.kind, color: s.color, values: s.values, fill: true })) },
    ];
    return { x, panels, hasElevation: series.length > 0 };
  }, [route.profile, route.sections, units]);
  const formatX = useCallback((v: number) => `${v.toFixed(1)} ${distanceUnit(units)}`, [units]);
  const formatTick = useCallback((v: number) => String(Math.round(v * 10) / 10), []);
  const onCursor = useCallback(
    (index: number | null) => {
      const sample = index == null ? null : route.profile[index];
      map.current?.moveMarker(sample ? positionAtDistance(points, along, sample.distanceMeters, route.summary.distanceMeters) : null);
    },
    [route.profile, route.summary.distanceMeters, points, along],
  );

  return (
    <div className="route-grid">
      <section className="card" aria-labelledby="route-map">
        <h2 id="route-map">Map</h2>
        <TrackMap control={map} points={points} color="#1565c0" label={`Map of ${route.name}`} />
      </section>
      <section className="card" aria-labelledby="route-profile">
        <h2 id="route-profile">Elevation profile</h2>
        {chart.hasElevation ? (
          <>
            <ul className="legend" aria-label="Section colours">
              {Object.entries(SECTION_COLORS).filter(([kind]) => route.sections.some((s) => s.kind === kind)).map(([kind, color]) => (
                <li key={kind}>
                  <span className="swatch" style={{ background: color }} aria-hidden="true" /> {kind}
                </li>
              ))}
            </ul>
            <SyncedCharts x={chart.x} panels={chart.panels} formatX={formatX} formatTick={formatTick} onCursor={onCursor} label="Elevation profile by section" />
          </>
        ) : (
          <p className="muted empty">This file has no elevation, so there is no profile.</p>
        )}
      </section>
    </div>
  );
}
