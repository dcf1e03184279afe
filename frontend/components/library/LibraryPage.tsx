// The workout library, rendered on the server for the filter in the address: browse by type and length, see each
// session's profile and purpose, download it; the filter (LibraryFilters) and "put it on a day" (ProposeWorkout) are
// the client parts. The heading and the filter are sent at once, the count and the list stream in when read (the
// list's HTML is large: each card offers every day of the plan).
import { Suspense } from 'react';
import { libraryFileUrl, type LibraryWorkout } from '@/lib/api/library';
import type { Loaded } from '@/lib/api/use-load';
import { formatDuration } from '@/lib/format/format';
import { label } from '@/lib/workouts/workout-library.mjs';
import { Empty, ErrorState, Loading } from '../States';
import LibraryFilters from './LibraryFilters';
import ProposeWorkout, { type PlannableDay } from './ProposeWorkout';
import WorkoutProfile from './WorkoutProfile';
import '../coaching.css';

export type LibraryRead = { workouts: Loaded<LibraryWorkout[]>; days: PlannableDay[]; hasPlan: boolean };

export default function LibraryPage({ filter, read }: { filter: { type: string; length: string }; read: Promise<LibraryRead> }) {
  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Workout library</h1>
          <p className="muted">The sessions both coaches choose from, every step in % of FTP. Put one on a day of your plan: it waits for your approval like any suggestion.</p>
        </div>
      </div>

      <section className="card library-filters" aria-label="Filters">
        <LibraryFilters type={filter.type} length={filter.length} />
        <Suspense fallback={null}>
          <LibraryCount read={read} />
        </Suspense>
      </section>

      <Suspense fallback={<Loading what="the library" />}>
        <LibraryList read={read} />
      </Suspense>
    </>
  );
}

async function LibraryCount({ read }: { read: Promise<LibraryRead> }) {
  const { workouts } = await read;
  if (workouts.status !== 'ready') return null;
  const count = workouts.value.length;
  return (
    <p className="muted library-count" role="status" data-testid="library-count">
      {count} {count === 1 ? 'session' : 'sessions'}
    </p>
  );
}

async function LibraryList({ read }: { read: Promise<LibraryRead> }) {
  const { workouts, days, hasPlan } = await read;
  if (workouts.status === 'error') return <ErrorState what="the library" message={workouts.message} refresh />;
  if (workouts.status !== 'ready') return null;
  if (workouts.value.length === 0) return <Empty title="No session of that type and length">Try another length or all types.</Empty>;
  return (
    <ul className="library-list">
      {workouts.value.map((w) => (
        <LibraryCard key={w.id} workout={w} days={days} hasPlan={hasPlan} />
      ))}
    </ul>
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
