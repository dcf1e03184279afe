'use client';

import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, deleteWorkout, getStreams, getWorkout } from '@/lib/api';
import { clientOnly } from '@/lib/client/client-only';
import { positionAt, streamChannels, trackPoints } from '@/lib/charts/chart-data.mjs';
import { streamSourceNote } from '@/lib/charts/laps.mjs';
import { formatDateTime } from '@/lib/format/format';
import { usePreferences } from '@/lib/client/preferences';
import type { Streams, Workout, WorkoutMetrics } from '@/lib/api/types';
import { formatBytes, formatClock } from '@/lib/format/units.mjs';
import type { ChartPanel } from '../charts/SyncedCharts';
import type { TrackMapHandle } from '../map/TrackMap';
import { ErrorState, Loading } from '../States';
import AnalysisCard from './AnalysisCard';
import LapsCard from './LapsCard';
import PowerCurveCard from './PowerCurveCard';
import { sourceLabel } from '@/lib/workouts/sync-run.mjs';
import { Metric } from '../WorkoutList';

// Canvas and map code only in the browser, and only on this page; fetched while the streams download.
const loadCharts = () => import('../charts/SyncedCharts');
const loadMap = () => import('../map/TrackMap');
const SyncedCharts = clientOnly(loadCharts, <Loading what="charts" />);
const TrackMap = clientOnly(loadMap, <Loading what="map" />);

type Load<T> = { status: 'loading' } | { status: 'error'; message: string; notFound?: boolean } | { status: 'ready'; value: T };

/** What the ride's training load is (services/Sync/README.md "Training load"). */
const LOAD_SOURCE: Record<string, string> = { power: 'TSS', average_power: 'TSS from avg power', heart_rate: 'HRSS', estimate: 'estimated' };

export default function WorkoutDetail() {
  const { id } = useParams<{ id: string }>();
  const [workout, setWorkout] = useState<Load<Workout>>({ status: 'loading' });
  const [streams, setStreams] = useState<Load<Streams | null>>({ status: 'loading' });

  const load = useCallback(async () => {
    setWorkout({ status: 'loading' });
    setStreams({ status: 'loading' });
    // Streams in parallel with the summary (no waterfall); a ride without streams answers 404, which means "none".
    const streamsRequest = getStreams(id).then(
      (value): Load<Streams | null> => ({ status: 'ready', value }),
      (error): Load<Streams | null> =>
        error instanceof ApiError && error.status === 404 ? { status: 'ready', value: null } : { status: 'error', message: (error as Error).message },
    );
    try {
      setWorkout({ status: 'ready', value: await getWorkout(id) });
    } catch (error) {
      setWorkout({ status: 'error', message: (error as Error).message, notFound: error instanceof ApiError && error.status === 404 });
    }
    setStreams(await streamsRequest);
  }, [id]);
  useEffect(() => {
    void loadCharts();
    void loadMap().then((m) => m.preloadLeaflet());
    void load();
  }, [load]);

  if (workout.status === 'loading') return <Loading what="the ride" />;
  if (workout.status === 'error') {
    return workout.notFound ? (
      <div className="empty-state" role="alert">
        <p className="empty-title">This ride does not exist (any more).</p>
        <Link href="/workouts">Back to workouts</Link>
      </div>
    ) : (
      <ErrorState what="the ride" message={workout.message} onRetry={load} />
    );
  }
  return <Ride workout={workout.value} streams={streams} onRetry={load} />;
}

function Ride({ workout, streams, onRetry }: { workout: Workout; streams: Load<Streams | null>; onRetry: () => void }) {
  const { units, distance, elevation, speed } = usePreferences();
  const router = useRouter();
  const map = useRef<TrackMapHandle>(null);
  const chartsBox = useRef<HTMLDivElement>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
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

  async function remove() {
    if (!window.confirm(`Delete “${workout.name}”, its streams and its file?`)) return;
    setDeleting('Deleting…');
    try {
      await deleteWorkout(workout.id);
      router.push('/workouts');
    } catch (error) {
      setDeleting(`Could not delete: ${(error as Error).message}`);
    }
  }

  const m = workout.metrics;
  const avgSpeed = m?.averageMovingSpeedMps ?? (workout.durationSeconds > 0 ? workout.distanceMeters / (workout.movingSeconds ?? workout.durationSeconds) : null);
  return (
    <article className="ride" data-testid="workout-detail">
      <p className="breadcrumb">
        <Link href="/workouts">← Workouts</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>{workout.name}</h1>
          <p className="muted">
            {formatDateTime(workout.startTime)} · <span className="badge">{sourceLabel(workout.source)}</span>
            {workout.activityType ? ` · ${workout.activityType}` : ''}
          </p>
        </div>
        <div className="actions">
          {workout.fileFormat && (
            <a className="button secondary" href={`/api/workouts/${workout.id}/file`} download>
              Download .{workout.fileFormat} ({formatBytes(workout.fileSizeBytes)})
            </a>
          )}
          <button type="button" className="danger" onClick={remove} disabled={deleting === 'Deleting…'}>
            Delete
          </button>
        </div>
      </div>
      {deleting && deleting !== 'Deleting…' && <p className="field-error" role="alert">{deleting}</p>}

      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <dl className="metrics big">
          <Metric label="Distance" value={distance(workout.distanceMeters, 2)} />
          <Metric label="Time" value={formatClock(workout.durationSeconds)} />
          <Metric label="Moving" value={formatClock(m?.movingSeconds ?? workout.movingSeconds)} />
          <Metric label="Avg speed" value={speed(avgSpeed)} />
          <Metric label="Elevation gain" value={elevation(m?.elevationGainMeters ?? workout.elevationGainMeters)} />
          {workout.averagePower != null && <Metric label="Avg power" value={`${Math.round(workout.averagePower)} W`} />}
          {workout.averageHeartRate != null && <Metric label="Avg HR" value={`${Math.round(workout.averageHeartRate)} bpm`} />}
          {workout.calories != null && <Metric label="Calories" value={`${Math.round(workout.calories)} kcal`} />}
          {workout.trainingLoad != null && (
            <Metric label="Training load" value={`${Math.round(workout.trainingLoad)} ${LOAD_SOURCE[workout.trainingLoadSource ?? ''] ?? ''}`.trim()} />
          )}
        </dl>
      </section>

      {m && <MetricsCard metrics={m} />}

      {m?.hasPower && Object.keys(m.meanMaxPowerWatts ?? {}).length > 0 && <PowerCurveCard meanMax={m.meanMaxPowerWatts} />}

      <LapsCard laps={workout.laps} />

      <AnalysisCard workoutId={workout.id} />

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
        {streams.status === 'error' && <ErrorState what="the streams" message={streams.message} onRetry={onRetry} />}
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
    </article>
  );
}

const ZONE_NAMES = ['Z1', 'Z2', 'Z3', 'Z4', 'Z5', 'Z6', 'Z7'];

function MetricsCard({ metrics: m }: { metrics: WorkoutMetrics }) {
  const n = (v: number | null | undefined, digits = 0, unit = '') => (v == null ? '–' : `${v.toFixed(digits)}${unit}`);
  return (
    <section className="card" aria-labelledby="metrics-heading" data-testid="metrics">
      <h2 id="metrics-heading">Metrics</h2>
      <p className="muted thresholds" data-testid="thresholds">
        Computed with FTP {m.ftpUsedWatts != null ? `${Math.round(m.ftpUsedWatts)} W` : 'not set'} and LTHR{' '}
        {m.lthrUsedBpm != null ? `${Math.round(m.lthrUsedBpm)} bpm` : 'not set'}
        {m.maxHeartRateUsedBpm != null ? `, max HR ${Math.round(m.maxHeartRateUsedBpm)} bpm` : ''}
        {m.restingHeartRateUsedBpm != null ? `, resting HR ${Math.round(m.restingHeartRateUsedBpm)} bpm` : ''}
        {m.thresholdsVersion != null ? ` (thresholds version ${m.thresholdsVersion})` : ''}.
      </p>
      <dl className="metrics">
        {m.hasPower && (
          <>
            <Metric label="Normalized power" value={n(m.normalizedPowerWatts, 0, ' W')} />
            <Metric label="Max power" value={n(m.maxPowerWatts, 0, ' W')} />
            <Metric label="Intensity factor" value={n(m.intensityFactor, 2)} />
            <Metric label="TSS" value={n(m.trainingStressScore, 0)} />
            <Metric label="Variability index" value={n(m.variabilityIndex, 2)} />
            <Metric label="Work" value={n(m.workKilojoules, 0, ' kJ')} />
          </>
        )}
        {m.hasHeartRate && (
          <>
            <Metric label="Max HR" value={n(m.maxHeartRateBpm, 0, ' bpm')} />
            <Metric label="TRIMP" value={n(m.trimp, 0)} />
            <Metric label="HR stress score" value={n(m.heartRateStressScore, 0)} />
          </>
        )}
        {m.hasPower && m.hasHeartRate && (
          <>
            <Metric label="Efficiency factor" value={n(m.efficiencyFactor, 2)} />
            <Metric label="Aerobic decoupling" value={n(m.aerobicDecouplingPercent, 1, ' %')} />
          </>
        )}
        <Metric label="Avg cadence" value={n(m.averageCadenceRpm, 0, ' rpm')} />
      </dl>
      <div className="zones">
        <Zones title="Time in power zones" seconds={m.timeInPowerZonesSeconds} />
        <Zones title="Time in heart-rate zones" seconds={m.timeInHeartRateZonesSeconds} />
      </div>
      {m.warnings.length > 0 && (
        <ul className="warnings">
          {m.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Zones({ title, seconds }: { title: string; seconds: number[] }) {
  const total = seconds.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  return (
    <figure className="zone-chart">
      <figcaption>{title}</figcaption>
      {seconds.map((s, i) => (
        <div key={i} className="zone-row">
          <span className="zone-name">{ZONE_NAMES[i] ?? `Z${i + 1}`}</span>
          <span className="zone-bar" style={{ width: `${(100 * s) / total}%` }} data-zone={i + 1} />
          <span className="zone-time">{formatClock(s)}</span>
        </div>
      ))}
    </figure>
  );
}

/** Double-click on each chart is uPlot's own reset; the button does it for all of them (they stay in sync). */
function resetZoom(root: HTMLElement | null) {
  root?.querySelectorAll<HTMLElement>('.u-over').forEach((over) => over.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
}
