import { formatDateTime, formatDistance, formatDuration } from '@/lib/format';
import type { Workout } from '@/lib/types';

export type WorkoutsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: Workout[]; total: number };

type Props = { state: WorkoutsState; onRetry: () => void };

export default function WorkoutList({ state, onRetry }: Props) {
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        Loading rides…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="error-box" role="alert">
        <p>Could not load rides: {state.message}</p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (state.items.length === 0) {
    return <p className="muted empty">No rides yet. Log one by hand, or connect Garmin or intervals.icu.</p>;
  }
  return (
    <ul className="workout-list" aria-label="Rides">
      {state.items.map((workout) => (
        <li key={workout.id} className="workout" data-testid="workout">
          <div className="workout-title">
            <span className="workout-name">{workout.name}</span>
            <span className="badge">{workout.source}</span>
          </div>
          <time className="muted" dateTime={workout.startTime}>
            {formatDateTime(workout.startTime)}
          </time>
          <dl className="metrics">
            <Metric label="Distance" value={formatDistance(workout.distanceMeters)} />
            <Metric label="Time" value={formatDuration(workout.durationSeconds)} />
            {workout.averagePower != null && <Metric label="Power" value={`${Math.round(workout.averagePower)} W`} />}
            {workout.averageHeartRate != null && (
              <Metric label="Heart rate" value={`${Math.round(workout.averageHeartRate)} bpm`} />
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
