'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api';
import { libraryFileUrl, libraryWorkouts, proposeLibraryWorkout, type LibraryWorkout } from '@/lib/api/library';
import { currentPlan } from '@/lib/api/plan';
import { formatDuration } from '@/lib/format/format';
import { localToday } from '@/lib/plan/plan-data.mjs';
import { dayAndDate } from '@/lib/coach/proposal-text.mjs';
import { useLoad } from '@/lib/api/use-load';
import { CATEGORIES, LENGTHS, label, libraryQuery, plannableDays } from '@/lib/workouts/workout-library.mjs';
import { Empty, ErrorState, Loading } from '../States';
import WorkoutProfile from './WorkoutProfile';
import '../coaching.css';

type Day = ReturnType<typeof plannableDays>[number];

/** The workout library: browse by type and length, see each session's profile and purpose, download it, or propose it on a day of the plan. */
export default function LibraryPage() {
  const [type, setType] = useState('');
  const [length, setLength] = useState('any');
  const [workouts, reload] = useLoad(() => libraryWorkouts(libraryQuery({ type, length })), [type, length]);
  const [plan] = useLoad(currentPlan, []);
  const days = plan.status === 'ready' ? plannableDays(plan.value?.plan, localToday()) : [];

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Workout library</h1>
          <p className="muted">The sessions both coaches choose from, every step in % of FTP. Put one on a day of your plan: it waits for your approval like any suggestion.</p>
        </div>
      </div>

      <section className="card" aria-label="Filters">
        <form className="library-filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.target.value)} data-testid="library-type">
              <option value="">All types</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {label(c)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Length
            <select value={length} onChange={(e) => setLength(e.target.value)} data-testid="library-length">
              {LENGTHS.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          {workouts.status === 'ready' && (
            <p className="muted library-count" role="status" data-testid="library-count">
              {workouts.value.length} {workouts.value.length === 1 ? 'session' : 'sessions'}
            </p>
          )}
        </form>
      </section>

      {workouts.status === 'loading' && <Loading what="the library" />}
      {workouts.status === 'error' && <ErrorState what="the library" message={workouts.message} onRetry={reload} />}
      {workouts.status === 'ready' && workouts.value.length === 0 && <Empty title="No session of that type and length">Try another length or all types.</Empty>}
      {workouts.status === 'ready' && workouts.value.length > 0 && (
        <ul className="library-list">
          {workouts.value.map((w) => (
            <LibraryCard key={w.id} workout={w} days={days} hasPlan={plan.status === 'ready' && plan.value !== null} />
          ))}
        </ul>
      )}
    </>
  );
}

type Outcome = { ok: true; analysisId: string; date: string } | { ok: false; text: string };

function LibraryCard({ workout, days, hasPlan }: { workout: LibraryWorkout; days: Day[]; hasPlan: boolean }) {
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const chosen = date || days[0]?.date || '';

  async function propose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const proposal = await proposeLibraryWorkout(workout.id, chosen);
      setOutcome({ ok: true, analysisId: proposal.id, date: chosen });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const violations = (problem as { violations?: string[] } | null)?.violations;
      const text = violations?.length ? violations.join(' ') : problem?.errors ? Object.values(problem.errors).flat().join(' ') : (problem?.detail ?? (error as Error).message);
      setOutcome({ ok: false, text });
    } finally {
      setBusy(false);
    }
  }

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
      <div className="library-actions">
        <p className="session-files">
          <a href={libraryFileUrl(workout.id, 'zwo')} download aria-label={`Download ${workout.name} as .zwo`}>
            .zwo
          </a>{' '}
          <a href={libraryFileUrl(workout.id, 'fit')} download aria-label={`Download ${workout.name} as .fit`}>
            .fit
          </a>
        </p>
        {hasPlan && days.length > 0 ? (
          <form className="library-propose" onSubmit={propose}>
            <label>
              Put on
              <select value={chosen} onChange={(e) => setDate(e.target.value)} aria-label={`Day to put ${workout.name} on`}>
                {days.map((d) => (
                  <option key={d.date} value={d.date}>
                    {dayAndDate(d.date)} ({d.holds})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary small" disabled={busy}>
              {busy ? 'Proposing…' : 'Propose'}
            </button>
          </form>
        ) : (
          <p className="muted small-text">{hasPlan ? 'The plan has no days left.' : <>No plan yet: <Link href="/plan">generate one</Link> to put sessions on its days.</>}</p>
        )}
      </div>
      {outcome && (
        <p className={outcome.ok ? 'success' : 'field-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="library-outcome">
          {outcome.ok ? (
            <>
              Proposed for {dayAndDate(outcome.date)}: approve it on the <Link href="/plan">plan page</Link>.
            </>
          ) : (
            <>Not proposed: {outcome.text}</>
          )}
        </p>
      )}
    </li>
  );
}
