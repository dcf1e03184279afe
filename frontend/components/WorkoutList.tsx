'use client';

import Link from 'next/link';
import { formatDateTime, formatDuration } from '@/lib/format/format';
import { usePreferences } from '@/lib/client/preferences';
import { sourceLabel } from '@/lib/workouts/sync-run.mjs';
import type { WorkoutSummary } from '@/lib/api/types';
import { useZone } from '@/lib/format/zone';
import Metric from './Metric';
import { ErrorState, Loading } from './States';

export type WorkoutsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: WorkoutSummary[]; total: number };

type Props = { state: WorkoutsState; onRetry: () => void; empty?: React.ReactNode };

export default function WorkoutList({ state, onRetry, empty }: Props) {
  const { distance } = usePreferences();
  const zone = useZone();
  if (state.status === 'loading') {
    return <Loading what="rides" />;
  }
  if (state.status === 'error') {
    return <ErrorState what="rides" message={state.message} onRetry={onRetry} />;
  }
  if (state.items.length === 0) {
    return <>{empty ?? <p className="muted empty">No rides yet. Import a file, log one by hand, or connect Garmin or intervals.icu.</p>}</>;
  }
  return (
    <ul className="workout-list" aria-label="Rides">
      {state.items.map((workout) => (
        <li key={workout.id} className="workout" data-testid="workout">
          <div className="workout-title">
            <Link className="workout-name" href={`/workouts/${workout.id}`}>
              {workout.name}
            </Link>
            <span className="badge">{sourceLabel(workout.source)}</span>
          </div>
          <time className="muted" dateTime={workout.startTime}>
            {formatDateTime(workout.startTime, zone)}
            {workout.activityType ? ` · ${workout.activityType}` : workout.sport ? ` · ${workout.sport}` : ''}
          </time>
          <dl className="metrics">
            <Metric label="Distance" value={distance(workout.distanceMeters)} />
            <Metric label="Time" value={formatDuration(workout.durationSeconds)} />
            {workout.averagePower != null && <Metric label="Power" value={`${Math.round(workout.averagePower)} W`} />}
            {workout.averageHeartRate != null && (
              <Metric label="Heart rate" value={`${Math.round(workout.averageHeartRate)} bpm`} />
            )}
            {workout.trainingLoadSource === 'power' && workout.trainingLoad != null && (
              <Metric label="TSS" value={String(Math.round(workout.trainingLoad))} />
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
