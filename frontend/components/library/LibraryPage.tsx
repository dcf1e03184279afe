// The workout library, rendered on the server for the filter in the address: browse by type and length, see each
// session's profile and purpose, download it; the filter (LibraryFilters) and "put it on a day" (ProposeWorkout) are
// the client parts.
import { libraryFileUrl, type LibraryWorkout } from '@/lib/api/library';
import type { Loaded } from '@/lib/api/use-load';
import { formatDuration } from '@/lib/format/format';
import { label } from '@/lib/workouts/workout-library.mjs';
import { Empty, ErrorState } from '../States';
import LibraryFilters from './LibraryFilters';
import ProposeWorkout, { type PlannableDay } from './ProposeWorkout';
import WorkoutProfile from './WorkoutProfile';
import '../coaching.css';

type Props = { filter: { type: string; length: string }; workouts: Loaded<LibraryWorkout[]>; days: PlannableDay[]; hasPlan: boolean };

export default function LibraryPage({ filter, workouts, days, hasPlan }: Props) {
  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Workout library</h1>
          <p className="muted">The sessions both coaches choose from, every step in % of FTP. Put one on a day of your plan: it waits for your approval like any suggestion.</p>
        </div>
      </div>

      <section className="card" aria-label="Filters">
        <LibraryFilters type={filter.type} length={filter.length} count={workouts.status === 'ready' ? workouts.value.length : null} />
      </section>

      {workouts.status === 'error' && <ErrorState what="the library" message={workouts.message} refresh />}
      {workouts.status === 'ready' && workouts.value.length === 0 && <Empty title="No session of that type and length">Try another length or all types.</Empty>}
      {workouts.status === 'ready' && workouts.value.length > 0 && (
        <ul className="library-list">
          {workouts.value.map((w) => (
            <LibraryCard key={w.id} workout={w} days={days} hasPlan={hasPlan} />
          ))}
        </ul>
      )}
    </>
  );
}

function LibraryCard({ workout, days, hasPlan }: { workout: LibraryWorkout; days: PlannableDay[]; hasPlan: boolean }) {
  return (
    <li className="card library-card" data-testid="library-workout" data-id={workout.id}>
      <div className="library-card-head">
        <h2 className="library-name">{workout.name}</h2>
        <p className="muted library-meta">
          <span className="badge">{label(workout.category)}</span> {formatDuration(workout.durationSeconds)} · {Math.round(workout.tss)} TSS · level {workout.level}
        </p>
      </div>
      <WorkoutProfile workout={workout} />
      <p className="library-purpose" data-testid="library-purpose">
        {workout.purpose}
      </p>
      <details className="library-details">
        <summary>Structure</summary>
        <p>{workout.description}</p>
        <p className="muted">
          Can be fitted down to {formatDuration(workout.shortestSeconds)}. Source: {workout.source}
        </p>
      </details>
      <ProposeWorkout id={workout.id} name={workout.name} days={days} hasPlan={hasPlan}>
        <p className="session-files">
          <a href={libraryFileUrl(workout.id, 'zwo')} download aria-label={`Download ${workout.name} as .zwo`}>
            .zwo
          </a>{' '}
          <a href={libraryFileUrl(workout.id, 'fit')} download aria-label={`Download ${workout.name} as .fit`}>
            .fit
          </a>
        </p>
      </ProposeWorkout>
    </li>
  );
}
