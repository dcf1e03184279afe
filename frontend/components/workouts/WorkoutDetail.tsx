// The ride page, rendered on the server from the ride the page read (the facts: heading, summary, metrics, zones);
// the client parts are small: units (components/live/Measure.tsx), Delete, the power curve, laps, the coach's
// review (live), and the streams with their charts and map (RideStreams).
import Link from 'next/link';
import type { Workout, WorkoutMetrics } from '@/lib/api/types';
import type { Loaded } from '@/lib/api/use-load';
import { formatDateTime, type DateZone } from '@/lib/format/format';
import { formatBytes, formatClock } from '@/lib/format/units.mjs';
import { sourceLabel } from '@/lib/workouts/sync-run.mjs';
import { Distance, Elevation, Speed } from '../live/Measure';
import Metric from '../Metric';
import { ErrorState } from '../States';
import AnalysisCard from './AnalysisCard';
import DeleteRide from './DeleteRide';
import LapsCard from './LapsCard';
import PowerCurveCard from './PowerCurveCard';
import RideStreams from './RideStreams';

/** What the ride's training load is (services/Sync/README.md "Training load"). */
const LOAD_SOURCE: Record<string, string> = { power: 'TSS', average_power: 'TSS from avg power', heart_rate: 'HRSS', estimate: 'estimated' };

/** `workout`: the ride as the page read it (null: no such ride). */
export default function WorkoutDetail({ workout, zone }: { workout: Loaded<Workout | null>; zone: DateZone }) {
  if (workout.status === 'ready' && workout.value === null) {
    return (
      <div className="empty-state" role="alert">
        <p className="empty-title">This ride does not exist (any more).</p>
        <Link href="/workouts">Back to workouts</Link>
      </div>
    );
  }
  if (workout.status !== 'ready' || workout.value === null) {
    return <ErrorState what="the ride" message={workout.status === 'error' ? workout.message : 'not read'} refresh />;
  }
  return <Ride workout={workout.value} zone={zone} />;
}

function Ride({ workout, zone }: { workout: Workout; zone: DateZone }) {
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
            {formatDateTime(workout.startTime, zone)} · <span className="badge">{sourceLabel(workout.source)}</span>
            {workout.activityType ? ` · ${workout.activityType}` : ''}
          </p>
        </div>
        <div className="actions">
          {workout.fileFormat && (
            <a className="button secondary" href={`/api/workouts/${workout.id}/file`} download>
              Download .{workout.fileFormat} ({formatBytes(workout.fileSizeBytes)})
            </a>
          )}
          <DeleteRide id={workout.id} name={workout.name} />
        </div>
      </div>

      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <dl className="metrics big">
          <Metric label="Distance" value={<Distance meters={workout.distanceMeters} digits={2} />} />
          <Metric label="Time" value={formatClock(workout.durationSeconds)} />
          <Metric label="Moving" value={formatClock(m?.movingSeconds ?? workout.movingSeconds)} />
          <Metric label="Avg speed" value={<Speed mps={avgSpeed} />} />
          <Metric label="Elevation gain" value={<Elevation meters={m?.elevationGainMeters ?? workout.elevationGainMeters} />} />
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

      <RideStreams workout={{ id: workout.id, name: workout.name, source: workout.source, streamSource: workout.streamSource }} />
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
        {m.averageCadenceRpm != null && <Metric label="Avg cadence" value={n(m.averageCadenceRpm, 0, ' rpm')} />}
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
