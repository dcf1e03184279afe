'use client';
// The ride's 1 Hz streams as stacked charts and its track on a map, with one cursor shared by both. The streams are
// read in the browser (the page's HTML preloads them); chart and map code load while they download.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, getStreams } from '@/lib/api';
import { positionAt, streamChannels, trackPoints } from '@/lib/charts/chart-data.mjs';
import { streamSourceNote } from '@/lib/charts/laps.mjs';
import { clientOnly } from '@/lib/client/client-only';
import { usePreferences } from '@/lib/client/preferences';
import type { Loaded } from '@/lib/api/use-load';
import type { Streams, Workout } from '@/lib/api/types';
import { formatClock } from '@/lib/format/units.mjs';
import type { ChartPanel } from '../charts/SyncedCharts';
import type { TrackMapHandle } from '../map/TrackMap';
import { ErrorState, Loading } from '../States';

// Canvas and map code only in the browser, and only on this page; fetched while the streams download.
const loadCharts = () => import('../charts/SyncedCharts');
const loadMap = () => import('../map/TrackMap');
const SyncedCharts = clientOnly(loadCharts, <Loading what="charts" />);
const TrackMap = clientOnly(loadMap, <Loading what="map" />);

type Props = { workout: Pick<Workout, 'id' | 'name' | 'source' | 'streamSource'> };

export default function RideStreams({ workout }: Props) {
  const { units } = usePreferences();
  const map = useRef<TrackMapHandle>(null);
  const chartsBox = useRef<HTMLDivElement>(null);
  const [streams, setStreams] = useState<Loaded<Streams | null>>({ status: 'loading' });

  // A ride without streams answers 404, which means "none".
  const load = useCallback(async () => {
    setStreams({ status: 'loading' });
    try {
      setStreams({ status: 'ready', value: await getStreams(workout.id) });
    } catch (error) {
      setStreams(error instanceof ApiError && error.status === 404 ? { status: 'ready', value: null } : { status: 'error', message: (error as Error).message });
    }
  }, [workout.id]);
  useEffect(() => {
    void loadCharts();
    void loadMap().then((m) => m.preloadLeaflet());
    void load();
  }, [load]);

  const data = streams.status === 'ready' ? streams.value : null;
  const chart = useMemo(() => {
    if (!data) return null;
    const { x, channels } = streamChannels(data, units);
    const panels: ChartPanel[] = channels.map((c) => ({
      key: c.key,
      unit: c.unit,
      series: [{ label: c.label, color: c.color, values: c.values, fill: c.key === 'elevation' }],
    }));
    return { x, panels };
  }, [data, units]);
  const track = useMemo(() => trackPoints(data?.latitude, data?.longitude), [data]);
  const onCursor = useCallback((index: number | null) => map.current?.moveMarker(index == null ? null : positionAt(track, index)), [track]);

  return (
    <>
      <section className="card" aria-labelledby="charts-heading">
        <div className="card-heading">
          <h2 id="charts-heading">Streams</h2>
          {chart && chart.panels.length > 0 && (
            <button type="button" className="secondary small" onClick={() => resetZoom(chartsBox.current)}>
              Reset zoom
            </button>
          )}
        </div>
        {streams.status === 'loading' && <Loading what="streams" />}
        {streams.status === 'error' && <ErrorState what="the streams" message={streams.message} onRetry={load} />}
        {streams.status === 'ready' && (!chart || chart.panels.length === 0) && (
          <p className="muted empty">No recorded streams for this ride{workout.source === 'manual' ? ' (logged by hand)' : ''}.</p>
        )}
        {chart && chart.panels.length > 0 && (
          <>
            {streamSourceNote(workout.streamSource) && (
              <p className="muted hint" data-testid="stream-source">
                {streamSourceNote(workout.streamSource)}
              </p>
            )}
            <p className="muted hint">Drag across a chart to zoom, double-click to reset. The cursor is shared by every chart and the map.</p>
            <div ref={chartsBox}>
              <SyncedCharts x={chart.x} panels={chart.panels} formatX={formatClock} onCursor={onCursor} label="Ride streams" />
            </div>
          </>
        )}
      </section>

      {data && (
        <section className="card" aria-labelledby="map-heading">
          <h2 id="map-heading">Map</h2>
          <TrackMap control={map} points={track.points} label={`Map of ${workout.name}`} />
        </section>
      )}
    </>
  );
}

/** Double-click on each chart is uPlot's own reset; the button does it for all of them (they stay in sync). */
function resetZoom(root: HTMLElement | null) {
  root?.querySelectorAll<HTMLElement>('.u-over').forEach((over) => over.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
}
